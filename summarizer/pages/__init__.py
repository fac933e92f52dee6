"""Recovery of the articles of a newspaper page extracted from an e-paper PDF.

STUB: the whole text is one article until the page parser lands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.engine import Engine
from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.result import Analysis


@dataclass(frozen=True)
class Article:
    title: str | None
    paragraphs: tuple[str, ...]
    analysis: Analysis


@dataclass(frozen=True)
class Page:
    articles: tuple[Article, ...]

    def to_record(self, record_id: Any = None) -> dict[str, Any]:
        articles = []
        for article in self.articles:
            record = article.analysis.to_record()
            del record["id"]
            articles.append({"title": article.title, "paragraphs": list(article.paragraphs), **record})
        return {"id": record_id, "articles": articles}


def parse(text: str, *, engine: Engine | None = None, options: Options = DEFAULT_OPTIONS) -> Page:
    from summarizer import default_engine

    engine = engine or default_engine()
    paragraphs = tuple(p.strip() for p in text.splitlines() if p.strip())
    return Page((Article(None, paragraphs, engine.analyze("\n".join(paragraphs), options=options)),))

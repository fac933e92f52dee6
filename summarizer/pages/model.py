"""What a parsed page is: frozen records of the articles, captions, labels and fragments,
and the JSON record they give (the same in the library, the REST API and the CLI)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summarizer.result import Analysis


@dataclass(frozen=True)
class Repair:
    """Something done to one paragraph: ``column_break`` (lines joined), ``repeat``
    (a copy at ``lines`` removed)."""

    kind: str
    lines: tuple[int, ...]
    detail: str = ""

    def to_record(self, paragraph: int) -> dict[str, Any]:
        return {"kind": self.kind, "paragraph": paragraph, "lines": list(self.lines), "detail": self.detail}


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str | None
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Fragment:
    """Text that belongs to no article where it stands; never in a body or a summary."""

    text: str
    lines: tuple[int, ...]
    reason: str
    article: int | None  # the article it was found in, by position on the page


@dataclass(frozen=True)
class Article:
    title: str | None
    kicker: str | None
    subtitle: str | None
    bylines: tuple[str, ...]
    dateline: str | None
    author: str | None
    author_note: str | None
    section_headings: tuple[str, ...]
    paragraphs: tuple[str, ...]
    paragraph_repairs: tuple[tuple[Repair, ...], ...]  # one tuple per paragraph
    truncated: bool
    lines: tuple[int, ...]
    analysis: Analysis

    def to_record(self) -> dict[str, Any]:
        engine_record = self.analysis.to_record()
        del engine_record["id"]
        return {
            "title": self.title,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "bylines": list(self.bylines),
            "dateline": self.dateline,
            "author": self.author,
            "author_note": self.author_note,
            "section_headings": list(self.section_headings),
            "paragraphs": list(self.paragraphs),
            "repairs": [
                repair.to_record(index)
                for index, repairs in enumerate(self.paragraph_repairs)
                for repair in repairs
            ],
            "truncated": self.truncated,
            "lines": [min(self.lines), max(self.lines)] if self.lines else [],
            **engine_record,
        }


@dataclass(frozen=True)
class Continuation:
    """Text of a PDF page that goes on with an article of an earlier page (a story continued
    overleaf). The article is kept whole in the record of the page where it starts, so this
    page's record holds none of that text: it says where it went instead."""

    page: int  # the page where the article starts and whose record holds it
    article: int  # the article's index in that page's articles
    title: str | None
    lines: tuple[int, ...]  # this page's lines that went into the article

    def to_record(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "article": self.article,
            "title": self.title,
            "lines": [min(self.lines), max(self.lines)] if self.lines else [],
        }


@dataclass(frozen=True)
class Page:
    articles: tuple[Article, ...]
    captions: tuple[Caption, ...]
    page_labels: tuple[str, ...]
    fragments: tuple[Fragment, ...]
    # A page of a PDF file: its 1-based number, and what the reader could not do with it
    # (a scan without text, garbled fonts). A text page has neither.
    number: int | None = None
    notes: tuple[str, ...] = ()
    # A PDF page's text that went into articles of earlier pages (none for a text page).
    continued: tuple[Continuation, ...] = ()

    def to_record(self, record_id: Any = None) -> dict[str, Any]:
        record = {
            "id": record_id,
            "articles": [article.to_record() for article in self.articles],
            "captions": [{"text": c.text, "credit": c.credit, "lines": list(c.lines)} for c in self.captions],
            "page_labels": list(self.page_labels),
            "fragments": [
                {"text": f.text, "lines": list(f.lines), "reason": f.reason, "article": f.article}
                for f in self.fragments
            ],
        }
        if self.number is not None:  # a page of a PDF file
            record.update(
                {
                    "page": self.number,
                    "notes": list(self.notes),
                    "continued": [continuation.to_record() for continuation in self.continued],
                }
            )
        return record

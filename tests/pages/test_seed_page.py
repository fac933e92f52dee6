"""The seed page against its hand-labelled structure (../shared/seeds/*.expected.json)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from summarizer.pages import Page, parse

from .conftest import RecordingEngine, shared_file

SEED = "000_93e074682ad86485"
pytestmark = pytest.mark.shared


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads(shared_file("seeds", f"{SEED}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_text() -> str:
    return shared_file("seeds", f"{SEED}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def recorded(seed_text: str) -> tuple[Page, RecordingEngine]:
    engine = RecordingEngine()
    return parse(seed_text, engine=engine), engine  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def page(recorded: tuple[Page, RecordingEngine]) -> Page:
    return recorded[0]


def test_titles_in_page_order(page: Page, expected: dict[str, Any]) -> None:
    assert [a.title for a in page.articles] == [a["title"] for a in expected["articles"]]


@pytest.mark.parametrize("field", ["subtitle", "kicker", "dateline", "author", "author_note"])
def test_heading_fields(page: Page, expected: dict[str, Any], field: str) -> None:
    for article, truth in zip(page.articles, expected["articles"], strict=True):
        assert getattr(article, field) == truth.get(field), (article.title, field)


def test_bylines_and_section_headings(page: Page, expected: dict[str, Any]) -> None:
    for article, truth in zip(page.articles, expected["articles"], strict=True):
        assert list(article.bylines) == truth.get("bylines", [])
        assert list(article.section_headings) == truth.get("section_headings", [])


def test_first_and_last_paragraphs(page: Page, expected: dict[str, Any]) -> None:
    for article, truth in zip(page.articles, expected["articles"], strict=True):
        assert article.paragraphs[0].startswith(truth["first_paragraph_starts"])
        assert article.paragraphs[-1].endswith(truth["last_paragraph_ends"])


def test_truncation(page: Page, expected: dict[str, Any]) -> None:
    for article, truth in zip(page.articles, expected["articles"], strict=True):
        if "truncated" in truth:
            assert article.truncated is truth["truncated"]
    assert [a.truncated for a in page.articles[:3]] == [False, False, False]


def test_column_breaks_rejoined(page: Page, expected: dict[str, Any]) -> None:
    for seam in expected["column_breaks"]:
        article = page.articles[seam["article"]]
        joined = [p for p in article.paragraphs if seam["end"] + seam["start"] in p]
        assert len(joined) == 1, seam
        index = article.paragraphs.index(joined[0])
        kinds = {(r.kind, r.lines) for r in article.paragraph_repairs[index]}
        assert ("column_break", tuple(seam["lines"])) in kinds


def test_repeated_paragraph_kept_once(page: Page, seed_text: str, expected: dict[str, Any]) -> None:
    lines = seed_text.splitlines()
    for repeat in expected["repeated_paragraphs"]:
        text = lines[repeat["lines"][0] - 1].strip()
        bodies = "".join(p for a in page.articles for p in a.paragraphs)
        assert bodies.count(text) == 1
        removed = [r for a in page.articles for rs in a.paragraph_repairs for r in rs if r.kind == "repeat"]
        assert [r.lines for r in removed] == [(repeat["lines"][1],)]


def test_captions_with_credits(page: Page, expected: dict[str, Any]) -> None:
    assert [(c.text, c.credit) for c in page.captions] == [
        (c["text"], c["credit"]) for c in expected["captions"]
    ]
    bodies = "".join(p for a in page.articles for p in a.paragraphs)
    for caption in expected["captions"]:
        assert caption["text"] not in bodies
        assert _compact(caption["credit"]) not in _compact(bodies)


def test_page_label(page: Page, expected: dict[str, Any]) -> None:
    assert list(page.page_labels) == expected["page_labels"]
    assert all(a.title not in expected["page_labels"] for a in page.articles)


def test_misplaced_fragments_flagged_and_kept_out(
    recorded: tuple[Page, RecordingEngine], expected: dict[str, Any]
) -> None:
    page, engine = recorded
    flagged = {f.lines: f.text for f in page.fragments}
    for fragment in expected["misplaced_fragments"]:
        text = flagged[tuple(fragment["lines"])]
        assert text.startswith(fragment["starts"])
        assert all(text not in p for a in page.articles for p in a.paragraphs)
        assert all(fragment["starts"] not in t for t in engine.texts)


def test_fields_never_reach_the_engine(recorded: tuple[Page, RecordingEngine]) -> None:
    page, engine = recorded
    assert len(engine.texts) == len(page.articles)
    for article, analysed in zip(page.articles, engine.texts, strict=True):
        for field in (*article.bylines, article.dateline, article.author_note):
            if field:
                assert _compact(field) not in _compact(analysed)
        if article.author:
            assert "□" + article.author not in analysed


def test_record_shape(page: Page) -> None:
    record = page.to_record("seed")
    assert record["id"] == "seed"
    assert set(record) == {"id", "articles", "captions", "page_labels", "fragments"}
    article = record["articles"][0]
    for key in (
        "title",
        "kicker",
        "subtitle",
        "bylines",
        "dateline",
        "author",
        "author_note",
        "section_headings",
        "paragraphs",
        "repairs",
        "truncated",
        "summary",
        "keywords",
        "keyphrases",
        "headlines",
        "stats",
    ):
        assert key in article
    assert json.loads(json.dumps(record, ensure_ascii=False)) == record

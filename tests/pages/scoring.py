"""Page records of a dev set, scored by the shared scorer (``../shared/tools/score.py``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.evaluation import load_reference_scorer
from summarizer.pages import parse

from .conftest import RecordingEngine, shared_file

# Issue 17's targets for the text path, on PyMuPDF's blocks (pdfpages.jsonl) and on every other
# extractor's dump of the same PDFs.
TEXT_PATH_TARGETS = {
    "title_f1": 0.85,
    "article_count_exact": 0.60,
    "body_bigram_f1": 0.93,
    "repaired_column_break": 0.80,
    "repaired_caption": 0.90,
    "repaired_byline": 0.90,
}


def dev_records(name: str) -> list[dict[str, Any]]:
    path = shared_file("eval", "dev", name)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict_pages(
    records: list[dict[str, Any]], text_of: Callable[[dict[str, Any]], str]
) -> list[dict[str, Any]]:
    """The page record of ``text_of(record)`` for every record (only its ``id`` and the text
    reach the parser)."""
    engine = RecordingEngine()
    return [parse(text_of(r), engine=engine).to_record(r["id"]) for r in records]  # type: ignore[arg-type]


def score_predictions(records: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """The shared scorer's page metrics of ``predictions`` against the records' truth."""
    scorer = load_reference_scorer(shared_file("tools", "score.py"))
    scored: dict[str, Any] = scorer.score_pages(records, {str(p["id"]): p for p in predictions})
    return scored


def score_pages(records: list[dict[str, Any]], text_of: Callable[[dict[str, Any]], str]) -> dict[str, Any]:
    """Parse ``text_of(record)`` for every record and score the page records."""
    return score_predictions(records, predict_pages(records, text_of))


def pdf_of(record: dict[str, Any]) -> Path:
    return shared_file("eval", "dev", "pdf", f"{record['id']}.pdf")

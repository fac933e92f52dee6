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


def score_pages(records: list[dict[str, Any]], text_of: Callable[[dict[str, Any]], str]) -> dict[str, Any]:
    """Parse ``text_of(record)`` for every record (only its ``id`` and the text reach the
    parser) and score the page records against the records' truth."""
    engine = RecordingEngine()
    predictions = {
        str(r["id"]): parse(text_of(r), engine=engine).to_record(r["id"])  # type: ignore[arg-type]
        for r in records
    }
    scorer = load_reference_scorer(shared_file("tools", "score.py"))
    scored: dict[str, Any] = scorer.score_pages(records, predictions)
    return scored


def pdf_of(record: dict[str, Any]) -> Path:
    return shared_file("eval", "dev", "pdf", f"{record['id']}.pdf")

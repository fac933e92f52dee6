"""Page records of a dev set, scored by the shared scorer (``../shared/tools/score.py``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.evaluation import load_reference_scorer
from summarizer.pages import parse

from .conftest import RecordingEngine, shared_file


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

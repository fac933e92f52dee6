"""The page targets on ../shared/eval/dev/pages.jsonl, measured by the shared scorer."""

from __future__ import annotations

import json
from types import ModuleType
from typing import Any

import pytest

from summarizer.evaluation import load_reference_scorer
from summarizer.pages import parse

from .conftest import RecordingEngine, shared_file

pytestmark = pytest.mark.shared

# Issue 17: no lower than before the text path learned other extractors' dumps.
TARGETS = {
    "title_f1": 0.933,
    "article_count_exact": 0.775,
    "body_bigram_f1": 0.965,
    "repaired_column_break": 0.864,
    "repaired_repeat": 1.0,
    "repaired_caption": 1.0,
    "repaired_byline": 1.0,
}


@pytest.fixture(scope="module")
def metrics() -> dict[str, Any]:
    path = shared_file("eval", "dev", "pages.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    engine = RecordingEngine()
    predictions = {
        str(r["id"]): parse(r["text"], engine=engine).to_record(r["id"])  # type: ignore[arg-type]
        for r in records
    }
    scored: dict[str, Any] = _scorer().score_pages(records, predictions)
    return scored


@pytest.mark.parametrize(("metric", "target"), sorted(TARGETS.items()))
def test_dev_target(metrics: dict[str, Any], metric: str, target: float) -> None:
    assert metrics["missing"] == 0.0
    assert metrics[metric] >= target, metrics


def _scorer() -> ModuleType:
    return load_reference_scorer(shared_file("tools", "score.py"))

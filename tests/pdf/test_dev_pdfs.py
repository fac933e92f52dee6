"""The PDF path's targets (issue 17) on the 40 dev PDFs, scored by ../shared/tools/score.py
against pdfpages.jsonl's truth. A dev page may run over several PDF pages: the record scored
for its id holds the articles, captions and fragments of all of them, in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer import Engine
from summarizer.evaluation import load_reference_scorer
from summarizer.pages import parse_pdf

pytestmark = pytest.mark.shared

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"needs {path} (the shared data beside the repository)")
    return path


TARGETS = {
    "title_f1": 0.95,
    "article_count_exact": 0.85,
    "body_bigram_f1": 0.97,
    "repaired_column_break": 0.95,
    "repaired_caption": 0.95,
    "repaired_byline": 0.95,
}


def file_record(pages: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    return {
        "id": record_id,
        **{key: [x for page in pages for x in page[key]] for key in ("articles", "captions", "fragments")},
    }


@pytest.fixture(scope="module")
def metrics(engine: Engine) -> dict[str, Any]:
    truth_path = shared_file("eval", "dev", "pdfpages.jsonl")
    records = [
        json.loads(line) for line in truth_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    folder = Path(truth_path).parent / "pdf"
    predictions = {}
    for record in records:
        pages = parse_pdf((folder / f"{record['id']}.pdf").read_bytes(), engine=engine)
        predictions[str(record["id"])] = file_record([p.to_record(None) for p in pages], str(record["id"]))
    scorer = load_reference_scorer(shared_file("tools", "score.py"))
    scored: dict[str, Any] = scorer.score_pages(records, predictions)
    return scored


@pytest.mark.parametrize(("metric", "target"), sorted(TARGETS.items()))
def test_dev_pdf_target(metrics: dict[str, Any], metric: str, target: float) -> None:
    assert metrics["missing"] == 0.0
    assert metrics[metric] >= target, metrics

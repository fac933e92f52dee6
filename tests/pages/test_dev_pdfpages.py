"""The text path on ../shared/eval/dev/pdfpages.jsonl: real pages typeset into a multi-column
PDF and extracted with PyMuPDF's text blocks (a kicker run into its title, credits glued to
captions, a column break in nearly every column), at the targets of issue 17."""

from __future__ import annotations

from typing import Any

import pytest

from .scoring import TEXT_PATH_TARGETS, dev_records, score_pages

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def metrics() -> dict[str, Any]:
    return score_pages(dev_records("pdfpages.jsonl"), lambda record: str(record["text"]))


@pytest.mark.parametrize(("metric", "target"), sorted(TEXT_PATH_TARGETS.items()))
def test_pdfpages_target(metrics: dict[str, Any], metric: str, target: float) -> None:
    assert metrics["missing"] == 0.0
    assert metrics[metric] >= target, metrics

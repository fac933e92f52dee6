"""The text path on the dev PDFs as other extractors give them (made at test time, see
``extractors.py``): pdfminer.six with several layout settings, pypdfium2, pdftotext. Each
keeps every printed line, which the parser joins into paragraphs again (``reflow``).

The floors sit just under what the parser reaches on each (the figures are in the report of
issue 17); the PyMuPDF blocks of ``pdfpages.jsonl`` carry the issue's targets."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from .extractors import available
from .scoring import dev_records, pdf_of, score_pages

pytestmark = [pytest.mark.shared, pytest.mark.slow]

FLOORS: dict[str, dict[str, float]] = {
    "pdfminer": {
        "title_f1": 0.80,
        "article_count_exact": 0.40,
        "body_bigram_f1": 0.87,
        "repaired_column_break": 0.55,
        "repaired_caption": 0.95,
        "repaired_byline": 0.85,
    },
    "pdfminer_wide_lines": {
        "title_f1": 0.79,
        "article_count_exact": 0.45,
        "body_bigram_f1": 0.88,
        "repaired_column_break": 0.57,
        "repaired_caption": 0.95,
        "repaired_byline": 0.85,
    },
    "pdfminer_flow_across": {
        "title_f1": 0.80,
        "article_count_exact": 0.45,
        "body_bigram_f1": 0.89,
        "repaired_column_break": 0.58,
        "repaired_caption": 0.95,
        "repaired_byline": 0.85,
    },
    "pypdfium2": {
        "title_f1": 0.81,
        "article_count_exact": 0.50,
        "body_bigram_f1": 0.93,
        "repaired_column_break": 0.73,
        "repaired_caption": 0.95,
        "repaired_byline": 0.85,
    },
    "pdftotext": {
        "title_f1": 0.74,
        "article_count_exact": 0.30,
        "body_bigram_f1": 0.89,
        "repaired_column_break": 0.50,
        "repaired_caption": 0.95,
        "repaired_byline": 0.85,
    },
}


@cache
def _metrics(variant: str) -> dict[str, Any]:
    extract = available(variant)
    return score_pages(dev_records("pdfpages.jsonl"), lambda record: extract(pdf_of(record)))


@pytest.mark.parametrize(
    ("variant", "metric", "floor"),
    [(variant, metric, floor) for variant, floors in FLOORS.items() for metric, floor in floors.items()],
)
def test_extractor_floor(variant: str, metric: str, floor: float) -> None:
    metrics = _metrics(variant)
    assert metrics["missing"] == 0.0
    assert metrics[metric] >= floor, (variant, metrics)

"""The text path on the dev PDFs as other extractors give them (made at test time, once per
variant and tool version and kept outside the repository between sessions, see
``extractors.cached_dump``): pdfminer.six with several layout settings, pypdfium2, pdftotext (in reading
order and with ``-layout``), pdfplumber (default and ``layout=True``). Each keeps every printed
line, which the parser joins into paragraphs again (``reflow``); the layout-keeping ones set the
columns side by side, read one after another first (``side_by_side``).

Every dump is held to issue 17's targets, like PyMuPDF's blocks (``pdfpages.jsonl``); a figure
the parser does not reach goes in ``SHORT_OF_TARGET``, an expected failure with what it reaches
(pdfplumber's default text, which runs its lines across the columns, reaches only the
captions' target: measured why in ``_ACROSS``)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from .extractors import EXTRACTORS, available
from .scoring import TEXT_PATH_TARGETS, dev_records, pdf_of, score_pages

pytestmark = [pytest.mark.shared, pytest.mark.slow]

# Figures under the target, with the reason: (variant, metric) -> why.
_GRID = (
    "the grid of a layout-keeping dump sets a character of large type in one place, as one of "
    "small type: titles side by side run into each other, bylines into the column beside them"
)
_ACROSS = (
    "pdfplumber's default text runs each line across all the columns at its height, one space "
    "between them, and a column whose lines sit at other heights gets lines of its own: no "
    "column order is left to read back. By order it cannot be (`scripts/eval_extractor_dumps.py "
    "--pieces pdfplumber`, first pages of the 4-6 column dev PDFs): only 0.343 of the 4,779 lines "
    "hold the page's most common count of pieces (0.449 of the characters), 0.290 fewer, 0.213 one "
    "piece alone, 0.153 more (a space inside a column's line, 本报记者 X, reads like a gutter); on 13 "
    "of the 40 pages that common count is 2 or 3, fewer than the page has columns. Without "
    "positions a piece cannot be told to its column where a column has no line at that height (a "
    "title in large type, a picture, the space between stories): every piece after it shifts"
)
# What the layout-keeping dumps lose, counted on the dev pages (`scripts/eval_extractor_dumps.py
# --out`, the records against pdfpages.jsonl's truth): nearly all of it is titles not found.
_PDFTOTEXT_LAYOUT_BYLINES = (
    "0.893 (25 of 28 bylines): each of the 3 lost is the byline of an article whose title is "
    "missed, two of them kickers left on a one-line title (the PyMuPDF blocks' first class of "
    "misses, tests/pages/test_dev_pdfpages.py; one a kicker of Latin letters and digits, whose "
    "printed width the count of its characters does not tell), one a title run into the titles "
    "set beside it: "
    f"{_GRID}"
)
_PDFPLUMBER_LAYOUT = f"{_GRID}; pdfplumber also overprints lines that share a row"
SHORT_OF_TARGET: dict[tuple[str, str], str] = {
    ("pdftotext_layout", "repaired_byline"): _PDFTOTEXT_LAYOUT_BYLINES,
    ("pdfplumber_layout", "title_f1"): (
        f"0.818: of the 39 titles missed, 29 are found nowhere and 4 run into another line "
        f"({_PDFPLUMBER_LAYOUT}); 5 are kickers left on their title, 1 a title split"
    ),
    ("pdfplumber_layout", "repaired_column_break"): (
        f"0.694 (118 of 170): 37 of the 52 breaks lost lie in articles whose title is missed "
        f"({_PDFPLUMBER_LAYOUT}), 15 are not joined"
    ),
    ("pdfplumber_layout", "repaired_byline"): (
        f"0.786 (22 of 28): the 6 lost are bylines of articles whose title is missed ({_PDFPLUMBER_LAYOUT})"
    ),
    ("pdfplumber", "title_f1"): f"0.074: {_ACROSS}",
    ("pdfplumber", "article_count_exact"): f"0.075: {_ACROSS}",
    ("pdfplumber", "body_bigram_f1"): f"0.853: {_ACROSS}",
    ("pdfplumber", "repaired_column_break"): f"0.0: {_ACROSS}",
    ("pdfplumber", "repaired_byline"): f"0.107: {_ACROSS}",
}


def _case(variant: str, metric: str) -> Any:
    reason = SHORT_OF_TARGET.get((variant, metric))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(variant, metric, TEXT_PATH_TARGETS[metric], marks=marks, id=f"{variant}-{metric}")


@cache
def _metrics(variant: str) -> dict[str, Any]:
    extract = available(variant)
    return score_pages(dev_records("pdfpages.jsonl"), lambda record: extract(pdf_of(record)))


@pytest.mark.parametrize(
    ("variant", "metric", "floor"),
    [_case(variant, metric) for variant in EXTRACTORS for metric in TEXT_PATH_TARGETS],
)
def test_extractor_floor(variant: str, metric: str, floor: float) -> None:
    metrics = _metrics(variant)
    assert metrics["missing"] == 0.0
    assert metrics[metric] >= floor, (variant, metrics)

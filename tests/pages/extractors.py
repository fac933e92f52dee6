"""Text dumps of the dev PDFs (``../shared/eval/dev/pdf``) by other extractors and settings, made
at test time: the text path must read what they give, not only PyMuPDF's blocks of
``pdfpages.jsonl``. pdfminer.six, pdfplumber and pypdfium2 are test-only dependencies;
pdftotext comes from poppler-utils when it is installed. Nothing they extract is stored."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Extractor = Callable[[Path], str]


def pdfminer_text(**laparams: float | None) -> Extractor:
    """pdfminer.six's layout analysis: text boxes apart by a blank line, a line per printed line,
    a form feed after each page."""

    def extract(path: Path) -> str:
        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams

        return extract_text(str(path), laparams=LAParams(**laparams))  # type: ignore[arg-type]

    return extract


def pypdfium2_text(path: Path) -> str:
    """PDFium's page text: a line per printed line, no blank lines, pages apart by one."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    return "\n\n".join(text.replace("\r\n", "\n") for text in pages)


def pdftotext_text(*flags: str) -> Extractor:
    """poppler's pdftotext, a form feed after each page: in its reading-order mode (it splits
    lines at wide spaces), or with ``-layout`` (the page as printed: columns side by side on one
    line, apart by runs of spaces)."""

    def extract(path: Path) -> str:
        command = ["pdftotext", *flags, str(path), "-"]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout

    return extract


def pdfplumber_text(**options: bool) -> Extractor:
    """pdfplumber's ``extract_text``: lines of characters by their height on the page, across
    columns unless the columns' lines differ in height (``layout=True``: spaced out to the
    characters' places, columns side by side); pages apart by a form feed."""

    def extract(path: Path) -> str:
        import pdfplumber

        with pdfplumber.open(path) as document:
            return "\f".join(page.extract_text(**options) for page in document.pages)

    return extract


EXTRACTORS: dict[str, Extractor] = {
    "pdfminer": pdfminer_text(),
    "pdfminer_wide_lines": pdfminer_text(line_margin=1.0),
    "pdfminer_flow_across": pdfminer_text(boxes_flow=0.0),
    "pypdfium2": pypdfium2_text,
    "pdftotext": pdftotext_text(),
    "pdftotext_layout": pdftotext_text("-layout"),
    "pdfplumber": pdfplumber_text(),
    "pdfplumber_layout": pdfplumber_text(layout=True),
}


def available(name: str) -> Extractor:
    """The extractor, or a skip saying what is missing."""
    if name.startswith("pdfminer"):
        pytest.importorskip("pdfminer", reason="pdfminer.six (the test extra) is not installed")
    elif name == "pypdfium2":
        pytest.importorskip("pypdfium2", reason="pypdfium2 (the test extra) is not installed")
    elif name.startswith("pdfplumber"):
        pytest.importorskip("pdfplumber", reason="pdfplumber (the test extra) is not installed")
    elif shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return EXTRACTORS[name]

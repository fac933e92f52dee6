"""Text dumps of the dev PDFs (``../shared/eval/dev/pdf``) by other extractors and settings, made
at test time: the text path must read what they give, not only PyMuPDF's blocks of
``pdfpages.jsonl``. pdfminer.six, pdfplumber and pypdfium2 are test-only dependencies;
pdftotext comes from poppler-utils when it is installed.

Extraction is most of what these tests cost (pdfminer and pdfplumber take about 0.2 s of CPU a
page, eight settings of 40 pages), so :func:`cached_dump` keeps each dump in the system's temporary
folder, outside the repository (the dumps are the copyrighted pages' text), under the extracting
tool's version and the PDF's digest: a later session reads the same dump again, a new version of
the tool or a changed PDF is extracted afresh."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import pytest

Extractor = Callable[[Path], str]
# Where the dumps are kept between sessions; SUMMARIZER_DUMPS moves it.
DUMPS = Path(os.environ.get("SUMMARIZER_DUMPS") or Path(tempfile.gettempdir()) / "summarizer-page-dumps")


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


# pdfplumber's settings by variant. Both are made from one reading of the PDF: its characters
# are parsed once and laid out twice (half of what two readings cost).
PDFPLUMBER_SETTINGS: dict[str, dict[str, bool]] = {"pdfplumber": {}, "pdfplumber_layout": {"layout": True}}


def pdfplumber_texts(path: Path) -> dict[str, str]:
    """pdfplumber's ``extract_text`` with each setting: lines of characters by their height on
    the page, across columns unless the columns' lines differ in height (``layout=True``: spaced
    out to the characters' places, columns side by side); pages apart by a form feed."""
    import pdfplumber

    with pdfplumber.open(path) as document:
        return {
            variant: "\f".join(page.extract_text(**options) for page in document.pages)
            for variant, options in PDFPLUMBER_SETTINGS.items()
        }


def pdfplumber_text(variant: str) -> Extractor:
    return lambda path: pdfplumber_texts(path)[variant]


EXTRACTORS: dict[str, Extractor] = {
    "pdfminer": pdfminer_text(),
    "pdfminer_wide_lines": pdfminer_text(line_margin=1.0),
    "pdfminer_flow_across": pdfminer_text(boxes_flow=0.0),
    "pypdfium2": pypdfium2_text,
    "pdftotext": pdftotext_text(),
    "pdftotext_layout": pdftotext_text("-layout"),
    "pdfplumber": pdfplumber_text("pdfplumber"),
    "pdfplumber_layout": pdfplumber_text("pdfplumber_layout"),
}


@functools.cache
def _tool_version(variant: str) -> str:
    """The version of the tool that makes ``variant``'s dump: a new one may extract otherwise.
    (A variant's settings are its name: change the name with them.)"""
    if variant.startswith("pdftotext"):
        run = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True, check=False)
        return (run.stderr or run.stdout).split("\n", 1)[0].rsplit(" ", 1)[-1]
    package = {"pdfminer": "pdfminer.six", "pdfplumber": "pdfplumber", "pypdfium2": "pypdfium2"}
    return metadata.version(package[variant.split("_", 1)[0]])


@functools.cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:24]


def cached_dump(variant: str, path: Path, *, folder: Path = DUMPS) -> str:
    """``variant``'s text of the PDF at ``path``, extracted once per tool version and PDF
    (pdfplumber's variants together)."""

    def place(name: str) -> Path:
        return folder / f"{name}-{_tool_version(name)}" / f"{_digest(path)}.txt"

    if not place(variant).is_file():
        texts = (
            pdfplumber_texts(path) if variant in PDFPLUMBER_SETTINGS else {variant: EXTRACTORS[variant](path)}
        )
        for name, text in texts.items():
            place(name).parent.mkdir(parents=True, exist_ok=True)
            partial = place(name).with_suffix(f".{os.getpid()}.part")  # whole files only, even in parallel
            partial.write_text(text, encoding="utf-8")
            partial.replace(place(name))
    return place(variant).read_text(encoding="utf-8")


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
    return functools.partial(cached_dump, name)

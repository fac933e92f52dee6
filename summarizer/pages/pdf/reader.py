"""Characters with their boxes and type sizes, and image boxes, from the pages of a PDF.

PDFium (through pypdfium2, Apache-2.0/BSD) was chosen over pdfplumber/pdfminer.six (MIT) on
measurement: on a two-page A3 dev PDF (8,100 characters) PDFium reads every character with
its box and size in 105 ms against pdfplumber's 195 ms (pure Python), and it gives what the
layout needs besides: image objects with their bounds, a per-character flag for fonts that
have no Unicode map, and error codes that tell a damaged file from an encrypted one. Both
give the same font sizes (9.5 pt body, 19 pt titles on the dev pages). PyMuPDF is excluded
by its AGPL licence.

Fonts: PDFium places each character with the glyph boxes of its font. A Chinese font that
the PDF does not embed (ReportLab's STSong-Light of the dev PDFs; e-paper systems usually
embed subsets) is drawn with a system font: with Noto CJK installed that costs most of the
reading time (glyph outlines loaded for every character, ~110 of ~140 ms per dev page) but
places everything. Mapping no system font instead (an empty FPDF_SYSFONTINFO) was measured
15 times faster, and wrong: without glyph boxes PDFium drops text objects of one character
(a "。" or "）" alone on a line, 189 of 266,154 characters of the dev PDFs), and would drop
everything of a producer that sets each character apart. So system fonts stay on, and a
machine that reads such PDFs needs a Chinese font (Debian: fonts-noto-cjk).

Coordinates are points from the top-left corner of the page (y grows downwards), as a
reader looks at the page.
"""

from __future__ import annotations

import ctypes
import functools
import math
from dataclasses import dataclass
from types import ModuleType
from typing import Any, NamedTuple

from summarizer.pages.pdf.limits import PdfError, PdfLimits

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # the header may follow some junk bytes (ISO 32000-2, 7.5.2; readers allow it)
MAX_FORM_DEPTH = 4  # images inside form XObjects inside form XObjects ...
EMPTY_BOX = 0.01  # points: a text object this flat has no glyph boxes
# Characters PDFium adds itself (line ends, guessed spaces) or that carry no text.
_CONTROL = frozenset("\r\n\x00\x02\ufffe\uffff")
# A character without a Unicode mapping, or mapped where no text lives: the text is garbled.
_REPLACEMENT = "\ufffd"
_PRIVATE_USE = ("\ue000", "\uf8ff")
_HORIZONTAL_TOLERANCE = 0.02  # radians: text set at an angle is not read as lines

# FPDF_GetLastError's codes (fpdfview.h): file, format, password, security handler, page.
_LOAD_ERRORS = {
    2: ("invalid_pdf", "the PDF is damaged or truncated and cannot be read"),
    3: ("invalid_pdf", "the PDF is damaged or truncated and cannot be read"),
    4: ("encrypted_pdf", "the PDF is encrypted and needs a password"),
    5: ("encrypted_pdf", "the PDF uses an encryption this reader does not support"),
    6: ("invalid_pdf", "the PDF's pages cannot be read"),
}


@functools.cache
def _raw() -> ModuleType:
    """PDFium's raw bindings, loaded on first use (not at import: 40 ms and a C library
    initialised). The server and the batch load it before forking their readers."""
    import pypdfium2  # initialises the library that the raw bindings call
    import pypdfium2.raw

    module: ModuleType = pypdfium2.raw
    return module


class Glyph(NamedTuple):
    """One character as set on the page: its box (font ascent to descent, pen advance)."""

    char: str
    left: float
    right: float
    top: float
    bottom: float
    size: float  # type size in points
    garbled: bool  # no Unicode mapping: the character's code says nothing about the text


class Box(NamedTuple):
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class PageContent:
    """What one PDF page holds, before any layout: characters in content order, images."""

    number: int  # 1-based
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    images: tuple[Box, ...]
    rotated_glyphs: int  # characters set at an angle, left out
    readable: bool = True  # False when PDFium could not load the page
    unplaced_text: int = 0  # text objects without glyph boxes (see _objects)


def load_pdfium() -> None:
    """Load PDFium now (a forked reader then inherits it instead of loading it again)."""
    _raw()


def check_header(data: bytes, limits: PdfLimits) -> None:
    """Refuse, before any parsing, bytes over the size limit or without a PDF header."""
    if len(data) > limits.max_bytes:
        raise PdfError("pdf_too_large", f"the PDF is {len(data)} bytes, over the limit of {limits.max_bytes}")
    if PDF_MAGIC not in data[:MAGIC_WINDOW]:
        raise PdfError("not_pdf", "the data is not a PDF (no %PDF- header)")


def read_pages(data: bytes, limits: PdfLimits) -> tuple[PageContent, ...]:
    """Every page's characters and images. Raises :class:`PdfError` for a file that is not
    a PDF, damaged, encrypted, or over the page limit."""
    check_header(data, limits)
    pdfium = _raw()
    buffer = ctypes.create_string_buffer(data, len(data))  # PDFium reads it in place: kept alive here
    document = pdfium.FPDF_LoadMemDocument64(buffer, len(data), None)
    if not document:
        code, message = _LOAD_ERRORS.get(
            pdfium.FPDF_GetLastError(), ("invalid_pdf", "the PDF cannot be read")
        )
        raise PdfError(code, message)
    try:
        count = pdfium.FPDF_GetPageCount(document)
        if count < 1:
            raise PdfError("invalid_pdf", "the PDF has no pages")
        if count > limits.max_pages:
            raise PdfError(
                "too_many_pages", f"the PDF has {count} pages, over the limit of {limits.max_pages}"
            )
        return tuple(_read_page(document, index) for index in range(count))
    finally:
        pdfium.FPDF_CloseDocument(document)
        del buffer


def _read_page(document: Any, index: int) -> PageContent:
    pdfium = _raw()
    page = pdfium.FPDF_LoadPage(document, index)
    if not page:
        return PageContent(index + 1, 0.0, 0.0, (), (), 0, readable=False)
    try:
        width = pdfium.FPDF_GetPageWidthF(page)
        height = pdfium.FPDF_GetPageHeightF(page)
        text_page = pdfium.FPDFText_LoadPage(page)
        if not text_page:
            return PageContent(index + 1, width, height, (), (), 0, readable=False)
        try:
            glyphs, rotated = _glyphs(text_page, height)
        finally:
            pdfium.FPDFText_ClosePage(text_page)
        images, unplaced = _objects(page, height)
    finally:
        pdfium.FPDF_ClosePage(page)
    return PageContent(index + 1, width, height, glyphs, images, rotated, unplaced_text=unplaced)


def _glyphs(text_page: Any, page_height: float) -> tuple[tuple[Glyph, ...], int]:
    """The page's characters. One call per character and property is PDFium's interface; the
    type size is asked again only when the box height changes (same font, same size, same
    height), which saves a fifth of the calls on a text page. The size is the nominal one
    (``Tf``) scaled by the character's matrix: producers that set ``1 Tf`` and scale the text
    matrix are common."""
    pdfium = _raw()
    rect = pdfium.FS_RECTF()
    matrix = pdfium.FS_MATRIX()
    get_unicode = pdfium.FPDFText_GetUnicode
    get_box = pdfium.FPDFText_GetLooseCharBox
    get_size = pdfium.FPDFText_GetFontSize
    is_generated = pdfium.FPDFText_IsGenerated
    map_error = pdfium.FPDFText_HasUnicodeMapError
    get_angle = pdfium.FPDFText_GetCharAngle
    get_matrix = pdfium.FPDFText_GetMatrix
    glyphs: list[Glyph] = []
    rotated = 0
    last_height = -1.0
    size = 0.0
    for index in range(pdfium.FPDFText_CountChars(text_page)):
        code = get_unicode(text_page, index)
        char = chr(code) if 0 < code < 0x110000 else _REPLACEMENT
        if char in _CONTROL or (char.isspace() and is_generated(text_page, index)):
            continue
        if not get_box(text_page, index, rect):
            continue
        angle = get_angle(text_page, index)
        if _HORIZONTAL_TOLERANCE < angle < 6.283185307179586 - _HORIZONTAL_TOLERANCE:
            rotated += 1
            continue
        height = rect.top - rect.bottom
        if height != last_height:
            last_height = height
            nominal = get_size(text_page, index)
            scale = math.hypot(matrix.c, matrix.d) if get_matrix(text_page, index, matrix) else 1.0
            size = nominal * scale
        garbled = (
            map_error(text_page, index) == 1
            or char == _REPLACEMENT
            or _PRIVATE_USE[0] <= char <= _PRIVATE_USE[1]
        )
        glyphs.append(
            Glyph(
                char,
                rect.left,
                rect.right,
                page_height - rect.top,
                page_height - rect.bottom,
                size,
                garbled,
            )
        )
    return tuple(glyphs), rotated


def _objects(page: Any, page_height: float) -> tuple[tuple[Box, ...], int]:
    """The page's image boxes, and how many of its text objects have no box at all: PDFium
    found no glyphs for their font (not embedded, and no system font to stand in), and then
    drops text objects of one character from the text it reads."""
    pdfium = _raw()
    boxes: list[Box] = []
    count = pdfium.FPDFPage_CountObjects(page)
    objects = [pdfium.FPDFPage_GetObject(page, i) for i in range(count)]
    unplaced = _collect(objects, page_height, boxes, 0)
    return tuple(boxes), unplaced


def _collect(objects: list[Any], page_height: float, boxes: list[Box], depth: int) -> int:
    pdfium = _raw()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    unplaced = 0
    for obj in objects:
        kind = pdfium.FPDFPageObj_GetType(obj)
        if kind == pdfium.FPDF_PAGEOBJ_IMAGE:
            if pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                boxes.append(
                    Box(left.value, page_height - top.value, right.value, page_height - bottom.value)
                )
        elif kind == pdfium.FPDF_PAGEOBJ_TEXT:
            if (
                pdfium.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
                and top.value - bottom.value < 0.01
            ):
                unplaced += 1
        elif kind == pdfium.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            count = pdfium.FPDFFormObj_CountObjects(obj)
            children = [pdfium.FPDFFormObj_GetObject(obj, i) for i in range(max(0, count))]
            unplaced += _collect(children, page_height, boxes, depth + 1)
    return unplaced

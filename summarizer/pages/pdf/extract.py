"""The part of the PDF path that touches the file: PDFium's characters, lines, and the
reading order of each page. It runs in the sandboxed child (see ``sandbox``) and returns
plain frozen records, so the parent never parses untrusted bytes itself."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from summarizer.pages.pdf.limits import PdfLimits
from summarizer.pages.pdf.lines import TextLine, build_lines
from summarizer.pages.pdf.order import Column, reading_order
from summarizer.pages.pdf.reader import PageContent, read_pages

DEFAULT_BODY_SIZE = 10.0  # points, for a document without text


@dataclass(frozen=True)
class LaidOutPage:
    number: int
    width: float
    height: float
    columns: tuple[Column, ...]  # in reading order
    image_area: float  # share of the page covered by images (a scan is one big image)
    rotated_glyphs: int
    readable: bool
    unplaced_text: int  # text objects PDFium could not place (no glyphs for their font)


@dataclass(frozen=True)
class LaidOutDocument:
    pages: tuple[LaidOutPage, ...]
    body_size: float  # the type size of most of the document's text


def body_size(lines: list[TextLine]) -> float:
    """The size most characters are set in: the body type."""
    counts: Counter[float] = Counter()
    for line in lines:
        counts[line.size] += len(line.text)
    return counts.most_common(1)[0][0] if counts else DEFAULT_BODY_SIZE


def lay_out_document(data: bytes, limits: PdfLimits) -> LaidOutDocument:
    contents = read_pages(data, limits)
    page_lines = [build_lines(content.glyphs, content.number) for content in contents]
    size = body_size([line for lines in page_lines for line in lines])
    pages = tuple(
        _lay_out_page(content, lines, size) for content, lines in zip(contents, page_lines, strict=True)
    )
    return LaidOutDocument(pages, size)


def _lay_out_page(content: PageContent, lines: tuple[TextLine, ...], size: float) -> LaidOutPage:
    columns = reading_order(
        lines, content.images, page=content.number, body_size=size, page_height=content.height
    )
    area = content.width * content.height
    covered = sum((box.right - box.left) * (box.bottom - box.top) for box in content.images)
    return LaidOutPage(
        number=content.number,
        width=content.width,
        height=content.height,
        columns=columns,
        image_area=min(1.0, covered / area) if area > 0 else 0.0,
        rotated_glyphs=content.rotated_glyphs,
        readable=content.readable,
        unplaced_text=content.unplaced_text,
    )

"""``parse_pdf``: the pages of a PDF file, each recovered into the page record of the text
path (articles analysed by the engine, captions, labels, fragments), from the layout.

The stages, in order: read and lay out (``extract``, in a sandboxed child: characters,
lines, reading order of the columns), pieces (paragraphs by indent and pitch, headings and
small type by size), assembly (column breaks joined by geometry, kicker/title/subtitle by
size order, captions and bylines), and the article builder of the page pipeline. A PDF
that is not in simplified script goes through the stages in its simplified view, and its
records are given back in its own words (``view``).
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from summarizer.deadline import Deadline, check
from summarizer.engine import Engine
from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.pages.model import Continuation, Page
from summarizer.pages.pdf.assemble import assemble
from summarizer.pages.pdf.extract import LaidOutDocument, LaidOutPage, lay_out_document
from summarizer.pages.pdf.limits import DEFAULT_LIMITS, PdfError, PdfLimits
from summarizer.pages.pdf.pieces import column_edges, split_pieces, uses_indents
from summarizer.pages.pdf.reader import check_header, load_pdfium
from summarizer.pages.pdf.sandbox import run_isolated
from summarizer.pages.pdf.view import document_view
from summarizer.script.page import respell_page

SCAN_COVER = 0.5  # share of a page under images: with no text on it, the page is a scan

NO_TEXT_NOTE = "no text layer: the page is an image (a scan?); no OCR is done, so it has no articles"
UNREADABLE_NOTE = "the page cannot be read: its content is damaged"
BLANK_NOTE = "the page has no text"


def read_layout(
    data: bytes, limits: PdfLimits = DEFAULT_LIMITS, *, deadline: Deadline | None = None
) -> LaidOutDocument:
    """The laid-out pages of ``data``, read within ``limits`` and, when given, ``deadline``
    (the reading then stops at whichever comes first; cut by the deadline, it raises
    :class:`~summarizer.deadline.DeadlineExceeded` rather than ``pdf_too_complex``)."""
    check_header(data, limits)
    if deadline is not None:
        check(deadline, "pdf")
        limits = replace(limits, timeout_s=min(limits.timeout_s, deadline.remaining()))
    load_pdfium()  # in this process, so that a forked reader inherits it
    try:
        if limits.isolated:
            return run_isolated(partial(lay_out_document, data, limits), limits)
        return lay_out_document(data, limits)
    except PdfError as error:
        if error.code == "pdf_too_complex":
            check(deadline, "pdf")
        raise


def parse_pdf(
    data: bytes,
    *,
    engine: Engine | None = None,
    options: Options = DEFAULT_OPTIONS,
    limits: PdfLimits = DEFAULT_LIMITS,
    deadline: Deadline | None = None,
) -> tuple[Page, ...]:
    """One :class:`Page` per page of the PDF ``data``, in order (``Page.number`` from 1).

    An article continued from one page onto the next is kept whole, in the page where it
    starts, with the join among its repairs. Raises :class:`PdfError` for a file that is
    not a PDF, damaged, encrypted, over ``limits``, or a scan without any text, and
    :class:`~summarizer.deadline.DeadlineExceeded` when the work passes ``deadline``."""
    document = read_layout(data, limits, deadline=deadline)
    return pages_from_layout(document, engine=engine, options=options, deadline=deadline)


def pages_from_layout(
    document: LaidOutDocument,
    *,
    engine: Engine | None = None,
    options: Options = DEFAULT_OPTIONS,
    deadline: Deadline | None = None,
) -> tuple[Page, ...]:
    """The pages of a laid-out document (see :func:`read_layout`), articles analysed by
    ``engine`` within ``deadline`` (see :mod:`summarizer.deadline`). Raises :class:`PdfError`
    ``no_text_layer`` when no page has any text."""
    if engine is None:
        from summarizer import default_engine

        engine = default_engine()
    if not any(column.lines for page in document.pages for column in page.columns):
        if any(page.image_area > 0 for page in document.pages):
            raise PdfError("no_text_layer", "the PDF has no text layer (a scan?): no OCR is done")
        raise PdfError("no_text_layer", "the PDF has no text")
    # A traditional document is laid out in its simplified view and given back in its own words.
    document, view = document_view(document, engine.scripts)
    analysed = replace(options, output_script="original")
    columns = [column for page in document.pages for column in page.columns if not column.furniture]
    edges = column_edges(columns, document.body_size)
    indent_layout = uses_indents(columns, document.body_size, edges)
    pieces = split_pieces(columns, document.body_size, edges, indent_layout=indent_layout)
    parts = assemble(
        pieces,
        [page.number for page in document.pages],
        indent_layout=indent_layout,
        body_size=document.body_size,
        engine=engine,
        options=analysed,
        deadline=deadline,
    )
    pages = []
    for page in document.pages:
        part = parts[page.number]
        running = tuple(line.text for column in page.columns if column.furniture for line in column.lines)
        pages.append(
            Page(
                part.articles,
                part.captions,
                running + part.labels,
                part.fragments,
                number=page.number,
                notes=_notes(page),
                continued=part.continued,
            )
        )
    if view.is_source and options.output_script == "original":
        return _name_continued(pages)
    analyze = partial(engine.analyze, options=options, deadline=deadline)
    respelt = []
    for record in pages:
        page_view, first_line = view.page_view(record, engine.scripts)
        respelt.append(
            respell_page(
                record,
                page_view,
                output_script=options.output_script,
                converter=engine.scripts,
                analyze=analyze,
                first_line=first_line,
            )
        )
    return _name_continued(respelt)


def _name_continued(pages: list[Page]) -> tuple[Page, ...]:
    """Each continued article named by its title as its own page's record gives it (respelt
    there like every other text of the record)."""
    by_number = {page.number: page for page in pages}

    def title(continuation: Continuation) -> str | None:
        return by_number[continuation.page].articles[continuation.article].title

    return tuple(
        replace(page, continued=tuple(replace(c, title=title(c)) for c in page.continued))
        if page.continued
        else page
        for page in pages
    )


def _notes(page: LaidOutPage) -> tuple[str, ...]:
    notes = []
    if not page.readable:
        notes.append(UNREADABLE_NOTE)
    elif not any(column.lines for column in page.columns):
        notes.append(NO_TEXT_NOTE if page.image_area >= SCAN_COVER else BLANK_NOTE)
    garbled = sum(line.garbled for column in page.columns for line in column.lines)
    if garbled:
        notes.append(
            f"{garbled} characters are in fonts without a Unicode map: their text is garbled, "
            "kept out of the articles as fragments"
        )
    if page.unplaced_text:
        notes.append(
            f"{page.unplaced_text} pieces of text are in fonts neither embedded nor installed: "
            "characters standing alone may be missing (install a Chinese font, e.g. fonts-noto-cjk)"
        )
    if page.rotated_glyphs:
        notes.append(f"{page.rotated_glyphs} characters set at an angle were not read")
    return tuple(notes)

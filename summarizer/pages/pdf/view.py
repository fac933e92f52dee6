"""A traditional (or mixed) PDF read through its simplified view, and given back in its words.

The page stages' cues are simplified (本报讯, 记者, 摄, 图为), as in the text path
(:mod:`summarizer.script.page`): the lines of a document that is not simplified are converted
to simplified before the stages read them, a line for a line, so that everything the layout
knows (boxes, type sizes, reading order, line numbers) stays as it was. Each page's records
are then respelt from the lines as printed, or in the script asked for, by
:func:`~summarizer.script.page.respell_page`. A simplified document costs one scan of its
text (detection) and nothing else, unless its outputs are to be spelt in another script.

Each PDF page is respelt against a window of the document's lines: its own lines and those of
the next pages that its records reach (an article continued overleaf), then its running head
and foot. Finding a text in the window then costs the page's length, not the document's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from summarizer.pages.model import Page
from summarizer.pages.pdf.extract import LaidOutDocument
from summarizer.pages.pdf.lines import TextLine
from summarizer.script import Script, ScriptConverter, ScriptView, aligned_conversion, detect_script

SEPARATOR = "\n"  # between lines: no OpenCC dictionary entry holds it, so lines convert apart


@dataclass(frozen=True)
class _PageLines:
    """Where a PDF page's lines stand in the document's list of lines."""

    number: int
    first: int  # index of its first body line (its number in the page stages, less one)
    end: int  # index after its last body line
    running: tuple[int, ...]  # indices of its running head and foot


@dataclass(frozen=True)
class DocumentView:
    """The lines of a laid-out document as printed (``source``) and as the page stages read
    them (``view``, simplified). Body lines come first, in the order the page stages number
    them (line ``n`` at index ``n - 1``), then every page's running head and foot."""

    script: Script
    source: tuple[str, ...]
    view: tuple[str, ...]
    pages: tuple[_PageLines, ...]

    @property
    def is_source(self) -> bool:
        """The stages read the lines as printed (a simplified document)."""
        return self.view is self.source

    def page_view(self, page: Page, converter: ScriptConverter) -> tuple[ScriptView, int]:
        """The view ``page``'s records are respelt against, and the number of its first line."""
        lines = next(found for found in self.pages if found.number == page.number)
        numbers = [
            number
            for group in (
                *(article.lines for article in page.articles),
                *(caption.lines for caption in page.captions),
                *(fragment.lines for fragment in page.fragments),
            )
            for number in group
        ]
        first = min([lines.first, *(number - 1 for number in numbers)])
        end = max([lines.end, *numbers])
        indices = [*range(first, end), *lines.running]
        source = SEPARATOR.join(self.source[index] for index in indices)
        if self.is_source:
            return ScriptView(source, source, self.script), first + 1
        # OpenCC's character and variant tables keep lengths: the view is aligned with the
        # input unless a phrase changed a line's length (then mapped as the text path maps it).
        if all(len(self.view[index]) == len(self.source[index]) for index in indices):
            text = SEPARATOR.join(self.view[index] for index in indices)
            return ScriptView(source, text, self.script), first + 1
        text, offsets = aligned_conversion(source, converter.to_simplified)
        return ScriptView(source, text, self.script, offsets), first + 1


def document_view(
    document: LaidOutDocument, converter: ScriptConverter
) -> tuple[LaidOutDocument, DocumentView]:
    """``document`` with its lines in their simplified view (itself when it is simplified),
    and the view of its lines."""
    body: list[TextLine] = []
    running: list[TextLine] = []
    pages: list[tuple[int, int, int, range]] = []
    for page in document.pages:
        first = len(body)
        body.extend(line for column in page.columns if not column.furniture for line in column.lines)
        furniture = [line for column in page.columns if column.furniture for line in column.lines]
        pages.append((page.number, first, len(body), range(len(running), len(running) + len(furniture))))
        running.extend(furniture)
    source = tuple(line.text for line in (*body, *running))
    located = tuple(
        _PageLines(number, first, end, tuple(len(body) + index for index in indices))
        for number, first, end, indices in pages
    )
    joined = SEPARATOR.join(source)
    script = detect_script(joined)
    if script == "simplified":
        return document, DocumentView(script, source, source, located)
    view = tuple(converter.to_simplified(joined).split(SEPARATOR))
    if len(view) != len(source):  # pragma: no cover - no conversion table holds a line end
        raise ValueError("the conversion to simplified changed the number of lines")
    # A line converts alike wherever it stands (no conversion crosses a line end).
    simplified = dict(zip(source, view, strict=True))

    def converted(line: TextLine) -> TextLine:
        text = simplified[line.text]
        return line if text == line.text else line.with_text(text)

    pages_in_view = tuple(
        replace(
            page,
            columns=tuple(
                replace(column, lines=tuple(converted(line) for line in column.lines))
                for column in page.columns
            ),
        )
        for page in document.pages
    )
    return replace(document, pages=pages_in_view), DocumentView(script, source, view, located)

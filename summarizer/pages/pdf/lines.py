"""Characters to lines: the characters that share a row and stand close together.

Two passes. Characters come in the order the content stream draws them, which for nearly
every producer is line by line: consecutive characters on the same row and close together
form a run. Then runs are merged with the run that ends just left of them on the same row,
for producers that draw a line in pieces (another font for the digits, a kerned word set
apart). A row is cut wherever the space between two characters is wider than a fraction of
the type size: between the columns of a page (a gutter is at least half an em of the text on
either side of it) or between two frames that happen to share a baseline. Real space
characters count as text, so a title with a deliberate space stays one line.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from summarizer.pages.pdf.reader import Glyph

ROW_TOLERANCE = 0.35  # of the smaller height: centres closer than this share a row
SPLIT_GAP = 0.6  # of the type size: a wider empty space between two glyphs ends a line
OVERLAP = 0.5  # of the type size: a glyph may start this far left of the previous one's end
WORD_GAP = 0.15  # of the type size: between two Latin letters or digits, a word space
SIZE_JUMP = 1.15  # neighbours whose sizes differ more than this are different lines


@dataclass(frozen=True)
class TextLine:
    """One line of text on a page, in points from the page's top-left corner."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float  # the type size of most of its characters
    garbled: int  # characters without a Unicode mapping
    page: int

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    def with_text(self, text: str) -> TextLine:
        """The same line reading ``text`` (its simplified view): built directly, as
        ``dataclasses.replace`` costs some 3 µs a line (a converted page has hundreds)."""
        return TextLine(
            text, self.left, self.right, self.top, self.bottom, self.size, self.garbled, self.page
        )


class _Run:
    """Glyphs of one line being collected; ``right`` is the end of the last non-space one."""

    __slots__ = ("center", "glyphs", "height", "ink_right", "ink_size", "left")

    def __init__(self, glyph: Glyph) -> None:
        self.glyphs = [glyph]
        self.center = (glyph.top + glyph.bottom) / 2
        self.height = glyph.bottom - glyph.top
        self.left = glyph.left
        self.ink_right = glyph.left if glyph.char.isspace() else glyph.right
        self.ink_size = glyph.size

    def accepts(self, left: float, center: float, height: float, size: float, filled: float) -> bool:
        """A glyph (or run) starting at ``left`` continues this line."""
        if abs(center - self.center) > ROW_TOLERANCE * min(height, self.height):
            return False
        if max(size, self.ink_size) > SIZE_JUMP * min(size, self.ink_size):
            return False
        gap = left - self.ink_right - filled
        return -OVERLAP * size <= gap <= SPLIT_GAP * max(size, self.ink_size)


def build_lines(glyphs: tuple[Glyph, ...], page: int) -> tuple[TextLine, ...]:
    """The lines of a page, top to bottom and left to right."""
    runs = _merge(_stream_runs(glyphs))
    lines = [line for run in runs if (line := _line(run.glyphs, page)) is not None]
    lines.sort(key=lambda line: (line.top, line.left))
    return tuple(lines)


def _stream_runs(glyphs: tuple[Glyph, ...]) -> list[_Run]:
    runs: list[_Run] = []
    current: _Run | None = None
    filled = 0.0  # width of the space characters since the last non-space glyph
    for glyph in glyphs:
        if glyph.char.isspace():
            if current is not None:
                current.glyphs.append(glyph)
                filled += glyph.right - glyph.left
            continue
        center = (glyph.top + glyph.bottom) / 2
        height = glyph.bottom - glyph.top
        if current is None or not current.accepts(glyph.left, center, height, glyph.size, filled):
            current = _Run(glyph)
            runs.append(current)
        else:
            current.glyphs.append(glyph)
            current.ink_right = glyph.right
            current.ink_size = glyph.size
        filled = 0.0
    return runs


def _merge(runs: list[_Run]) -> list[_Run]:
    """Join each run to a run ending just before it on the same row (left to right)."""
    runs.sort(key=lambda run: run.left)
    open_by_row: dict[int, list[_Run]] = {}
    merged: list[_Run] = []
    for run in runs:
        first = run.glyphs[0]
        key = round(run.center)
        target = None
        for row in range(key - 2, key + 3):
            for candidate in open_by_row.get(row, ()):
                if candidate.accepts(run.left, run.center, run.height, first.size, 0.0):
                    target = candidate
                    break
            if target is not None:
                break
        if target is None:
            merged.append(run)
            open_by_row.setdefault(key, []).append(run)
            continue
        target.glyphs.extend(run.glyphs)
        target.ink_right = max(target.ink_right, run.ink_right)
        target.ink_size = run.ink_size
    return merged


def _line(run: list[Glyph], page: int) -> TextLine | None:
    """The line of a run of glyphs: its text (a space between Latin words set apart) and
    its box, in one pass (this runs for every line of every page)."""
    if any(b.left < a.left for a, b in itertools.pairwise(run)):
        run = sorted(run, key=lambda g: g.left)
    while run and run[-1].char.isspace():
        run = run[:-1]
    first = next((i for i, g in enumerate(run) if not g.char.isspace()), None)
    if first is None:
        return None
    pieces: list[str] = []
    sizes: dict[float, int] = {}
    left, right, top, bottom = run[first].left, run[first].right, run[first].top, run[first].bottom
    garbled = 0
    previous: Glyph | None = None
    for glyph in run[first:]:
        char = glyph.char
        if not char.isspace():
            size = round(glyph.size, 1)
            sizes[size] = sizes.get(size, 0) + 1
            right = max(right, glyph.right)
            top = min(top, glyph.top)
            bottom = max(bottom, glyph.bottom)
            garbled += glyph.garbled
            if (
                previous is not None
                and char.isascii()
                and char.isalnum()
                and previous.char.isascii()
                and previous.char.isalnum()
                and glyph.left - previous.right > WORD_GAP * glyph.size
            ):
                pieces.append(" ")
        pieces.append(char)
        previous = glyph
    return TextLine(
        text="".join(pieces),
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        size=max(sizes, key=lambda size: sizes[size]),
        garbled=garbled,
        page=page,
    )

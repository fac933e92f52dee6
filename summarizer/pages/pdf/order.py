"""Reading order from geometry: a recursive XY cut of the page into columns.

A region is cut where white space runs all the way across it, and the pieces are read in
order: top to bottom for horizontal cuts, left to right for vertical ones. Which cut comes
first decides the order of a newspaper page:

1. a wide horizontal gap (two ems of body type) across the whole region: a frame ends there
   (a banner over the columns, one row of stories above another);
2. else the gutters between columns, left to right: a column is read to its end before the
   next one begins, which is how a story flows from column to column. A gutter is left uncut
   when the columns on both sides of it share a wide horizontal gap with a title under it on
   both sides: stories in rows of blocks, each spanning those columns (its title may be too
   short to reach over the gutter), are then cut into rows first;
3. else, when a title, picture or caption wider than the column measure blocks gutters that
   the other lines leave free, cuts just above and below it (however narrow the white space:
   a title often stands close over its columns), so that the columns under it are read as
   columns;
4. else any horizontal gap wider than the space between two lines of a paragraph.

The leaves are single columns (or frames of one), read top to bottom. The cut never looks
at the text: only at boxes of lines and images.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from summarizer.pages.pdf.lines import TextLine
from summarizer.pages.pdf.reader import Box

FRAME_GAP = 2.0  # ems of body type: a horizontal gap this tall ends a frame
GUTTER = 0.5  # ems of body type: the narrowest gutter between two columns
SPANNING_GAP = 0.8  # ems of body type: wider than the space between the lines of a paragraph
WIDE = 1.3  # of the column measure: an element this wide spans columns
HEADING_SIZE = 1.1  # of the body size: a line this large heads a story
FURNITURE_BAND = 0.08  # of the page height: where a running head or foot stands
FURNITURE_LINES = 2
_SENTENCE_MARKS = frozenset("，。；：！？、“”,;!?")
FURNITURE_GAP = 1.0  # ems of body type: white space that sets a running head or foot apart
MAX_DEPTH = 200  # cuts within cuts: a page that needs more is read as it stands


@dataclass(frozen=True)
class Column:
    """A leaf of the cut: lines of one column (or a frame of one) and the images among them."""

    page: int
    lines: tuple[TextLine, ...]  # top to bottom
    images: tuple[Box, ...]
    furniture: bool = False  # the page's running head or foot, not its stories

    @property
    def top(self) -> float:
        return min([line.top for line in self.lines] + [image.top for image in self.images])

    @property
    def bottom(self) -> float:
        return max([line.bottom for line in self.lines] + [image.bottom for image in self.images])

    @property
    def left(self) -> float:
        return min([line.left for line in self.lines] + [image.left for image in self.images])

    @property
    def right(self) -> float:
        return max([line.right for line in self.lines] + [image.right for image in self.images])


Element = TextLine | Box


def _span_x(element: Element) -> tuple[float, float]:
    return element.left, element.right


def _span_y(element: Element) -> tuple[float, float]:
    return element.top, element.bottom


def _gaps(spans: list[tuple[float, float]], minimum: float) -> list[float]:
    """Positions (the middle of each gap) where no span covers and the gap is at least
    ``minimum`` wide."""
    spans.sort()
    cuts: list[float] = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach >= minimum:
            cuts.append((start + reach) / 2)
        reach = max(reach, end)
    return cuts


def _partition(elements: list[Element], cuts: list[float], *, vertical: bool) -> list[list[Element]]:
    parts: list[list[Element]] = [[] for _ in range(len(cuts) + 1)]
    for element in elements:
        low, high = _span_x(element) if vertical else _span_y(element)
        middle = (low + high) / 2
        index = sum(1 for cut in cuts if middle > cut)
        parts[index].append(element)
    return [part for part in parts if part]


def reading_order(
    lines: tuple[TextLine, ...],
    images: tuple[Box, ...],
    *,
    page: int,
    body_size: float,
    page_height: float = 0.0,
) -> tuple[Column, ...]:
    """The page's columns in reading order; a running head or foot of the page (see
    :func:`_furniture`) comes first, marked."""
    elements: list[Element] = [*lines, *images]
    if not elements:
        return ()
    furniture = _furniture(elements, body_size, page_height)
    body = [e for e in elements if e not in furniture]
    leaves: list[list[Element]] = []
    if body:
        _cut(body, body_size, leaves, 0)
    columns = [_column(page, furniture, furniture=True)] if furniture else []
    columns += [_column(page, leaf, furniture=False) for leaf in leaves]
    return tuple(columns)


def _column(page: int, leaf: list[Element], *, furniture: bool) -> Column:
    leaf_lines = sorted((e for e in leaf if isinstance(e, TextLine)), key=lambda e: (e.top, e.left))
    leaf_images = tuple(e for e in leaf if not isinstance(e, TextLine))
    return Column(page, tuple(leaf_lines), leaf_images, furniture)


def _furniture(elements: list[Element], em: float, page_height: float) -> list[Element]:
    """The running head and foot of a page (paper, date, page number, section): a band of at
    most ``FURNITURE_LINES`` lines, none larger than the body type, in the top or bottom
    ``FURNITURE_BAND`` of the page, set off from everything else by an em of white space, and
    without the punctuation of sentences (the last lines of a story continued from the page
    before stand there too)."""
    if page_height <= 0:
        return []
    bands = _merged([_span_y(e) for e in elements], slack=FURNITURE_GAP * em)
    if len(bands) < 2:
        return []
    found: list[Element] = []
    for (top, bottom), in_margin in (
        (bands[0], bands[0][1] <= FURNITURE_BAND * page_height),
        (bands[-1], bands[-1][0] >= (1 - FURNITURE_BAND) * page_height),
    ):
        inside = [e for e in elements if top <= e.top and e.bottom <= bottom]
        rows = {round(e.top) for e in inside if isinstance(e, TextLine)}
        if (
            in_margin
            and all(
                isinstance(e, TextLine) and e.size <= HEADING_SIZE * em and not _SENTENCE_MARKS & set(e.text)
                for e in inside
            )
            and 0 < len(rows) <= FURNITURE_LINES
        ):
            found.extend(e for e in inside if e not in found)
    return found


def _cut(elements: list[Element], em: float, leaves: list[list[Element]], depth: int) -> None:
    if len(elements) > 1 and depth < MAX_DEPTH:
        for vertical, cuts in _candidate_cuts(elements, em):
            if cuts:
                for part in _partition(elements, cuts, vertical=vertical):
                    _cut(part, em, leaves, depth + 1)
                return
    leaves.append(elements)


def _candidate_cuts(elements: list[Element], em: float) -> Iterator[tuple[bool, list[float]]]:
    """The cuts of a region in order of preference (see the module doc), each computed only
    when the ones before it found nothing."""
    yield False, _gaps([_span_y(e) for e in elements], FRAME_GAP * em)
    yield True, _unbridged_gutters(elements, em)
    yield False, _spanning_cuts(elements, em)
    yield False, _gaps([_span_y(e) for e in elements], SPANNING_GAP * em)


def _unbridged_gutters(elements: list[Element], em: float) -> list[float]:
    gutters = _gaps([_span_x(e) for e in elements], GUTTER * em)
    if len(gutters) < 2:
        return gutters
    strips = _partition(elements, gutters, vertical=True)
    kept = [
        gutter
        for gutter, left, right in zip(gutters, strips, strips[1:], strict=False)
        if not _rows_across(left, right, em)
    ]
    return kept or gutters


def _rows_across(left: list[Element], right: list[Element], em: float) -> bool:
    """The two strips share a frame gap under which both start with a heading."""
    for cut in _gaps([_span_y(e) for e in left + right], FRAME_GAP * em):
        if all(_heading_below(strip, cut, em) for strip in (left, right)):
            return True
    return False


def _heading_below(strip: list[Element], cut: float, em: float) -> bool:
    below = [e for e in strip if e.top > cut]
    if not below:
        return False
    first = min(below, key=lambda e: e.top)
    return isinstance(first, TextLine) and first.size > HEADING_SIZE * em


def _spanning_cuts(elements: list[Element], em: float) -> list[float]:
    """Horizontal cuts around the elements that span columns, when without them the region
    has gutters."""
    widths = sorted(e.right - e.left for e in elements)
    measure = widths[len(widths) * 3 // 4]  # most lines of a column run its full measure
    wide = [e for e in elements if e.right - e.left > WIDE * measure]
    narrow = [e for e in elements if e.right - e.left <= WIDE * measure]
    if not wide or not narrow or not _gaps([_span_x(e) for e in narrow], GUTTER * em):
        return []
    cuts: set[float] = set()
    for top, bottom in _merged([_span_y(e) for e in wide], slack=em):
        above = [e.bottom for e in elements if e.bottom <= top]
        below = [e.top for e in elements if e.top >= bottom]
        for cut in ((top + max(above)) / 2 if above else None, (bottom + min(below)) / 2 if below else None):
            if cut is not None and not any(e.top < cut < e.bottom for e in elements):
                cuts.add(cut)
    return sorted(cuts)


def _merged(spans: list[tuple[float, float]], *, slack: float) -> list[tuple[float, float]]:
    """Spans joined where they overlap or stand less than ``slack`` apart (the lines of one
    wide title or caption)."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + slack:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged

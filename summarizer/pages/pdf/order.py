"""Reading order from geometry: a recursive XY cut of the page into columns.

A region is cut where white space runs all the way across it, and the pieces are read in
order: top to bottom for horizontal cuts, left to right for vertical ones. Which cut comes
first decides the order of a newspaper page:

1. a wide horizontal gap (two ems of body type) across the whole region: a frame ends there
   (a banner over the columns, one row of stories above another);
2. else the gutters between columns, left to right: a column is read to its end before the
   next one begins, which is how a story flows from column to column;
3. else any horizontal gap wider than the space between two lines of a paragraph: a title
   or picture spanning several columns has blocked the gutters, and the cut above and below
   it frees them.

The leaves are single columns (or frames of one), read top to bottom. The cut never looks
at the text: only at boxes of lines and images.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.pages.pdf.lines import TextLine
from summarizer.pages.pdf.reader import Box

FRAME_GAP = 2.0  # ems of body type: a horizontal gap this tall ends a frame
GUTTER = 0.5  # ems of body type: the narrowest gutter between two columns
SPANNING_GAP = 0.8  # ems of body type: wider than the space between the lines of a paragraph
MAX_DEPTH = 200  # cuts within cuts: a page that needs more is read as it stands


@dataclass(frozen=True)
class Column:
    """A leaf of the cut: lines of one column (or a frame of one) and the images among them."""

    page: int
    lines: tuple[TextLine, ...]  # top to bottom
    images: tuple[Box, ...]

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
    lines: tuple[TextLine, ...], images: tuple[Box, ...], *, page: int, body_size: float
) -> tuple[Column, ...]:
    """The page's columns in reading order."""
    elements: list[Element] = [*lines, *images]
    if not elements:
        return ()
    leaves: list[list[Element]] = []
    _cut(elements, body_size, leaves, 0)
    columns = []
    for leaf in leaves:
        leaf_lines = sorted((e for e in leaf if isinstance(e, TextLine)), key=lambda e: (e.top, e.left))
        leaf_images = tuple(e for e in leaf if not isinstance(e, TextLine))
        columns.append(Column(page, tuple(leaf_lines), leaf_images))
    return tuple(columns)


def _cut(elements: list[Element], em: float, leaves: list[list[Element]], depth: int) -> None:
    if len(elements) > 1 and depth < MAX_DEPTH:
        for vertical, minimum in ((False, FRAME_GAP * em), (True, GUTTER * em), (False, SPANNING_GAP * em)):
            spans = [(_span_x(e) if vertical else _span_y(e)) for e in elements]
            cuts = _gaps(spans, minimum)
            if cuts:
                for part in _partition(elements, cuts, vertical=vertical):
                    _cut(part, em, leaves, depth + 1)
                return
    leaves.append(elements)

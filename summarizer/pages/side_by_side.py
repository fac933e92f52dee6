"""Dumps that keep the printed page's layout: columns side by side.

Some extractors place every character where it was printed, in a grid of fixed-width cells
(pdftotext ``-layout``, pdfplumber's ``extract_text(layout=True)``): one text line holds the
lines of all the columns at that height, apart by runs of spaces, and a column's lines sit at
the same place in each. Read line by line, such a page is a mix of unrelated half-sentences.

The columns are read back one at a time, in reading order, by cutting the grid where it is
empty (a recursive XY-cut, the classic reading of Manhattan layouts):

- where a gutter (character places empty on every line of the region) runs through the whole
  region, the region is columns side by side: cut there, read left to right;
- else where lines are empty across the region (the space around a title, between stories),
  cut there, read top to bottom (but lines of large type, each alone between empty lines, are
  kept together while they show gutters: titles side by side);
- a region with neither is one column of text (a column's lines, a title).

Each column comes out as its printed lines, one region after another: the rest of the pipeline
then reads it like any dump of printed lines (:mod:`reflow`). A page whose lines are not side by
side is read as it is.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from summarizer.pages.reflow import FRAME_GAP, Line

# The cells of a grid line: its runs of printed characters. Two columns may be one space apart
# (a title in large type beside another), and so may two words of one column's line (本报记者
# 张三, 电 中共): the gutters tell them apart.
_CELL = re.compile(r"\S+")
_SIDE_BY_SIDE = re.compile(r"\S {2,}\S")
# A page is laid out side by side when this share of its lines holds two cells or more
# (measured on the dev PDFs: 0.41 and more with pdftotext -layout and pdfplumber's layout, at
# most 0.016 on every other dump and on the paragraph-per-line pages).
SIDE_BY_SIDE_SHARE = 0.25
MIN_LINES = 8
MIN_COLUMN_LINES = 2
# Titles set side by side run over a few lines each: a longer run of lone lines is no title block
# (and joining it line by line, each time looking for gutters, would cost its length squared).
LONE_LINES_MAX = 8


@dataclass(frozen=True)
class Cell:
    number: int  # the 1-based line number in the page's text, as str.splitlines counts
    start: int
    end: int
    text: str


def is_side_by_side(text: str) -> bool:
    """Enough lines hold text at two places apart by a wide space to be columns side by side."""
    printed = [line for line in text.splitlines() if line.strip()]
    if len(printed) < MIN_LINES:
        return False
    spaced = sum(1 for line in printed if _SIDE_BY_SIDE.search(line.strip()))
    return spaced / len(printed) >= SIDE_BY_SIDE_SHARE


def _gutters(cells: Sequence[Cell]) -> list[int]:
    """Places where the region parts into columns: the start of the cells after each empty run
    of places through every line of the region, each column holding two lines at least (what
    lies on one line only is a piece of a printed line spaced out, 新华社记者 王  明摄, and
    goes with the column on its left)."""
    spans = sorted((cell.start, cell.end, cell.number) for cell in cells)
    cuts: list[int] = []
    lines: list[set[int]] = [set()]
    reach = spans[0][1]
    for start, end, number in spans:
        if start > reach:
            cuts.append(start)
            lines.append(set())
        lines[-1].add(number)
        reach = max(reach, end)
    k = 0
    while k < len(lines) and len(lines) > 1:
        if len(lines[k]) >= MIN_COLUMN_LINES:
            k += 1
            continue
        # the thin column joins its left neighbour (the first joins its right one)
        into = max(k - 1, 0)
        lines[into] = lines[into] | lines.pop(into + 1)
        cuts.pop(into)
        k = into
    return cuts


def _blank_lines(cells: Sequence[Cell]) -> list[int]:
    """The first line of each run of text after a wider space than the region's lines keep:
    at least twice their usual pitch (columns whose lines sit at other heights take the grid
    lines between, so that a column's lines may all be two grid lines apart)."""
    numbers = sorted({cell.number for cell in cells})
    steps = [below - above for above, below in itertools.pairwise(numbers)]
    if not steps:
        return []
    pitch = statistics.mode(steps)
    return [numbers[k + 1] for k, step in enumerate(steps) if step >= max(2, 2 * pitch)]


def _split(cells: Sequence[Cell], cuts: Sequence[int], place: Callable[[Cell], int]) -> list[list[Cell]]:
    parts: list[list[Cell]] = [[] for _ in range(len(cuts) + 1)]
    for cell in cells:
        parts[bisect.bisect_right(cuts, place(cell))].append(cell)
    return [part for part in parts if part]


def _join_lone_lines(parts: list[list[Cell]]) -> list[list[Cell]]:
    """Runs of parts of one line each joined again: lines of large type are set wider apart
    than a grid line (titles side by side, each on several lines), and only together do they
    show their gutters."""
    joined: list[list[Cell]] = []
    run = 0  # the lone lines in the last joined part, 0 when it is not a run of them
    for part in parts:
        alone = len({cell.number for cell in part}) == 1
        # (a line that would close the gutters the run has opened starts a part of its own)
        if (
            joined
            and alone
            and 0 < run < LONE_LINES_MAX
            and (not _gutters(joined[-1]) or _gutters(joined[-1] + part))
        ):
            joined[-1] = joined[-1] + part
            run += 1
        else:
            joined.append(part)
            run = 1 if alone else 0
    return joined


def _regions(cells: Sequence[Cell]) -> list[list[Cell]]:
    """The region's cells as columns of text, in reading order."""
    cuts = _gutters(cells)
    if cuts:
        parts = _split(cells, cuts, lambda cell: cell.start)
    elif cuts := _blank_lines(cells):
        parts = _join_lone_lines(_split(cells, cuts, lambda cell: cell.number))
    else:
        parts = []
    if len(parts) < 2:
        return [list(cells)]  # nothing cut: one column (and every recursion ends)
    return [region for part in parts for region in _regions(part)]


def _column_lines(cells: Sequence[Cell], blank_before: int) -> list[Line]:
    """The region's printed lines, top to bottom. The cells of one line are apart by a space as
    in the grid, or by an ideographic space where the grid had a wider one (新华社记者 王  明摄).
    No indent is read from the grid: its places are not the printed widths (large type takes a
    place a character, as small type does), so that a paragraph's first line is told, as in
    other dumps of printed lines, by being narrower than the lines under it (:mod:`reflow`)."""
    lines: list[Line] = []
    end = 0
    for cell in sorted(cells, key=lambda cell: (cell.number, cell.start)):
        if lines and lines[-1].numbers[0] == cell.number:
            space = " " if cell.start - end == 1 else "\u3000"
            lines[-1] = replace(lines[-1], text=lines[-1].text + space + cell.text)
        else:
            lines.append(Line(cell.text, (cell.number,), 0 if lines else blank_before))
        end = cell.end
    return lines


def read_columns(text: str) -> list[Line]:
    """The printed lines of the page's columns, one column after another in reading order. A
    form feed (a PDF page's end) parts the grids, and the text frames like two blank lines."""
    pages: list[list[Cell]] = [[]]
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        pages[-1].extend(Cell(number, m.start(), m.end(), m.group()) for m in _CELL.finditer(line))
        if line.endswith("\f"):
            pages.append([])
    lines: list[Line] = []
    for cells in pages:
        for k, region in enumerate(_regions(cells) if cells else []):
            lines.extend(_column_lines(region, FRAME_GAP if k == 0 and lines else 0))
    return lines

"""Lines of the columns to pieces of text: paragraphs, heading blocks, small-type blocks and
images, each with the geometric facts that later decide what it is.

Type size sorts the lines. Most characters of a document are set in the body size; larger
lines are headings (titles, kickers, subtitles, section heads), smaller ones are captions,
credits, bylines or notes. Within the body type a paragraph starts where a line is indented
from the column's left edge, where the space above a line is wider than the column's line
pitch, or (in a layout without indents) after a line that stops short of the right edge.
"""

from __future__ import annotations

import enum
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.pages.pdf.lines import TextLine
from summarizer.pages.pdf.order import Column
from summarizer.pages.pdf.reader import Box

SAME_SIZE = 0.04  # relative: sizes closer than this are the same type
INDENT_MIN = 0.6  # ems: a first line indented at least this much starts a paragraph
INDENT_MAX = 6.0  # ems: further in, the line is centred or set right, not indented
SHORT_LINE = 1.5  # ems short of the column's right edge: the line ends its paragraph
PARAGRAPH_SPACE = 0.2  # ems of extra pitch over the column's usual one: a new paragraph
BLOCK_PITCH = 1.8  # of the type size: lines of one heading or small-type block are closer
TRACK_OVERLAP = 0.5  # columns overlapping this much of the narrower one share their edges
FULL_COLUMN_LINES = 4  # a column needs this many body lines to measure its own right edge


class Role(enum.Enum):
    BODY = "body"
    HEADING = "heading"  # larger than the body type
    SMALL = "small"  # smaller than the body type
    IMAGE = "image"


@dataclass(frozen=True)
class Piece:
    """A paragraph, a block of heading or small-type lines, or an image."""

    role: Role
    lines: tuple[TextLine, ...]
    numbers: tuple[int, ...]  # reading-order numbers of the lines in the document (from 1)
    size: float
    leaf: int  # the column leaf, in document reading order
    page: int
    indented: bool = False  # the first line starts right of the column's left edge
    full_end: bool = False  # the last line runs to the column's right edge
    image: Box | None = None

    @property
    def text(self) -> str:
        return join_lines([line.text for line in self.lines])

    @property
    def garbled_share(self) -> float:
        characters = sum(len(line.text) for line in self.lines)
        return sum(line.garbled for line in self.lines) / characters if characters else 0.0


def join_lines(texts: Sequence[str]) -> str:
    """Lines of one paragraph as one text: no separator in Chinese, a space where a line
    ends and the next begins with Latin letters (a word wrapped at the line end)."""
    out = ""
    for text in texts:
        if out and out[-1].isascii() and out[-1].isalpha() and text[:1].isascii() and text[:1].isalpha():
            out += " "
        out += text
    return out


def role_of(size: float, body_size: float) -> Role:
    if size > body_size * (1 + SAME_SIZE):
        return Role.HEADING
    if size < body_size * (1 - SAME_SIZE):
        return Role.SMALL
    return Role.BODY


@dataclass(frozen=True)
class _Edges:
    left: float
    right: float


def split_pieces(columns: Sequence[Column], body_size: float, *, indent_layout: bool) -> list[Piece]:
    """Every column leaf's pieces, in document reading order."""
    edges = _column_edges(columns, body_size)
    pieces: list[Piece] = []
    number = 0
    for leaf, column in enumerate(columns):
        numbered = []
        for line in column.lines:
            number += 1
            numbered.append((number, line))
        pieces.extend(_leaf_pieces(leaf, column, numbered, edges[leaf], body_size, indent_layout))
    return pieces


def uses_indents(columns: Sequence[Column], body_size: float) -> bool:
    """Whether the document marks paragraphs by first-line indents: most body lines that
    follow a line stopping short of the column's edge are indented."""
    edges = _column_edges(columns, body_size)
    indented = total = 0
    for leaf, column in enumerate(columns):
        body = [line for line in column.lines if role_of(line.size, body_size) is Role.BODY]
        for previous, line in itertools.pairwise(body):
            if _is_short(previous, edges[leaf]):
                total += 1
                indented += _is_indented(line, edges[leaf])
    return total > 0 and indented * 2 >= total


def _column_edges(columns: Sequence[Column], body_size: float) -> list[_Edges]:
    """The left and right edges of each leaf's column, measured on the body lines of every
    leaf in the same track (the same column of the same page, cut into frames): a frame that
    holds only an indented first line still knows where its column's edge is."""
    tracks: list[list[int]] = []
    for index, column in enumerate(columns):
        for track in tracks:
            other = columns[track[0]]
            if other.page == column.page and _overlap(other, column) >= TRACK_OVERLAP:
                track.append(index)
                break
        else:
            tracks.append([index])
    edges: list[_Edges] = [_Edges(0.0, 0.0)] * len(columns)
    for track in tracks:
        lines = [line for i in track for line in columns[i].lines]
        body = [line for line in lines if role_of(line.size, body_size) is Role.BODY] or lines
        if not body:
            for i in track:
                edges[i] = _Edges(columns[i].left, columns[i].right)
            continue
        left = min(line.left for line in body)
        rights = sorted(line.right for line in body)
        # most lines of a justified column run to its edge; a few overshoot it (Latin, digits)
        right = rights[len(rights) * 3 // 4] if len(rights) >= FULL_COLUMN_LINES else rights[-1]
        for i in track:
            edges[i] = _Edges(left, right)
    return edges


def _overlap(a: Column, b: Column) -> float:
    common = min(a.right, b.right) - max(a.left, b.left)
    narrower = min(a.right - a.left, b.right - b.left)
    return common / narrower if narrower > 0 else 0.0


def _is_indented(line: TextLine, edges: _Edges) -> bool:
    return INDENT_MIN * line.size <= line.left - edges.left <= INDENT_MAX * line.size


def _is_short(line: TextLine, edges: _Edges) -> bool:
    return line.right < edges.right - SHORT_LINE * line.size


def _typical_pitch(lines: list[TextLine]) -> float | None:
    pitches = [b.bottom - a.bottom for a, b in itertools.pairwise(lines) if b.bottom > a.bottom]
    return statistics.median(pitches) if pitches else None


def _leaf_pieces(
    leaf: int,
    column: Column,
    numbered: list[tuple[int, TextLine]],
    edges: _Edges,
    body_size: float,
    indent_layout: bool,
) -> list[Piece]:
    body_pitch = _typical_pitch([line for _, line in numbered if role_of(line.size, body_size) is Role.BODY])
    items: list[tuple[float, int, TextLine | Box]] = [(line.top, n, line) for n, line in numbered]
    items += [(image.top, 0, image) for image in column.images]
    items.sort(key=lambda item: item[0])
    pieces: list[Piece] = []
    run: list[tuple[int, TextLine]] = []

    def close() -> None:
        if run:
            pieces.append(_piece(leaf, run, edges, body_size))
            run.clear()

    for _, number, item in items:
        if not isinstance(item, TextLine):
            close()
            pieces.append(Piece(Role.IMAGE, (), (), 0.0, leaf, column.page, image=item))
            continue
        if run and _starts_new_piece(run[-1][1], item, edges, body_size, body_pitch, indent_layout):
            close()
        run.append((number, item))
    close()
    return pieces


def _starts_new_piece(
    previous: TextLine,
    line: TextLine,
    edges: _Edges,
    body_size: float,
    body_pitch: float | None,
    indent_layout: bool,
) -> bool:
    role = role_of(line.size, body_size)
    if role is not role_of(previous.size, body_size):
        return True
    pitch = line.bottom - previous.bottom
    if role is not Role.BODY:
        same_size = abs(line.size - previous.size) <= SAME_SIZE * body_size
        return not same_size or pitch > BLOCK_PITCH * line.size
    if _is_indented(line, edges):
        return True
    if body_pitch is not None and pitch > body_pitch + PARAGRAPH_SPACE * line.size:
        return True
    return not indent_layout and _is_short(previous, edges)


def _piece(leaf: int, run: list[tuple[int, TextLine]], edges: _Edges, body_size: float) -> Piece:
    lines = tuple(line for _, line in run)
    first, last = lines[0], lines[-1]
    return Piece(
        role=role_of(first.size, body_size),
        lines=lines,
        numbers=tuple(number for number, _ in run),
        size=first.size,
        leaf=leaf,
        page=first.page,
        indented=_is_indented(first, edges),
        full_end=not _is_short(last, edges),
    )

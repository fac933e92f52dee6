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
FULL_COLUMN_LINES = 4  # lines sharing a left and right edge that make a column's measure
INDENT_EVIDENCE = 3  # paragraph ends needed to judge the indent style by them


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
class Edges:
    left: float
    right: float


def split_pieces(
    columns: Sequence[Column], body_size: float, edges: Sequence[Edges], *, indent_layout: bool
) -> list[Piece]:
    """Every column leaf's pieces, in document reading order (``edges``: see
    :func:`column_edges`)."""
    pieces: list[Piece] = []
    number = 0
    for leaf, column in enumerate(columns):
        numbered = []
        for line in column.lines:
            number += 1
            numbered.append((number, line))
        pieces.extend(_leaf_pieces(leaf, column, numbered, edges[leaf], body_size, indent_layout))
    return pieces


def uses_indents(columns: Sequence[Column], body_size: float, edges: Sequence[Edges]) -> bool:
    """Whether the document marks paragraphs by first-line indents: most body lines that
    follow a line stopping short of the column's edge are indented; with too few such
    lines to tell, any indented body line says so (a layout without indents has none)."""
    indented = total = indented_anywhere = 0
    for leaf, column in enumerate(columns):
        body = [line for line in column.lines if role_of(line.size, body_size) is Role.BODY]
        indented_anywhere += sum(_is_indented(line, edges[leaf]) for line in body)
        for previous, line in itertools.pairwise(body):
            if _is_short(previous, edges[leaf]):
                total += 1
                indented += _is_indented(line, edges[leaf])
    if total >= INDENT_EVIDENCE:
        return indented * 2 >= total
    return indented_anywhere > 0


def column_edges(columns: Sequence[Column], body_size: float) -> list[Edges]:
    """The left and right edges of each leaf's column. A page's columns are measured on its
    body lines that run a full measure (the same left and right edge on several lines); a
    leaf takes the column that holds most of its body lines, so that a frame holding only an
    indented first line, or a leaf under a title that spans columns, still knows where its
    column's edges are."""
    candidates: dict[int, list[Edges]] = {}
    for page in {column.page for column in columns}:
        lines = [
            line
            for column in columns
            if column.page == page
            for line in column.lines
            if role_of(line.size, body_size) is Role.BODY
        ]
        candidates[page] = _measured_columns(lines, body_size)
    edges: list[Edges] = []
    for column in columns:
        body = [line for line in column.lines if role_of(line.size, body_size) is Role.BODY] or list(
            column.lines
        )
        best = max(
            candidates[column.page],
            key=lambda edge: sum(
                edge.left - body_size <= line.left and line.right <= edge.right + body_size for line in body
            ),
            default=None,
        )
        if best is not None and any(
            best.left - body_size <= line.left and line.right <= best.right + body_size for line in body
        ):
            edges.append(best)
        elif body:
            rights = sorted(line.right for line in body)
            right = rights[len(rights) * 3 // 4] if len(rights) >= FULL_COLUMN_LINES else rights[-1]
            edges.append(Edges(min(line.left for line in body), right))
        else:
            edges.append(Edges(column.left, column.right))
    return edges


def _measured_columns(lines: list[TextLine], body_size: float) -> list[Edges]:
    """Columns of a page: left and right edges shared by at least ``FULL_COLUMN_LINES`` body
    lines (give or take an em on the right, where Latin and digits make lines uneven)."""
    found: list[tuple[Edges, int]] = []
    for line in sorted(lines, key=lambda line: (line.left, -line.right)):
        for index, (edge, count) in enumerate(found):
            if abs(edge.left - line.left) <= body_size / 2 and abs(edge.right - line.right) <= body_size:
                found[index] = (edge, count + 1)
                break
        else:
            found.append((Edges(line.left, line.right), 1))
    return [edge for edge, count in found if count >= FULL_COLUMN_LINES]


def _is_indented(line: TextLine, edges: Edges) -> bool:
    return INDENT_MIN * line.size <= line.left - edges.left <= INDENT_MAX * line.size


def _is_short(line: TextLine, edges: Edges) -> bool:
    return line.right < edges.right - SHORT_LINE * line.size


def _typical_pitch(lines: list[TextLine]) -> float | None:
    pitches = [b.bottom - a.bottom for a, b in itertools.pairwise(lines) if b.bottom > a.bottom]
    return statistics.median(pitches) if pitches else None


def _leaf_pieces(
    leaf: int,
    column: Column,
    numbered: list[tuple[int, TextLine]],
    edges: Edges,
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
    edges: Edges,
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


def _piece(leaf: int, run: list[tuple[int, TextLine]], edges: Edges, body_size: float) -> Piece:
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

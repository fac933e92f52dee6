"""Printed lines joined back into paragraphs.

Some extractors give one line of text per paragraph (PyMuPDF's blocks, the seed); others give
every printed line (pdfminer.six's layout boxes, pypdfium2's page text, pdftotext), so that
nearly every line stops mid-sentence. On such a page the lines of one paragraph are joined
again by how type is set, not by what the words say:

- the lines of a paragraph fill their frame: all but the last are as wide as the frame, the
  first may be indented by about two characters;
- a line shorter than its frame ends its paragraph; a line in a narrower or wider frame (a
  title in larger type, a caption across columns) starts another;
- a line that begins with a closing mark or a clause mark (，。”）) continues the line above,
  whatever its width: some typesetters let punctuation start a line.

Widths are counted in em: a Chinese character or full-width mark 1, a Latin letter or digit 1/2.
A single blank line (an extractor's box end) is read like a line end; two or more are never
crossed here: the column-break stage decides, with its own evidence, whether the text on both
sides is one paragraph.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from summarizer.pages.text import (
    CONTINUATION_STARTS,
    DATELINE,
    SENTENCE_END,
    cjk_count,
    column_tag_start,
    ends_sentence,
    has_column_tag,
    is_bracketed_note,
    is_finished,
    is_heading_like,
)

# A page is a dump of printed lines when most lines that hold running text stop mid-sentence
# (measured: 0.84 and more on pdfminer.six, pypdfium2 and pdftotext dumps of the dev pages;
# 0.39 at most on paragraph-per-line extractions, the seed 0.29).
WRAPPED_SHARE = 0.6
WIDTH_TOLERANCE = 1.0  # em: Latin runs, squeezed punctuation
HALF_WIDTH = 0.5  # em: one Latin letter or digit
CHARACTER = 1.0  # em: one Chinese character
INDENT = 2.0  # em: a paragraph's first line
# Blank lines: one is where an extractor closed a box, which it does at a paragraph's indented
# first line as readily as between stories (pdfminer.six), so the widths decide; two or more
# part text frames and are never crossed.
FRAME_GAP = 2
DATELINE_TAIL_CHARS = 4
PIECE_MAX_WIDTH = 6.0  # em: the first piece of a credit or byline set with wide spaces
LAST_PIECE_MAX_WIDTH = 10.0  # em: the others, up to …摄（影像中国）
PIECES = 4
# em: a heading with narrower lines is spaced out (引 / 导), not wrapped at its frame
MIN_WRAP_WIDTH = 4.0
PROSE_MIN_LINES = 3
NEIGHBOURS = 3  # paragraphs each way in which a heading looks for the running text's frame
_RUNNING_TEXT = re.compile(r"[，、；。]")
_LEADING_SPACE = re.compile(r"^[ \u3000\u00a0]+")

# The number of a part, chapter, section or article of a document, set apart by a wide space.
_NUMBERED = re.compile(r"^第[一二三四五六七八九十百零〇\d]{1,4}[编章节条款]$")
_PAIRED_MARKS = re.compile(r"[（）()“”‘’《》「」]")

_DATELINE_START = re.compile(r"^据?(?:本报|新华社|人民日报|中新社)[\u4e00-\u9fff\d]{0,12}$")

Standalone = Callable[[str], bool]


@dataclass(frozen=True)
class Line:
    """A non-empty line of the page: its text (stripped), 1-based numbers of the printed lines
    it holds, the blank lines above it, and the indent it was given (em)."""

    text: str
    numbers: tuple[int, ...]
    blank_before: int
    indent: float = 0.0
    breaks: tuple[int, ...] = ()  # where in ``text`` one printed line ended and the next began
    size_changes: tuple[int, ...] = ()  # the breaks after which the type changes size
    # the breaks at a blank line: the extractor parted two text boxes there, as it does where
    # the type changes size (a kicker over its title), seldom inside a wrapped title
    box_breaks: tuple[int, ...] = ()
    # How much narrower the first printed line is than the frame of the text around it (em):
    # about two at a paragraph's indented first line, none where the paragraph came from the
    # foot of another column; None where no frame is known (a paragraph-per-line extraction).
    first_indent: float | None = None
    # A heading wrapped over printed lines: how many times its type is as large as that of the
    # running text around it, from their line widths (six characters a line where the column
    # holds thirteen: about twice as large); None when the lines do not tell.
    type_scale: float | None = None


def em_width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5 for char in text)


def read_lines(text: str) -> list[Line]:
    """The non-empty lines, numbered as :meth:`str.splitlines` counts them. A form feed (an
    extractor's page end: pdftotext, pdfminer.six) parts text frames like two blank lines."""
    lines: list[Line] = []
    blank = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        stripped = raw.strip()
        if not stripped:
            blank += FRAME_GAP if raw.endswith("\f") else 1
            continue
        leading = _LEADING_SPACE.match(raw.rstrip())
        lines.append(Line(stripped, (number,), blank, em_width(leading.group()) if leading else 0.0))
        blank = FRAME_GAP if raw.endswith("\f") else 0
    return lines


def is_wrapped(lines: Sequence[Line]) -> bool:
    """Most lines of running text stop mid-sentence: the page keeps its printed lines."""
    running = [line.text for line in lines if _RUNNING_TEXT.search(line.text[:-1])]
    if not running:
        return False
    open_ended = sum(1 for text in running if not ends_sentence(text) and text[-1] not in "：:")
    return open_ended / len(running) > WRAPPED_SHARE


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= WIDTH_TOLERANCE


def _starts_own_frame(lines: Sequence[Line], index: int, above: float) -> bool:
    """Line ``index``, narrower than ``above``, opens lines of its own width or narrower: a
    frame of larger type (a title under the end of a column), not the last line of a paragraph
    (which ends its sentence, and is followed by a wider first line or by nothing)."""
    text = lines[index].text
    width = em_width(text)
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or following.blank_before >= FRAME_GAP or ends_sentence(text):
        return False
    return width < above - WIDTH_TOLERANCE and em_width(following.text) <= width + WIDTH_TOLERANCE


def _is_whole(text: str) -> bool:
    """A paragraph complete without a sentence end: a bracketed note, （作者为…）, or a heading
    closed by its column tag, 标题（人民论坛）."""
    if is_bracketed_note(text):
        return True
    return has_column_tag(text) and is_heading_like(text[: column_tag_start(text)])


def _indented_first_line(lines: Sequence[Line], index: int, stands_alone: Standalone) -> bool:
    """The line, as wide as the heading line above it, is narrower by an indent than the line
    after it: the first line of the text under the heading."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or following.blank_before >= FRAME_GAP or stands_alone(following.text):
        return False
    after = lines[index + 2] if index + 2 < len(lines) else None
    if ends_sentence(following.text) and (
        after is None or not _close(em_width(after.text), em_width(following.text))
    ):
        return False  # a line that ends a paragraph tells no frame width, unless a line as wide follows
    width = em_width(lines[index].text)
    if width < em_width(lines[index - 1].text) - WIDTH_TOLERANCE:
        return False  # the short last line of a heading
    return abs(em_width(following.text) - width - INDENT) <= HALF_WIDTH


def _indented_against_next(lines: Sequence[Line], index: int) -> bool:
    """Line ``index`` is narrower by an indent than the line after it in the same frame."""
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or following.blank_before >= FRAME_GAP:
        return False
    return abs(em_width(following.text) - em_width(lines[index].text) - INDENT) <= HALF_WIDTH


def _opens_with_dateline(text: str) -> bool:
    """The paragraph so far is a dateline and at most a word after it, or the start of a
    dateline cut by a line end (据新华社某地1月11 / 日电…)."""
    match = DATELINE.match(text)
    return (match is not None and len(text) - match.end() <= DATELINE_TAIL_CHARS) or bool(
        _DATELINE_START.match(text)
    )


def _reads_as_heading(text: str) -> bool:
    """A heading so far, whatever brackets or quotes it has left open at a line end."""
    return is_heading_like(_PAIRED_MARKS.sub("", text))


def _heading_so_far(text: str, full_above: bool) -> bool:
    """A heading so far, or one that goes on after a comma ending a line narrower than the
    frame (a title's line in larger type under its kicker): a title may hold a comma (当初不会干，
    / 现在使劲干), but no headline ends in one (none of the 700 kickers and 2,676 titles of the
    training corpus does). A full line ending in a comma is running text that goes on."""
    if _reads_as_heading(text):
        return True
    return not full_above and text.endswith("，") and _reads_as_heading(text[:-1])


def _continues(
    lines: Sequence[Line], index: int, paragraph: str, frame: float, first: bool, stands_alone: Standalone
) -> bool:
    """Line ``index`` continues ``paragraph``, whose last line is ``index - 1`` and whose lines
    (but the last) are ``frame`` em wide; ``first``: that last line is the paragraph's first."""
    above, line = lines[index - 1], lines[index]
    if line.blank_before >= FRAME_GAP or stands_alone(above.text) or _is_whole(paragraph):
        return False
    if line.text[0] in CONTINUATION_STARTS:
        return True
    if line.indent >= INDENT - WIDTH_TOLERANCE or stands_alone(line.text):
        return False
    width_above, width = em_width(above.text), em_width(line.text)
    full_above = width_above >= frame - WIDTH_TOLERANCE
    if line.text.startswith("——") and not full_above:
        return False  # a subtitle, or a paragraph opening on a dash
    if ends_sentence(above.text):
        # a sentence ending at the end of a full line goes on only if the next line is full too
        # (not indented, and not a short line that is a paragraph of its own), and not after a
        # box end, where the next box may continue another column (the stage of continuations
        # out of place pairs it); after a first line, only as wide as it, or wider by its indent
        if line.blank_before:
            return False
        if first:
            return _close(width, width_above) or _close(width, width_above + INDENT)
        return full_above and _close(width, frame)
    if _opens_with_dateline(paragraph):
        return True  # 新华社北京2月1日电, set apart by a wide space some extractors drop
    if first and DATELINE.match(paragraph) and not _indented_against_next(lines, index):
        return True  # a dateline set in smaller type makes its line wider than the column's
    if first and width > width_above + WIDTH_TOLERANCE:
        # The first line is shorter: an indented first line of running text goes on in a full
        # one (narrower still where the extractor dropped the spaces of its indent or dateline).
        indent = width - width_above
        if above.indent != 0.0 or _indented_first_line(lines, index, stands_alone):
            return False  # a one-line heading over an indented first line
        wide_indent = not _reads_as_heading(above.text) and indent <= INDENT + 2 * WIDTH_TOLERANCE
        return _close(indent, INDENT) or wide_indent
    if width > width_above + WIDTH_TOLERANCE:
        return False  # the line above stopped short: its paragraph ended
    if _heading_so_far(paragraph, full_above) and not is_finished(line.text):
        # a kicker over its title, or two lines of a title: joined here, and told apart where
        # headings are read (:mod:`headings`), at one of these line ends; but not the indented
        # first line of the text under a heading
        return _is_whole(paragraph + line.text) or not _indented_first_line(lines, index, stands_alone)
    if not full_above:
        return False
    if line.blank_before and not ends_sentence(line.text) and _indented_against_next(lines, index):
        return False  # an indented first line after a box end: another paragraph starts
    return not _starts_own_frame(lines, index, width_above)


def _rejoin_pieces(lines: Sequence[Line], stands_alone: Standalone) -> list[Line]:
    """Pieces of one printed line that an extractor put on lines of their own where the line
    had a wide space (pdftotext: 新华社记者 / 吴 / 鲁摄, 本报电 / 2019…), joined again with
    an ideographic space: a credit or byline only whole together, a dateline and its text."""
    result: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        taken = 1
        if em_width(line.text) <= PIECE_MAX_WIDTH and not stands_alone(line.text):
            for count in range(2, PIECES + 1):
                pieces = lines[index : index + count]
                if len(pieces) < count or any(
                    p.blank_before or em_width(p.text) > LAST_PIECE_MAX_WIDTH for p in pieces[1:]
                ):
                    break
                if stands_alone("\u3000".join(p.text for p in pieces)):
                    taken = count
                    break
        following = lines[index + 1] if index + 1 < len(lines) else None
        separator = "\u3000"
        if taken == 1 and following is not None and not following.blank_before and _is_dateline(line.text):
            taken = 2
        elif taken == 1 and following is not None and _NUMBERED.match(line.text):
            taken = 2  # 第十一条 / 地方各级…, 第一章 / 总则: the number and what it numbers
        elif taken == 1 and _spaced_character(line.text):
            # a heading spaced out character by character (总 / 则), blank lines between
            while index + taken < len(lines) and _spaced_character(lines[index + taken].text):
                taken += 1
            separator = ""
        if taken > 1:
            pieces = lines[index : index + taken]
            line = Line(
                separator.join(p.text for p in pieces),
                tuple(n for p in pieces for n in p.numbers),
                line.blank_before,
                line.indent,
            )
        result.append(line)
        index += taken
    return result


def _spaced_character(text: str) -> bool:
    return len(text) == 1 and cjk_count(text) == 1


def _is_dateline(text: str) -> bool:
    match = DATELINE.match(text)
    return match is not None and match.end() == len(text)


def unwrap(lines: Sequence[Line], *, stands_alone: Standalone) -> list[Line]:
    """Join the printed lines of each paragraph into one line. ``stands_alone`` tells the lines
    that are whole by their shape (a byline, a photo credit), never joined to another."""
    lines = _rejoin_pieces(lines, stands_alone)
    groups: list[list[int]] = []
    text = ""
    frame = 0.0
    for index, line in enumerate(lines):
        if groups and _continues(lines, index, text, frame, len(groups[-1]) == 1, stands_alone):
            groups[-1].append(index)
            # a first line that opens with a dateline may be set in smaller type, wider than
            # the column: the frame is that of the lines under it
            under_dateline = len(groups[-1]) == 2 and DATELINE.match(text) is not None
            frame = em_width(line.text) if under_dateline else max(frame, em_width(line.text))
            text += line.text
        else:
            groups.append([index])
            text, frame = line.text, em_width(line.text)
    paragraphs = [_joined(lines, group) for group in groups]
    widths = [[em_width(lines[k].text) for k in group] for group in groups]
    return _with_type_scales(_with_first_indents(paragraphs, widths, stands_alone), widths, stands_alone)


def _with_type_scales(
    paragraphs: list[Line], widths: list[list[float]], stands_alone: Standalone
) -> list[Line]:
    """Each heading wrapped at a width of its own (its first two printed lines alike, of a few
    characters at least) with the ratio of the nearest running text's frame (a paragraph of
    several lines, in the same text frame) to its own width."""

    def body_frame(k: int) -> float | None:
        lines = widths[k]
        text = paragraphs[k].text
        if len(lines) < 3 or is_heading_like(text) or stands_alone(text):
            return None
        return max(lines[1:] if DATELINE.match(text) else lines)

    result = []
    for k, paragraph in enumerate(paragraphs):
        own = widths[k]
        wrapped = len(own) > 1 and _close(own[0], own[1]) and own[0] >= MIN_WRAP_WIDTH
        if not wrapped or not is_heading_like(paragraph.text):
            result.append(paragraph)
            continue
        frame = next(
            (
                width
                for width in (body_frame(j) for j in _same_frame_outward(paragraphs, k))
                if width is not None
            ),
            None,
        )
        scale = None if frame is None else frame / max(own)
        result.append(replace(paragraph, type_scale=scale))
    return result


def _is_prose(text: str, widths: Sequence[float]) -> bool:
    """Several printed lines holding a finished sentence: running text, whose lines tell its
    frame even alone in a box."""
    return len(widths) >= PROSE_MIN_LINES and any(char in SENTENCE_END for char in text[:-1])


def _same_frame_outward(paragraphs: list[Line], k: int) -> list[int]:
    """The paragraphs after ``k`` and then those before it, nearest first, up to a frame gap
    (a page end) and at most ``NEIGHBOURS`` each way."""
    after = []
    for j in range(k + 1, min(len(paragraphs), k + 1 + NEIGHBOURS)):
        if paragraphs[j].blank_before >= FRAME_GAP:
            break
        after.append(j)
    before = []
    for j in range(k - 1, max(-1, k - 1 - NEIGHBOURS), -1):
        if paragraphs[j + 1].blank_before >= FRAME_GAP:
            break
        before.append(j)
    return after + before


def _with_first_indents(
    paragraphs: list[Line], widths: list[list[float]], stands_alone: Standalone
) -> list[Line]:
    """Each paragraph with its first line's indent against the frame: the widest printed line
    of the paragraph and of its neighbours of running text in the same frame. A first line
    that opens with a dateline tells no frame: it may be set in smaller type."""

    def frame_widths(k: int) -> list[float]:
        text = paragraphs[k].text
        if is_heading_like(text) or stands_alone(text):
            return []
        return widths[k][1:] if DATELINE.match(text) else widths[k]

    result = []
    for k, paragraph in enumerate(paragraphs):
        if stands_alone(paragraph.text):
            result.append(paragraph)
            continue
        around: list[float] = []
        if k > 0 and paragraph.blank_before < FRAME_GAP:
            around.extend(frame_widths(k - 1))
        if k + 1 < len(paragraphs) and paragraphs[k + 1].blank_before < FRAME_GAP:
            around.extend(frame_widths(k + 1))
        own = frame_widths(k) or widths[k]
        frame = max(own + around, default=0.0)
        indent = frame - widths[k][0]
        if len(own) > 1 and max(own) < frame - WIDTH_TOLERANCE:
            known = None  # lines of another frame or type size
        elif len(widths[k]) == 1 and ends_sentence(paragraph.text) and indent >= WIDTH_TOLERANCE:
            known = None  # a short line alone: an indented paragraph, or the last line of one
        elif around or abs(indent - INDENT) <= WIDTH_TOLERANCE or _is_prose(paragraph.text, own):
            known = indent
        else:
            # alone in its box, a short paragraph without an indent may be a title in larger type
            known = None
        result.append(replace(paragraph, first_indent=known))
    return result


def size_changes(widths: Sequence[float]) -> list[int]:
    """The lines (by index) that open a run of another type size. A run is lines of one width
    and a shorter last line; the line after a short last line opens a new run, and so does a
    narrower line followed by no wider one (the first line of a title in larger type under a
    one-line kicker)."""
    changes = []
    run_width = widths[0]
    for k in range(1, len(widths)):
        above, width = widths[k - 1], widths[k]
        following = widths[k + 1] if k + 1 < len(widths) else None
        after_short_line = above < run_width - WIDTH_TOLERANCE
        narrower_frame = (
            following is not None and width < above - WIDTH_TOLERANCE and following < width + HALF_WIDTH
        )
        if after_short_line or narrower_frame:
            changes.append(k)
            run_width = width
        else:
            run_width = max(run_width, width)
    return changes


def title_frame_changes(text: str, breaks: Sequence[int]) -> bool:
    """The printed lines of a heading (``text`` joined at ``breaks``) were not all wrapped at one
    frame. Each line of a wrapped title fills the title's frame, so that a whole character of
    difference tells a line set apart (where :func:`size_changes` allows for the squeezed
    punctuation and Latin runs of running text): a line wider by a character than the line
    above, which stopped short of the frame (修好十座桥 / 河湾镇群众出行 / 更加方便), or narrower
    by one than the line above while as wide as the line under it (河湾镇新建十座便桥 / 全镇群众
    出行 / 更加方便快捷). Measured on the printed-line dumps of the dev PDFs: 3 kickers told from
    their titles in each, no title split; in a layout-keeping dump the widths are the only cue,
    every character taking one place of the grid whatever its size. A closing column tag, set
    smaller, is left out; so are lines holding Latin letters or digits, whose printed widths
    their count does not tell closely enough (a title's line with a figure was measured wider
    by one than the line above it)."""
    head = len(text[: column_tag_start(text)].rstrip())
    cuts = [0, *(k for k in breaks if k < head), head]
    lines = [text[start:end].strip() for start, end in itertools.pairwise(cuts)]
    # (a line of full-width characters only is as wide in em as it is long)
    widths = [float(len(line)) if line and em_width(line) == len(line) else None for line in lines]
    for k in range(1, len(widths)):
        above, width = widths[k - 1], widths[k]
        following = widths[k + 1] if k + 1 < len(widths) else None
        if above is None or width is None:
            continue
        if width >= above + CHARACTER:
            return True
        if following is not None and width <= above - CHARACTER and abs(following - width) <= HALF_WIDTH:
            return True
    return False


def _joined(lines: Sequence[Line], group: Sequence[int]) -> Line:
    """One paragraph of the printed lines ``group``, with its line ends and those after which
    the type changes size (:func:`size_changes`)."""
    first = lines[group[0]]
    offsets = list(itertools.accumulate(len(lines[index].text) for index in group[:-1]))
    widths = [em_width(lines[index].text) for index in group]
    changes = [offsets[k - 1] for k in size_changes(widths)]
    return Line(
        "".join(lines[index].text for index in group),
        tuple(number for index in group for number in lines[index].numbers),
        first.blank_before,
        first.indent,
        tuple(offsets),
        tuple(changes),
        tuple(offsets[k - 1] for k in range(1, len(group)) if lines[group[k]].blank_before),
    )

"""Continuations out of place: a paragraph cut at the foot of a column whose rest the extractor
put elsewhere on the page. pdfminer.six may order the top of a column before the foot of the
column it continues, or put other boxes between them; pdfminer.six and pdftotext part a story
run over onto the next PDF page by a page end. The column-break stage joins only neighbours,
so here the pieces of the page are put back in reading order first.

A *loose end* is a paragraph of running text that stops mid-sentence with nothing after it
that continues it. A *loose start* is text that begins inside a paragraph: with a mark that no
sentence starts with (，。”）); or, where the extractor kept the printed lines, with a first line
as wide as its frame at the top of a box (a paragraph's first line is indented, the top of a
column that continues one is not); or as running text at the top of a page or text frame,
where a story would start with its heading. The page is cut into pieces at loose ends, loose
starts, headings and captions; each loose end is paired with the loose start that reads best
after it (a mark that continues a sentence, a word across the seam as in 候 / 车区, a quotation
left open and closed, the foot of a page and the top of the next), the nearer one first, and
the piece that the start opens moves there. Every join is a ``column_break`` repair of the
paragraph. An end or a start left without a partner stays where it was (a story continued on
another page; a stray piece, which the broken-start stage flags).
"""

from __future__ import annotations

import enum
import itertools
import re
from dataclasses import dataclass

from summarizer.pages.breaks import join_blocks
from summarizer.pages.lines import Block, Kind
from summarizer.pages.model import Caption
from summarizer.pages.reflow import FRAME_GAP, INDENT, WIDTH_TOLERANCE, em_width
from summarizer.pages.seams import continues, seam_evidence
from summarizer.pages.text import (
    CONTINUATION_STARTS,
    DATELINE,
    SENTENCE_END,
    SUMMARY_BULLETS,
    cjk_count,
    ends_sentence,
    ends_with_colon,
    is_finished,
    is_heading_like,
    open_quotes,
)

Item = Block | Caption
# A first line narrower than its frame by less than this (em) is not indented.
NO_INDENT = 1.0
LIST_ITEM_ENDS = ("；", ";")
_CLAUSE = re.compile(r"[，、；：。！？,;:]")
LOOSE_END_MIN_CJK = 5
HEADING_KINDS = (Kind.SUBTITLE, Kind.BYLINE, Kind.AUTHOR_MARK)
_FIRST_SENTENCE = re.compile(r"^.*?[。！？!?]")


def _running_text(item: Item) -> bool:
    """Body text: not heading-like, or set as a paragraph of its column (more than one printed
    line, the first indented), which a short one cut by a column end may look like."""
    if not isinstance(item, Block) or item.kind is not Kind.BODY:
        return False
    return not is_heading_like(item.text) or _indented_paragraph(item)


def _indented_paragraph(block: Block) -> bool:
    indent = block.first_indent
    return bool(block.breaks) and indent is not None and abs(indent - INDENT) <= NO_INDENT


def _loose_end(item: Item) -> bool:
    """Running text that stops mid-sentence. A colon may close a paragraph over a list and a
    semicolon an item of one; a few characters without a clause (2019年1月21日) are whole, and
    so is a lead-in point under a title (■…)."""
    return (
        _running_text(item)
        and (_CLAUSE.search(item.text) is not None or cjk_count(item.text) >= LOOSE_END_MIN_CJK)
        and not item.text.startswith(tuple(SUMMARY_BULLETS))
        and not is_finished(item.text)
        and not ends_with_colon(item.text)
        and not item.text.endswith(LIST_ITEM_ENDS)
    )


def _seam_only_start(item: Item) -> bool:
    """Running text at the top of a box whose indent is unknown (a short line alone): it may
    go on from a loose end, where a word or figure reads across the seam."""
    return (
        isinstance(item, Block)
        and _running_text(item)
        and item.blank_before > 0
        and item.first_indent is None
        and not item.breaks
    )


def _start_strength(item: Item, *, page_start: bool) -> int:
    """2: begins with a mark no sentence starts with; 1: running text at the top of a page or
    text frame (``page_start``) unless its first line is indented, or at the top of an
    extractor's box (a blank line above it) with a first line known not to be; 0: may begin
    a paragraph."""
    if not isinstance(item, Block) or not _running_text(item):
        return 0
    if _opens_mid_sentence(item):
        return 2
    if DATELINE.match(item.text) or cjk_count(item.text) < 2:
        return 0  # a dateline opens a story; a figure or a word alone tells nothing
    indent = item.first_indent
    if page_start:
        # where the indent is unknown, only prose: a kicker may end in a comma
        return (
            1
            if (indent is None and _is_prose(item.text)) or (indent is not None and indent < NO_INDENT)
            else 0
        )
    return 1 if indent is not None and indent < NO_INDENT and item.blank_before > 0 else 0


class Seam(enum.Enum):
    """How surely a text goes on from the loose end right before it."""

    NONE = 0
    WEAK = 1  # it may: only where nothing else continues the end better
    SURE = 2


def _seam_in_place(head: Item, tail: Item, *, printed_lines: bool) -> Seam:
    """``tail``, right after the loose end ``head``, continues it in place by the column-break
    stage's seam, unless ``tail`` opens with an indented first line and reads as a new
    sentence. Where the extractor kept the printed lines but ``tail``'s indent is unknown and
    no word, figure or mark runs across, the join is only weak."""
    if not isinstance(head, Block) or not isinstance(tail, Block) or not continues(head, tail):
        return Seam.NONE
    if _opens_mid_sentence(tail):
        return Seam.SURE
    if tail.first_indent is not None:
        return Seam.SURE if tail.first_indent < NO_INDENT else Seam.NONE
    if seam_evidence(head.text, tail.text) or not printed_lines:
        return Seam.SURE
    return Seam.WEAK


def _is_heading(item: Item) -> bool:
    return isinstance(item, Block) and item.kind is Kind.BODY and not _running_text(item)


def _starts_page(items: tuple[Item, ...], index: int) -> bool:
    """The item opens the text, a page (a form feed) or a text frame (two blank lines)."""
    item = items[index]
    return index == 0 or (isinstance(item, Block) and item.blank_before >= FRAME_GAP)


@dataclass
class _Piece:
    items: list[Item]
    starts_page: bool
    closes_box: bool = False  # a blank line, a page end or nothing follows it
    ends_page: bool = False  # a page end, a frame gap or nothing follows it
    weakly_continued: bool = False  # the next piece may go on from this one (Seam.WEAK)
    next: int | None = None  # the piece that continues this one's last paragraph
    continued: bool = False  # some piece's last paragraph goes on in this one's first

    @property
    def head(self) -> Item:
        return self.items[0]

    @property
    def tail(self) -> Item:
        return self.items[-1]


def _loose_start(items: tuple[Item, ...], index: int) -> bool:
    item = items[index]
    return _start_strength(item, page_start=_starts_page(items, index)) > 0 or _seam_only_start(item)


def _ends_full_line(block: Block) -> bool:
    """The paragraph's last printed line is as wide as its widest: the text ran to the end
    of the line (a short last line ends the paragraph)."""
    if not block.breaks:
        return False
    bounds = (0, *block.breaks, len(block.text))
    widths = [em_width(block.text[a:b]) for a, b in itertools.pairwise(bounds)]
    return widths[-1] >= max(widths[:-1]) - WIDTH_TOLERANCE


def _sentence_goes_on(previous: Item, item: Item, *, printed_lines: bool) -> bool:
    """A paragraph that ends a sentence at the end of a full line and of an extractor's box,
    and running text at the top of the next box whose first line is known not to be indented:
    a column end may have fallen after the sentence, so the box may go on in place where no
    loose end elsewhere takes it (a first line without indent does not start a paragraph)."""
    return (
        printed_lines
        and isinstance(previous, Block)
        and isinstance(item, Block)
        and _running_text(previous)
        and ends_sentence(previous.text)
        and _ends_full_line(previous)
        and _running_text(item)
        and 0 < item.blank_before < FRAME_GAP
        and item.first_indent is not None
        and item.first_indent < NO_INDENT
    )


def _under_heading(items: tuple[Item, ...], index: int) -> bool:
    """A loose start right under a heading, byline or subtitle: it moves alone, and the text
    after it stays under the heading, whose story it begins."""
    above = items[index - 1]
    heading = _is_heading(above) or (isinstance(above, Block) and above.kind in HEADING_KINDS)
    return heading and _loose_start(items, index)


def _cut(items: tuple[Item, ...], *, printed_lines: bool) -> list[_Piece]:
    """Pieces of the page: cut before a heading or a caption and after one, after a loose end
    and before a loose start, unless the two surely go on in place, and after a loose start
    right under a heading."""
    pieces: list[_Piece] = []
    for index, item in enumerate(items):
        previous = items[index - 1] if index else None
        seam = Seam.NONE
        if previous is None:
            opens = True
        elif _loose_end(previous):
            seam = _seam_in_place(previous, item, printed_lines=printed_lines)
            opens = seam is not Seam.SURE
        elif isinstance(item, Caption) or isinstance(previous, Caption) or _is_heading(item):
            opens = True
        else:
            opens = _loose_start(items, index) or (index > 1 and _under_heading(items, index - 1))
            if opens and _sentence_goes_on(previous, item, printed_lines=printed_lines):
                seam = Seam.WEAK
        if opens:
            if pieces:
                pieces[-1].weakly_continued = seam is Seam.WEAK
            pieces.append(_Piece([item], starts_page=_starts_page(items, index)))
        else:
            pieces[-1].items.append(item)
        following = index + 1 if index + 1 < len(items) else None
        piece = pieces[-1]
        piece.closes_box = following is None or items[following].lines[0] > item.lines[-1] + 1
        piece.ends_page = following is None or _starts_page(items, following)
    return pieces


def _pair_score(end: _Piece, start: _Piece) -> int:
    """How well the head of ``start`` reads as the rest of the tail of ``end``."""
    head, tail = end.tail, start.head
    assert isinstance(head, Block) and isinstance(tail, Block)
    score = _start_strength(tail, page_start=start.starts_page)
    if not _opens_mid_sentence(tail) and seam_evidence(head.text, tail.text):
        score += 2  # a word or a figure read across the seam: evidence about the pair itself
    if tail.first_indent is not None and tail.first_indent < NO_INDENT:
        score += 1  # a first line measured against its frame and not indented: no paragraph start
    if end.ends_page and start.starts_page:
        score += 1  # the foot of a page's last column goes on at the top of a page
    if _closes_quote(tail):
        score += 1  # and the head left one open
    return score


def _is_prose(text: str) -> bool:
    """Holds a finished sentence (a heading may end in ！ or ？, never holds 。)."""
    return "。" in text or any(char in SENTENCE_END for char in text[:-1])


def _closes_quote(block: Block) -> bool:
    """The first sentence closes a quotation before it opens one."""
    first = _FIRST_SENTENCE.match(block.text)
    sentence = first.group() if first else block.text
    close, opening = sentence.find("”"), sentence.find("“")
    return close >= 0 and (opening < 0 or close < opening)


def _opens_mid_sentence(block: Block) -> bool:
    """Begins with a mark no sentence starts with (，。”）), or its first sentence closes a
    quotation it never opened (a piece joined further on may hold any marks)."""
    text = block.text.lstrip()
    return bool(text) and (text[0] in CONTINUATION_STARTS or _closes_quote(block))


def _may_continue(end: _Piece, start: _Piece) -> bool:
    """A loose start may go on from a loose end: not its own piece; a quotation it closes was
    left open (quotes pair up); where only the missing indent or the place says so, the foot
    of a column is at the end of an extractor's box."""
    head, tail = end.tail, start.head
    assert isinstance(head, Block) and isinstance(tail, Block)
    if start is end or (_closes_quote(tail) and open_quotes(head.text) <= 0):
        return False
    if _start_strength(tail, page_start=start.starts_page) == 0:
        return seam_evidence(head.text, tail.text)  # a start with no sign of its own
    return end.closes_box or _opens_mid_sentence(tail)


def _chain_reaches(pieces: list[_Piece], start: int, target: int) -> bool:
    index: int | None = start
    while index is not None:
        if index == target:
            return True
        index = pieces[index].next
    return False


def _link(pieces: list[_Piece]) -> None:
    """Pair loose ends with loose starts, best reading first, then the nearest."""
    ends = [k for k, piece in enumerate(pieces) if _loose_end(piece.tail)]
    starts = [
        k
        for k, p in enumerate(pieces)
        if _start_strength(p.head, page_start=p.starts_page) > 0 or _seam_only_start(p.head)
    ]
    candidates = [
        (-_pair_score(pieces[end], pieces[start]), abs(start - end - 1), end, start)
        for end in ends
        for start in starts
        if _may_continue(pieces[end], pieces[start])
    ]
    # a weak join in place, taken when no loose start reads better after the end
    candidates.extend((0, 0, k, k + 1) for k, piece in enumerate(pieces) if piece.weakly_continued)
    for _, _, end, start in sorted(candidates):
        if (
            pieces[end].next is None
            and not pieces[start].continued
            and not _chain_reaches(pieces, start, end)
        ):
            pieces[end].next = start
            pieces[start].continued = True


def restore_reading_order(items: tuple[Item, ...], *, printed_lines: bool) -> tuple[Item, ...]:
    """Move each piece that begins inside a paragraph after the loose end it continues, and
    join the two halves of the paragraph. ``printed_lines``: the page was an extractor's
    printed lines, whose first-line indents tell where paragraphs start."""
    pieces = _cut(items, printed_lines=printed_lines)
    _link(pieces)
    ordered: list[Item] = []
    for piece in pieces:
        if piece.continued:
            continue  # placed after the piece it continues
        ordered.extend(piece.items)
        following = piece.next
        while following is not None:
            head, tail = ordered.pop(), pieces[following].head
            assert isinstance(head, Block) and isinstance(tail, Block)
            ordered.append(join_blocks(head, tail))
            ordered.extend(pieces[following].items[1:])
            following = pieces[following].next
    return tuple(ordered)

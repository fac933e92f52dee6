"""Pieces in reading order to the pages of the record: column breaks joined by geometry,
headings sorted into kickers, titles and subtitles by type size, captions and bylines by
size and shape, and each article's draft handed to the page pipeline's article builder
(``summarizer.pages.articles``), so that a PDF page gives the same record as a text page.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarizer.deadline import Deadline
from summarizer.engine import Engine
from summarizer.options import Options
from summarizer.pages.articles import build_article
from summarizer.pages.lines import Block, Kind, classify
from summarizer.pages.model import Article, Caption, Continuation, Fragment, Repair
from summarizer.pages.pdf.pieces import Piece, Role, join_lines
from summarizer.pages.segment import Draft, Entry
from summarizer.pages.text import DATELINE, SENTENCE_END, is_finished

TITLE_SIZE = 1.3  # of the body size: a heading this large names an article, smaller ones a section
GARBLED_SHARE = 0.3  # of a piece's characters without a Unicode map: the text is not readable
CAPTION_MAX_LINES = 6  # body-size text under a picture is its caption only when this short
CAPTION_DISTANCE = 2.0  # ems of body type between a picture and its caption
SAME_DECK_SIZE = 0.2  # points: heading pieces this close in size are one deck (title, kicker)
SEAM_CONTEXT = 8  # characters on either side of a joined column break, in the repair's detail

GARBLED_REASON = "garbled text: its font has no Unicode map"
# Small-type lines that belong to the article, not to a picture.
NOTE_KINDS = (Kind.BYLINE, Kind.AUTHOR_NOTE, Kind.CLOSING_DATELINE, Kind.END_MARK, Kind.AUTHOR_MARK)


@dataclass
class _Article:
    """An article being collected: its heading and its entries, on the page it starts on."""

    page: int
    kicker: str | None
    title: Block | None
    subtitle: str | None
    entries: list[Entry] = field(default_factory=list)

    def draft(self) -> Draft:
        return Draft(self.kicker, self.title, self.subtitle, tuple(self.entries))


@dataclass
class _PageParts:
    articles: list[_Article] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    # articles of earlier pages this page's text goes on with, and the lines it gave each
    continued: list[tuple[_Article, list[int]]] = field(default_factory=list)

    def add_continued(self, article: _Article, numbers: Sequence[int]) -> None:
        for known, lines in self.continued:
            if known is article:
                lines.extend(numbers)
                return
        self.continued.append((article, list(numbers)))

    def flag_garbled(self, pieces: Sequence[Piece], current: _Article | None) -> None:
        """Text in a font without a Unicode map: a fragment, naming the article it stood in."""
        article = self.articles.index(current) if current in self.articles else None
        text = join_lines([piece.text for piece in pieces])
        self.fragments.append(Fragment(text, _numbers(pieces), GARBLED_REASON, article))


def _block(pieces: Sequence[Piece], kind: Kind, repairs: tuple[Repair, ...] = ()) -> Block:
    texts = [line.text for piece in pieces for line in piece.lines]
    numbers = tuple(n for piece in pieces for n in piece.numbers)
    return Block(join_lines(texts), numbers, kind, 0, repairs)


def _continues(previous: Piece, piece: Piece, *, interrupted: bool, indent_layout: bool) -> bool:
    """``piece`` is the rest of the paragraph ``previous``: the previous paragraph ran to the
    edge of its column, and this one starts a column (or follows a picture or caption that
    interrupted it) without the indent that opens a paragraph. In a layout without indents,
    where every paragraph starts at the edge, only an unfinished sentence says so."""
    if not previous.full_end or piece.indented:
        return False
    if not (_column_moved(previous, piece) or interrupted):
        return False
    return indent_layout or not is_finished(previous.text)


def _column_moved(previous: Piece, piece: Piece) -> bool:
    """``piece`` starts another column than ``previous`` ended in (higher up, or on a later
    page), not the next frame down the same column."""
    return piece.leaf != previous.leaf and (
        piece.page != previous.page or piece.lines[0].top < previous.lines[-1].bottom
    )


def _seam(head: str, tail: str) -> str:
    return f"{head[-SEAM_CONTEXT:]}|{tail[:SEAM_CONTEXT]}"


def join_column_breaks(pieces: Sequence[Piece], *, indent_layout: bool) -> list[tuple[Piece, ...]]:
    """Body paragraphs continued in another column become one group of pieces; every other
    piece stands alone. Headings end the flow: nothing continues across a title."""
    groups: list[list[Piece]] = []
    last_body: int | None = None  # index in groups of the last body paragraph
    interrupted = False
    for piece in pieces:
        if piece.role is Role.BODY:
            previous = groups[last_body][-1] if last_body is not None else None
            if previous is not None and _continues(
                previous, piece, interrupted=interrupted, indent_layout=indent_layout
            ):
                assert last_body is not None
                groups[last_body].append(piece)
            else:
                groups.append([piece])
                last_body = len(groups) - 1
            interrupted = False
            continue
        previous = groups[-1][-1] if groups else None
        if (
            piece.role is Role.SMALL
            and previous is not None
            and previous.role is Role.SMALL
            and abs(previous.size - piece.size) < SAME_DECK_SIZE
            and previous.full_end
            and _column_moved(previous, piece)
        ):
            groups[-1].append(piece)  # a caption run on into the next column
            continue
        groups.append([piece])
        if piece.role is Role.HEADING:
            last_body = None
        else:
            interrupted = True
    return [tuple(group) for group in groups]


def _repairs(group: tuple[Piece, ...]) -> tuple[Repair, ...]:
    return tuple(
        Repair("column_break", (head.numbers[-1], tail.numbers[0]), _seam(head.text, tail.text))
        for head, tail in itertools.pairwise(group)
    )


def _heading_runs(groups: list[tuple[Piece, ...]]) -> list[list[tuple[Piece, ...]]]:
    """Consecutive heading pieces become one heading group, also across a column break (a
    title may run from the foot of one column to the head of the next)."""
    runs: list[list[tuple[Piece, ...]]] = []
    for group in groups:
        first = group[0]
        previous = runs[-1][-1][0] if runs else None
        if (
            first.role is Role.HEADING
            and previous is not None
            and previous.role is Role.HEADING
            and (previous.leaf == first.leaf or _column_moved(previous, first) or _stacked(previous, first))
        ):
            runs[-1].append(group)
        else:
            runs.append([group])
    return runs


def _stacked(previous: Piece, piece: Piece) -> bool:
    """``piece`` stands right under ``previous`` (a kicker over its title in another frame of
    the cut): below it, overlapping it across, closer than two lines of the larger type."""
    above, below = previous.lines[-1], piece.lines[0]
    gap = below.top - above.bottom
    across = min(above.right, below.right) - max(above.left, below.left)
    return piece.page == previous.page and 0 <= gap <= 2 * max(above.size, below.size) and across > 0


def _split_heading(pieces: list[Piece]) -> tuple[str | None, Block, str | None]:
    """Kicker, title and subtitle of a heading group: the largest type is the title, what
    stands above it the kicker, what stands below it the subtitle."""
    decks: list[list[Piece]] = []  # runs of pieces in one size
    for piece in pieces:
        if decks and abs(decks[-1][-1].size - piece.size) < SAME_DECK_SIZE:
            decks[-1].append(piece)
        else:
            decks.append([piece])
    largest = max(piece.size for piece in pieces)
    index = next(i for i, deck in enumerate(decks) if deck[0].size == largest)
    kicker = " ".join(join_lines([p.text for p in deck]) for deck in decks[:index]) or None
    subtitle = "".join(join_lines([p.text for p in deck]) for deck in decks[index + 1 :]) or None
    return kicker, _block(decks[index], Kind.BODY), subtitle


def _caption(pieces: Sequence[Piece]) -> Caption:
    """Caption text and credit: the credit is the last line(s) shaped like one (…摄, 新华社发,
    X图 Y文), or the end of the last sentence when the credit runs on in the same line."""
    lines = [line.text for piece in pieces for line in piece.lines]
    numbers = tuple(n for piece in pieces for n in piece.numbers)
    credit_start = len(lines)
    while credit_start > 0 and classify(lines[credit_start - 1]) is Kind.CREDIT:
        credit_start -= 1
    text = join_lines(lines[:credit_start])
    credit = join_lines(lines[credit_start:]) or None
    if credit is None:
        cut = max(text.rfind(mark) for mark in SENTENCE_END) + 1
        if 0 < cut < len(text) and classify(text[cut:].strip()) is Kind.CREDIT:
            text, credit = text[:cut], text[cut:].strip()
    return Caption(text, credit, numbers)


def _is_picture_caption(group: tuple[Piece, ...], before: tuple[Piece, ...] | None, em: float) -> bool:
    """Body-size text right under a picture (or beside it, level with its foot) that reads
    as its caption: short, with a credit line or a 图为."""
    if before is None or before[0].image is None or len(group) != 1:
        return False
    picture, piece = before[0].image, group[0]
    first = piece.lines[0]
    below = 0 <= first.top - picture.bottom <= CAPTION_DISTANCE * em and first.left < picture.right
    beside = (
        first.left >= picture.right and abs(piece.lines[-1].bottom - picture.bottom) <= CAPTION_DISTANCE * em
    )
    if len(piece.lines) > CAPTION_MAX_LINES or not (below or beside):
        return False
    return classify(piece.lines[-1].text) is Kind.CREDIT or "图为" in piece.text


@dataclass(frozen=True)
class PageParts:
    """What one PDF page's record holds."""

    articles: tuple[Article, ...]
    captions: tuple[Caption, ...]
    labels: tuple[str, ...]
    fragments: tuple[Fragment, ...]
    continued: tuple[Continuation, ...]  # without titles: the records' final words name them


def assemble(
    pieces: Sequence[Piece],
    page_numbers: Sequence[int],
    *,
    indent_layout: bool,
    body_size: float,
    engine: Engine,
    options: Options,
    deadline: Deadline | None = None,
) -> dict[int, PageParts]:
    """Articles, captions, labels, fragments and continued articles of every page, by page
    number."""
    parts = {number: _PageParts() for number in page_numbers}
    current: _Article | None = None
    groups = join_column_breaks(pieces, indent_layout=indent_layout)
    runs = _heading_runs(groups)
    before: tuple[Piece, ...] | None = None
    for index, run in enumerate(runs):
        first = run[0][0]
        page = parts[first.page]
        if first.role is Role.HEADING:
            heading = [piece for group in run for piece in group]
            if any(piece.garbled_share > GARBLED_SHARE for piece in heading):
                page.flag_garbled(heading, current)
            elif index == len(runs) - 1:
                page.labels.extend(piece.text for piece in heading)  # nothing follows it: not a title
            elif (
                current is None  # nothing to be a section of
                or max(piece.size for piece in heading) >= TITLE_SIZE * body_size
                or _opens_story(runs[index + 1])
            ):
                kicker, title, subtitle = _split_heading(heading)
                current = _Article(first.page, kicker, title, subtitle)
                page.articles.append(current)
            else:
                block = _block(heading, Kind.BODY)
                current = _add(parts, current, first.page, Entry(block, "heading"))
            before = run[-1]
            continue
        for group in run:
            current = _place(parts, current, group, before, body_size)
            before = group
    return {
        number: PageParts(
            tuple(
                build_article(a.draft(), engine=engine, options=options, deadline=deadline)
                for a in part.articles
            ),
            tuple(part.captions),
            tuple(part.labels),
            tuple(part.fragments),
            tuple(
                Continuation(article.page, parts[article.page].articles.index(article), None, tuple(lines))
                for article, lines in part.continued
            ),
        )
        for number, part in parts.items()
    }


def _opens_story(following: list[tuple[Piece, ...]]) -> bool:
    """What follows a heading in a type only a little larger than the body's says that it
    titles a story (a brief) rather than a section: a byline, or a paragraph that opens with
    a dateline (本报讯, 新华社…电)."""
    first = following[0][0]
    if first.role is Role.HEADING or first.image is not None:
        return False
    return classify(first.text) is Kind.BYLINE or DATELINE.match(first.text) is not None


def _numbers(pieces: Sequence[Piece]) -> tuple[int, ...]:
    return tuple(n for piece in pieces for n in piece.numbers)


def _add(parts: dict[int, _PageParts], current: _Article | None, page: int, entry: Entry) -> _Article:
    """Add to the current article, or open an untitled one (body text before any title). An
    article of an earlier page goes on here: this page's record says so."""
    if current is None:
        current = _Article(page, None, None, None)
        parts[page].articles.append(current)
    elif current.page != page:
        parts[page].add_continued(current, entry.block.lines)
    current.entries.append(entry)
    return current


def _place(
    parts: dict[int, _PageParts],
    current: _Article | None,
    group: tuple[Piece, ...],
    before: tuple[Piece, ...] | None,
    em: float,
) -> _Article | None:
    """Put one group of pieces (a paragraph, a small-type block) where it belongs: the
    current article, the page's captions, or its fragments."""
    first = group[0]
    page = parts[first.page]
    if first.role is Role.IMAGE:
        return current
    if any(piece.garbled_share > GARBLED_SHARE for piece in group):
        page.flag_garbled(group, current)
        return current
    kind = classify(first.text) if len(group) == 1 else Kind.BODY
    if kind is Kind.CREDIT:
        # a credit set apart from the caption just before it (a line of its own, in the
        # frame below) completes that caption; alone, it credits the page's pictures
        last = page.captions[-1] if page.captions else None
        if (
            last is not None
            and last.credit is None
            and before is not None
            and last.lines[-1:] == before[-1].numbers[-1:]
        ):
            page.captions[-1] = Caption(last.text, first.text, last.lines + first.numbers)
        else:
            page.captions.append(Caption("", first.text, first.numbers))
        return current
    if first.role is Role.SMALL or _is_picture_caption(group, before, em):
        if kind in NOTE_KINDS:
            return _add(parts, current, first.page, Entry(_block(group, kind), "body"))
        page.captions.append(_caption(group))
        return current
    return _add(parts, current, first.page, Entry(_block(group, kind, _repairs(group)), "body"))

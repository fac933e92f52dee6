"""Where articles start. A run of heading-like lines opens a new article when the layout
says so (a wider gap, a finished article or a caption before it, a kicker, subtitle or
column tag in it, a byline, author mark or dateline after it); otherwise it is a section
heading of the current article."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from summarizer.pages.headings import split_kicker
from summarizer.pages.lines import Block, Kind, is_box_label
from summarizer.pages.model import Caption
from summarizer.pages.openings import AFTER_CHARS, Above, opening_model, pairs
from summarizer.pages.reflow import title_frame_changes
from summarizer.pages.text import (
    DATELINE,
    SENTENCE_END,
    SUMMARY_BULLETS,
    TAGGED_HEADING_MAX_CHARS,
    column_tag_start,
    ends_sentence,
    has_column_tag,
    is_bracketed_note,
    is_heading_like,
)

ARTICLE_ENDS = (Kind.CLOSING_DATELINE, Kind.END_MARK, Kind.AUTHOR_NOTE)
ARTICLE_OPENERS = (Kind.BYLINE, Kind.AUTHOR_MARK)
FRAME_GAP = 2
LABEL_MAX_CHARS = 8
# A heading in type this many times as large as the running text's is a title (measured on
# the dev PDFs' dumps: section headings 1.0-1.26, titles mostly 1.5-2.5; one line tells nothing).
TITLE_SCALE = 1.4
MIN_TITLE_CHARS = 2
PACKAGE_INTRO_MAX_PARAGRAPHS = 2
PACKAGE_INTRO_MAX_CHARS = 250
PACKAGE_MIN_STORIES = 2
LABEL_DECORATION = "-—－_=·~ "


Role = Literal["body", "heading"]
Item = Block | Caption


@dataclass(frozen=True)
class Entry:
    """One block of an article with its role in the body."""

    block: Block
    role: Role


@dataclass(frozen=True)
class Draft:
    kicker: str | None
    title: Block | None
    subtitle: str | None
    entries: tuple[Entry, ...] = ()


UNTITLED = Draft(None, None, None)


@dataclass(frozen=True)
class Layout:
    drafts: tuple[Draft, ...]
    labels: tuple[str, ...]


def _is_heading(item: Item | None) -> bool:
    return (
        isinstance(item, Block)
        and item.kind is Kind.BODY
        and is_heading_like(item.text)
        and not is_bracketed_note(item.text)
    )


def _kicker_over_heading(items: tuple[Item, ...], index: int) -> bool:
    """A line of no sentence, too long or ending in a comma to read as a heading itself, right
    over a heading at the top of a page or frame or under a picture's caption: a kicker
    (国内票房突破40亿元，观影人次超过8500万，… over 《流浪地球》，爆款如何打造)."""
    item = items[index]
    following = items[index + 1] if index + 1 < len(items) else None
    if not isinstance(item, Block) or item.kind is not Kind.BODY or not _is_heading(following):
        return False
    text = item.text
    if any(char in SENTENCE_END for char in text) or len(text) > TAGGED_HEADING_MAX_CHARS:
        return False
    if text[0] in SUMMARY_BULLETS or DATELINE.match(text) or text.endswith(("：", ":")):
        return False
    return index == 0 or isinstance(items[index - 1], Caption) or item.blank_before >= FRAME_GAP


def _run_end(items: tuple[Item, ...], start: int) -> int:
    end = start + 1
    while end < len(items):
        item = items[end]
        if not isinstance(item, Block) or not (_is_heading(item) or item.kind is Kind.SUBTITLE):
            break
        end += 1
    return end


def _is_box_label(block: Block) -> bool:
    return is_box_label(block.text)


def _kicker_over_title(run: tuple[Block, ...], *, gaps_part_blocks: bool) -> bool:
    """Two heading lines set as one unit (no gap, where the extractor parts its blocks by blank
    lines), a kicker ending in ——, a subtitle, or an explanatory first line longer than the
    line under it: a kicker over a title. (Upper- and lower-level section headings run the
    other way: a short one over a longer one.)"""
    first, second = run[0], run[1]
    set_as_one = gaps_part_blocks and second.blank_before == 0
    if set_as_one or first.text.endswith("——") or second.kind is Kind.SUBTITLE:
        return True
    return len(run) == 2 and len(first.text) > len(second.text)


def _opens_article(
    run: tuple[Block, ...], before: Item | None, after: Item | None, *, gaps_part_blocks: bool = True
) -> bool:
    if len(run) == 1 and _is_box_label(run[0]):
        return False
    if before is None or isinstance(before, Caption) or before.kind in ARTICLE_ENDS:
        return True
    if run[0].blank_before >= FRAME_GAP or any(has_column_tag(b.text) for b in run):
        return True
    if len(run) > 1 and _kicker_over_title(run, gaps_part_blocks=gaps_part_blocks):
        return True
    if run[0].size_changes:
        return True  # a kicker over its title, in print (joined by reflow)
    if any(b.type_scale is not None and b.type_scale >= TITLE_SCALE for b in run):
        return True  # set in type much larger than the running text: a title
    if len(run) == 1 and _dash_inside(run[0].text):
        return True  # a kicker ending in —— run into its title: 某地推进某事——标题
    if isinstance(after, Block):
        return after.kind in ARTICLE_OPENERS or (
            after.kind is Kind.BODY and DATELINE.match(after.text) is not None
        )
    return False


class _ArticleSoFar:
    """The character pairs and length of the article being laid out, gathered once per block
    as it grows (each heading test would read the whole article again). Local to one
    :func:`lay_out` call."""

    def __init__(self) -> None:
        self._draft = -1
        self._entries = 0
        self._pairs: set[str] = set()
        self._length = -1

    def _add(self, text: str) -> None:
        self._pairs.update(pairs(text))
        self._length += len(text) + 1  # a line each, as "\n".join gives

    def of(self, drafts: list[Draft]) -> Above:
        current = drafts[-1]
        if self._draft != len(drafts) - 1:
            self._draft, self._entries, self._pairs, self._length = len(drafts) - 1, 0, set(), -1
            self._add(current.kicker or "")
            self._add(current.title.text if current.title else "")
        for entry in current.entries[self._entries :]:
            self._add(entry.block.text)
        self._entries = len(current.entries)
        return Above(self._pairs, self._length)


def _reads_as_new_story(
    run: tuple[Block, ...], drafts: list[Draft], following: tuple[Item, ...], article: _ArticleSoFar
) -> bool:
    """Where the layout tells nothing, the text around the heading does (:mod:`openings`): a
    new article brings words of its own, a section goes on with those of its article."""
    if not drafts or len(run) > 1 or _is_box_label(run[0]):
        # (two heading lines over each other are an upper and a lower section heading, or a
        # kicker over its title, which :func:`_opens_article` reads)
        return False
    current = drafts[-1]
    earlier = [entry.block.text for entry in current.entries if entry.role == "heading"]
    below: list[str] = []
    for item in following:
        if not isinstance(item, Block) or _is_heading(item) or sum(map(len, below)) >= 2 * AFTER_CHARS:
            break
        if item.kind is Kind.BODY:
            below.append(item.text)
    heading = "".join(block.text for block in run)
    if heading[0] in "（(" or not any(ends_sentence(text) for text in below):
        return False  # a bracketed note, or a line with no story under it (a credit's pieces)
    return opening_model().opens_article(article.of(drafts), heading, "\n".join(below), earlier)


def _dash_inside(text: str) -> bool:
    """A dash with words on both sides, outside a closing column tag."""
    core = text[: column_tag_start(text)].rstrip()
    dash = core.find("——")
    return dash > 0 and len(core) - dash - len("——") >= MIN_TITLE_CHARS


def _title_index(heads: list[Block]) -> int:
    """The title among the heading lines above a subtitle: the one carrying a column tag,
    else the line under a kicker that ends in ——, else the last line."""
    for k, block in enumerate(heads):
        if has_column_tag(block.text):
            return k
    for k, block in enumerate(heads[:-1]):
        if block.text.endswith("——"):
            return k + 1
    return len(heads) - 1


def _draft(run: tuple[Block, ...], *, kickers_run_in: bool) -> Draft:
    """Kicker(s), title, subtitle and leading body headings of a heading run."""
    sub_index = next((k for k in range(1, len(run)) if run[k].kind is Kind.SUBTITLE), None)
    heads = list(run if sub_index is None else run[:sub_index])
    rest = [] if sub_index is None else list(run[sub_index + 1 :])
    subtitle = None if sub_index is None else run[sub_index].text
    while len(heads) > 1 and _is_box_label(heads[-1]):
        rest.insert(0, heads.pop())
    title_index = _title_index(heads)
    kicker = " ".join(b.text for b in heads[:title_index]) or None
    title = heads[title_index]
    if kicker is None and (kickers_run_in or title.breaks):
        # Extraction may have run the kicker into the title's line. When it kept the printed
        # lines, the kicker can end only where one of them did, and where the type changed
        # size it does.
        kicker, title_text = split_kicker(
            title.text,
            at=None if kickers_run_in else title.breaks,
            size_changed=bool(
                title.size_changes or title.box_breaks or title_frame_changes(title.text, title.breaks)
            ),
            over_subtitle=subtitle is not None,
        )
        title = replace(title, text=title_text)
    rest = heads[title_index + 1 :] + rest
    return Draft(kicker, title, subtitle, tuple(Entry(b, "heading") for b in rest))


def _label_under_caption(run: tuple[Block, ...], before: Item | None) -> bool:
    """A short line right under a caption, set apart from the heading below by a wider gap,
    names the picture's column (影像中国), not an article."""
    return (
        isinstance(before, Caption)
        and len(run) > 1
        and len(run[0].text) <= LABEL_MAX_CHARS
        and run[1].blank_before >= FRAME_GAP
    )


def _extend(drafts: list[Draft], entries: tuple[Entry, ...]) -> None:
    """Add to the current article (an untitled one when the page opens with body text)."""
    last = drafts.pop() if drafts else UNTITLED
    drafts.append(replace(last, entries=last.entries + entries))


def lay_out(items: tuple[Item, ...], *, printed_lines: bool = False, frames_marked: bool = False) -> Layout:
    """Group the cleaned blocks into article drafts, in page order, and collect labels.
    ``printed_lines``: the blocks were joined from an extractor's printed lines (reflow): a
    kicker and its title are apart there, or joined where the type changes size; else the
    extraction may have run them into one line, and it parts blocks by blank lines.
    ``frames_marked``: the extraction parts text frames by wider gaps, which then tell where
    stories part; else the words around a one-line heading do (:func:`_reads_as_new_story`)."""
    kickers_run_in = not printed_lines
    drafts: list[Draft] = []
    labels: list[str] = []
    article = _ArticleSoFar()
    before: Item | None = None
    index = 0
    while index < len(items):
        item = items[index]
        if not _is_heading(item) and not _kicker_over_heading(items, index):
            if isinstance(item, Block):
                _extend(drafts, (Entry(item, "body"),))
            before = item
            index += 1
            continue
        end = _run_end(items, index)
        run = tuple(b for b in items[index:end] if isinstance(b, Block))
        after = items[end] if end < len(items) else None
        if _label_under_caption(run, before):
            labels.append(run[0].text.strip(LABEL_DECORATION))
            run = run[1:]
        if after is None:
            labels.extend(b.text.strip(LABEL_DECORATION) for b in run)
        elif _opens_article(run, before, after, gaps_part_blocks=kickers_run_in) or (
            not frames_marked and _reads_as_new_story(run, drafts, items[end:], article)
        ):
            drafts.append(_draft(run, kickers_run_in=kickers_run_in))
        else:
            _extend(drafts, tuple(Entry(b, "heading") for b in run))
        before = run[-1]
        index = end
    return Layout(_fold_packages(drafts), tuple(labels))


def _part_shape(draft: Draft) -> str | None:
    """How a story of a package is headed: a title over a subtitle, or under a kicker ending in
    —— (港口——标题); None for a story that stands on its own (a dateline, a column tag)."""
    if draft.title is None or has_column_tag(draft.title.text):
        return None
    first = draft.entries[0].block if draft.entries else None
    if first is not None and first.kind is Kind.BODY and DATELINE.match(first.text):
        return None
    if draft.subtitle is not None:
        return "subtitle"
    if draft.kicker is not None and draft.kicker.endswith("——"):
        return "dash_kicker"
    return None


def _is_package_intro(draft: Draft) -> bool:
    """A title over a few short paragraphs and nothing else: the intro of a package."""
    if draft.title is None or draft.subtitle is not None:
        return False
    blocks = [entry.block for entry in draft.entries]
    if any(block.kind is not Kind.BODY for block in blocks) or any(DATELINE.match(b.text) for b in blocks):
        return False
    return (
        len(blocks) <= PACKAGE_INTRO_MAX_PARAGRAPHS
        and sum(len(b.text) for b in blocks) <= PACKAGE_INTRO_MAX_CHARS
    )


def _as_section(draft: Draft) -> tuple[Entry, ...]:
    """A story of a package as a section of it: its heading lines, then its body."""
    assert draft.title is not None
    lines = draft.title.lines
    heads = [Block(draft.kicker, lines, Kind.BODY, 0)] if draft.kicker else []
    heads.append(draft.title)
    if draft.subtitle:
        heads.append(Block(draft.subtitle, lines, Kind.SUBTITLE, 0))
    return tuple(Entry(block, "heading") for block in heads) + draft.entries


def _fold_packages(drafts: list[Draft]) -> tuple[Draft, ...]:
    """A package (回家过年: a title over a short intro, then stories headed alike, each with its
    subtitle or each under a kicker ending in ——) is one article; its stories are sections."""
    result: list[Draft] = []
    index = 0
    while index < len(drafts):
        head = drafts[index]
        end = index + 1
        shape = _part_shape(drafts[end]) if end < len(drafts) else None
        while shape is not None and end < len(drafts) and _part_shape(drafts[end]) == shape:
            end += 1
        if end - index - 1 >= PACKAGE_MIN_STORIES and _is_package_intro(head):
            sections = tuple(entry for part in drafts[index + 1 : end] for entry in _as_section(part))
            result.append(replace(head, entries=head.entries + sections))
            index = end
        else:
            result.append(head)
            index += 1
    return tuple(result)

"""Lines of an extracted page: blocks separated by blank lines, and the shapes that mark
bylines, datelines, photo credits, author marks and notes, whatever the page is about.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from summarizer.pages.model import Repair
from summarizer.pages.reflow import is_wrapped, read_lines, unwrap
from summarizer.pages.side_by_side import is_side_by_side, read_columns
from summarizer.pages.text import SUMMARY_BULLETS, is_finished


class Kind(enum.Enum):
    BODY = "body"
    BYLINE = "byline"
    CREDIT = "credit"  # photo or cartoon credit: …摄, 新华社发, 图片来源
    AUTHOR_MARK = "author_mark"  # □name over a commentary
    AUTHOR_NOTE = "author_note"  # （作者为…）
    CLOSING_DATELINE = "closing_dateline"  # （本报某地电）, kept as the article's last paragraph
    END_MARK = "end_mark"  # （某某参与采写）, 制图：…; part of the body, closes the article
    SUBTITLE = "subtitle"  # ——副题


@dataclass(frozen=True)
class Block:
    """One non-empty line of the page, with the 1-based line numbers it came from."""

    text: str
    lines: tuple[int, ...]
    kind: Kind
    blank_before: int
    repairs: tuple[Repair, ...] = ()
    # Offsets in ``text`` where printed lines were joined (:mod:`reflow`), and those of them
    # after which the type changed size.
    breaks: tuple[int, ...] = ()
    size_changes: tuple[int, ...] = ()
    box_breaks: tuple[int, ...] = ()  # the breaks at a blank line between text boxes
    # The first printed line's indent against the frame around it (:mod:`reflow`), None when
    # the extraction does not keep printed lines.
    first_indent: float | None = None
    # A heading's type size against the running text's around it (:mod:`reflow`).
    type_scale: float | None = None


_ROLE = (
    r"(?:(?:本报|新华社|人民日报|中新社)?(?:驻[\u4e00-\u9fff]{1,8})?"
    r"(?:特约|特派|见习|实习)?(?:记者|通讯员|实习生)|本报评论员)"
)
_NAME = r"[\u4e00-\u9fff·]"
_BYLINE = re.compile(rf"^{_ROLE}(?:[\s　]*{_NAME}(?:[\s　]?{_NAME}){{1,4}}(?:[\s　、]+|$))+$")
_SPACED_NAME = r"[\u4e00-\u9fff·](?:[\s　]?[\u4e00-\u9fff·]){1,3}"
# …摄, 供图, 新华社发, 图/…, 图片来源, a cartoon's X图 Y文 (spaced or not: some extractors drop
# the spaces), a name over a picture agency: 张三（人民视觉）.
_CREDIT = re.compile(
    r"(?:摄|供图|社发|图/[^\s]+)\s*(?:[（(][^（）()]{1,20}[）)])?$|^(?:本版)?图片来源|图\s+.{1,6}文$"
    rf"|^{_SPACED_NAME}\s*图\s*{_SPACED_NAME}\s*文$"
    rf"|^{_SPACED_NAME}\s*[（(][^（）()]{{0,6}}(?:视觉|社发|图片|供图)[）)]$"
)
_AUTHOR_MARK = re.compile(r"^□\s*[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,4}$")
_AUTHOR_NOTE = re.compile(
    r"^[（(]作者(?:分别)?(?:为|系|是|单位)(?:[^（）()]|[（(][^（）()]*[）)]){2,100}[）)]$"
)
_CLOSING_DATELINE = re.compile(
    r"^[（(](?:据)?(?:本报|新华社|人民日报|中新社)[^（）()]{0,24}电(?:[\s　]+[^（）()]{1,60})?[）)]$"
)
_END_MARK = re.compile(
    r"^[（(][^（）()]{1,30}(?:参与采写|对本文亦有贡献|采访整理|整理)[）)]$"
    r"|^[（(](?:参与记者|执笔|整理)\s*[：:][^（）()]{1,30}[）)]$"
    r"|^(?:本版|本期)?(?:制图|版式设计|版式|统筹|本期统筹|资料和数据来源|资料整理|栏目投稿邮箱"
    r"|责编|责任编辑|美编|校对)\s*[：:]"
    r"|^[（(]相关报道见第.{1,6}版[）)]$"
)
# Two blank lines or more (a form feed, an extractor's page end, is no gap between frames).
_WIDE_GAP = re.compile(r"\n[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*\n")
CREDIT_MAX_CHARS = 40
SUBTITLE_MAX_CHARS = 120


@dataclass(frozen=True)
class PageBlocks:
    blocks: tuple[Block, ...]
    # The extractor gave every printed line (rejoined by :mod:`reflow`): a kicker and its title,
    # set in different sizes, came apart; else they may share a line.
    printed_lines: bool
    # The extractor parts some text frames by a wider gap (two blank lines or more, not at a page
    # end): where it does, a heading after a single blank line is in the frame of the text above.
    frames_marked: bool = False


def read_blocks(text: str) -> PageBlocks:
    """One block per paragraph: per line, or per run of printed lines (:mod:`reflow`)."""
    side_by_side = is_side_by_side(text)
    lines = read_columns(text) if side_by_side else read_lines(text)
    printed_lines = is_wrapped(lines)
    if printed_lines:
        lines = unwrap(lines, stands_alone=stands_alone)
    blocks = tuple(
        Block(
            line.text,
            line.numbers,
            classify(line.text),
            line.blank_before,
            breaks=line.breaks,
            size_changes=line.size_changes,
            box_breaks=line.box_breaks,
            first_indent=line.first_indent,
            type_scale=line.type_scale,
        )
        for line in lines
    )
    # (columns read from a grid are apart by one blank line, whatever the gaps of the grid)
    frames_marked = not side_by_side and _WIDE_GAP.search(text) is not None
    return PageBlocks(blocks, printed_lines, frames_marked)


def split_blocks(text: str) -> tuple[Block, ...]:
    return read_blocks(text).blocks


# Lines whole by their shape, never the part of a longer paragraph: a byline, a photo credit,
# an author mark or note, a closing dateline, 制图：…, a box label.
STANDALONE_KINDS = (
    Kind.BYLINE,
    Kind.CREDIT,
    Kind.AUTHOR_MARK,
    Kind.AUTHOR_NOTE,
    Kind.CLOSING_DATELINE,
    Kind.END_MARK,
)
BOX_LABELS = frozenset({"核心阅读", "人物小传", "编者按", "链接", "相关链接", "背景链接", "延伸阅读", "短评"})


def stands_alone(line: str) -> bool:
    return classify(line) in STANDALONE_KINDS or is_box_label(line)


def is_box_label(line: str) -> bool:
    """核心阅读, ■延伸阅读: the label over a box of its own, whatever bullet marks it."""
    return "".join(line.split()).lstrip(SUMMARY_BULLETS) in BOX_LABELS


def classify(line: str) -> Kind:
    """The kind a line has by its shape alone; BODY when nothing more specific fits."""
    if len(line) <= CREDIT_MAX_CHARS and not is_finished(line):
        if _AUTHOR_MARK.match(line):
            return Kind.AUTHOR_MARK
        if _CREDIT.search(line) and "。" not in line:
            return Kind.CREDIT
        if _BYLINE.match(line):
            return Kind.BYLINE
    if _AUTHOR_NOTE.match(line):
        return Kind.AUTHOR_NOTE
    if _CLOSING_DATELINE.match(line):
        return Kind.CLOSING_DATELINE
    if _END_MARK.match(line):
        return Kind.END_MARK
    if line.startswith("——") and len(line) <= SUBTITLE_MAX_CHARS and not is_finished(line):
        return Kind.SUBTITLE
    return Kind.BODY


def normalize_byline(line: str) -> str:
    """``本报通讯员 马 强`` -> ``本报通讯员 马强``: one space after the role, none inside a name
    that the layout spread over two cells."""
    match = re.match(_ROLE, line)
    role = match.group() if match else ""
    tokens = line[len(role) :].split()
    names: list[str] = []
    for token in tokens:
        if names and len(token) == 1 and len(names[-1]) == 1:
            names[-1] += token
        else:
            names.append(token)
    return " ".join([role, *names]) if role else " ".join(names)

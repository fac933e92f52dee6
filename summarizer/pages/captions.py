"""Photo captions: the text above a credit (…摄, 新华社发, X图 Y文), the text a credit is glued
to (…迎接新年。新华社记者张三摄, …王五摄（影像中国）), or a paragraph that describes a picture
(图为…) standing between articles. Captions never enter a body."""

from __future__ import annotations

import re

from summarizer.pages.lines import Block, Kind
from summarizer.pages.model import Caption
from summarizer.pages.seams import seam_evidence
from summarizer.pages.text import ends_sentence, is_finished, is_heading_like, starts_mid_sentence

VERSE_MAX_CHARS = 12  # the short rhymed lines under a cartoon
_PICTURE = re.compile(r"(?:^|[。！？])图为")
_SOURCE_ONLY = re.compile(r"图片来源")

# A credit glued to the end of its caption, after the caption's last sentence: who took or
# drew the picture (a role, one or more names, 摄/供图/发, or X图 Y文 under a cartoon) and
# the picture agency in brackets. A sentence of news never ends this way: it has a verb and
# punctuation, not a name run into 摄.
_CREDIT_ROLE = r"(?:(?:本报|新华社|人民日报|中新社)?(?:特约|特派|见习|实习)?(?:记者|通讯员))?"
_CREDIT_NAMES = r"[\u4e00-\u9fff·]{2,5}(?:[、\s　]+[\u4e00-\u9fff·]{2,5})*"
_CREDIT_AGENCY = r"(?:[（(][^（）()。，]{2,10}[）)])?"
_GLUED_CREDIT = re.compile(
    rf"(?:(?<=[。！？])|(?<=[。！？][”’）)]))[\s　]*(?P<credit>{_CREDIT_ROLE}[\s　]*{_CREDIT_NAMES}[\s　]*"
    rf"(?:(?:图|文)[\s　]*{_CREDIT_ROLE}[\s　]*{_CREDIT_NAMES}[\s　]*)?"
    rf"(?:摄影?|供图|发|图|文){_CREDIT_AGENCY}"
    rf"|新华社发|{_CREDIT_ROLE}[\u4e00-\u9fff·]{{2,4}}[（(][^（）()。，]{{2,8}}[）)])$"
)
GLUED_CREDIT_MAX_CHARS = 24
CAPTION_MIN_CHARS = 10


def _is_caption_tail(block: Block) -> bool:
    """Lines that hang under a caption paragraph: 图为…, 这正是：, verse."""
    text = block.text
    short_verse = len(text) <= VERSE_MAX_CHARS and text[-1] in "，。！？：:,"
    return short_verse or text.startswith("图为")


def _caption_start(blocks: tuple[Block, ...], end: int) -> int:
    """Index of the first block of the caption text ending just before ``end``."""
    start = end
    while start > 0 and blocks[start - 1].kind is Kind.BODY and _is_caption_tail(blocks[start - 1]):
        start -= 1
    if start > 0 and blocks[start - 1].kind is Kind.BODY and not is_heading_like(blocks[start - 1].text):
        start -= 1
        # a caption cut by a column break: the text above stops mid-sentence and reads on into
        # it (a paragraph of another story may stop there too, cut by the caption's picture)
        while start > 0 and blocks[start - 1].kind is Kind.BODY and not ends_sentence(blocks[start - 1].text):
            if is_heading_like(blocks[start - 1].text):
                break
            if not seam_evidence(blocks[start - 1].text, blocks[start].text):
                break
            start -= 1
    return start


def _continues_caption(head: Block, caption: Block) -> bool:
    return head.kind is Kind.BODY and not ends_sentence(head.text) and starts_mid_sentence(caption.text)


def glued_credit(text: str) -> int | None:
    """Where a credit glued to the end of a caption starts, if the text ends with one."""
    match = _GLUED_CREDIT.search(text, max(0, len(text) - GLUED_CREDIT_MAX_CHARS))
    # a caption says what the picture shows before its credit
    return match.start("credit") if match and match.start("credit") >= CAPTION_MIN_CHARS else None


def extract_captions(blocks: tuple[Block, ...]) -> tuple[tuple[Block | Caption, ...], tuple[Caption, ...]]:
    """Replace caption text and credit by one :class:`Caption` in the block stream."""
    items: list[Block | Caption] = []
    captions: list[Caption] = []
    for index, block in enumerate(blocks):
        credit_start = glued_credit(block.text) if block.kind is Kind.BODY else None
        if credit_start is not None:
            text, lines = block.text[:credit_start].rstrip(), block.lines
            previous = items[-1] if items else None
            if isinstance(previous, Block) and _continues_caption(previous, block):
                items.pop()  # the caption's start, cut off by a column break
                text, lines = previous.text + text, previous.lines + lines
            caption = Caption(text, block.text[credit_start:], lines)
            captions.append(caption)
            items.append(caption)
            continue
        if block.kind is Kind.CREDIT:
            # a page-wide picture source (本版图片来源：…) stands alone, above no caption
            start = index if _SOURCE_ONLY.search(block.text) else _caption_start(blocks, index)
            taken = blocks[start:index]
            # the taken blocks are the body blocks just appended, never a caption
            del items[len(items) - len(taken) :]
            caption = Caption(
                "".join(b.text for b in taken) if taken else "",
                block.text,
                tuple(line for b in [*taken, block] for line in b.lines),
            )
            captions.append(caption)
            items.append(caption)
            continue
        if block.kind is Kind.BODY and _PICTURE.search(block.text) and is_finished(block.text):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is not None and following.kind is Kind.CREDIT:
                items.append(block)  # the credit below takes it
                continue
            if following is None or following.kind is not Kind.BODY or is_heading_like(following.text):
                caption = Caption(block.text, None, block.lines)
                captions.append(caption)
                items.append(caption)
                continue
        items.append(block)
    return tuple(items), tuple(captions)

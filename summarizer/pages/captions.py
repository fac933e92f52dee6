"""Photo captions: the text above a credit (…摄, 新华社发, X图 Y文), or a paragraph that
describes a picture (图为…) standing between articles. Captions never enter a body."""

from __future__ import annotations

import re

from summarizer.pages.lines import Block, Kind
from summarizer.pages.model import Caption
from summarizer.pages.text import ends_sentence, is_finished, is_heading_like

VERSE_MAX_CHARS = 12  # the short rhymed lines under a cartoon
_PICTURE = re.compile(r"(?:^|[。！？])图为")
_SOURCE_ONLY = re.compile(r"图片来源")


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
        # a caption cut by a column break
        while start > 0 and blocks[start - 1].kind is Kind.BODY and not ends_sentence(blocks[start - 1].text):
            if is_heading_like(blocks[start - 1].text):
                break
            start -= 1
    return start


def extract_captions(blocks: tuple[Block, ...]) -> tuple[tuple[Block | Caption, ...], tuple[Caption, ...]]:
    """Replace caption text and credit by one :class:`Caption` in the block stream."""
    items: list[Block | Caption] = []
    captions: list[Caption] = []
    for index, block in enumerate(blocks):
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

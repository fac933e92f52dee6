"""The words of an article's content sentences, names joined: what keywords and key phrases read.

Each sentence becomes parallel lists (spelling, lower case, part of speech, tag bits, tokens
covered), one item per token except where :func:`summarizer.terms.entities.name_units` joins
several tokens into one name. Built once per article and read by both stages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from summarizer.document import DocSentence
from summarizer.terms.entities import name_units
from summarizer.terms.tags import tag_flags


class SentenceWords:
    """The words of one sentence, read-only: ``flags[i]`` are the class bits of word ``i``'s tag
    (:mod:`summarizer.terms.tags`), ``widths[i]`` how many tokens it joins."""

    def __init__(
        self,
        texts: list[str],
        lowered: list[str],
        pos: list[str],
        flags: list[int],
        widths: list[int],
        paragraph: int,
    ) -> None:
        self.texts: Final = texts
        self.lowered: Final = lowered
        self.pos: Final = pos
        self.flags: Final = flags
        self.widths: Final = widths
        self.paragraph: Final = paragraph


def sentence_words(sentence: DocSentence) -> SentenceWords:
    """The words of ``sentence``: its tokens, each multi-token name joined into one word."""
    tokens = sentence.tokens
    pos = [token.pos for token in tokens]
    flags = [tag_flags(tag) for tag in pos]
    units = name_units(tokens, flags)
    if not units:
        return SentenceWords(
            [token.text for token in tokens],
            list(sentence.lowered),
            pos,
            flags,
            [1] * len(tokens),
            sentence.paragraph,
        )
    texts: list[str] = []
    lowered: list[str] = []
    joined_pos: list[str] = []
    joined_flags: list[int] = []
    widths: list[int] = []
    index = 0
    for unit in units:
        for plain in range(index, unit.start):
            texts.append(tokens[plain].text)
            lowered.append(sentence.lowered[plain])
            joined_pos.append(pos[plain])
            joined_flags.append(flags[plain])
            widths.append(1)
        texts.append("".join([token.text for token in tokens[unit.start : unit.stop]]))
        lowered.append("".join(sentence.lowered[unit.start : unit.stop]))
        joined_pos.append(unit.pos)
        joined_flags.append(tag_flags(unit.pos))
        widths.append(unit.stop - unit.start)
        index = unit.stop
    for plain in range(index, len(tokens)):
        texts.append(tokens[plain].text)
        lowered.append(sentence.lowered[plain])
        joined_pos.append(pos[plain])
        joined_flags.append(flags[plain])
        widths.append(1)
    return SentenceWords(texts, lowered, joined_pos, joined_flags, widths, sentence.paragraph)


def article_words(sentences: Sequence[DocSentence]) -> list[SentenceWords]:
    return [sentence_words(sentence) for sentence in sentences]

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
from summarizer.terms.tags import numbered_tag_flags, tag_flags


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
    flags = [numbered_tag_flags(token.tag, token.pos) for token in tokens]
    words = SentenceWords(
        [token.text for token in tokens],
        list(sentence.lowered),
        pos,
        flags,
        [1] * len(tokens),
        sentence.paragraph,
    )
    units = name_units(tokens, flags)
    return joined_words(words, [(unit.start, unit.stop, unit.pos, tag_flags(unit.pos)) for unit in units])


def joined_words(words: SentenceWords, spans: Sequence[tuple[int, int, str, int]]) -> SentenceWords:
    """``words`` with each of ``spans`` (start, stop, part of speech, tag bits), in order and
    apart, joined into one word with that tag: the one place where words are joined (names
    here, the article's whole units in :mod:`summarizer.terms.units`)."""
    if not spans:
        return words
    texts: list[str] = []
    lowered: list[str] = []
    pos: list[str] = []
    flags: list[int] = []
    widths: list[int] = []
    index = 0
    for start, stop, span_pos, span_flags in spans:
        texts.extend(words.texts[index:start])
        lowered.extend(words.lowered[index:start])
        pos.extend(words.pos[index:start])
        flags.extend(words.flags[index:start])
        widths.extend(words.widths[index:start])
        texts.append("".join(words.texts[start:stop]))
        lowered.append("".join(words.lowered[start:stop]))
        pos.append(span_pos)
        flags.append(span_flags)
        widths.append(sum(words.widths[start:stop]))
        index = stop
    texts.extend(words.texts[index:])
    lowered.extend(words.lowered[index:])
    pos.extend(words.pos[index:])
    flags.extend(words.flags[index:])
    widths.extend(words.widths[index:])
    return SentenceWords(texts, lowered, pos, flags, widths, words.paragraph)


def article_words(sentences: Sequence[DocSentence]) -> list[SentenceWords]:
    return [sentence_words(sentence) for sentence in sentences]

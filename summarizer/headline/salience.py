"""How much of what the article is about a candidate headline says.

A word's weight blends the engine's keyword score with how often the article repeats it;
a candidate's salience is the weight of the distinct words it covers, relative to the
article's most important words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from summarizer.document import DocSentence, Token
from summarizer.result import ScoredText

# Tag prefixes typed as tuples of any length: the compiler keeps such a constant as one tuple
# object, where a fixed-length one is rebuilt at every ``startswith``.
_CONTENT_POS: Final[tuple[str, ...]] = ("n", "v", "a", "eng", "j", "i", "l")
_NAME_POS: Final[tuple[str, ...]] = ("nr", "ns", "nt", "nz", "eng", "j")
# Frequent verbs of reporting and support that say nothing about the story.
_EMPTY_WORDS_TEXT: Final = (
    "表示 认为 指出 介绍 称 说 进行 开展 实现 没有 可以 已经 需要 成为 通过 相关 有关 记者 目前 工作 "
    "问题 一个 这个 我们 他们 自己 发展 今年 去年"
)
_EMPTY_WORDS: Final = frozenset(_EMPTY_WORDS_TEXT.split())
_TOP_WORDS: Final = 6


@dataclass(frozen=True)
class WordWeights:
    weights: dict[str, float]  # a dict, not a Mapping: compiled, its look-ups skip the generic protocol
    reference: float  # weight of the article's top words together: a candidate's salience scale

    def salience(self, tokens: tuple[Token, ...]) -> float:
        weights = self.weights
        seen: set[str] = set()
        total = 0.0
        for token in tokens:
            text = token.text
            weight = weights.get(text)
            # Each word once, summed in reading order: a set's order follows the per-process
            # string hash, and a float sum in another order can break a tie differently from
            # run to run.
            if weight is not None and text not in seen:
                seen.add(text)
                total += weight
        return total / self.reference if self.reference > 0 else 0.0


def word_weights(
    sentences: Sequence[DocSentence], keywords: Sequence[ScoredText], *, keyword_share: float
) -> WordWeights:
    """Weights of the article's content words: ``keyword_share`` from keywords, the rest from repetition.

    ``sentences`` are the article's content sentences (boilerplate holds no story words)."""
    counts = _content_word_counts(sentences)
    # An empty word weighs nothing and is no usable keyword: it is dropped from the counts.
    for word in _EMPTY_WORDS:
        if word in counts:
            del counts[word]
    # A word said once weighs nothing by repetition; only a keyword score can lift it.
    repeated = {word: count for word, count in counts.items() if count > 1}
    top_count = max(repeated.values(), default=0)
    usable = [k for k in keywords if math.isfinite(k.score) and k.score > 0 and k.text in counts]
    top_keyword = max((k.score for k in usable), default=0.0)
    repetition_share = 1.0 - keyword_share
    divisor = max(1, top_count - 1)
    weights = {word: repetition_share * (count - 1) / divisor for word, count in repeated.items()}
    for keyword in usable:
        weights[keyword.text] = weights.get(keyword.text, 0.0) + keyword_share * keyword.score / top_keyword
    reference = sum(sorted(weights.values(), reverse=True)[:_TOP_WORDS])
    return WordWeights(weights, reference)


def _content_word_counts(sentences: Sequence[DocSentence]) -> dict[str, int]:
    """How often each word occurs tagged as a content word: any word of two characters or more,
    a single character only where it is tagged as a name (李, 沪)."""
    # An article uses a few dozen tags over hundreds of tokens: each tag is judged once.
    kind_of_tag: dict[str, int] = {}
    counts: dict[str, int] = {}
    for sentence in sentences:
        for token in sentence.tokens:
            text, tag = token.text, token.pos
            kind = kind_of_tag.get(tag, -1)
            if kind < 0:
                kind = _tag_kind(tag)
                kind_of_tag[tag] = kind
            if kind == _NAME or (kind == _CONTENT and len(text) >= 2):
                counts[text] = counts.get(text, 0) + 1
    return counts


_OTHER: Final = 0
_CONTENT: Final = 1
_NAME: Final = 2


def _tag_kind(tag: str) -> int:
    if not tag.startswith(_CONTENT_POS):
        return _OTHER
    return _NAME if tag.startswith(_NAME_POS) else _CONTENT

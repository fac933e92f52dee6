"""How much of what the article is about a candidate headline says.

A word's weight blends the engine's keyword score with how often the article repeats it;
a candidate's salience is the weight of the distinct words it covers, relative to the
article's most important words.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from summarizer.document import DocSentence, Token
from summarizer.result import ScoredText

_CONTENT_POS: Final = ("n", "v", "a", "eng", "j", "i", "l")
_NAME_POS: Final = ("nr", "ns", "nt", "nz", "eng", "j")
# Frequent verbs of reporting and support that say nothing about the story.
_EMPTY_WORDS_TEXT: Final = (
    "表示 认为 指出 介绍 称 说 进行 开展 实现 没有 可以 已经 需要 成为 通过 相关 有关 记者 目前 工作 "
    "问题 一个 这个 我们 他们 自己 发展 今年 去年"
)
_EMPTY_WORDS: Final = frozenset(_EMPTY_WORDS_TEXT.split())
_TOP_WORDS: Final = 6
_TEXT: Final = operator.attrgetter("text")


@dataclass(frozen=True)
class WordWeights:
    weights: Mapping[str, float]
    reference: float  # weight of the article's top words together: a candidate's salience scale

    def salience(self, tokens: Iterable[Token]) -> float:
        # Each word once, summed in reading order: a set's order follows the per-process string
        # hash, and a float sum in another order can break a tie differently from run to run.
        # Only the weighted words are kept: most words of a headline weigh nothing.
        seen = dict.fromkeys(filter(self.weights.__contains__, map(_TEXT, tokens)))
        total = sum(map(self.weights.__getitem__, seen))
        return total / self.reference if self.reference > 0 else 0.0


def word_weights(
    sentences: Sequence[DocSentence], keywords: Sequence[ScoredText], *, keyword_share: float
) -> WordWeights:
    """Weights of the article's content words: ``keyword_share`` from keywords, the rest from repetition.

    ``sentences`` are the article's content sentences (boilerplate holds no story words)."""
    counts = _content_word_counts(sentences)
    # An empty word weighs nothing and is no usable keyword: it is dropped from the counts.
    for word in _EMPTY_WORDS.intersection(counts):
        del counts[word]
    # A word said once weighs nothing by repetition; only a keyword score can lift it. (Leaving
    # such words out of ``top_count`` changes no weight: it only matters when above 1.) The
    # repeated words are picked in C: an article counts over a hundred words, a few dozen twice.
    repeated = list(itertools.compress(counts, map((1).__lt__, counts.values())))
    top_count = max(map(counts.__getitem__, repeated), default=0)
    usable = [k for k in keywords if math.isfinite(k.score) and k.score > 0 and k.text in counts]
    top_keyword = max((k.score for k in usable), default=0.0)
    repetition_share = 1.0 - keyword_share
    divisor = max(1, top_count - 1)
    weights = {word: repetition_share * (counts[word] - 1) / divisor for word in repeated}
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
    names: list[str] = []
    for sentence in sentences:
        for token in sentence.tokens:
            text, tag = token.text, token.pos
            kind = kind_of_tag.get(tag, -1)
            if kind < 0:
                kind = _tag_kind(tag)
                kind_of_tag[tag] = kind
            if kind == _NAME:
                names.append(text)
            elif kind == _CONTENT and len(text) >= 2:
                counts[text] = counts.get(text, 0) + 1
    # Words under other content tags count from two characters; names count whatever their
    # length, after them (a dict's order is that of first insertion).
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return counts


_OTHER, _CONTENT, _NAME = 0, 1, 2


def _tag_kind(tag: str) -> int:
    if not tag.startswith(_CONTENT_POS):
        return _OTHER
    return _NAME if tag.startswith(_NAME_POS) else _CONTENT

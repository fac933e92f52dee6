"""How much of what the article is about a candidate headline says.

A word's weight blends the engine's keyword score with how often the article repeats it;
a candidate's salience is the weight of the distinct words it covers, relative to the
article's most important words.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from summarizer.document import DocSentence, Token
from summarizer.result import ScoredText

_CONTENT_POS = ("n", "v", "a", "eng", "j", "i", "l")
_NAME_POS = ("nr", "ns", "nt", "nz", "eng", "j")
# Frequent verbs of reporting and support that say nothing about the story.
_EMPTY_WORDS_TEXT = (
    "表示 认为 指出 介绍 称 说 进行 开展 实现 没有 可以 已经 需要 成为 通过 相关 有关 记者 目前 工作 "
    "问题 一个 这个 我们 他们 自己 发展 今年 去年"
)
_EMPTY_WORDS = frozenset(_EMPTY_WORDS_TEXT.split())
_TOP_WORDS = 6
# (text, pos) of a token, picked in C: counting them is the bulk of ``word_weights``.
_TEXT_AND_POS = operator.itemgetter(0, 1)


@dataclass(frozen=True)
class WordWeights:
    weights: Mapping[str, float]
    reference: float  # weight of the article's top words together: a candidate's salience scale

    def salience(self, tokens: Iterable[Token]) -> float:
        # Each word once, summed in reading order: a set's order follows the per-process string
        # hash, and a float sum in another order can break a tie differently from run to run.
        seen = dict.fromkeys(t.text for t in tokens)
        total = sum(self.weights.get(word, 0.0) for word in seen)
        return total / self.reference if self.reference > 0 else 0.0


def _is_content_word(text: str, pos: str) -> bool:
    if text in _EMPTY_WORDS:
        return False
    return len(text) >= 2 or pos.startswith(_NAME_POS)


def word_weights(
    sentences: Sequence[DocSentence], keywords: Sequence[ScoredText], *, keyword_share: float
) -> WordWeights:
    """Weights of the article's content words: ``keyword_share`` from keywords, the rest from repetition."""
    # Count every (word, tag) first and judge each distinct pair once: articles repeat words a lot.
    tokens = itertools.chain.from_iterable(s.tokens for s in sentences if not s.is_boilerplate)
    tagged = Counter(map(_TEXT_AND_POS, tokens))
    counts: Counter[str] = Counter()
    for (word, pos), count in tagged.items():
        if pos.startswith(_CONTENT_POS) and _is_content_word(word, pos):
            counts[word] += count
    top_count = max(counts.values(), default=0)
    usable = [k for k in keywords if math.isfinite(k.score) and k.score > 0 and k.text in counts]
    top_keyword = max((k.score for k in usable), default=0.0)
    # A word said once weighs nothing by repetition; only a keyword score can lift it.
    weights = {
        word: (1.0 - keyword_share) * (count - 1) / max(1, top_count - 1)
        for word, count in counts.items()
        if count > 1
    }
    for keyword in usable:
        weights[keyword.text] = weights.get(keyword.text, 0.0) + keyword_share * keyword.score / top_keyword
    reference = sum(sorted(weights.values(), reverse=True)[:_TOP_WORDS])
    return WordWeights(weights, reference)

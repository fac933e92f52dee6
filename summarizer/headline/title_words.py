"""How likely each word of an article is to appear in its headline: a small logistic model over
what the article does with the word (how often and how early it says it, in how many sentences,
whether the keyword ranking holds it), how specific the word is (IDF) and its word class.

Trained (``scripts/train/headline_words.py``) on the words of training articles, labelled by
whether the editor's headline holds them. A candidate's ``title_salience`` (the sum over its
distinct words) is a feature of the ranker.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from summarizer.document import DocSentence
from summarizer.rank.specificity import jieba_idf
from summarizer.result import ScoredText

WORD_FEATURES: Final[tuple[str, ...]] = (
    "bias",
    "log_count",
    "sentence_share",
    "first_position",
    "in_lead",
    "idf",
    "keyword",
    "name",
    "noun",
    "verb",
    "verbal_noun",
    "adjective",
    "one_character",
    "two_characters",
    "three_characters",
)
_NAME_POS: Final[tuple[str, ...]] = ("nr", "ns", "nt", "nz", "j", "eng")
_CONTENT_POS: Final[tuple[str, ...]] = ("n", "v", "a", "eng", "j", "i", "l")


class _WordStats:
    def __init__(self, pos: str, first: int) -> None:
        self.pos = pos
        self.first = first
        self.count = 0
        self.sentences = 0
        self.last_sentence = -1


def word_feature_rows(
    sentences: Sequence[DocSentence], keywords: Sequence[ScoredText]
) -> dict[str, list[float]]:
    """The features (in the order of ``WORD_FEATURES``) of each content word of ``sentences``
    (the article's content sentences): words of two characters or more, names of one."""
    stats: dict[str, _WordStats] = {}
    for order, sentence in enumerate(sentences):
        for token in sentence.tokens:
            pos = token.pos
            if not pos.startswith(_CONTENT_POS):
                continue
            text = token.text
            if len(text) < 2 and not pos.startswith(_NAME_POS):
                continue
            found = stats.get(text)
            if found is None:
                found = _WordStats(pos, order)
                stats[text] = found
            found.count += 1
            if found.last_sentence != order:
                found.sentences += 1
                found.last_sentence = order
    if not stats:
        return {}
    top = max((k.score for k in keywords if math.isfinite(k.score) and k.score > 0), default=0.0)
    keyword_score = {
        k.text: k.score / top for k in keywords if top > 0 and math.isfinite(k.score) and k.score > 0
    }
    idf = jieba_idf()
    total = max(1, len(sentences))
    rows: dict[str, list[float]] = {}
    for word, found in stats.items():
        pos = found.pos
        size = len(word)
        rows[word] = [
            1.0,
            math.log(found.count),
            found.sentences / total,
            1.0 / (1.0 + found.first),
            1.0 if found.first == 0 else 0.0,
            idf.relative(word),
            keyword_score.get(word, 0.0),
            1.0 if pos.startswith(_NAME_POS) else 0.0,
            1.0 if pos.startswith("n") and not pos.startswith(_NAME_POS) else 0.0,
            1.0 if pos.startswith("v") and not pos.startswith("vn") else 0.0,
            1.0 if pos.startswith("vn") else 0.0,
            1.0 if pos.startswith("a") else 0.0,
            1.0 if size == 1 else 0.0,
            1.0 if size == 2 else 0.0,
            1.0 if size == 3 else 0.0,
        ]
    return rows


class TitleWordModel:
    """Weights over :data:`WORD_FEATURES`."""

    def __init__(self, weights: list[float]) -> None:
        if len(weights) != len(WORD_FEATURES):
            raise ValueError(f"title word model: {len(weights)} weights for {len(WORD_FEATURES)} features")
        self.weights: Final[list[float]] = weights

    def probabilities(
        self, sentences: Sequence[DocSentence], keywords: Sequence[ScoredText]
    ) -> dict[str, float]:
        """The probability that the headline holds each content word of the article."""
        weights = self.weights
        found: dict[str, float] = {}
        for word, row in word_feature_rows(sentences, keywords).items():
            total = 0.0
            for weight, value in zip(weights, row, strict=True):
                total += weight * value
            found[word] = 1.0 / (1.0 + math.exp(-total)) if total > -30.0 else 0.0
        return found

"""The ranker of headline candidates: a linear score over features of form, position, salience,
length, the tags at the start and the end, and the deletion model's confidence.

Trained (``scripts/train/headline_ranker.py``) to put first the candidate closest to the
editor's headline (ROUGE-L against the real title): pairs of candidates of one article, the
better against the worse, in a logistic regression. :func:`candidate_features` is what both
the trainer and :mod:`summarizer.headline.suggest` compute, in the order of ``FEATURES``.
"""

from __future__ import annotations

import math
from typing import Final

from summarizer.document import Token
from summarizer.headline.candidates import KINDS, Candidate

_NAME_POS: Final[tuple[str, ...]] = ("nr", "ns", "nt", "nz")
_NOUN_POS: Final[tuple[str, ...]] = ("n", "j", "eng", "i", "l", "vn", "b", "s")
_NUMBER_POS: Final[tuple[str, ...]] = ("m", "q", "t")
_QUOTE_MARKS: Final = frozenset("“《")
# Word classes at the start and at the end of a candidate, one feature each.
_CLASSES: Final[tuple[str, ...]] = ("name", "noun", "verb", "adverb", "adjective", "number", "other")

FEATURES: Final[tuple[str, ...]] = (
    "salience",
    "density",
    "title_salience",
    "title_density",
    "sentence_score",
    "position_prior",
    "first_sentence",
    "second_sentence",
    "first_clause",
    "length",
    "length_squared",
    *(f"kind_{kind}" for kind in range(KINDS)),
    "pieces",
    "sentence_share",
    "deletion_confidence",
    "left_out_keep",
    *(f"first_{name}" for name in _CLASSES),
    *(f"last_{name}" for name in _CLASSES),
    "names",
    "numbers",
    "quotes",
    "verbs",
    "keywords",
)
TARGET_CHARS: Final = 14


class SentenceView:
    """What the features of a sentence's candidates read: its headline tokens, the deletion
    model's keep probabilities for them (empty without a model), its order among the
    article's sentences, and its relative score."""

    def __init__(
        self, tokens: tuple[Token, ...], keep: list[float], order: int, relative_score: float
    ) -> None:
        self.tokens: Final[tuple[Token, ...]] = tokens
        self.keep: Final[list[float]] = keep
        self.order: Final[int] = order
        self.relative_score: Final[float] = relative_score
        self.index_of: Final[dict[int, int]] = {token.start: index for index, token in enumerate(tokens)}
        self.characters: Final[int] = max(1, sum(len(token.text) for token in tokens))


def _word_class(token: Token) -> int:
    pos = token.pos
    if pos.startswith(_NAME_POS):
        return 0
    if pos.startswith("v") and not pos.startswith("vn"):
        return 2
    if pos.startswith(_NOUN_POS):
        return 1
    if pos.startswith("d"):
        return 3
    if pos.startswith("a"):
        return 4
    if pos.startswith(_NUMBER_POS):
        return 5
    return 6


def candidate_features(
    candidate: Candidate,
    sentence: SentenceView,
    salience: float,
    title_words: dict[str, float],
    top_keywords: list[str],
) -> list[float]:
    """The features of ``candidate`` (a candidate of ``sentence``), in the order of ``FEATURES``."""
    tokens = candidate.tokens
    length = len(candidate.text)
    words = [token for token in tokens if token.pos != "x" and token.text.strip()]
    seen: set[str] = set()
    title_salience = 0.0
    for token in words:
        probability = title_words.get(token.text)
        if probability is not None and token.text not in seen:
            seen.add(token.text)
            title_salience += probability
    features: list[float] = [
        salience,
        salience * 10.0 / max(1, length),
        title_salience,
        title_salience * 10.0 / max(1, length),
        sentence.relative_score,
        1.0 / (1.0 + sentence.order),
        1.0 if sentence.order == 0 else 0.0,
        1.0 if sentence.order == 1 else 0.0,
        1.0 if candidate.position == 0 else 0.0,
        length / 10.0,
        (length - TARGET_CHARS) * (length - TARGET_CHARS) / 100.0,
    ]
    features.extend(1.0 if candidate.kind == kind else 0.0 for kind in range(KINDS))
    pieces = 1
    for index in range(len(tokens) - 1):
        if tokens[index].start + len(tokens[index].text) != tokens[index + 1].start:
            pieces += 1
    features.append(float(pieces - 1))
    features.append(sum(len(token.text) for token in tokens) / sentence.characters)
    confidence, left_out = _deletion_terms(tokens, sentence)
    features.append(confidence)
    features.append(left_out)
    first = _word_class(words[0]) if words else 6
    last = _word_class(words[-1]) if words else 6
    features.extend(1.0 if first == kind else 0.0 for kind in range(len(_CLASSES)))
    features.extend(1.0 if last == kind else 0.0 for kind in range(len(_CLASSES)))
    names = numbers = verbs = 0
    for token in words:
        pos = token.pos
        if pos.startswith(_NAME_POS):
            names += 1
        elif pos.startswith("m"):
            numbers += 1
        elif pos.startswith("v") and not pos.startswith("vn"):
            verbs += 1
    features.append(float(min(names, 2)))
    features.append(float(min(numbers, 2)))
    features.append(1.0 if any(token.text in _QUOTE_MARKS for token in tokens) else 0.0)
    features.append(float(min(verbs, 3)))
    text = candidate.text
    features.append(float(sum(1 for keyword in top_keywords if keyword in text)))
    return features


def _deletion_terms(tokens: tuple[Token, ...], sentence: SentenceView) -> tuple[float, float]:
    """How well the candidate agrees with the deletion model: the mean log-probability of its
    keep-or-drop decisions from its first to its last word, and the mean keep probability of
    the words of the sentence it leaves out around them."""
    keep = sentence.keep
    if not keep or not tokens:
        return 0.0, 0.0
    first = sentence.index_of.get(tokens[0].start, 0)
    last = sentence.index_of.get(tokens[-1].start, len(keep) - 1)
    kept = {token.start for token in tokens}
    total = 0.0
    for index in range(first, last + 1):
        probability = keep[index]
        chosen = probability if sentence.tokens[index].start in kept else 1.0 - probability
        total += math.log(max(chosen, 1e-6))
    outside = 0.0
    count = 0
    for index in range(len(keep)):
        if index < first or index > last:
            outside += keep[index]
            count += 1
    return total / (last - first + 1), outside / count if count else 0.0


class Ranker:
    """A linear score over :data:`FEATURES`."""

    def __init__(self, weights: list[float]) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(f"headline ranker: {len(weights)} weights for {len(FEATURES)} features")
        self.weights: Final[list[float]] = weights

    def score(self, features: list[float]) -> float:
        total = 0.0
        for weight, value in zip(self.weights, features):
            total += weight * value
        return total

"""What the article does with each of its content words, and how likely its headline holds one.

One pass over the article's content sentences counts, for every distinct content word (a word
of two characters or more tagged as a noun, verb, adjective, idiom…, or a name of one), how
often and how early the article says it and in how many sentences (:class:`ArticleWords`).
Two things are read from those counts:

- a word's **weight** (``ArticleWords.weights``): how much the story repeats it, blended with
  the keyword ranking's score; a candidate's salience is the weight of the distinct words it
  covers, relative to the article's most important words together (``ArticleWords.reference``);
- a word's **title probability** (:class:`TitleWordModel`): a logistic model over those counts,
  the word's specificity (jieba's IDF), its class and length, trained on training articles'
  words labelled by whether the editor's headline holds them (``scripts/train/headline_words.py``).
  It is computed only for the words of the candidates, once per distinct word.

:meth:`TitleWordModel.feature_row` gives the features the trainer fits;
:meth:`TitleWordModel.probability` computes the same score without building them (a test holds
the two equal).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from summarizer.document import DocSentence
from summarizer.headline.wordlists import NAME_TAGS, word_set
from summarizer.rank.specificity import IdfTable
from summarizer.result import ScoredText
from summarizer.terms.tags import TAGS

# Tag prefixes typed as tuples of any length: the compiler keeps such a constant as one tuple
# object, where a fixed-length one is rebuilt at every ``startswith``.
_CONTENT_POS: Final[tuple[str, ...]] = ("n", "v", "a", "eng", "j", "i", "l")
_NAME_POS: Final[tuple[str, ...]] = (*NAME_TAGS, "eng", "j")
# Frequent verbs of reporting and support, and words of the newsroom, that say nothing about
# the story: they carry no weight (they may still be in a headline).
_EMPTY_WORDS: Final = word_set(
    "表示 认为 指出 介绍 称 说 进行 开展 实现 没有 可以 已经 需要 成为 通过 "
    "相关 有关 记者 目前 工作 问题 一个 这个 我们 他们 自己 发展 今年 去年"
)
_TOP_WORDS: Final = 6
_TOP_REPEATED: Final = 5

# Word classes, one feature each: :func:`word_class` gives a tag's.
WORD_CLASSES: Final[tuple[str, ...]] = (
    "person",
    "place",
    "organization",
    "other_name",
    "latin",
    "verbal_noun",
    "noun",
    "verb",
    "adjective",
    "abbreviation",
    "idiom",
)
WORD_FEATURES: Final[tuple[str, ...]] = (
    "bias",
    "log_count",
    "repeated",
    "count_3",
    "count_5",
    "spread",
    "first_inverse",
    "in_first",
    "in_lead",
    "idf",
    "common",
    "one_character",
    "two_characters",
    "three_characters",
    *(f"class_{name}" for name in WORD_CLASSES),
)
_LEAD: Final = 3
_COMMON_IDF: Final = 0.6


def word_class(pos: str) -> int:
    """Index in :data:`WORD_CLASSES` of a content word's tag (the first prefix that matches
    decides; nouns of other kinds count as nouns)."""
    if pos.startswith("nr"):
        return 0
    if pos.startswith("ns"):
        return 1
    if pos.startswith("nt"):
        return 2
    if pos.startswith("nz"):
        return 3
    if pos.startswith("eng"):
        return 4
    if pos.startswith("vn"):
        return 5
    if pos.startswith("v"):
        return 7
    if pos.startswith("a"):
        return 8
    if pos.startswith("j"):
        return 9
    if pos.startswith(("i", "l")):
        return 10
    return 6


class ArticleWords:
    """The article's distinct content words (``index`` maps a word to its number) and, by number:
    how often the article says each (``counts``), the first content sentence holding it
    (``first``), how many sentences hold it (``spread``) and its word class (``classes``); the
    blended weight of each word (``weights``) and the numbers of the five most repeated
    (``top_repeated``)."""

    def __init__(self, sentences: Sequence[DocSentence], keywords: Sequence[ScoredText]) -> None:
        index: dict[str, int] = {}
        texts: list[str] = []
        counts: list[int] = []
        first: list[int] = []
        spread: list[int] = []
        last: list[int] = []
        classes: list[int] = []
        for order, sentence in enumerate(sentences):
            for token in sentence.tokens:
                # Each tag judged once per process (its kind in the low two bits, its word
                # class above them), found by the token's tag number.
                number = token.tag
                info = ord(_TAG_INFO[number]) if number >= 0 else _tag_info(token.pos)
                if info == _OTHER:
                    continue
                text = token.text
                if info & 3 == _CONTENT and len(text) < 2:
                    continue
                # One look-up: the word's number, or the next one given to a new word.
                number = index.setdefault(text, len(counts))
                if number == len(counts):
                    texts.append(text)
                    counts.append(1)
                    first.append(order)
                    spread.append(1)
                    last.append(order)
                    classes.append(info >> 2)
                    continue
                counts[number] += 1
                if last[number] != order:
                    last[number] = order
                    spread[number] += 1
        self.index: Final[dict[str, int]] = index
        self.counts: Final[list[int]] = counts
        self.first: Final[list[int]] = first
        self.spread: Final[list[int]] = spread
        self.classes: Final[list[int]] = classes
        self.sentences: Final[int] = max(1, len(sentences))
        self.keyword_scores: Final[dict[str, float]] = _keyword_scores(keywords, index)
        repeated = _repeated(texts, counts)
        self.weights: Final[dict[str, float]] = _weights(repeated, self.keyword_scores)
        # The numbers of the most repeated words (ties: the earlier word first).
        top_counts: list[float] = []
        top_numbers: list[int] = []
        for _, count, number in repeated:
            _keep_best(top_counts, top_numbers, float(count), number, _TOP_REPEATED)
        self.top_repeated: Final[frozenset[int]] = frozenset(top_numbers)
        top_weights: list[float] = []
        places: list[int] = []
        for weight in self.weights.values():
            _keep_best(top_weights, places, weight, 0, _TOP_WORDS)
        reference = 0.0
        for weight in top_weights:
            reference += weight
        self.reference: Final[float] = reference


def _keep_best(values: list[float], items: list[int], value: float, item: int, size: int) -> None:
    """Insert ``value`` (with its ``item``) into ``values``, kept in descending order and at most
    ``size`` long; a value equal to one kept goes after it. A few of an article's words are kept
    so, without sorting them all."""
    place = len(values)
    while place > 0 and values[place - 1] < value:
        place -= 1
    if place < size:
        values.insert(place, value)
        items.insert(place, item)
        if len(values) > size:
            values.pop()
            items.pop()


def _repeated(texts: list[str], counts: list[int]) -> list[tuple[str, int, int]]:
    """The words said more than once, with their counts and numbers, but those that say nothing
    of the story."""
    repeated: list[tuple[str, int, int]] = []
    for number in range(len(counts)):
        count = counts[number]
        if count > 1:
            word = texts[number]
            if word not in _EMPTY_WORDS:
                repeated.append((word, count, number))
    return repeated


def _weights(repeated: list[tuple[str, int, int]], keyword_scores: dict[str, float]) -> dict[str, float]:
    """Each word's weight: half from repetition (a word said once weighs nothing by it), half
    from the keyword ranking; words that say nothing of the story weigh nothing."""
    top_count = 0
    for _, count, _ in repeated:
        if count > top_count:
            top_count = count
    divisor = max(1, top_count - 1)
    weights: dict[str, float] = {}
    for word, count, _ in repeated:
        weights[word] = 0.5 * (count - 1) / divisor
    for word, score in keyword_scores.items():
        if word not in _EMPTY_WORDS:
            weights[word] = weights.get(word, 0.0) + 0.5 * score
    return weights


def _keyword_scores(keywords: Sequence[ScoredText], index: dict[str, int]) -> dict[str, float]:
    """The keyword ranking's scores relative to the best, for the article's content words."""
    top = 0.0
    for keyword in keywords:
        score = keyword.score
        if -math.inf < score < math.inf and score > top and keyword.text in index:
            top = score
    scores: dict[str, float] = {}
    if top <= 0:
        return scores
    for keyword in keywords:
        score = keyword.score
        if -math.inf < score < math.inf and score > 0 and keyword.text in index:
            scores[keyword.text] = score / top
    return scores


_OTHER: Final = 0
_CONTENT: Final = 1
_NAME: Final = 2


def _tag_info(tag: str) -> int:
    """A tag's kind (_OTHER, _CONTENT or _NAME) in the low two bits, its word class above."""
    if not tag.startswith(_CONTENT_POS):
        return _OTHER
    kind = _NAME if tag.startswith(_NAME_POS) else _CONTENT
    return word_class(tag) << 2 | kind


# ``_tag_info`` of each tag of TAGS, by its number, as characters (read as terms.tags reads
# its tables: ``ord`` of a string's item costs a few instructions compiled).
_TAG_INFO: Final = "".join(chr(_tag_info(tag)) for tag in TAGS)


class TitleWordModel:
    """Logistic weights over :data:`WORD_FEATURES`, and the IDF table they read."""

    def __init__(self, weights: list[float], idf: IdfTable) -> None:
        if len(weights) != len(WORD_FEATURES):
            raise ValueError(f"title word model: {len(weights)} weights for {len(WORD_FEATURES)} features")
        self.weights: Final[list[float]] = weights
        self.idf: Final[IdfTable] = idf
        self._class_weights: Final[list[float]] = weights[len(WORD_FEATURES) - len(WORD_CLASSES) :]

    def feature_row(self, words: ArticleWords, word: str) -> list[float]:
        """The features of ``word`` (a content word of ``words``), in the order of WORD_FEATURES."""
        number = words.index[word]
        count = words.counts[number]
        first = words.first[number]
        idf = self.idf.relative(word)
        size = len(word)
        row = [
            1.0,
            math.log(count),
            1.0 if count >= 2 else 0.0,
            1.0 if count >= 3 else 0.0,
            1.0 if count >= 5 else 0.0,
            words.spread[number] / words.sentences,
            1.0 / (1.0 + first),
            1.0 if first == 0 else 0.0,
            1.0 if first < _LEAD else 0.0,
            idf,
            1.0 if idf < _COMMON_IDF else 0.0,
            1.0 if size == 1 else 0.0,
            1.0 if size == 2 else 0.0,
            1.0 if size == 3 else 0.0,
        ]
        row.extend(1.0 if words.classes[number] == kind else 0.0 for kind in range(len(WORD_CLASSES)))
        return row

    def probability(self, words: ArticleWords, word: str) -> float:
        """The probability that the headline holds ``word`` (0 for a word that is not one of the
        article's content words): the dot product of :meth:`feature_row` with the weights,
        computed term by term without building the row."""
        number = words.index.get(word, -1)
        if number < 0:
            return 0.0
        w = self.weights
        count = words.counts[number]
        first = words.first[number]
        idf = self.idf.relative(word)
        size = len(word)
        total = w[0] + w[1] * math.log(count)
        if count >= 2:
            total += w[2]
            if count >= 3:
                total += w[3]
                if count >= 5:
                    total += w[4]
        total += w[5] * (words.spread[number] / words.sentences)
        total += w[6] * (1.0 / (1.0 + first))
        if first == 0:
            total += w[7]
        if first < _LEAD:
            total += w[8]
        total += w[9] * idf
        if idf < _COMMON_IDF:
            total += w[10]
        if size == 1:
            total += w[11]
        elif size == 2:
            total += w[12]
        elif size == 3:
            total += w[13]
        total += self._class_weights[words.classes[number]]
        if total < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-total))

"""The ranker of headline candidates: a linear score over features of what a candidate says
(the title probability of its words, their weight in the story), where it comes from (the
sentence's place and score, the clause), its length and its form (the word classes at its
start and end, names, numbers, quotations).

Trained (``scripts/train/headline_ranker.py``) to put first the candidate closest to the
editor's headline: over the candidates of each training article, a softmax of the scores is
fitted to a softmax of their ROUGE-L with the real title (listwise learning to rank).
:func:`candidate_features` is what both the trainer and :mod:`summarizer.headline.suggest`
compute, in the order of ``FEATURES``.
"""

from __future__ import annotations

from typing import Final

from summarizer.document import Token
from summarizer.headline.candidates import LEARNED, Candidate
from summarizer.headline.wordlists import NAME_TAGS
from summarizer.headline.words import ArticleWords, TitleWordModel
from summarizer.terms.tags import TAGS

_NAME_POS: Final = NAME_TAGS
_QUOTE_MARKS: Final = frozenset("“《")
# Typical headline lengths (characters) of a short print headline and a long web one: the
# expected ROUGE F1 of a candidate is taken against both.
SHORT_TITLE: Final = 12.0
LONG_TITLE: Final = 19.0
TARGET_CHARS: Final = 14
_LEAD_WORD: Final = 2  # a word is the lead's when one of the first two content sentences holds it

# What a candidate's sentence says of all its candidates: computed once per sentence.
SENTENCE_FEATURES: Final[tuple[str, ...]] = (
    "sentence_score",
    "position_prior",
    "order_0",
    "order_1",
    "order_2",
    "order_3_5",
    "order_6_10",
    "paragraph_first",
    "short_sentence",
    "clauses",
)
CANDIDATE_FEATURES: Final[tuple[str, ...]] = (
    "title_f1_short",
    "title_f1_long",
    "title_top",
    "salience",
    "density",
    "lead_share",
    "repeated_share",
    "top_cover",
    "first_clause",
    "whole_sentence",
    "length",
    "length_squared",
    "long",
    "short",
    "pieces",
    "sentence_share",
    "names",
    "numbers",
    "quotes",
    "verbs",
    "learned",
    "keep_fit",
    "keep_mean",
)
FEATURES: Final[tuple[str, ...]] = SENTENCE_FEATURES + CANDIDATE_FEATURES
_SHORT_SENTENCE: Final = 22
_LONG_CANDIDATE: Final = 20
_SHORT_CANDIDATE: Final = 10


class SentenceView:
    """What the features of a sentence's candidates read: its headline tokens, its order among
    the article's content sentences, its relative score, whether it opens a paragraph, how many
    clauses it has and how many characters it holds; and the deletion model's say
    (:mod:`~summarizer.headline.compression`): the log odds that the editor keeps each word
    (by its start) and the log probability that all of them are dropped."""

    def __init__(
        self,
        tokens: tuple[Token, ...],
        order: int,
        relative_score: float,
        paragraph_first: bool,
        clauses: int,
        keep_odds: dict[int, float],
        drop_total: float,
    ) -> None:
        self.tokens: Final[tuple[Token, ...]] = tokens
        self.keep_odds: Final[dict[int, float]] = keep_odds
        self.drop_total: Final[float] = drop_total
        self.order: Final[int] = order
        self.relative_score: Final[float] = relative_score
        self.paragraph_first: Final[bool] = paragraph_first
        self.clauses: Final[int] = clauses
        starts: list[int] = []
        characters = 0
        words = 0
        for token in tokens:
            starts.append(token.start)
            characters += len(token.text)
            if token.pos != "x":
                words += 1
        self.starts: Final[list[int]] = starts  # ascending: tokens are in reading order
        self.characters: Final[int] = max(1, characters)
        self.words: Final[int] = words


class WordView:
    """What the features read of one distinct word of the candidates, made once per article:
    its title probability, its weight, and whether it is a content word of the article, a word
    of the lead, said more than once, one of the most repeated (``kinds``, bit flags)."""

    def __init__(self, probability: float, weight: float, kinds: int) -> None:
        self.probability: Final[float] = probability
        self.weight: Final[float] = weight
        self.kinds: Final[int] = kinds


_CONTENT_WORD: Final = 1
_LEAD: Final = 2
_REPEATED: Final = 4
_TOP_REPEATED: Final = 8
_OTHER_WORD: Final = WordView(0.0, 0.0, 0)


class ArticleView:
    """What the features read of the whole article: its words and what the features read of
    each (:class:`WordView`, made on first use, once per distinct word)."""

    def __init__(self, words: ArticleWords, model: TitleWordModel) -> None:
        self.words: Final[ArticleWords] = words
        self.model: Final[TitleWordModel] = model
        self.word_views: Final[dict[str, WordView]] = {}

    def word(self, text: str) -> WordView:
        found = self.word_views.get(text)
        if found is None:
            found = self._word(text)
            self.word_views[text] = found
        return found

    def _word(self, text: str) -> WordView:
        words = self.words
        number = words.index.get(text, -1)
        if number < 0:
            return _OTHER_WORD
        kinds = _CONTENT_WORD
        if words.first[number] < _LEAD_WORD:
            kinds |= _LEAD
        if words.counts[number] > 1:
            kinds |= _REPEATED
        if number in words.top_repeated:
            kinds |= _TOP_REPEATED
        weight = words.weights.get(text, 0.0)
        return WordView(self.model.probability(words, text), weight, kinds)


_PUNCTUATION: Final = 1
_NAME: Final = 2
_NUMBER: Final = 4
_VERB: Final = 8


def _tag_flags(tag: str) -> int:
    if tag == "x":
        return _PUNCTUATION
    if tag.startswith(_NAME_POS):
        return _NAME
    if tag.startswith("m"):
        return _NUMBER
    if tag.startswith("v") and not tag.startswith("vn"):
        return _VERB
    return 0


# ``_tag_flags`` of each tag of TAGS, by the token's tag number, as characters (read as
# terms.tags reads its tables: ``ord`` of a string's item costs a few instructions compiled,
# where a dict look-up by the tag's string costs a hundred or more).
_FLAGS_BY_TAG: Final = "".join(chr(_tag_flags(tag)) for tag in TAGS)


def sentence_features(sentence: SentenceView) -> list[float]:
    """The features every candidate of ``sentence`` shares, in the order of SENTENCE_FEATURES."""
    order = sentence.order
    return [
        sentence.relative_score,
        1.0 / (1.0 + order),
        1.0 if order == 0 else 0.0,
        1.0 if order == 1 else 0.0,
        1.0 if order == 2 else 0.0,
        1.0 if 3 <= order <= 5 else 0.0,
        1.0 if 6 <= order <= 10 else 0.0,
        1.0 if sentence.paragraph_first else 0.0,
        1.0 if sentence.characters <= _SHORT_SENTENCE else 0.0,
        min(sentence.clauses, 6) / 6.0,
    ]


def candidate_features(candidate: Candidate, sentence: SentenceView, article: ArticleView) -> list[float]:
    """The features of ``candidate`` (a candidate of ``sentence``) of its own, in the order of
    CANDIDATE_FEATURES."""
    tokens = candidate.tokens
    length = len(candidate.text)
    words = article.words
    word_views = article.word_views
    seen: set[str] = set()
    expected = 0.0  # title characters expected: each distinct word's probability times its length
    top = 0.0
    weight = 0.0
    lead = 0
    repeated = 0
    covered = 0
    characters = 0
    kept = 0
    pieces = 1
    previous_end = -1
    names = numbers = verbs = word_count = 0
    quotes = False
    keep_odds = sentence.keep_odds
    odds = 0.0
    odds_words = 0
    for token in tokens:
        text = token.text
        size = len(text)
        kept += size
        if previous_end >= 0 and token.start != previous_end:
            pieces += 1
        previous_end = token.start + size
        number = token.tag
        flags = ord(_FLAGS_BY_TAG[number]) if number >= 0 else _tag_flags(token.pos)
        if flags == _PUNCTUATION:
            if text in _QUOTE_MARKS:
                quotes = True
            continue
        word_count += 1
        token_odds = keep_odds.get(token.start)
        if token_odds is not None:
            odds += token_odds
            odds_words += 1
        if flags == _NAME:
            names += 1
        elif flags == _NUMBER:
            numbers += 1
        elif flags == _VERB:
            verbs += 1
        if text in seen:
            continue
        seen.add(text)
        characters += size
        view = word_views.get(text)
        if view is None:
            view = article.word(text)
        kinds = view.kinds
        if not kinds:
            continue
        probability = view.probability
        expected += probability * size
        if probability > top:
            top = probability
        weight += view.weight
        if kinds & _LEAD:
            lead += size
        if kinds & _REPEATED:
            repeated += size
        if kinds & _TOP_REPEATED:
            covered += 1
    salience = weight / words.reference if words.reference > 0 else 0.0
    offset = length - TARGET_CHARS
    return [
        2.0 * expected / (length + SHORT_TITLE),
        2.0 * expected / (length + LONG_TITLE),
        top,
        salience,
        salience * 10.0 / max(1, length),
        lead / max(1, characters),
        repeated / max(1, characters),
        covered / max(1, len(words.top_repeated)),
        1.0 if candidate.position == 0 else 0.0,
        1.0 if word_count >= sentence.words - 1 else 0.0,
        length / 10.0,
        offset * offset / 100.0,
        1.0 if length > _LONG_CANDIDATE else 0.0,
        1.0 if length < _SHORT_CANDIDATE else 0.0,
        float(pieces - 1),
        kept / sentence.characters,
        float(min(names, 2)),
        float(min(numbers, 2)),
        1.0 if quotes else 0.0,
        float(min(verbs, 3)),
        1.0 if candidate.kind == LEARNED else 0.0,
        (sentence.drop_total + odds) / max(1, len(keep_odds)),
        odds / max(1, odds_words),
    ]


def all_features(candidate: Candidate, sentence: SentenceView, article: ArticleView) -> list[float]:
    """Every feature of ``candidate``, in the order of FEATURES (what the trainer fits)."""
    return sentence_features(sentence) + candidate_features(candidate, sentence, article)


class Ranker:
    """A linear score over :data:`FEATURES`: a sentence's part, shared by its candidates, and
    each candidate's own part."""

    def __init__(self, weights: list[float]) -> None:
        if len(weights) != len(FEATURES):
            raise ValueError(f"headline ranker: {len(weights)} weights for {len(FEATURES)} features")
        self.weights: Final[list[float]] = weights

    def sentence_score(self, features: list[float]) -> float:
        """The part of the score of :func:`sentence_features`."""
        return _dot(self.weights, 0, features)

    def candidate_score(self, features: list[float]) -> float:
        """The part of the score of :func:`candidate_features`."""
        return _dot(self.weights, len(SENTENCE_FEATURES), features)

    def score(self, features: list[float]) -> float:
        """The whole score of :func:`all_features`."""
        return _dot(self.weights, 0, features)


def _dot(weights: list[float], offset: int, features: list[float]) -> float:
    total = 0.0
    for position in range(len(features)):
        total += weights[offset + position] * features[position]
    return total

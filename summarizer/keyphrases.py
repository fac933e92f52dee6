"""Key phrases: noun-phrase-like runs of adjacent whole words around the keywords, and quoted names.

A phrase is two to five adjacent words (at most ``MAX_CHARS`` characters) that ends on a
content word that is a candidate keyword (a noun, name, English word or verb: Chinese phrases
are head-final) and starts on a candidate word, a number, an adjective or a distinguishing
word; inside, it may also hold measure words, localisers, adverbs, 的 and one-character
nouns, and it holds at least one of the top keywords. Names quoted in “” or 《》
(events, works, slogans) are phrases too. Words are never split or glued across punctuation,
so fragments such as textrank4zh's 建设新 cannot occur.

Salience: the words' scores, damped for length, times the position weight of every sentence
the exact phrase occurs in (the lead, weighted double, states what the article is about; a
phrase the article repeats names its subject). The phrases are chosen greedily (MMR) by
salience times how often the article uses the character pairs of the phrase that neither the
keywords shown nor a chosen phrase already say, so five phrases tell five things. A phrase
that is a substring of a chosen one is dropped.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

from summarizer.document import DocSentence, Document, Token
from summarizer.rank.pagerank import TIE_DECIMALS
from summarizer.result import ScoredText
from summarizer.tokenizer import PUNCTUATION_POS

_START: Final = operator.attrgetter("start")
HEAD_POS: Final = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "vn", "eng", "j", "v"})
# Words that modify a noun phrase without naming anything: they may open or fill a phrase
# (十亿元投资, 高薪合同) but never end one.
MODIFIER_POS: Final = frozenset({"m", "q", "a", "b", "f", "d"})
# Of those, the ones that may open a noun phrase: numbers, adjectives, distinguishing words
# (not an adverb, localiser or measure word: 还申请, 前办, 家企业).
OPENING_POS: Final = frozenset({"m", "a", "b"})
_BINDING_WORDS: Final = frozenset({"的"})
_BINDING_SINGLE_POS: Final = frozenset({"n", "ng"})
_QUOTED: Final = re.compile(r"[“《「]([^”》」“《「\n]{2,12})[”》」]")
_QUOTE_OPENERS: Final = ("“", "《", "「")
# Sentences end at line breaks, so no phrase holds one.
_SEPARATOR: Final = "\n"
MAX_WORDS: Final = 5
MAX_CHARS: Final = 16
LEAD_WEIGHT: Final = 2.0
# Exponents of the two factors of salience: the words' mean score matters less than where
# and how often the phrase occurs.
WORD_SCORE_EXPONENT: Final = 0.25
OCCURRENCE_EXPONENT: Final = 0.5
_TIE_SCALE: Final = 10.0**TIE_DECIMALS


def extract_keyphrases(
    document: Document,
    word_scores: dict[str, float],
    *,
    keywords: int,
    keywords_shown: int,
    count: int,
    max_sentences: int,
) -> tuple[ScoredText, ...]:
    """The ``count`` best phrases holding one of the top ``keywords`` words of ``word_scores``
    (lower-cased words, best first), preferring what the first ``keywords_shown`` do not say
    (0 when the keywords are to be chosen beside the phrases: :func:`keywords_beside`)."""
    if count == 0 or not word_scores:
        return ()
    ranked = list(word_scores)
    top = frozenset(ranked[: max(keywords, 1)])
    quotes = any(map(document.text.__contains__, _QUOTE_OPENERS))
    # Per phrase, in order of first occurrence: its words' mean score where it first occurs
    # (with a positive one) and the summed position weights of its occurrences from there on.
    mean_scores: dict[str, float] = {}
    weights: dict[str, float] = {}
    for position, sentence in enumerate(document.content_sentences[:max_sentences]):
        weight = (LEAD_WEIGHT if position == 0 else 1.0) / (position + 1.0)
        phrases = _word_phrases(sentence, word_scores, top)
        if quotes:
            phrases += _quoted_phrases(sentence, word_scores)
        for text, mean_score in phrases:
            so_far = weights.get(text)
            if so_far is None:
                if mean_score <= 0:
                    continue
                mean_scores[text] = mean_score
                so_far = 0.0
            weights[text] = so_far + weight
    if not weights:
        return ()
    salience = list(
        map(
            operator.mul,
            map(pow, mean_scores.values(), itertools.repeat(WORD_SCORE_EXPONENT)),
            map(pow, weights.values(), itertools.repeat(OCCURRENCE_EXPONENT)),
        )
    )
    covered = {pair for word in ranked[:keywords_shown] for pair in _pairs(word)}
    return _diverse(list(weights), salience, text=document.text.lower(), covered=covered, count=count)


def _pairs(text: str) -> set[str]:
    return set(map(operator.add, text, text[1:]))


def _diverse(
    phrases: Sequence[str], salience: Sequence[float], *, text: str, covered: set[str], count: int
) -> tuple[ScoredText, ...]:
    """Greedy maximum coverage: each pick gains its salience times the article frequency of
    the character pairs it adds to what is already said, damped by the root of the share of
    its pairs that are new.

    Chosen lazily: a phrase's gain only falls as pairs get said, so a best-first heap of gains
    known to be at least the current ones finds each pick after re-scoring only the few
    phrases that come out on top (most phrases could never win a round). Gains are compared
    rounded and ties go to the earlier phrase, as in ``ranking_order``."""
    pairs = _PhrasePairs.counted(text, list(map(str.lower, phrases)), covered)
    # The first bound: every pair new, each counted as often as the phrase holds it.
    bounds = -np.round(np.array(salience) * pairs.sums, TIE_DECIMALS)
    heap: list[tuple[float, int]] = list(zip(bounds.tolist(), range(len(phrases)), strict=True))
    heapq.heapify(heap)
    frequencies_of: dict[int, dict[int, int]] = {}
    said: set[int] = set()
    chosen: list[tuple[str, float]] = []
    # The chosen phrases joined by a character no phrase holds: one substring search tells
    # whether a phrase is inside one of them.
    joined = ""
    while len(chosen) < count and heap:
        bound, index = heapq.heappop(heap)
        phrase = phrases[index]
        if phrase in joined:
            continue
        frequencies = frequencies_of.get(index)
        if frequencies is None:
            frequencies = frequencies_of[index] = pairs.frequencies(index)
        unsaid = [frequency for pair, frequency in frequencies.items() if pair not in said]
        gain = salience[index] * float(sum(unsaid)) * math.sqrt(len(unsaid) / max(len(frequencies), 1))
        key = -_tie_rounded(gain)
        if key > bound:  # it gains less than it did: another phrase may now gain more
            heapq.heappush(heap, (key, index))
            continue
        if gain <= 0 and chosen:
            break
        chosen.append((phrase, gain))
        joined += _SEPARATOR + phrase
        said.update(frequencies)
    best = max(gain for _, gain in chosen)
    return tuple(ScoredText(phrase, gain / best if best > 0 else 0.0) for phrase, gain in chosen)


@dataclass(frozen=True)
class _PhrasePairs:
    """The character pairs of phrases as integers, pair by pair along the phrases joined,
    with how often the article holds each."""

    keys: list[int]
    counts: list[int]
    firsts: list[int]  # where each phrase's pairs begin
    stops: list[int]  # and end
    sums: npt.NDArray[np.int64]  # each phrase's counts summed, a pair it holds twice counted twice

    @classmethod
    def counted(cls, text: str, phrases: Sequence[str], covered: set[str]) -> _PhrasePairs:
        """Of ``phrases`` (none empty): overlapping occurrences in ``text`` count; a pair of
        ``covered`` counts 0."""
        lengths = np.fromiter(map(len, phrases), dtype=np.intp, count=len(phrases))
        ends = np.cumsum(lengths)
        keys = _adjacent_keys(_code_points("".join(phrases)))
        occurring = np.sort(_adjacent_keys(_code_points(text)))
        # Looked up in order: each binary search then starts where the last one ended.
        order = np.argsort(keys)
        in_order = keys[order]
        counts = np.empty_like(keys)
        counts[order] = np.searchsorted(occurring, in_order, side="right") - np.searchsorted(
            occurring, in_order, side="left"
        )
        if covered:
            counts[np.isin(keys, _adjacent_keys(_code_points("".join(covered)))[::2])] = 0
        # The pair that joins a phrase to the next is no phrase's: each phrase's pairs stop before it.
        totals = np.concatenate(([0], np.cumsum(counts)))
        firsts, stops = ends - lengths, ends - 1
        return cls(
            keys.tolist(), counts.tolist(), firsts.tolist(), stops.tolist(), totals[stops] - totals[firsts]
        )

    def frequencies(self, index: int) -> dict[int, int]:
        """The distinct pairs of one phrase and their counts."""
        first, stop = self.firsts[index], self.stops[index]
        return dict(zip(self.keys[first:stop], self.counts[first:stop], strict=True))


def _tie_rounded(score: float) -> float:
    """``np.round(score, TIE_DECIMALS)`` for one float without a numpy call: numpy scales,
    rounds half to even and scales back, as this does."""
    return round(score * _TIE_SCALE) / _TIE_SCALE


def _adjacent_keys(codes: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Each pair of adjacent code points as one integer."""
    return (codes[:-1] << 21) | codes[1:]


def _code_points(text: str) -> npt.NDArray[np.int64]:
    # "surrogatepass": a lone surrogate (possible in a Python str) is a code point like any other.
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _word_phrases(
    sentence: DocSentence, word_scores: dict[str, float], top: frozenset[str]
) -> list[tuple[str, float]]:
    """Each candidate phrase of ``sentence`` as its text and its words' mean score."""
    tokens, lowered = sentence.tokens, sentence.lowered
    if top.isdisjoint(lowered):
        return []  # no run of it can hold a top keyword
    scores = [word_scores.get(word, -1.0) for word in lowered]
    # A running count: whether a phrase holds a top keyword is two look-ups.
    tops = [0]
    for word in lowered:
        tops.append(tops[-1] + 1 if word in top else tops[-1])
    phrases = []
    for first, stop in _runs(tokens, lowered, word_scores):
        if tops[stop] == tops[first]:
            continue
        # Summed from the run's start (not the sentence's), as the means always were: a
        # different order of additions could change a float's last bit and break a tie otherwise.
        totals = [0.0]
        for score in scores[first:stop]:
            totals.append(totals[-1] + max(score, 0.0))
        for end in range(first + 1, stop):
            if scores[end] < 0 or tokens[end].pos not in HEAD_POS:
                continue
            # Tokens tile the text: a phrase of at most MAX_CHARS starts at or after this offset.
            earliest = tokens[end].start + len(tokens[end].text) - MAX_CHARS
            for start in range(max(first, end - MAX_WORDS + 1), end):
                if (
                    tokens[start].start >= earliest
                    and tops[end + 1] > tops[start]
                    and (scores[start] >= 0 or tokens[start].pos in OPENING_POS)
                ):
                    total = totals[end + 1 - first] - totals[start - first]
                    text = "".join([token.text for token in tokens[start : end + 1]])
                    phrases.append((text, total / (end + 1 - start)))
    return phrases


def _runs(
    tokens: tuple[Token, ...], lowered: tuple[str, ...], word_scores: dict[str, float]
) -> list[tuple[int, int]]:
    """Maximal stretches (token index ranges) of content words and the modifiers and short
    words that bind them."""
    runs: list[tuple[int, int]] = []
    first = 0
    for index, token in enumerate(tokens):
        word, pos = token.text, token.pos
        if pos != PUNCTUATION_POS and (
            pos in MODIFIER_POS
            or lowered[index] in word_scores
            or word in _BINDING_WORDS
            or (len(word) == 1 and pos in _BINDING_SINGLE_POS)
        ):
            continue
        if index - first >= 2:
            runs.append((first, index))
        first = index + 1
    if len(tokens) - first >= 2:
        runs.append((first, len(tokens)))
    return runs


def _quoted_phrases(sentence: DocSentence, word_scores: Mapping[str, float]) -> list[tuple[str, float]]:
    """Whole-word names in quotes or title marks: 《梦幻天劫》, “中柬文化旅游年”."""
    # Most sentences quote nothing: three substring tests cost less than a regular expression scan.
    if not any(map(sentence.text.__contains__, _QUOTE_OPENERS)):
        return []
    phrases = []
    tokens = sentence.tokens
    for match in _QUOTED.finditer(sentence.text):
        start, end = sentence.start + match.start(1), sentence.start + match.end(1)
        # Tokens are in text order and tile it: those starting inside the quote are the ones
        # inside it, unless the last runs past its end (then no name is quoted).
        first, stop = (
            bisect.bisect_left(tokens, start, key=_START),
            bisect.bisect_left(tokens, end, key=_START),
        )
        words = tokens[first:stop]
        if (
            len(words) >= 2
            and words[0].start == start
            and words[-1].end == end
            and all(t.is_word for t in words)
        ):
            total = sum(word_scores.get(t.text.lower(), 0.0) for t in words)
            phrases.append(("".join(t.text for t in words), total / len(words)))
    return phrases

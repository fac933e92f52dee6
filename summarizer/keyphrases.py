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
# Above every key of a pair (two code points of 21 bits each, 32 bits apart).
_NO_PAIR: Final = (1 << 64) - 1


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
    quotes = _quotes(document.text)
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
    # math.pow is the C pow that the builtin calls for positive floats, without its dispatch.
    salience = [
        math.pow(mean_score, WORD_SCORE_EXPONENT) * math.pow(weight, OCCURRENCE_EXPONENT)
        for mean_score, weight in zip(mean_scores.values(), weights.values(), strict=True)
    ]
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

    Chosen lazily: a phrase's gain only falls as pairs get said, so taking phrases best bound
    first, a bound known to be at least the current gain, finds each pick after re-scoring
    only the few phrases that come out on top (most phrases could never win a round). Gains
    are compared rounded and ties go to the earlier phrase, as in ``ranking_order``."""
    # str.lower mapped, not a .lower() call: compiled, the call lower-cases each character
    # alone (Σ to σ even where Python makes it a final ς).
    pairs = _PhrasePairs.counted(text, list(map(str.lower, phrases)), covered)
    # The first bound: every pair new, each counted as often as the phrase holds it.
    first_bounds = -(np.array(salience) * pairs.sums).round(TIE_DECIMALS)
    # The phrases by first bound, ties in phrase order, are walked in turn; a re-scored phrase
    # waits in a heap with its new bound. The smaller of the two heads is the next to look at.
    walk: list[int] = first_bounds.argsort(kind="stable").tolist()
    bounds: list[float] = first_bounds.tolist()
    walked = 0
    rescored: list[tuple[float, int]] = []
    distinct_of: dict[int, set[int]] = {}
    counts = pairs.counts
    said: set[int] = set()
    chosen: list[tuple[str, float]] = []
    # The chosen phrases joined by a character no phrase holds: one substring search tells
    # whether a phrase is inside one of them.
    joined = ""
    while len(chosen) < count:
        if walked < len(walk) and not (rescored and rescored[0] < (bounds[walk[walked]], walk[walked])):
            index = walk[walked]
            bound = bounds[index]
            walked += 1
        elif rescored:
            bound, index = heapq.heappop(rescored)
        else:
            break
        phrase = phrases[index]
        if phrase in joined:
            continue
        distinct = distinct_of.get(index)
        if distinct is None:
            distinct = distinct_of[index] = pairs.distinct(index)
        unsaid = gained = 0
        for pair in distinct:
            if pair not in said:
                unsaid += 1
                gained += counts[pair]
        gain = salience[index] * float(gained) * math.sqrt(unsaid / max(len(distinct), 1))
        key = -_tie_rounded(gain)
        if key > bound:  # it gains less than it did: another phrase may now gain more
            heapq.heappush(rescored, (key, index))
            continue
        if gain <= 0 and chosen:
            break
        chosen.append((phrase, gain))
        joined += _SEPARATOR + phrase
        said.update(distinct)
    best = max(gain for _, gain in chosen)
    return tuple(ScoredText(phrase, gain / best if best > 0 else 0.0) for phrase, gain in chosen)


@dataclass(frozen=True)
class _PhrasePairs:
    """The character pairs of phrases, numbered (equal pairs alike), with how often the
    article holds each."""

    # The number of the pair starting at each character of the phrases, each after a
    # separator (the pairs a separator is in share one number, no phrase's).
    ids: list[int]
    counts: list[int]  # by pair number
    separators: list[int]  # where the separator before each phrase is, then the one after the last
    sums: npt.NDArray[np.int64]  # each phrase's counts summed, a pair it holds twice counted twice

    @classmethod
    def counted(cls, text: str, phrases: Sequence[str], covered: set[str]) -> _PhrasePairs:
        """Of ``phrases`` (none empty, none holding ``_SEPARATOR``): overlapping occurrences
        in ``text`` count; a pair of ``covered`` counts 0."""
        # One string to encode: each phrase after a separator, then a separator and the text.
        joined = _SEPARATOR.join(["", *phrases, text])
        size = len(joined) - len(text)
        encoded = joined.encode("utf-32-le", "surrogatepass")
        keys = _pair_keys(encoded)
        separators = (np.frombuffer(encoded, "<u4", size) == ord(_SEPARATOR)).nonzero()[0]
        occurring = np.sort(keys[size:])
        # The pairs a separator is in are no phrase's: a key no pair has stands for them all.
        held = keys[: size - 1].copy()
        starts = separators[:-1]
        held[starts] = _NO_PAIR
        held[separators[1:] - 1] = _NO_PAIR
        order = held.argsort()
        in_order = held[order]
        firsts = np.concatenate(([True], in_order[1:] != in_order[:-1]))
        distinct = in_order[firsts]
        ids = np.empty(len(held), dtype=np.intp)
        ids[order] = firsts.cumsum() - 1
        # Sorted and distinct: two binary searches per pair, each starting where the last ended.
        counts = occurring.searchsorted(distinct, "right") - occurring.searchsorted(distinct, "left")
        if covered:
            counts[
                np.isin(distinct, _pair_keys("".join(covered).encode("utf-32-le", "surrogatepass"))[::2])
            ] = 0
        # From one separator to the next: a phrase's pairs and the two it shares with them (0).
        sums = np.add.reduceat(counts[ids], starts)
        return cls(ids.tolist(), counts.tolist(), separators.tolist(), sums)

    def distinct(self, index: int) -> set[int]:
        """The numbers of the distinct pairs of one phrase."""
        return set(self.ids[self.separators[index] + 1 : self.separators[index + 1] - 1])


def _tie_rounded(score: float) -> float:
    """``np.round(score, TIE_DECIMALS)`` for one float without a numpy call: numpy scales,
    rounds half to even and scales back, as this does."""
    return round(score * _TIE_SCALE) / _TIE_SCALE


def _pair_keys(encoded: bytes) -> npt.NDArray[np.uint64]:
    """Each pair of adjacent code points of UTF-32-LE ``encoded`` as one integer, read in
    place: the 8 bytes at every 4th offset hold a code point and the next."""
    return np.ndarray((len(encoded) // 4 - 1,), dtype="<u8", buffer=encoded, strides=(4,))


def _word_phrases(
    sentence: DocSentence, word_scores: dict[str, float], top: frozenset[str]
) -> list[tuple[str, float]]:
    """Each candidate phrase of ``sentence`` as its text and its words' mean score."""
    tokens, lowered = sentence.tokens, sentence.lowered
    if top.isdisjoint(lowered):
        return []  # no run of it can hold a top keyword
    phrases: list[tuple[str, float]] = []
    # Maximal runs of content words and the modifiers and short words that bind them; only
    # a run holding a top keyword (one of the candidates) can hold a phrase.
    first = 0
    holds_top = False
    for index, token in enumerate(tokens):
        word, pos = lowered[index], token.pos
        if pos != PUNCTUATION_POS:
            if word in word_scores:
                holds_top = holds_top or word in top
                continue
            if (
                pos in MODIFIER_POS
                or token.text in _BINDING_WORDS
                or (len(token.text) == 1 and pos in _BINDING_SINGLE_POS)
            ):
                continue
        if holds_top and index - first >= 2:
            _add_run_phrases(phrases, tokens[first:index], lowered[first:index], word_scores, top)
        first = index + 1
        holds_top = False
    if holds_top and len(tokens) - first >= 2:
        _add_run_phrases(phrases, tokens[first:], lowered[first:], word_scores, top)
    return phrases


def _add_run_phrases(
    phrases: list[tuple[str, float]],
    tokens: tuple[Token, ...],
    lowered: tuple[str, ...],
    word_scores: dict[str, float],
    top: frozenset[str],
) -> None:
    """Append the phrases of one run of words that holds a top keyword."""
    # Running sums from the run's start, as the means always were (a different order of
    # additions could change a float's last bit and break a tie): a phrase's summed positive
    # scores, top keywords and characters are each two look-ups.
    scores: list[float] = []
    totals = [0.0]
    tops = [0]
    ends = [0]
    for index, token in enumerate(tokens):
        word = lowered[index]
        score = word_scores.get(word, -1.0)
        scores.append(score)
        totals.append(totals[-1] + max(score, 0.0))
        tops.append(tops[-1] + 1 if word in top else tops[-1])
        ends.append(ends[-1] + len(token.text))
    # Each phrase is a slice of the run's text, not a join of its words.
    text = "".join([token.text for token in tokens])
    for end in range(1, len(tokens)):
        if scores[end] < 0 or tokens[end].pos not in HEAD_POS:
            continue
        stop = end + 1
        for start in range(max(0, stop - MAX_WORDS), end):
            if (
                ends[stop] - ends[start] <= MAX_CHARS
                and tops[stop] > tops[start]
                and (scores[start] >= 0 or tokens[start].pos in OPENING_POS)
            ):
                phrases.append(
                    (text[ends[start] : ends[stop]], (totals[stop] - totals[start]) / (stop - start))
                )


def _quoted_phrases(sentence: DocSentence, word_scores: Mapping[str, float]) -> list[tuple[str, float]]:
    """Whole-word names in quotes or title marks: 《梦幻天劫》, “中柬文化旅游年”."""
    if not _quotes(sentence.text):
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


def _quotes(text: str) -> bool:
    """Whether ``text`` opens a quote or a title. Most sentences quote nothing: three
    substring tests cost less than a regular expression scan."""
    return "“" in text or "《" in text or "「" in text

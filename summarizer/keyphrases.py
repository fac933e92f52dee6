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
import itertools
import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from summarizer.document import DocSentence, Document, Token
from summarizer.rank.pagerank import ranking_order
from summarizer.result import ScoredText
from summarizer.tokenizer import PUNCTUATION_POS

_TEXT = operator.itemgetter(0)
_START = operator.itemgetter(2)
HEAD_POS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "vn", "eng", "j", "v"})
# Words that modify a noun phrase without naming anything: they may open or fill a phrase
# (十亿元投资, 高薪合同) but never end one.
MODIFIER_POS = frozenset({"m", "q", "a", "b", "f", "d"})
# Of those, the ones that may open a noun phrase: numbers, adjectives, distinguishing words
# (not an adverb, localiser or measure word: 还申请, 前办, 家企业).
OPENING_POS = frozenset({"m", "a", "b"})
_BINDING_WORDS = frozenset({"的"})
_BINDING_SINGLE_POS = frozenset({"n", "ng"})
_QUOTED = re.compile(r"[“《「]([^”》」“《「\n]{2,12})[”》」]")
_QUOTE_OPENERS = ("“", "《", "「")
MAX_WORDS = 5
MAX_CHARS = 16
LEAD_WEIGHT = 2.0
# Exponents of the two factors of salience: the words' mean score matters less than where
# and how often the phrase occurs.
WORD_SCORE_EXPONENT = 0.25
OCCURRENCE_EXPONENT = 0.5
REDUNDANCY_EXPONENT = 0.5


@dataclass
class _Tally:
    word_score: float  # mean score of the phrase's words
    weight: float  # summed position weight of the sentences the phrase occurs in


def extract_keyphrases(
    document: Document,
    word_scores: Mapping[str, float],
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
    tallies: dict[str, _Tally] = {}
    for position, sentence in enumerate(document.content_sentences[:max_sentences]):
        weight = (LEAD_WEIGHT if position == 0 else 1.0) / (position + 1.0)
        for text, word_score in (
            *_word_phrases(sentence, word_scores, top),
            *_quoted_phrases(sentence, word_scores),
        ):
            tally = tallies.get(text)
            if tally is None:
                if word_score <= 0:
                    continue
                tally = tallies[text] = _Tally(word_score, 0.0)
            tally.weight += weight
    if not tallies:
        return ()
    covered = {pair for word in ranked[:keywords_shown] for pair in _pairs(word)}
    return _diverse(tallies, text=document.text.lower(), covered=covered, count=count)


def _pairs(text: str) -> set[str]:
    return set(map(operator.add, text, text[1:]))


def _diverse(
    tallies: Mapping[str, _Tally], *, text: str, covered: set[str], count: int
) -> tuple[ScoredText, ...]:
    """Greedy maximum coverage: each pick gains its salience times the article frequency of
    the character pairs it adds to what is already said."""
    phrases = list(tallies)
    # Each phrase's pairs as column ids, flattened phrase by phrase: a sparse 0/1 membership
    # matrix in coordinate form. Row sums by ``np.bincount`` are exact (the values are whole
    # numbers) and cost a fraction of building a scipy matrix for a few hundred phrases.
    pair_sets = [_pairs(phrase.lower()) for phrase in phrases]
    pair_ids = {
        pair: column for column, pair in enumerate(dict.fromkeys(itertools.chain.from_iterable(pair_sets)))
    }
    lengths = [len(pairs) for pairs in pair_sets]
    bounds = list(itertools.accumulate(lengths, initial=0))
    column_of = np.fromiter(
        map(pair_ids.__getitem__, itertools.chain.from_iterable(pair_sets)), dtype=np.intp, count=bounds[-1]
    )
    row_of = np.repeat(np.arange(len(phrases), dtype=np.intp), lengths)
    is_covered = np.fromiter((pair in covered for pair in pair_ids), dtype=bool, count=len(pair_ids))
    uncovered = np.where(is_covered, 0.0, _pair_frequencies(text, list(pair_ids)))
    salience = np.array(
        [
            tallies[phrase].word_score ** WORD_SCORE_EXPONENT * tallies[phrase].weight ** OCCURRENCE_EXPONENT
            for phrase in phrases
        ]
    )
    new = np.ones(len(pair_ids))
    sizes = np.maximum(np.array(lengths, dtype=np.float64), 1.0)
    available = np.ones(len(phrases), dtype=bool)
    chosen: list[tuple[str, float]] = []
    while len(chosen) < count and available.any():
        novelty = (
            np.bincount(row_of, weights=new[column_of], minlength=len(phrases)) / sizes
        ) ** REDUNDANCY_EXPONENT
        gained = np.bincount(row_of, weights=uncovered[column_of], minlength=len(phrases))
        gains = np.where(available, salience * gained * novelty, -np.inf)
        index = int(ranking_order(gains)[0])
        if gains[index] <= 0 and chosen:
            break
        phrase = phrases[index]
        chosen.append((phrase, float(gains[index])))
        said = column_of[bounds[index] : bounds[index + 1]]
        uncovered[said] = 0.0
        new[said] = 0.0
        available &= np.array([candidate not in phrase for candidate in phrases])
    best = max(gain for _, gain in chosen)
    return tuple(ScoredText(phrase, gain / best if best > 0 else 0.0) for phrase, gain in chosen)


def _pair_frequencies(text: str, pairs: Sequence[str]) -> npt.NDArray[np.float64]:
    """How often each of ``pairs`` (two characters each) occurs in ``text``, overlaps counted.
    Counted on code points as integers: counting the article's pairs as strings cost more
    than all the rest of choosing the phrases."""
    text_codes = _code_points(text)
    occurring, counts = np.unique((text_codes[:-1] << 21) | text_codes[1:], return_counts=True)
    if not len(occurring) or not pairs:
        return np.zeros(len(pairs))
    pair_codes = _code_points("".join(pairs)).reshape(-1, 2)
    wanted = (pair_codes[:, 0] << 21) | pair_codes[:, 1]
    found = np.minimum(np.searchsorted(occurring, wanted), len(occurring) - 1)
    return np.where(occurring[found] == wanted, counts[found], 0).astype(np.float64)


def _code_points(text: str) -> npt.NDArray[np.int64]:
    # "surrogatepass": a lone surrogate (possible in a Python str) is a code point like any other.
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _word_phrases(
    sentence: DocSentence, word_scores: Mapping[str, float], top: frozenset[str]
) -> Iterator[tuple[str, float]]:
    """Each candidate phrase of ``sentence`` as its text and its words' mean score."""
    tokens, all_lowered = sentence.tokens, sentence.lowered
    if top.isdisjoint(all_lowered):
        return  # no run of it can hold a top keyword
    for first, stop in _runs(tokens, all_lowered, word_scores):
        lowered = all_lowered[first:stop]
        if top.isdisjoint(lowered):
            continue
        run = tokens[first:stop]
        texts = list(map(_TEXT, run))
        scores = [word_scores.get(word, -1.0) for word in lowered]
        # Running totals: a phrase's characters, score and top keywords are two look-ups.
        chars = list(itertools.accumulate(map(len, texts), initial=0))
        totals = list(itertools.accumulate([max(score, 0.0) for score in scores], initial=0.0))
        tops = list(itertools.accumulate(map(top.__contains__, lowered), initial=0))
        for end in range(1, len(run)):
            if scores[end] < 0 or run[end][1] not in HEAD_POS:
                continue
            for start in range(max(0, end - MAX_WORDS + 1), end):
                if (
                    chars[end + 1] - chars[start] <= MAX_CHARS
                    and tops[end + 1] > tops[start]
                    and (scores[start] >= 0 or run[start][1] in OPENING_POS)
                ):
                    size = end + 1 - start
                    yield "".join(texts[start : end + 1]), (totals[end + 1] - totals[start]) / size


def _runs(
    tokens: Sequence[Token], lowered: Sequence[str], word_scores: Mapping[str, float]
) -> list[tuple[int, int]]:
    """Maximal stretches (token index ranges) of content words and the modifiers and short
    words that bind them."""
    runs: list[tuple[int, int]] = []
    first = 0
    for index, token in enumerate(tokens):
        word, pos = token[0], token[1]
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


def _quoted_phrases(sentence: DocSentence, word_scores: Mapping[str, float]) -> Iterator[tuple[str, float]]:
    """Whole-word names in quotes or title marks: 《梦幻天劫》, “中柬文化旅游年”."""
    # Most sentences quote nothing: three substring tests cost less than a regular expression scan.
    if not any(map(sentence.text.__contains__, _QUOTE_OPENERS)):
        return
    starts = list(map(_START, sentence.tokens))
    for match in _QUOTED.finditer(sentence.text):
        start, end = sentence.start + match.start(1), sentence.start + match.end(1)
        # Tokens are in text order and tile it: those starting inside the quote are the ones
        # inside it, unless the last runs past its end (then no name is quoted).
        words = sentence.tokens[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        if (
            len(words) >= 2
            and words[0].start == start
            and words[-1].end == end
            and all(t.is_word for t in words)
        ):
            total = sum(word_scores.get(t.text.lower(), 0.0) for t in words)
            yield "".join(t.text for t in words), total / len(words)

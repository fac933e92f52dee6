"""Key phrases: runs of adjacent whole words around the keywords, and quoted names.

A phrase is two to five adjacent words that starts and ends on a content word (the end a
noun, name, English word or verb: Chinese phrases are head-final), may be bound inside by
的 or a one-character noun, adjective or measure word, and holds at least one keyword.
Names quoted in “” or 《》 (events, works, slogans) are phrases too. Words are never split
or glued across punctuation, so fragments such as textrank4zh's 建设新 cannot occur. Phrases
score by their words' scores, how often they occur and how early they first occur, less
for words that the keywords or a better phrase already say; a phrase that is a substring of
a better one is dropped.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.document import DocSentence, Document, Token
from summarizer.rank.pagerank import ranking_order
from summarizer.result import ScoredText

HEAD_POS = frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "vn", "eng", "j", "v"})
_BINDING_WORDS = frozenset({"的"})
_BINDING_SINGLE_POS = frozenset({"n", "ng", "a", "b", "f", "q"})
_QUOTED = re.compile(r"[“《「]([^”》」“《「\n]{2,12})[”》」]")
MAX_WORDS = 5
MAX_CHARS = 20
REPEAT_DISCOUNT = 0.8


@dataclass
class _Tally:
    score: float
    occurrences: int
    first_sentence: int
    words: tuple[str, ...]


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
    (lower-cased words, best first), preferring words the first ``keywords_shown`` do not say."""
    if count == 0 or not word_scores:
        return ()
    top = frozenset(list(word_scores)[: max(keywords, 1)])
    tallies: dict[str, _Tally] = {}
    for position, sentence in enumerate(document.content_sentences[:max_sentences]):
        for words in (*_word_phrases(sentence, word_scores, top), *_quoted_phrases(sentence)):
            score = sum(word_scores.get(token.text.lower(), 0.0) for token in words)
            if score <= 0:
                continue
            text = "".join(token.text for token in words)
            lowered = tuple(token.text.lower() for token in words)
            tally = tallies.setdefault(text, _Tally(score, 0, position, lowered))
            tally.occurrences += 1
    if not tallies:
        return ()
    return _diverse(tallies, covered=set(list(word_scores)[:keywords_shown]), count=count)


def _diverse(tallies: Mapping[str, _Tally], *, covered: set[str], count: int) -> tuple[ScoredText, ...]:
    """Greedy choice by score discounted for words already said (by the keywords shown or by
    a chosen phrase), so five phrases tell five things instead of one word five times."""
    texts = list(tallies)
    base = np.array([_phrase_score(tallies[text]) for text in texts])
    best_score = float(base.max())
    available = np.ones(len(texts), dtype=bool)
    chosen: list[ScoredText] = []
    while len(chosen) < count and available.any():
        novelty = np.array([_novelty(tallies[text].words, covered) for text in texts])
        gains = np.where(available, base * (1.0 - REPEAT_DISCOUNT * (1.0 - novelty)), -np.inf)
        index = int(ranking_order(gains)[0])
        text = texts[index]
        chosen.append(ScoredText(text, float(gains[index]) / best_score))
        covered.update(tallies[text].words)
        for other, candidate in enumerate(texts):
            if candidate in text:
                available[other] = False
    return tuple(chosen)


def _novelty(words: tuple[str, ...], covered: set[str]) -> float:
    return sum(1 for word in words if word not in covered) / len(words)


def _phrase_score(tally: _Tally) -> float:
    return tally.score * (1.0 + math.log(tally.occurrences)) * (1.0 + 1.0 / (tally.first_sentence + 1))


def _word_phrases(
    sentence: DocSentence, word_scores: Mapping[str, float], top: frozenset[str]
) -> Iterator[Sequence[Token]]:
    for run in _runs(sentence.tokens, word_scores):
        for end in range(1, len(run)):
            if run[end].pos not in HEAD_POS or run[end].text.lower() not in word_scores:
                continue
            for start in range(max(0, end - MAX_WORDS + 1), end):
                words = run[start : end + 1]
                if words[0].text.lower() not in word_scores or sum(len(t.text) for t in words) > MAX_CHARS:
                    continue
                if any(t.text.lower() in top for t in words):
                    yield words


def _runs(tokens: Sequence[Token], word_scores: Mapping[str, float]) -> list[list[Token]]:
    """Maximal stretches of content words and the short words that bind them."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        word = token.text.lower()
        binds = word in _BINDING_WORDS or (len(word) == 1 and token.pos in _BINDING_SINGLE_POS)
        if token.is_word and (word in word_scores or binds):
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= 2]


def _quoted_phrases(sentence: DocSentence) -> Iterator[Sequence[Token]]:
    """Whole-word names in quotes or title marks: 《梦幻天劫》, “中柬文化旅游年”."""
    for match in _QUOTED.finditer(sentence.text):
        start, end = sentence.start + match.start(1), sentence.start + match.end(1)
        words = [t for t in sentence.tokens if start <= t.start and t.end <= end]
        if (
            len(words) >= 2
            and words[0].start == start
            and words[-1].end == end
            and all(t.is_word for t in words)
        ):
            yield words

"""Key phrases: runs of adjacent whole words around the keywords, and quoted names.

A phrase is two to four adjacent words that starts and ends on a content word (the end a
noun, name, English word or verb: Chinese phrases are head-final), may be bound inside by
的 or a one-character noun, adjective or measure word, and holds at least one keyword.
Names quoted in “” or 《》 (events, works, slogans) are phrases too. Words are never split
or glued across punctuation, so fragments such as textrank4zh's 建设新 cannot occur.

A phrase's salience is its words' mean score times the position weight of each sentence it
occurs in (the lead states what the article is about; a phrase the article repeats is a
name for its subject). The five are chosen greedily by salience times the share of their
character pairs that neither the keywords shown nor a chosen phrase already say (MMR), so
five phrases tell five things; a phrase that is a substring of a better one is dropped.
"""

from __future__ import annotations

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
MAX_WORDS = 4
MAX_CHARS = 12
LEAD_BOOST = 2.0


@dataclass
class _Tally:
    words: tuple[str, ...]
    word_score: float
    weight: float


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
    (lower-cased words, best first), preferring what the first ``keywords_shown`` do not say."""
    if count == 0 or not word_scores:
        return ()
    ranked = list(word_scores)
    top = frozenset(ranked[: max(keywords, 1)])
    tallies: dict[str, _Tally] = {}
    for position, sentence in enumerate(document.content_sentences[:max_sentences]):
        weight = (LEAD_BOOST if position == 0 else 1.0) / (position + 1.0)
        for words in (*_word_phrases(sentence, word_scores, top), *_quoted_phrases(sentence)):
            text = "".join(token.text for token in words)
            tally = tallies.get(text)
            if tally is None:
                lowered = tuple(token.text.lower() for token in words)
                word_score = sum(word_scores.get(word, 0.0) for word in lowered) / len(lowered)
                if word_score <= 0:
                    continue
                tally = tallies[text] = _Tally(lowered, word_score, 0.0)
            tally.weight += weight
    if not tallies:
        return ()
    covered = {pair for word in ranked[:keywords_shown] for pair in _pairs(word)}
    return _diverse(tallies, covered=covered, count=count)


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _diverse(tallies: Mapping[str, _Tally], *, covered: set[str], count: int) -> tuple[ScoredText, ...]:
    texts = list(tallies)
    base = np.array([tallies[text].word_score * tallies[text].weight for text in texts])
    pairs = [_pairs(text.lower()) for text in texts]
    best_score = float(base.max())
    available = np.ones(len(texts), dtype=bool)
    chosen: list[ScoredText] = []
    while len(chosen) < count and available.any():
        novelty = np.array([len(p - covered) / max(len(p), 1) for p in pairs])
        gains = np.where(available, base * novelty, -np.inf)
        index = int(ranking_order(gains)[0])
        if gains[index] <= 0 and chosen:
            break
        text = texts[index]
        chosen.append(ScoredText(text, float(base[index]) / best_score))
        covered |= pairs[index]
        for other, candidate in enumerate(texts):
            if candidate in text:
                available[other] = False
    return tuple(chosen)


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

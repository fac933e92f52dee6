"""Keywords: PageRank on the word co-occurrence graph, biased toward the lead.

Candidates are content words of the kind headlines are made of (nouns, names, places,
organisations, verbs and verbal nouns, English words) with at least two characters; the
random surfer restarts on a word in proportion to how early it occurs (PositionRank), since
the lead states what the article is about. Scores are weighted by part of speech and by
the word's specificity (IDF), since headlines name specific things.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from summarizer.document import DocSentence, Document, Token
from summarizer.rank.graph import cooccurrence_edges
from summarizer.rank.pagerank import pagerank, ranking_order
from summarizer.rank.sentences import position_prior
from summarizer.rank.specificity import jieba_idf
from summarizer.rank.vocabulary import Vocabulary
from summarizer.result import ScoredText

KEYWORD_POS: Final = frozenset(
    {"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "vn", "v", "eng", "j", "l", "i", "an", "s"}
)
# Names, places and organisations are what a headline is about; verbs only say what happened.
_POS_WEIGHT: Final = {
    "nr": 1.3,
    "nrfg": 1.3,
    "nrt": 1.3,
    "ns": 1.3,
    "nt": 1.3,
    "nz": 1.2,
    "j": 1.2,
    "eng": 1.1,
    "v": 0.8,
}

# Joins words for one substring search: no word holds it.
_SEPARATOR: Final = "\0"

# Specificity counts more than centrality: headlines name the rare words of an article.
IDF_EXPONENT: Final = 1.5


@dataclass(frozen=True)
class KeywordRanking:
    keywords: tuple[ScoredText, ...]  # best first
    scores: dict[str, float]  # every candidate (lower-cased) word's score, best first, for key phrases
    notes: tuple[str, ...]
    # The words after ``keywords`` (as many as ``rank_keywords`` was asked to reserve), best first,
    # as (spelling, score): they may stand in for keywords a key phrase already says. Plain
    # pairs, since most are never shown and a ScoredText costs a microsecond to make.
    reserve: tuple[tuple[str, float], ...] = ()

    @property
    def ranked(self) -> tuple[ScoredText, ...]:
        """``keywords`` and then the reserve, best first."""
        return self.keywords + tuple(itertools.starmap(ScoredText, self.reserve))


def is_candidate(token: Token, stop_words: frozenset[str]) -> bool:
    word = token.text
    if token.pos not in KEYWORD_POS or word.lower() in stop_words or word.isdigit():
        return False
    return len(word) >= 2


def rank_keywords(
    document: Document,
    *,
    stop_words: frozenset[str],
    window: int,
    damping: float,
    count: int,
    max_sentences: int,
    reserve: int = 0,
) -> KeywordRanking:
    """The ``count`` best keywords, none inside a better one, and every candidate's score;
    ``reserve`` more words are ranked (in ``reserve``) for :func:`keywords_beside`."""
    vocabulary, first_tokens = _candidates(document.content_sentences[:max_sentences], stop_words)
    if not vocabulary.words:
        return KeywordRanking((), {}, ("no content words: no keywords",))
    size = len(vocabulary.words)
    # The surfer restarts on each occurrence of a word with its sentence's position prior.
    prior = position_prior(vocabulary.sentence_count)
    restart = np.asarray(
        np.bincount(vocabulary.ids, weights=prior[vocabulary.sentence_of], minlength=size), dtype=np.float64
    )
    # An edge list whatever the size: a word links to a few neighbours only, so iterating on
    # the edges beats a dense product even on the smallest graphs (104 against 165 µs a graph).
    graph = cooccurrence_edges(vocabulary.ids, vocabulary.sentence_of, size, window=window)
    result = pagerank(graph, damping=damping, personalization=restart)
    notes = []
    if not result.has_edges:
        notes.append("no words co-occur: keywords ranked by position and frequency")
    elif not result.converged:
        notes.append(f"keyword PageRank stopped after {result.iterations} iterations without converging")
    pos_weight = np.fromiter([_POS_WEIGHT.get(token.pos, 1.0) for token in first_tokens], np.float64, size)
    scores = result.scores * pos_weight * jieba_idf().relative_all(vocabulary.words) ** IDF_EXPONENT
    scores = scores / scores.max()
    order: list[int] = ranking_order(scores).tolist()
    values: list[float] = scores.tolist()
    chosen = _distinct(order, vocabulary.words, count + reserve)
    ranked = [(first_tokens[i].text, values[i]) for i in chosen]
    words = vocabulary.words
    word_scores = {words[index]: values[index] for index in order}
    keywords = tuple(itertools.starmap(ScoredText, ranked[:count]))
    return KeywordRanking(keywords, word_scores, tuple(notes), tuple(ranked[count:]))


def keywords_beside(
    ranking: KeywordRanking, phrases: Sequence[ScoredText], *, count: int
) -> tuple[ScoredText, ...]:
    """The ``count`` best ranked words that no key phrase already holds: together the keywords
    and the phrases then name more of what the article is about instead of saying one word twice."""
    said = [phrase.text.lower() for phrase in phrases]

    def unsaid(text: str) -> bool:
        lowered = text.lower()
        return not any(lowered in phrase for phrase in said)

    beside = [word for word in ranking.keywords if unsaid(word.text)][:count]
    reserve = (pair for pair in ranking.reserve if unsaid(pair[0]))
    beside.extend(itertools.starmap(ScoredText, itertools.islice(reserve, count - len(beside))))
    return tuple(beside)


def _distinct(order: Sequence[int], words: Sequence[str], count: int) -> list[int]:
    """The first ``count`` of ``order`` less any word inside a better one (作文 after 作文题)."""
    chosen: list[int] = []
    # The chosen words joined by a character no word holds: one substring search tells
    # whether a word is inside any of them.
    joined = ""
    for index in order:
        if len(chosen) == count:
            break
        word = words[index]
        inside = any(word in words[better] for better in chosen) if _SEPARATOR in word else word in joined
        if not inside:
            chosen.append(index)
            joined += _SEPARATOR + word
    return chosen


def _candidates(
    sentences: Sequence[DocSentence], stop_words: frozenset[str]
) -> tuple[Vocabulary, list[Token]]:
    """The candidate words (lower-cased) of ``sentences`` and each one's first token, whose
    spelling and tag stand for the word."""
    # Ids in order of first occurrence. The words of an article repeat, so each distinct word
    # is tested once: its id, or -1 for a word that is no candidate. (Lower-casing neither
    # makes nor unmakes a digit, so the word's test stands for every text spelling it.)
    id_of: dict[str, int] = {}
    words: list[str] = []
    ids: list[int] = []
    per_sentence: list[int] = []
    first_tokens: list[Token] = []
    for sentence in sentences:
        before = len(ids)
        lowered = sentence.lowered
        for index, token in enumerate(sentence.tokens):
            # The length of the text first: it turns away the punctuation and most function
            # words for less than the set lookup of their tags.
            if len(token.text) < 2 or token.pos not in KEYWORD_POS:
                continue
            word = lowered[index]
            word_id = id_of.get(word, -2)
            if word_id == -2:
                word_id = -1 if word.isdigit() or word in stop_words else len(words)
                if word_id >= 0:
                    words.append(word)
                id_of[word] = word_id
            if word_id >= 0:
                if word_id == len(first_tokens):
                    first_tokens.append(token)
                ids.append(word_id)
        per_sentence.append(len(ids) - before)
    vocabulary = Vocabulary.of_sentences(tuple(words), ids, per_sentence)
    return vocabulary, first_tokens

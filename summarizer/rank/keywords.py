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

import numpy as np
import numpy.typing as npt

from summarizer.document import Document, Token
from summarizer.rank.graph import cooccurrence_graph, dense_cooccurrence_graph
from summarizer.rank.pagerank import DENSE_LIMIT, pagerank, ranking_order
from summarizer.rank.sentences import position_prior
from summarizer.rank.specificity import jieba_idf
from summarizer.rank.vocabulary import Vocabulary
from summarizer.result import ScoredText

KEYWORD_POS = frozenset(
    {"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "vn", "v", "eng", "j", "l", "i", "an", "s"}
)
# Names, places and organisations are what a headline is about; verbs only say what happened.
_POS_WEIGHT = {
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

# Specificity counts more than centrality: headlines name the rare words of an article.
IDF_EXPONENT = 1.5


@dataclass(frozen=True)
class KeywordRanking:
    keywords: tuple[ScoredText, ...]  # best first
    scores: dict[str, float]  # every candidate (lower-cased) word's score, best first, for key phrases
    notes: tuple[str, ...]
    # ``keywords`` and then ``reserve`` more words (as ``rank_keywords`` was asked), best first:
    # the words that may stand in for keywords a key phrase already says.
    ranked: tuple[ScoredText, ...] = ()


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
    ``reserve`` more words are ranked (in ``ranked``) for :func:`keywords_beside`."""
    sentences = document.content_sentences[:max_sentences]
    # is_candidate inlined, the cheap tests first: this is the one loop over every token.
    candidate_lists: list[list[Token]] = []
    candidate_words: list[list[str]] = []
    for sentence in sentences:
        tokens, lowered = sentence.tokens, sentence.lowered
        picked = [
            i
            for i, t in enumerate(tokens)
            if t[1] in KEYWORD_POS and len(t[0]) >= 2 and lowered[i] not in stop_words and not t[0].isdigit()
        ]
        candidate_lists.append([tokens[i] for i in picked])
        candidate_words.append([lowered[i] for i in picked])
    vocabulary = Vocabulary.build(candidate_words)
    if not vocabulary.words:
        return KeywordRanking((), {}, ("no content words: no keywords",))
    restart = _restart_weights(vocabulary, candidate_lists)
    size = len(vocabulary.words)
    graph = (
        dense_cooccurrence_graph(vocabulary.sequences, size, window=window)
        if size <= DENSE_LIMIT
        else cooccurrence_graph(vocabulary.sequences, size, window=window)
    )
    result = pagerank(graph, damping=damping, personalization=restart)
    notes = []
    if not result.has_edges:
        notes.append("no words co-occur: keywords ranked by position and frequency")
    elif not result.converged:
        notes.append(f"keyword PageRank stopped after {result.iterations} iterations without converging")
    first_tokens = _first_tokens(vocabulary, candidate_lists, candidate_words)
    pos_weight = np.array([_POS_WEIGHT.get(token[1], 1.0) for token in first_tokens])
    scores = result.scores * pos_weight * jieba_idf().relative_all(vocabulary.words) ** IDF_EXPONENT
    scores = scores / scores.max()
    surface = [token[0] for token in first_tokens]
    order = ranking_order(scores)
    ranked = tuple(
        ScoredText(surface[i], float(scores[i])) for i in _distinct(order, vocabulary.words, count + reserve)
    )
    word_scores = {vocabulary.words[i]: float(scores[i]) for i in order}
    return KeywordRanking(ranked[:count], word_scores, tuple(notes), ranked)


def keywords_beside(
    ranking: KeywordRanking, phrases: Sequence[ScoredText], *, count: int
) -> tuple[ScoredText, ...]:
    """The ``count`` best ranked words that no key phrase already holds: together the keywords
    and the phrases then name more of what the article is about instead of saying one word twice."""
    said = [phrase.text.lower() for phrase in phrases]
    beside = (word for word in ranking.ranked if not any(word.text.lower() in phrase for phrase in said))
    return tuple(itertools.islice(beside, count))


def _distinct(order: npt.NDArray[np.int64], words: Sequence[str], count: int) -> list[int]:
    """The first ``count`` of ``order`` less any word inside a better one (作文 after 作文题)."""
    chosen: list[int] = []
    for index in order.tolist():
        if len(chosen) == count:
            break
        if not any(words[index] in words[better] for better in chosen):
            chosen.append(index)
    return chosen


def _restart_weights(vocabulary: Vocabulary, candidate_lists: Sequence[Sequence[Token]]) -> np.ndarray:
    prior = position_prior(len(candidate_lists))
    weights = np.zeros(len(vocabulary.words))
    for sentence_prior, sequence in zip(prior, vocabulary.sequences, strict=True):
        np.add.at(weights, sequence, sentence_prior)
    return weights


def _first_tokens(
    vocabulary: Vocabulary,
    candidate_lists: Sequence[Sequence[Token]],
    candidate_words: Sequence[Sequence[str]],
) -> list[Token]:
    """The first occurrence of each (lower-cased) word: its spelling and tag stand for the word."""
    words = itertools.chain.from_iterable(candidate_words)
    tokens = itertools.chain.from_iterable(candidate_lists)
    # Built backwards, so that the first occurrence is the one that stays.
    first = dict(zip(reversed(list(words)), reversed(list(tokens)), strict=True))
    return [first[word] for word in vocabulary.words]

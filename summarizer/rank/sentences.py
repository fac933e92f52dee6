"""Sentence salience: TextRank centrality blended with a lead-position prior.

News is written lead first: the first sentences carry what the headline says, so a
sentence's reading position among the article's content sentences is a prior that
centrality alone (which favours long, repetitive sentences) lacks.

Cost: the graph is capped, not quadratic in the article. Only the first
``max_sentences_ranked`` content sentences (Options, 400 by default; later ones score 0 and
a note says so) enter it, so it never holds more than 400 x 400 edges whatever the length.
Within the cap it is built by vectorised products over the words shared by two sentences
or more (stop words excluded): a dense array while sentences x words stays under
``DENSE_CELLS`` (every ordinary article), a scipy sparse matrix beyond. Everything else in
the pipeline is linear in the text, so a 20,000-character article costs well under 25
times a 1,000-character one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt

from summarizer.document import DocSentence, Document
from summarizer.rank.graph import sentence_graph
from summarizer.rank.pagerank import pagerank
from summarizer.rank.vocabulary import SharedWords, Vocabulary

if TYPE_CHECKING:
    from scipy import sparse

# Up to this many sentence-word cells (1.6 MB) the count matrix and the sentence graph are
# dense arrays, which numpy handles far faster than scipy's sparse matrices at this size.
DENSE_CELLS: Final = 200_000


@dataclass(frozen=True)
class SentenceRanking:
    """Per document sentence (0 for boilerplate and unranked ones): ``scores``, the blend
    asked for, of ``centrality`` (TextRank, the top one 1) and ``prior`` (the lead 1)."""

    scores: tuple[float, ...]
    ranked: tuple[int, ...]  # document indices of the sentences that were ranked
    notes: tuple[str, ...]
    centrality: tuple[float, ...]
    prior: tuple[float, ...]

    def blended(self, position_weight: float) -> tuple[float, ...]:
        """The scores with another weight of the prior: a stage whose model was fitted on one
        blend reads that blend whatever weight the summary was asked for."""
        return _blend(self.ranked, self.centrality, self.prior, position_weight)


def _blend(
    ranked: tuple[int, ...], centrality: tuple[float, ...], prior: tuple[float, ...], position_weight: float
) -> tuple[float, ...]:
    """Per document sentence, ``1 - position_weight`` of its centrality and ``position_weight``
    of its prior; 0 for a sentence not ranked."""
    keep = 1.0 - position_weight
    scores = [0.0] * len(centrality)
    for index in ranked:
        scores[index] = keep * centrality[index] + position_weight * prior[index]
    return tuple(scores)


def sentence_terms(sentence: DocSentence, stop_words: frozenset[str]) -> list[str]:
    """The words of ``sentence`` that can make it similar to another: no stop words."""
    return [word for word in sentence.lowered_words if word not in stop_words]


def position_prior(count: int) -> npt.NDArray[np.float64]:
    """Weight of the k-th content sentence, 1 for the lead, falling as 1/(k+1)."""
    return 1.0 / (np.arange(count, dtype=np.float64) + 1.0)


def rank_sentences(
    document: Document,
    *,
    stop_words: frozenset[str],
    similarity: str,
    damping: float,
    position_weight: float,
    max_ranked: int,
) -> SentenceRanking:
    content = document.content_sentences
    ranked = content[:max_ranked]
    notes: list[str] = []
    if len(content) > max_ranked:
        notes.append(f"only the first {max_ranked} of {len(content)} sentences were ranked")
    if not ranked:
        empty = tuple([0.0] * len(document.sentences))
        return SentenceRanking(empty, (), tuple(notes), empty, empty)
    indices = tuple([sentence.index for sentence in ranked])
    centrality = [0.0] * len(document.sentences)
    prior = [0.0] * len(document.sentences)
    ranked_centrality, ranked_prior = _centrality(ranked, stop_words, similarity, damping, notes)
    for index, score, weight in zip(indices, ranked_centrality, ranked_prior, strict=True):
        centrality[index] = score
        prior[index] = weight
    by_sentence, priors = tuple(centrality), tuple(prior)
    scores = _blend(indices, by_sentence, priors, position_weight)
    return SentenceRanking(scores, indices, tuple(notes), by_sentence, priors)


def _centrality(
    ranked: Sequence[DocSentence],
    stop_words: frozenset[str],
    similarity: str,
    damping: float,
    notes: list[str],
) -> tuple[list[float], list[float]]:
    """The centrality of each of ``ranked`` (the top one 1) and its position prior. Where the
    graph says nothing (one sentence, no shared word) the centrality is the prior, so that
    every blend ranks by position."""
    if len(ranked) == 1:
        notes.append("one sentence: nothing to rank it against")
        return [1.0], [1.0]
    prior = position_prior(len(ranked))
    positions: list[float] = prior.tolist()
    graph = sentence_graph(_term_counts(ranked, stop_words), similarity=similarity)
    # The surfer restarts by the position prior too (position-biased TextRank): a sentence
    # echoed by the lead gains over one echoed only by the tail.
    result = pagerank(graph, damping=damping, personalization=prior)
    if not result.has_edges:
        notes.append("no two sentences share a word: sentences ranked by position only")
        return positions, positions
    if not result.converged:
        notes.append(f"sentence PageRank stopped after {result.iterations} iterations without converging")
    # Normalised in Python floats, whose operations round exactly as numpy's elementwise
    # ones: an article's few dozen sentences cost less than numpy calls on arrays would.
    centrality: list[float] = result.scores.tolist()
    top = max(centrality)
    return [score / top for score in centrality], positions


def _term_counts(
    ranked: Sequence[DocSentence], stop_words: frozenset[str]
) -> SharedWords | sparse.csr_matrix:
    """The sentence-by-word counts of the sentences' ``sentence_terms``, words in order of
    first occurrence: while the words times the sentences stay under ``DENSE_CELLS``, the
    :class:`SharedWords` of the dense array (all the dense similarities read of it), else
    :meth:`Vocabulary.counts`."""
    # Stop words are dropped before the words are numbered, which then numbers a third fewer.
    # Each distinct word is tested once: its number, or -1 for a stop word (numbers are
    # never len(terms) once given, so a word given len(terms) is new).
    numbers: dict[str, int] = {}
    terms: list[str] = []
    ids: list[int] = []
    per_sentence: list[int] = []
    # How many sentences hold each word (counted in the sentence of its first id there), as
    # the words are numbered: what tells the words that link sentences from the others.
    frequency: list[int] = []
    last_sentence: list[int] = []
    for index, sentence in enumerate(ranked):
        before = len(ids)
        for word in sentence.lowered_words:
            # One look-up finds a word's number or gives a new word the next one (a look-up
            # and an insertion each cost about as much, hashing aside); a new stop word then
            # takes -1 instead.
            number = numbers.setdefault(word, len(terms))
            if number == len(terms):
                if word in stop_words:
                    numbers[word] = number = -1
                else:
                    terms.append(word)
                    frequency.append(0)
                    last_sentence.append(-1)
            if number >= 0:
                ids.append(number)
                if last_sentence[number] != index:
                    last_sentence[number] = index
                    frequency[number] = frequency[number] + 1
        per_sentence.append(len(ids) - before)
    if len(ranked) * len(terms) <= DENSE_CELLS:
        return SharedWords.of_ids(ids, per_sentence, frequency)
    return Vocabulary.of_sentences(tuple(terms), ids, per_sentence).counts()

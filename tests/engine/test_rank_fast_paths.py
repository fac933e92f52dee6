"""The vectorised forms in summarizer.rank agree exactly with the plain computations they replace."""

from __future__ import annotations

import itertools
from collections import Counter

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import sparse

from summarizer.rank.graph import cooccurrence_graph
from summarizer.rank.pagerank import DENSE_LIMIT, pagerank
from summarizer.rank.vocabulary import Vocabulary

_WORDS = st.sampled_from(["a", "ab", "b", "abc", "c", "bc", "\0a", "a\0"])


def _plain_pagerank(
    adjacency: npt.NDArray[np.float64], personalization: npt.NDArray[np.float64], max_iterations: int
) -> tuple[npt.NDArray[np.float64], int, bool]:
    """The textbook power iteration, tested for convergence after every step."""
    size = len(adjacency)
    teleport = personalization / personalization.sum()
    strength = adjacency.sum(axis=1)
    dangling = strength <= 0
    transition = np.where(dangling[:, None], teleport, adjacency / np.where(dangling, 1.0, strength)[:, None])
    scores = teleport.copy()
    for iteration in range(1, max_iterations + 1):
        previous = scores
        scores = 0.85 * (transition.T @ previous) + (1.0 - 0.85) * teleport
        if np.abs(scores - previous).sum() < size * 1e-6:
            return scores, iteration, True
    return scores, max_iterations, False


@pytest.mark.parametrize("size", [3, 20, 120, DENSE_LIMIT + 40])
@pytest.mark.parametrize("max_iterations", [5, 100])
def test_pagerank_is_the_plain_power_iteration(size: int, max_iterations: int) -> None:
    """The batched convergence test stops at the same iteration as testing every step, and the
    folded products (damping, dangling nodes and restart in one matrix) change only rounding."""
    rng = np.random.default_rng(size)
    density = 0.6 if size < 50 else 0.1
    weights = np.triu(np.floor(rng.random((size, size)) * 3 + 1) * (rng.random((size, size)) < density), k=1)
    adjacency = weights + weights.T
    adjacency[1, :] = adjacency[:, 1] = 0.0  # a dangling node
    personalization = rng.random(size) + 0.01
    expected, iterations, converged = _plain_pagerank(adjacency, personalization, max_iterations)
    graph = adjacency if size <= DENSE_LIMIT else sparse.csr_matrix(adjacency)
    result = pagerank(graph, damping=0.85, personalization=personalization, max_iterations=max_iterations)
    assert (result.iterations, result.converged) == (iterations, converged)
    assert np.allclose(result.scores, expected, rtol=1e-12, atol=0.0)


@given(st.lists(st.lists(_WORDS, max_size=8), max_size=6), st.frozensets(_WORDS, max_size=3))
def test_vocabulary_without_excluded_words_is_that_of_the_filtered_sentences(
    sentences: list[list[str]], excluded: frozenset[str]
) -> None:
    flat = list(itertools.chain.from_iterable(sentences))
    sentence_of = np.repeat(np.arange(len(sentences)), [len(sentence) for sentence in sentences])
    vocabulary = Vocabulary.of_occurrences(flat, sentence_of, len(sentences), excluded=excluded)
    kept = [[word for word in sentence if word not in excluded] for sentence in sentences]
    assert vocabulary.words == tuple(dict.fromkeys(itertools.chain.from_iterable(kept)))
    assert [[vocabulary.words[i] for i in sequence] for sequence in vocabulary.sequences] == kept
    assert np.array_equal(vocabulary.dense_counts(), vocabulary.counts().toarray())


@given(st.lists(st.lists(st.integers(-1, 4), max_size=8), max_size=5), st.integers(2, 5))
def test_cooccurrence_graph_counts_the_pairs_within_the_window(
    sentences: list[list[int]], window: int
) -> None:
    pairs: Counter[tuple[int, int]] = Counter()
    for sentence in sentences:
        for (i, first), (j, second) in itertools.combinations(enumerate(sentence), 2):
            if j - i < window and first != second and first >= 0 and second >= 0:
                pairs[first, second] += 1
                pairs[second, first] += 1
    sequences = [np.array(sentence, dtype=np.int64) for sentence in sentences]
    graph = cooccurrence_graph(sequences, 5, window=window).toarray()
    assert {(i, j): graph[i, j] for i, j in zip(*np.nonzero(graph), strict=True)} == pairs

"""PageRank on an edge list, the form the keyword graphs of long articles take, agrees with
PageRank on the adjacency matrix the same edges make."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import sparse

from summarizer.rank.graph import cooccurrence_edges, flat_cooccurrence_graph
from summarizer.rank.pagerank import DENSE_LIMIT, MAX_ITERATIONS, TOLERANCE, EdgeList, pagerank
from summarizer.rank.vocabulary import Vocabulary

_SENTENCES = st.lists(st.lists(st.sampled_from("abcdefg"), max_size=8), max_size=6)


@given(_SENTENCES, st.integers(min_value=2, max_value=5))
def test_cooccurrence_edges_make_the_cooccurrence_graph(sentences: list[list[str]], window: int) -> None:
    vocabulary = Vocabulary.build(sentences)
    size = len(vocabulary.words)
    edges = cooccurrence_edges(vocabulary.ids, vocabulary.sentence_of, size, window=window)
    matrix = sparse.coo_matrix((edges.weights, (edges.sources, edges.targets)), shape=(size, size))
    expected = flat_cooccurrence_graph(vocabulary.ids, vocabulary.sentence_of, size, window=window)
    assert np.array_equal(matrix.toarray(), expected.toarray())


@given(_SENTENCES)
def test_pagerank_on_the_edges_is_pagerank_on_the_matrix(sentences: list[list[str]]) -> None:
    vocabulary = Vocabulary.build(sentences)
    size = len(vocabulary.words)
    edges = cooccurrence_edges(vocabulary.ids, vocabulary.sentence_of, size, window=3)
    matrix = flat_cooccurrence_graph(vocabulary.ids, vocabulary.sentence_of, size, window=3).toarray()
    prior = np.arange(size, 0, -1, dtype=np.float64)
    on_edges = pagerank(edges, damping=0.85, personalization=prior)
    on_matrix = pagerank(matrix, damping=0.85, personalization=prior)
    assert (on_edges.iterations, on_edges.converged, on_edges.has_edges) == (
        on_matrix.iterations,
        on_matrix.converged,
        on_matrix.has_edges,
    )
    assert np.allclose(on_edges.scores, on_matrix.scores, rtol=1e-12, atol=0.0)


def test_repeated_edges_add_up_and_a_node_without_edges_out_jumps() -> None:
    size = 40
    rng = np.random.default_rng(11)
    sources = rng.integers(1, size, 6 * size)  # node 0 has no edge out
    targets = rng.integers(0, size, 6 * size)
    weights = rng.random(6 * size)
    summed = sparse.coo_matrix((weights, (sources, targets)), shape=(size, size)).toarray()
    prior = rng.random(size)
    on_edges = pagerank(EdgeList(sources, targets, weights, size), damping=0.85, personalization=prior)
    on_matrix = pagerank(summed, damping=0.85, personalization=prior)  # the dense path: size <= DENSE_LIMIT
    assert size <= DENSE_LIMIT
    assert on_edges.converged and on_edges.iterations == on_matrix.iterations
    assert np.allclose(on_edges.scores, on_matrix.scores, rtol=1e-12, atol=0.0)


def _plain_edge_pagerank(
    edges: EdgeList, personalization: npt.NDArray[np.float64], damping: float
) -> tuple[npt.NDArray[np.float64], int]:
    """The power iteration on an edge list in its plain form, tested after every step: the
    edges' products added up by ``bincount``, then the dangling nodes' mass, then the restart."""
    size = edges.size
    strength = np.bincount(edges.sources, weights=edges.weights, minlength=size)
    linked = strength > 0
    teleport = personalization / personalization.sum()
    weights = edges.weights * np.divide(damping, strength, out=np.zeros(size), where=linked)[edges.sources]
    dangling = np.flatnonzero(~linked)
    scores = teleport
    for iteration in range(1, MAX_ITERATIONS + 1):
        previous = scores
        scores = np.bincount(edges.targets, weights=weights * previous[edges.sources], minlength=size)
        if len(dangling):
            scores += previous[dangling].sum() * (damping * teleport)
        scores += (1.0 - damping) * teleport
        if np.abs(scores - previous).sum() < size * TOLERANCE:
            return scores, iteration
    return scores, MAX_ITERATIONS


@pytest.mark.parametrize("dangling", [0, 1, 2, 5])
@pytest.mark.parametrize("unit_weights", [True, False])
def test_pagerank_on_edges_is_the_plain_form_to_the_last_bit(dangling: int, unit_weights: bool) -> None:
    """Folding the dangling nodes' mass and the restart into one bincount changes no rounding."""
    size = 60
    rng = np.random.default_rng(dangling)
    sources = rng.integers(dangling, size, 8 * size)  # the first ``dangling`` nodes have no edge out
    targets = rng.integers(0, size, 8 * size)
    weights = np.ones(len(sources)) if unit_weights else rng.random(len(sources))
    edges = EdgeList(sources, targets, weights, size)
    prior = rng.random(size)
    expected, iterations = _plain_edge_pagerank(edges, prior, 0.85)
    result = pagerank(edges, damping=0.85, personalization=prior)
    assert result.converged and result.iterations == iterations
    assert np.array_equal(result.scores, expected)

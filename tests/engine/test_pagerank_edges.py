"""PageRank on an edge list, the form the keyword graphs of long articles take, agrees with
PageRank on the adjacency matrix the same edges make."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from scipy import sparse

from summarizer.rank.graph import cooccurrence_edges, flat_cooccurrence_graph
from summarizer.rank.pagerank import DENSE_LIMIT, EdgeList, pagerank
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

"""Similarity graphs and PageRank on small hand-made inputs."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from scipy import sparse

from summarizer.rank import (
    Vocabulary,
    bm25_similarity,
    cooccurrence_graph,
    pagerank,
    ranking_order,
    textrank_similarity,
)
from summarizer.rank.pagerank import DENSE_LIMIT
from summarizer.rank.similarity import bm25_similarity_dense, textrank_similarity_dense

SENTENCES = [
    ["农业", "博览会", "开幕"],
    ["博览会", "展示", "农业", "技术"],
    ["天气", "晴朗"],
    ["农业", "农业"],
]


def test_textrank_similarity_is_textrank4zh_formula_without_self_loops() -> None:
    matrix = textrank_similarity(Vocabulary.build(SENTENCES).counts()).toarray()
    assert matrix[0, 1] == pytest.approx(2 / (math.log(3) + math.log(4)))
    assert matrix[0, 3] == pytest.approx(1 / (math.log(3) + math.log(2)))
    assert matrix[0, 2] == 0.0
    assert np.all(np.diag(matrix) == 0.0)
    assert np.allclose(matrix, matrix.T)


def test_textrank_similarity_may_keep_self_loops_for_compatibility() -> None:
    matrix = textrank_similarity(Vocabulary.build(SENTENCES).counts(), self_loops=True).toarray()
    assert matrix[1, 1] == pytest.approx(4 / (2 * math.log(4)))


def test_bm25_similarity_is_symmetric_positive_where_words_are_shared() -> None:
    matrix = bm25_similarity(Vocabulary.build(SENTENCES).counts()).toarray()
    assert np.allclose(matrix, matrix.T)
    assert np.all(np.diag(matrix) == 0.0)
    assert matrix[0, 1] > matrix[0, 3] > 0.0
    assert matrix[0, 2] == 0.0


def test_bm25_of_nothing_is_an_empty_matrix() -> None:
    assert bm25_similarity(Vocabulary.build([[], []]).counts()).nnz == 0


def test_cooccurrence_graph_links_words_within_the_window_and_skips_gaps() -> None:
    sequences = [np.array([0, 1, -1, 2, 0, 0], dtype=np.int64)]
    graph = cooccurrence_graph(sequences, 3, window=2).toarray()
    assert graph[0, 1] == graph[1, 0] == 1.0
    assert graph[1, 2] == 0.0  # separated by a gap
    assert graph[2, 0] == 1.0
    assert np.all(np.diag(graph) == 0.0)
    wide = cooccurrence_graph(sequences, 3, window=3).toarray()
    assert wide[1, 2] == 1.0


def test_pagerank_favours_the_hub_and_sums_to_one() -> None:
    star = sparse.csr_matrix(np.array([[0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]], dtype=float))
    result = pagerank(star, damping=0.85)
    assert result.converged and result.has_edges
    assert result.scores.sum() == pytest.approx(1.0)
    assert int(np.argmax(result.scores)) == 0


@pytest.mark.parametrize("size", [0, 1, 3])
def test_pagerank_without_edges_is_the_restart_distribution(size: int) -> None:
    result = pagerank(sparse.csr_matrix((size, size)), damping=0.85)
    assert not result.has_edges
    assert len(result.scores) == size
    assert np.allclose(result.scores, 1.0 / size if size else 0.0)


def test_pagerank_reports_when_the_iteration_cap_stops_it() -> None:
    ring = sparse.csr_matrix(np.array([[0, 1, 0], [0, 0, 1], [1, 0, 0]], dtype=float))
    personal = np.array([1.0, 0.0, 0.0])
    result = pagerank(ring, damping=0.99, personalization=personal, max_iterations=2)
    assert not result.converged and result.iterations == 2
    assert np.all(np.isfinite(result.scores))


def test_ranking_order_breaks_ties_by_position() -> None:
    scores = np.array([0.2, 0.3, 0.2 + 1e-15, 0.3])
    assert ranking_order(scores).tolist() == [1, 3, 0, 2]


@pytest.mark.parametrize(
    ("sparse_formula", "dense_formula"),
    [(textrank_similarity, textrank_similarity_dense), (bm25_similarity, bm25_similarity_dense)],
)
def test_dense_similarity_equals_the_sparse_one(sparse_formula: Any, dense_formula: Any) -> None:
    vocabulary = Vocabulary.build([*SENTENCES, [], ["天气", "农业", "天气"]])
    expected = sparse_formula(vocabulary.counts()).toarray()
    assert np.allclose(dense_formula(vocabulary.dense_counts()), expected)
    assert np.all(np.diag(expected) == 0)


@pytest.mark.parametrize("size", [5, DENSE_LIMIT + 5])
def test_pagerank_is_the_same_on_a_dense_array_and_a_sparse_matrix(size: int) -> None:
    rng = np.random.default_rng(7)
    weights = np.triu(rng.random((size, size)) * (rng.random((size, size)) < 0.3), k=1)
    adjacency = weights + weights.T
    adjacency[0, :] = adjacency[:, 0] = 0.0  # one node without edges
    prior = rng.random(size)
    dense = pagerank(adjacency, damping=0.85, personalization=prior)
    from_sparse = pagerank(sparse.csr_matrix(adjacency), damping=0.85, personalization=prior)
    assert dense.converged and from_sparse.converged
    assert np.allclose(dense.scores, from_sparse.scores)
    assert dense.scores.sum() == pytest.approx(1.0)

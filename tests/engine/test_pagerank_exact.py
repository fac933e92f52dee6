"""PageRank converges to the exact stationary distribution of the damped, personalised surfer."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from scipy import sparse

from summarizer.rank.pagerank import DENSE_LIMIT, pagerank


def _stationary(
    adjacency: npt.NDArray[np.float64], teleport: npt.NDArray[np.float64], damping: float
) -> npt.NDArray[np.float64]:
    """The fixed point solved directly: dangling nodes jump by ``teleport``, as networkx's do."""
    strength = adjacency.sum(axis=1)
    dangling = strength <= 0
    transition = np.where(dangling[:, None], teleport, adjacency / np.where(dangling, 1.0, strength)[:, None])
    system = np.eye(len(teleport)) - damping * transition.T
    return np.asarray(np.linalg.solve(system, (1.0 - damping) * teleport), dtype=np.float64)


@pytest.mark.parametrize("size", [2, 9, 60, DENSE_LIMIT, DENSE_LIMIT + 1])
@pytest.mark.parametrize("damping", [0.5, 0.85])
def test_pagerank_is_the_stationary_distribution(size: int, damping: float) -> None:
    rng = np.random.default_rng(size)
    weights = np.triu(rng.integers(1, 4, (size, size)) * (rng.random((size, size)) < 0.2), k=1)
    adjacency = (weights + weights.T).astype(np.float64)
    adjacency[0, :] = 0.0  # a dangling node: edges in, none out
    personalization = rng.random(size)
    graph = adjacency if size <= DENSE_LIMIT else sparse.csr_matrix(adjacency)
    result = pagerank(
        graph, damping=damping, personalization=personalization, tolerance=1e-10, max_iterations=500
    )
    expected = _stationary(adjacency, personalization / personalization.sum(), damping)
    assert result.converged and result.has_edges
    assert result.scores.sum() == pytest.approx(1.0)
    # The power iteration's error is within damping / (1 - damping) times its last change.
    assert np.abs(result.scores - expected).sum() < size * 1e-10 * damping / (1.0 - damping)


def test_a_dense_array_and_a_sparse_matrix_of_a_directed_graph_agree() -> None:
    rng = np.random.default_rng(3)
    adjacency = rng.random((12, 12)) * (rng.random((12, 12)) < 0.3)
    adjacency[4, :] = 0.0  # dangling: no edge out
    dense = pagerank(adjacency, damping=0.85)
    from_sparse = pagerank(sparse.csr_matrix(adjacency), damping=0.85)
    assert np.allclose(dense.scores, from_sparse.scores, rtol=1e-12, atol=0.0)
    assert dense.iterations == from_sparse.iterations

"""PageRank by power iteration on a sparse weighted graph."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse

TOLERANCE = 1e-6
MAX_ITERATIONS = 100
# Scores closer than this are ties: rounding them away from float noise lets the original
# order (reading order, first occurrence) decide, the same on every machine and run.
_TIE_DECIMALS = 10
# Up to this many nodes a graph is iterated as a dense array (see ``pagerank``).
DENSE_LIMIT = 256


@dataclass(frozen=True)
class PageRank:
    scores: npt.NDArray[np.float64]  # sums to 1 (empty for an empty graph)
    iterations: int
    converged: bool
    has_edges: bool


def pagerank(
    adjacency: sparse.spmatrix | npt.NDArray[np.float64],
    *,
    damping: float,
    personalization: npt.NDArray[np.float64] | None = None,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> PageRank:
    """Stationary distribution of the random surfer who follows weighted edges with
    probability ``damping`` and otherwise jumps by ``personalization`` (uniform by default).
    Nodes without edges send their mass by ``personalization`` too, as networkx does.
    Converged when the L1 change is below ``n * tolerance`` (networkx's criterion).

    ``adjacency`` is a scipy sparse matrix or a dense array. A graph of up to
    ``DENSE_LIMIT`` nodes is iterated as a dense array: one product costs a microsecond or two
    there, a scipy sparse one some twenty, and an article's graphs are small. The dense
    product is an ``einsum``, not ``@``: BLAS would start threads for it, which on a busy
    machine cost milliseconds per product."""
    size = adjacency.shape[0]
    if size == 0:
        return PageRank(np.zeros(0), 0, True, False)
    teleport = _distribution(personalization, size)
    if isinstance(adjacency, np.ndarray):
        has_edges = bool(np.any(adjacency))
        strength = adjacency.sum(axis=1)
    else:
        has_edges = adjacency.nnz > 0
        strength = np.asarray(adjacency.sum(axis=1)).ravel()
    dangling = np.flatnonzero(strength <= 0)
    if not has_edges or len(dangling) == size:
        return PageRank(teleport.copy(), 0, True, False)
    inverse = np.divide(1.0, strength, out=np.zeros(size), where=strength > 0)
    transposed = _transposed_transition(adjacency, inverse)
    restart = (1.0 - damping) * teleport
    scores = teleport.copy()
    # Chosen once, not per iteration: at an article's graph sizes the Python around each
    # product costs as much as the product.
    step = _dense_step if isinstance(transposed, np.ndarray) else _sparse_step
    has_dangling = len(dangling) > 0
    for iteration in range(1, max_iterations + 1):
        previous = scores
        scores = step(transposed, previous)
        if has_dangling:
            scores += previous[dangling].sum() * teleport
        scores *= damping
        scores += restart
        if np.abs(scores - previous).sum() < size * tolerance:
            return PageRank(scores, iteration, True, True)
    return PageRank(scores, max_iterations, False, True)


def _transposed_transition(
    adjacency: sparse.spmatrix | npt.NDArray[np.float64], inverse: npt.NDArray[np.float64]
) -> sparse.csr_matrix | npt.NDArray[np.float64]:
    """The column-stochastic matrix whose (j, i) entry is the chance of stepping from i to j."""
    if adjacency.shape[0] <= DENSE_LIMIT:
        dense = adjacency if isinstance(adjacency, np.ndarray) else adjacency.toarray()
        return np.ascontiguousarray((dense * inverse[:, None]).T)
    return (sparse.diags(inverse) @ sparse.csr_matrix(adjacency)).T.tocsr()


def _dense_step(
    transposed: npt.NDArray[np.float64], scores: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    product: npt.NDArray[np.float64] = np.einsum("ij,j->i", transposed, scores)
    return product


def _sparse_step(transposed: sparse.csr_matrix, scores: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return np.asarray(transposed @ scores, dtype=np.float64)


def ranking_order(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Indices from the highest score down; ties keep the lower index first."""
    rounded = np.round(scores, _TIE_DECIMALS)
    return np.lexsort((np.arange(len(scores)), -rounded)).astype(np.int64)


def _distribution(weights: npt.NDArray[np.float64] | None, size: int) -> npt.NDArray[np.float64]:
    if weights is None:
        return np.full(size, 1.0 / size)
    clean = np.where(np.isfinite(weights) & (weights > 0), weights, 0.0)
    total = clean.sum()
    return clean / total if total > 0 else np.full(size, 1.0 / size)

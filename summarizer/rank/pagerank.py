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


@dataclass(frozen=True)
class PageRank:
    scores: npt.NDArray[np.float64]  # sums to 1 (empty for an empty graph)
    iterations: int
    converged: bool
    has_edges: bool


def pagerank(
    adjacency: sparse.csr_matrix,
    *,
    damping: float,
    personalization: npt.NDArray[np.float64] | None = None,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> PageRank:
    """Stationary distribution of the random surfer who follows weighted edges with
    probability ``damping`` and otherwise jumps by ``personalization`` (uniform by default).
    Nodes without edges send their mass by ``personalization`` too, as networkx does.
    Converged when the L1 change is below ``n * tolerance`` (networkx's criterion)."""
    size = adjacency.shape[0]
    if size == 0:
        return PageRank(np.zeros(0), 0, True, False)
    teleport = _distribution(personalization, size)
    strength = np.asarray(adjacency.sum(axis=1)).ravel()
    dangling = strength <= 0
    if adjacency.nnz == 0 or dangling.all():
        return PageRank(teleport.copy(), 0, True, False)
    inverse = np.divide(1.0, strength, out=np.zeros(size), where=~dangling)
    transition = sparse.diags(inverse) @ adjacency
    transposed = transition.T.tocsr()
    scores = teleport.copy()
    for iteration in range(1, max_iterations + 1):
        previous = scores
        scores = (
            damping * (transposed @ previous + previous[dangling].sum() * teleport)
            + (1.0 - damping) * teleport
        )
        if np.abs(scores - previous).sum() < size * tolerance:
            return PageRank(scores, iteration, True, True)
    return PageRank(scores, max_iterations, False, True)


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

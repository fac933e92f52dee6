"""PageRank by power iteration on a sparse weighted graph."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from scipy import sparse

TOLERANCE = 1e-6
MAX_ITERATIONS = 100
# Scores closer than this are ties: rounding them away from float noise lets the original
# order (reading order, first occurrence) decide, the same on every machine and run.
_TIE_DECIMALS = 10
# Up to this many nodes a graph is iterated as a dense array (see ``pagerank``).
DENSE_LIMIT = 256
# Iterations before the first convergence test; an article's graphs need 7 to 80.
_FIRST_BATCH = 8
# A batch predicted from the shrinking of the changes is capped, in case they shrink unevenly.
_MAX_BATCH = 16

_Adjacency: TypeAlias = "sparse.spmatrix | npt.NDArray[np.float64]"
# Writes the product of the transposed transition matrix and ``previous`` into ``out``.
_Step = Callable[[npt.NDArray[np.float64], npt.NDArray[np.float64]], None]


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
        strength = adjacency.sum(axis=1)
    else:
        strength = np.asarray(adjacency.sum(axis=1)).ravel()
    dangling = np.flatnonzero(strength <= 0)
    # Without edges every node is dangling, so this also stands for "no edges".
    if len(dangling) == size:
        return PageRank(teleport.copy(), 0, True, False)
    inverse = np.divide(1.0, strength, out=np.zeros(size), where=strength > 0)
    step = _dense_step(adjacency, inverse) if size <= DENSE_LIMIT else _sparse_step(adjacency, inverse)
    restart = (1.0 - damping) * teleport
    threshold = size * tolerance
    # Row k holds the scores after k iterations. Keeping them all lets one batch of iterations
    # be tested for convergence in three numpy calls instead of three per iteration (at an
    # article's graph sizes each call costs as much as the product), while the scores and
    # the iteration where they converge stay exactly those of testing every iteration.
    history = np.empty((max_iterations + 1, size))
    history[0] = teleport
    done = 0
    batch = _FIRST_BATCH
    while done < max_iterations:
        end = min(done + batch, max_iterations)
        for iteration in range(done, end):
            previous, scores = history[iteration], history[iteration + 1]
            step(previous, scores)
            if len(dangling):
                scores += previous[dangling].sum() * teleport
            scores *= damping
            scores += restart
        changes = np.abs(history[done + 1 : end + 1] - history[done:end]).sum(axis=1)
        below = np.flatnonzero(changes < threshold)
        if len(below):
            converged_at = done + int(below[0]) + 1
            return PageRank(history[converged_at].copy(), converged_at, True, True)
        done = end
        batch = _next_batch(changes.tolist(), threshold)
    return PageRank(history[max_iterations].copy(), max_iterations, False, True)


def _next_batch(changes: list[float], threshold: float) -> int:
    """How many more iterations the changes, shrinking geometrically, take to fall below
    ``threshold``: testing much later would waste iterations, much sooner a test."""
    if len(changes) < 2 or not 0.0 < changes[-1] < changes[-2]:
        return 1
    rate = changes[-1] / changes[-2]
    return max(1, min(_MAX_BATCH, math.ceil(math.log(threshold / changes[-1]) / math.log(rate))))


def _dense_step(adjacency: _Adjacency, inverse: npt.NDArray[np.float64]) -> _Step:
    dense = adjacency if isinstance(adjacency, np.ndarray) else adjacency.toarray()
    # The column-stochastic matrix whose (j, i) entry is the chance of stepping from i to j.
    transposed = np.ascontiguousarray((dense * inverse[:, None]).T)

    def step(previous: npt.NDArray[np.float64], out: npt.NDArray[np.float64]) -> None:
        np.einsum("ij,j->i", transposed, previous, out=out)

    return step


def _sparse_step(adjacency: _Adjacency, inverse: npt.NDArray[np.float64]) -> _Step:
    from scipy import sparse  # only large articles need scipy: importing it costs 0.1 s

    transposed = (sparse.diags(inverse) @ sparse.csr_matrix(adjacency)).T.tocsr()
    rows = np.repeat(np.arange(transposed.shape[0]), np.diff(transposed.indptr))
    columns, weights, size = transposed.indices, transposed.data, transposed.shape[0]

    # scipy's product of a CSR matrix and a vector, without its per-call overhead (some twenty
    # microseconds): ``bincount`` adds each row's products in the same order, one by one.
    def step(previous: npt.NDArray[np.float64], out: npt.NDArray[np.float64]) -> None:
        out[:] = np.bincount(rows, weights=weights * previous[columns], minlength=size)

    return step


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

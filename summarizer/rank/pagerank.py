"""PageRank by power iteration on a weighted graph: a dense array, a scipy sparse matrix or an
edge list."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from scipy import sparse

TOLERANCE: Final = 1e-6
MAX_ITERATIONS: Final = 100
# Scores closer than this are ties: rounding them away from float noise lets the original
# order (reading order, first occurrence) decide, the same on every machine and run.
TIE_DECIMALS: Final = 10
# Up to this many nodes a graph is iterated as a dense array (see ``pagerank``).
DENSE_LIMIT: Final = 256
# Iterations before the first convergence test; an article's graphs need 7 to 80.
_FIRST_BATCH: Final = 8
# A batch predicted from the shrinking of the changes is capped, in case they shrink unevenly.
_MAX_BATCH: Final = 16

# Writes the scores after one more iteration, from ``previous``, into ``out``.
_Step = Callable[[npt.NDArray[np.float64], npt.NDArray[np.float64]], None]


@dataclass(frozen=True)
class EdgeList:
    """A weighted directed graph of ``size`` nodes as parallel arrays, one item per edge
    (repeated edges add up): all PageRank needs of a large sparse graph, and much cheaper to
    build than a scipy matrix."""

    sources: npt.NDArray[np.int64]
    targets: npt.NDArray[np.int64]
    weights: npt.NDArray[np.float64]
    size: int


@dataclass(frozen=True)
class PageRank:
    scores: npt.NDArray[np.float64]  # sums to 1 (empty for an empty graph)
    iterations: int
    converged: bool
    has_edges: bool


def pagerank(
    adjacency: sparse.spmatrix | npt.NDArray[np.float64] | EdgeList,
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

    ``adjacency`` is a scipy sparse matrix, a dense array or an :class:`EdgeList`. A matrix of
    up to ``DENSE_LIMIT`` nodes is iterated as a dense array, where one product is one BLAS
    call of a microsecond or two (an article's graphs are small); anything else on its edges."""
    if isinstance(adjacency, EdgeList):
        size = adjacency.size
        weighted = np.bincount(adjacency.sources, weights=adjacency.weights, minlength=size)
        strength = np.asarray(weighted, dtype=np.float64)
    else:
        size = adjacency.shape[0]
        strength = np.asarray(adjacency.sum(axis=1), dtype=np.float64).ravel()
    if size == 0:
        return PageRank(np.zeros(0), 0, True, False)
    teleport = _distribution(personalization, size)
    linked = strength > 0
    # Without edges every node is dangling, so this also stands for "no edges".
    if not linked.any():
        return PageRank(teleport.copy(), 0, True, False)
    # The chance that the surfer on a node follows a given edge out of it, damping included.
    follow = np.divide(damping, strength, out=np.zeros(size), where=linked)
    if isinstance(adjacency, EdgeList):
        step, start = _edge_step(adjacency, follow, linked, teleport, damping)
    elif size <= DENSE_LIMIT:
        step, start = _dense_step(adjacency, follow, linked, teleport, damping)
    else:
        step, start = _edge_step(_edge_list(adjacency), follow, linked, teleport, damping)
    scores, iterations, converged = _power_iteration(step, start, size * tolerance, max_iterations)
    return PageRank(scores[:size].copy(), iterations, converged, True)


def _power_iteration(
    step: _Step, start: npt.NDArray[np.float64], threshold: float, max_iterations: int
) -> tuple[npt.NDArray[np.float64], int, bool]:
    """The scores after the first iteration whose L1 change is below ``threshold``, that
    iteration, and whether there was one within ``max_iterations``."""
    # Row k holds the scores after k iterations. Keeping them all lets one batch of iterations
    # be tested for convergence in three numpy calls instead of three per iteration (at an
    # article's graph sizes each call costs as much as the product), while the scores and
    # the iteration where they converge stay exactly those of testing every iteration.
    history = np.empty((max_iterations + 1, len(start)))
    history[0] = start
    done = 0
    batch = _FIRST_BATCH
    while done < max_iterations:
        end = min(done + batch, max_iterations)
        for iteration in range(done, end):
            step(history[iteration], history[iteration + 1])
        changes = np.abs(history[done + 1 : end + 1] - history[done:end]).sum(axis=1).tolist()
        below = next((index for index, change in enumerate(changes) if change < threshold), None)
        if below is not None:
            converged_at = done + below + 1
            return history[converged_at], converged_at, True
        done = end
        batch = _next_batch(changes, threshold)
    return history[max_iterations], max_iterations, False


def _next_batch(changes: list[float], threshold: float) -> int:
    """How many more iterations the changes, shrinking geometrically, take to fall below
    ``threshold``: testing much later would waste iterations, much sooner a test."""
    if len(changes) < 2 or not 0.0 < changes[-1] < changes[-2]:
        return 1
    rate = changes[-1] / changes[-2]
    return max(1, min(_MAX_BATCH, math.ceil(math.log(threshold / changes[-1]) / math.log(rate))))


def _dense_step(
    adjacency: sparse.spmatrix | npt.NDArray[np.float64],
    follow: npt.NDArray[np.float64],
    linked: npt.NDArray[np.bool_],
    teleport: npt.NDArray[np.float64],
    damping: float,
) -> tuple[_Step, npt.NDArray[np.float64]]:
    """One iteration as one matrix-vector product, and the start scores it iterates on: the
    scores carry a constant 1 after the last node, so that the restart is the matrix's last
    row and its last column keeps the 1. Folding the damping, the dangling nodes and the
    restart into the matrix once leaves one numpy call per iteration instead of five."""
    size = len(follow)
    dense = adjacency if isinstance(adjacency, np.ndarray) else adjacency.toarray()
    # Row i holds the chances of stepping from i to each node. Built by rows, which numpy
    # writes far faster than columns, and multiplied transposed, which BLAS does in place.
    transitions = np.empty((size + 1, size + 1))
    np.multiply(dense, follow[:, None], out=transitions[:size, :size])
    transitions[:, size] = 0.0
    if not linked.all():
        transitions[np.flatnonzero(~linked), :size] = damping * teleport
    transitions[size, :size] = (1.0 - damping) * teleport
    transitions[size, size] = 1.0
    product = transitions.T
    start = np.ones(size + 1)
    start[:size] = teleport

    # BLAS (dgemv) is twice as fast as einsum here. It stays on the calling thread, as
    # :mod:`summarizer.rank.blas` requires of every product: numpy's OpenBLAS runs a
    # matrix-vector product on one thread below some 680 x 680 cells (measured), far above
    # DENSE_LIMIT.
    def step(previous: npt.NDArray[np.float64], out: npt.NDArray[np.float64]) -> None:
        np.dot(product, previous, out=out)

    return step, start


def _edge_list(adjacency: sparse.spmatrix | npt.NDArray[np.float64]) -> EdgeList:
    from scipy import sparse  # only large articles need scipy: importing it costs 0.1 s

    coordinates = sparse.coo_matrix(adjacency)
    sources, targets = coordinates.row.astype(np.int64), coordinates.col.astype(np.int64)
    return EdgeList(sources, targets, coordinates.data, coordinates.shape[0])


def _edge_step(
    edges: EdgeList,
    follow: npt.NDArray[np.float64],
    linked: npt.NDArray[np.bool_],
    teleport: npt.NDArray[np.float64],
    damping: float,
) -> tuple[_Step, npt.NDArray[np.float64]]:
    """One iteration over an edge list, and the start scores."""
    sources, targets, size = edges.sources, edges.targets, edges.size
    weights = edges.weights * follow[sources]
    dangling = np.flatnonzero(~linked)
    dangling_teleport = damping * teleport
    restart = (1.0 - damping) * teleport

    # A sparse matrix-vector product without scipy's per-call overhead (some twenty
    # microseconds): ``bincount`` adds up the products on each node's edges in.
    def step(previous: npt.NDArray[np.float64], out: npt.NDArray[np.float64]) -> None:
        out[:] = np.bincount(targets, weights=weights * previous[sources], minlength=size)
        if len(dangling):
            out += previous[dangling].sum() * dangling_teleport
        out += restart

    return step, teleport


def ranking_order(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Indices from the highest score down; ties keep the lower index first."""
    # A stable sort keeps tied scores in index order.
    return np.argsort(-np.round(scores, TIE_DECIMALS), kind="stable").astype(np.int64, copy=False)


def _distribution(weights: npt.NDArray[np.float64] | None, size: int) -> npt.NDArray[np.float64]:
    if weights is None:
        return np.full(size, 1.0 / size)
    clean = np.where(np.isfinite(weights) & (weights > 0), weights, 0.0)
    total = clean.sum()
    return clean / total if total > 0 else np.full(size, 1.0 / size)

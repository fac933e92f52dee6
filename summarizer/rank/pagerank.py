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
    # On arrays, the reductions are called as the ufuncs' ``reduce``: what ``ndarray.sum``,
    # ``any`` and ``all`` call, less numpy's Python function between them (a few thousand
    # instructions each, at an article's sizes as much as the sum itself).
    if isinstance(adjacency, EdgeList):
        size = adjacency.size
        weighted = np.bincount(adjacency.sources, weights=adjacency.weights, minlength=size)
        strength = np.asarray(weighted, dtype=np.float64)
    elif isinstance(adjacency, np.ndarray):
        size = adjacency.shape[0]
        strength = np.add.reduce(adjacency, axis=1)
    else:
        size = adjacency.shape[0]
        strength = np.asarray(adjacency.sum(axis=1), dtype=np.float64).ravel()
    if size == 0:
        return PageRank(np.zeros(0), 0, True, False)
    teleport = _distribution(personalization, size)
    linked = strength > 0
    # Without edges every node is dangling, so this also stands for "no edges".
    if not np.logical_or.reduce(linked):
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
        # Each row's view is made once, for its iteration and the next.
        previous = history[done]
        for iteration in range(done + 1, end + 1):
            scores = history[iteration]
            step(previous, scores)
            previous = scores
        # add.reduce is what ndarray.sum calls, less the Python function between them.
        changes = np.add.reduce(np.abs(history[done + 1 : end + 1] - history[done:end]), axis=1).tolist()
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
    if not np.logical_and.reduce(linked):
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
        product.dot(previous, out)  # the method, ``out`` by position: no keyword to parse

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
    """One iteration over an edge list, and the start scores.

    A node's new score is one sum, in this order: the products on its edges in, its share of
    the mass of the dangling nodes (when there are any), its restart. ``bincount`` adds each
    node's terms one by one in the order they are listed, starting from 0, so one call over
    all the terms gives the scores of the plain form (``bincount`` of the edges, ``+=`` the
    shares, ``+=`` the restarts) to the last bit, in four numpy calls an iteration instead of
    five (seven instead of nine with several dangling nodes)."""
    size = edges.size
    nodes = np.arange(size)
    dangling = np.flatnonzero(~linked)
    shared = damping * teleport
    sources, targets = edges.sources, edges.targets
    weights = edges.weights * follow[sources]
    # A lone dangling node's mass is its score, so each node's share of it is a product of
    # a score and a weight, as an edge's term is: the node gets an edge to every node, and
    # its shares cost nothing more. The mass of several is a sum, computed each iteration.
    if len(dangling) == 1:
        sources = np.concatenate((sources, np.repeat(dangling, size)))
        targets = np.concatenate((targets, nodes))
        weights = np.concatenate((weights, shared))
    spread_apart = len(dangling) > 1
    term_nodes = np.concatenate((targets, nodes, nodes) if spread_apart else (targets, nodes))
    terms = np.empty(len(term_nodes))
    terms[len(terms) - size :] = (1.0 - damping) * teleport
    products = terms[: len(sources)]
    shares = terms[len(sources) : len(sources) + size]
    # Looked up once, not in numpy's module at every iteration.
    multiply, bincount = np.multiply, np.bincount

    def step(previous: npt.NDArray[np.float64], out: npt.NDArray[np.float64]) -> None:
        # "clip" spares checking indices known to be valid, and the copy "raise" makes.
        previous.take(sources, None, products, "clip")
        multiply(products, weights, products)
        if spread_apart:
            multiply(shared, previous[dangling].sum(), shares)
        out[:] = bincount(term_nodes, terms, size)

    return step, teleport


def ranking_order(scores: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    """Indices from the highest score down; ties keep the lower index first."""
    # A stable sort keeps tied scores in index order. The methods, since numpy's functions
    # of the same names only wrap them in Python.
    return (-scores.round(TIE_DECIMALS)).argsort(kind="stable")


def _distribution(weights: npt.NDArray[np.float64] | None, size: int) -> npt.NDArray[np.float64]:
    if weights is None:
        return np.full(size, 1.0 / size)
    # Weights all positive and finite (a position prior always is) are their own clean form:
    # their lowest and their sum tell so in two numpy calls instead of five, and give the
    # same distribution to the last bit. A NaN is no lowest above 0 (it propagates).
    total = np.add.reduce(weights)
    if np.minimum.reduce(weights) > 0 and math.isfinite(total):
        distribution: npt.NDArray[np.float64] = weights / total
        return distribution
    clean = np.where(np.isfinite(weights) & (weights > 0), weights, 0.0)
    total = np.add.reduce(clean)
    return clean / total if total > 0 else np.full(size, 1.0 / size)

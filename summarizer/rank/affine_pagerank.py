"""PageRank of a small dense graph in a handful of matrix products.

:func:`summarizer.rank.pagerank.pagerank` spends five numpy calls on each iteration (the
product, the dangling nodes' mass, the damping, the restart), and an article's sentence
graph takes some twenty iterations. An iteration is an affine map of the scores, so it is
folded once into one matrix: with the scores followed by a constant 1 as a row ``h``, the
step is ``h @ P`` where ``P`` holds the damped transitions (a dangling node's row jumping by
the restart distribution) and, in its last row, the damped restart. Then the iterates are
made in doublings: ``h_1 = h_0 @ P``, ``h_2..h_3 = h_0..h_1 @ P^2``, ``h_4..h_7 = h_0..h_3 @
P^4``, ... so that 32 iterations cost nine small products instead of 32 steps. The scores
are those of :func:`pagerank` up to float rounding (the terms are summed in another order),
and so are the iteration count and the convergence test.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from summarizer.rank.pagerank import MAX_ITERATIONS, TOLERANCE, PageRank

# The largest graph whose ``P @ P`` BLAS makes on the calling thread: (63 + 1) ** 3
# multiply-adds (larger graphs go to :func:`pagerank`).
MAX_NODES = 63
# No convergence test before this many iterates exist: a test costs four numpy calls, and an
# article's sentence graphs converge after 10 to 40 iterations.
_FIRST_TEST = 16


def affine_pagerank(
    adjacency: npt.NDArray[np.float64],
    *,
    damping: float,
    personalization: npt.NDArray[np.float64],
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> PageRank:
    """:func:`summarizer.rank.pagerank.pagerank` of a dense ``adjacency`` of at most
    ``MAX_NODES`` nodes, restarting by ``personalization`` (positive weights)."""
    size = adjacency.shape[0]
    if not 0 < size <= MAX_NODES:
        raise ValueError(f"affine_pagerank: takes 1 to {MAX_NODES} nodes, got {size}")
    teleport = personalization / personalization.sum()
    strength = adjacency.sum(axis=1)
    linked = strength > 0
    if not linked.any():
        return PageRank(teleport, 0, True, False)
    inverse = np.divide(1.0, strength, out=np.zeros(size), where=linked)
    step = np.zeros((size + 1, size + 1))
    transitions = step[:size, :size]
    # Row i: where the surfer at i goes, its edges' weights over their sum.
    np.multiply(adjacency, inverse[:, None], out=transitions)
    transitions[~linked] = teleport
    transitions *= damping
    step[size, :size] = (1.0 - damping) * teleport
    step[size, size] = 1.0
    # Row k holds the scores after k iterations (and the constant 1).
    history = np.empty((max_iterations + 1, size + 1))
    history[0, :size] = teleport
    history[0, size] = 1.0
    threshold = size * tolerance
    known = tested = 1  # rows made; rows whose change from the previous one was tested
    while known <= max_iterations:
        block = min(known, max_iterations + 1 - known)
        np.dot(history[:block], step, out=history[known : known + block])  # ``step`` is P^known
        known += block
        if known >= _FIRST_TEST or known > max_iterations:
            changes = np.abs(history[tested:known] - history[tested - 1 : known - 1]).sum(axis=1)
            below = np.flatnonzero(changes < threshold)
            if len(below):
                converged_at = tested + int(below[0])
                return PageRank(history[converged_at, :size].copy(), converged_at, True, True)
            tested = known
        if known <= max_iterations:
            step = np.dot(step, step)
    return PageRank(history[max_iterations, :size].copy(), max_iterations, False, True)

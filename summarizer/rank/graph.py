"""Graphs of one article as symmetric adjacency matrices (sparse or dense) or edge lists,
without self-loops."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from summarizer.rank.pagerank import EdgeList
from summarizer.rank.similarity import (
    bm25_similarity,
    bm25_similarity_shared,
    textrank_similarity,
    textrank_similarity_shared,
)
from summarizer.rank.vocabulary import SharedWords

if TYPE_CHECKING:
    from scipy import sparse


def sentence_graph(
    counts: sparse.csr_matrix | SharedWords, *, similarity: str
) -> sparse.csr_matrix | npt.NDArray[np.float64]:
    """Sentences linked by ``similarity`` ("textrank" or "bm25") of their word counts: a
    sparse matrix of a sparse count matrix, a dense array of the :class:`SharedWords` of a
    dense one."""
    if similarity == "textrank":
        if isinstance(counts, SharedWords):
            return textrank_similarity_shared(counts)
        return textrank_similarity(counts)
    if similarity == "bm25":
        if isinstance(counts, SharedWords):
            return bm25_similarity_shared(counts)
        return bm25_similarity(counts)
    raise ValueError(f"similarity: must be textrank or bm25, got {similarity!r}")


def cooccurrence_graph(
    sequences: Sequence[npt.NDArray[np.int64]], size: int, *, window: int, binary: bool = False
) -> sparse.csr_matrix:
    """Words linked when they occur within ``window`` positions of each other in a sentence;
    weights count the co-occurrences (or are 1 when ``binary``, as in textrank4zh). A negative
    id is a gap: a word that takes a position but is not a node."""
    ids, sentence_of = _flattened(sequences)
    return flat_cooccurrence_graph(ids, sentence_of, size, window=window, binary=binary)


def flat_cooccurrence_graph(
    ids: npt.NDArray[np.int64],
    sentence_of: npt.NDArray[np.int64],
    size: int,
    *,
    window: int,
    binary: bool = False,
) -> sparse.csr_matrix:
    """:func:`cooccurrence_graph` of the sentences as :class:`Vocabulary` holds them: the ids
    of all sentences one after another, ``sentence_of`` giving each one's sentence."""
    from scipy import sparse  # only large articles need scipy: importing it costs 0.1 s

    first, second = _cooccurring(ids, sentence_of, window=window, gaps=True)
    data = np.ones(2 * len(first))
    matrix = sparse.csr_matrix(
        (data, (np.concatenate([first, second]), np.concatenate([second, first]))), shape=(size, size)
    )
    matrix.sum_duplicates()
    if binary:
        matrix.data[:] = 1.0
    return matrix


def cooccurrence_edges(
    ids: npt.NDArray[np.int64], sentence_of: npt.NDArray[np.int64], size: int, *, window: int
) -> EdgeList:
    """:func:`flat_cooccurrence_graph` (weights counting co-occurrences) as an edge list, one
    edge each way per co-occurrence, for the large graphs: PageRank needs no more, and building
    a scipy matrix costs far more than iterating on it. The ids are a :class:`Vocabulary`'s,
    without gaps."""
    first, second = _cooccurring(ids, sentence_of, window=window, gaps=False)
    sources = np.concatenate([first, second])
    return EdgeList(sources, np.concatenate([second, first]), np.ones(len(sources)), size)


def _flattened(
    sequences: Sequence[npt.NDArray[np.int64]],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    if not sequences:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    ids = np.concatenate(sequences).astype(np.int64, copy=False)
    return ids, np.repeat(np.arange(len(sequences)), [len(sequence) for sequence in sequences])


def _cooccurring(
    ids: npt.NDArray[np.int64], sentence_of: npt.NDArray[np.int64], *, window: int, gaps: bool
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each pair of distinct word ids (no gaps, when ``ids`` may hold some) within ``window``
    positions in one sentence, once, in one order: one slice per distance over the whole
    article, since the pairs that straddle two sentences are dropped."""
    firsts: list[npt.NDArray[np.int64]] = []
    seconds: list[npt.NDArray[np.int64]] = []
    for distance in range(1, min(window, len(ids))):
        first, second = ids[:-distance], ids[distance:]
        linked = (sentence_of[:-distance] == sentence_of[distance:]) & (first != second)
        if gaps:
            linked &= (first >= 0) & (second >= 0)
        firsts.append(first[linked])
        seconds.append(second[linked])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    if len(firsts) == 1:
        return firsts[0], seconds[0]
    return np.concatenate(firsts), np.concatenate(seconds)

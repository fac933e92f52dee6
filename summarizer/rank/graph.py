"""Graphs of one article as sparse symmetric adjacency matrices without self-loops."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from summarizer.rank.similarity import (
    bm25_similarity,
    bm25_similarity_dense,
    textrank_similarity,
    textrank_similarity_dense,
)


def sentence_graph(
    counts: sparse.csr_matrix | npt.NDArray[np.float64], *, similarity: str
) -> sparse.csr_matrix | npt.NDArray[np.float64]:
    """Sentences linked by ``similarity`` ("textrank" or "bm25") of their word counts, a
    sparse matrix or a dense array as ``counts`` is."""
    dense = isinstance(counts, np.ndarray)
    if similarity == "textrank":
        return textrank_similarity_dense(counts) if dense else textrank_similarity(counts)
    if similarity == "bm25":
        return bm25_similarity_dense(counts) if dense else bm25_similarity(counts)
    raise ValueError(f"similarity: must be textrank or bm25, got {similarity!r}")


def cooccurrence_graph(
    sequences: Sequence[npt.NDArray[np.int64]], size: int, *, window: int, binary: bool = False
) -> sparse.csr_matrix:
    """Words linked when they occur within ``window`` positions of each other in a sentence;
    weights count the co-occurrences (or are 1 when ``binary``, as in textrank4zh). A negative
    id is a gap: a word that takes a position but is not a node."""
    rows: list[npt.NDArray[np.int64]] = []
    columns: list[npt.NDArray[np.int64]] = []
    for sequence in sequences:
        for distance in range(1, min(window, len(sequence))):
            rows.append(sequence[:-distance])
            columns.append(sequence[distance:])
    if not rows:
        return sparse.csr_matrix((size, size))
    first, second = np.concatenate(rows), np.concatenate(columns)
    distinct = (first != second) & (first >= 0) & (second >= 0)
    first, second = first[distinct], second[distinct]
    data = np.ones(2 * len(first))
    matrix = sparse.csr_matrix(
        (data, (np.concatenate([first, second]), np.concatenate([second, first]))), shape=(size, size)
    )
    matrix.sum_duplicates()
    if binary:
        matrix.data[:] = 1.0
    return matrix

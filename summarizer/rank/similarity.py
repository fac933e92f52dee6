"""Sentence-to-sentence similarity matrices without self-loops.

Each formula takes the sentence-by-word count matrix of :meth:`Vocabulary.counts` and returns
a symmetric sparse matrix whose diagonal is zero; its ``_dense`` twin does the same on the
dense array of :meth:`Vocabulary.dense_counts`, which is much faster for one article's few
dozen sentences (scipy's per-operation overhead dominates there), and its ``_shared`` twin on
the :class:`SharedWords` of that array, which sentence ranking counts directly. The dense
products run over the words shared by two sentences or more only, by BLAS while it stays on
the calling thread and by ``einsum`` beyond (see :mod:`summarizer.rank.blas`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import numpy as np
import numpy.typing as npt

from summarizer.rank.blas import products
from summarizer.rank.vocabulary import SharedWords

if TYPE_CHECKING:
    from scipy import sparse

BM25_K1: Final = 1.5
BM25_B: Final = 0.75
_EPSILON: Final = 1e-12


def textrank_similarity(counts: sparse.csr_matrix, *, self_loops: bool = False) -> sparse.csr_matrix:
    """textrank4zh's formula: words the two sentences share (distinct) divided by
    ``log(len_a) + log(len_b)`` (lengths with repeats); zero when that sum is zero.

    ``self_loops`` keeps the diagonal, as textrank4zh does; only its compatibility mode wants it.
    """
    from scipy import sparse  # only large articles need scipy: importing it costs 0.1 s

    binary = (counts > 0).astype(np.float64)
    shared = (binary @ binary.T).tocoo()
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    logs = np.log(np.maximum(lengths, 1.0))
    denominator = logs[shared.row] + logs[shared.col]
    keep = denominator > _EPSILON
    if not self_loops:
        keep &= shared.row != shared.col
    values = shared.data[keep] / denominator[keep]
    return sparse.csr_matrix((values, (shared.row[keep], shared.col[keep])), shape=shared.shape)


def bm25_similarity(
    counts: sparse.csr_matrix, *, k1: float = BM25_K1, b: float = BM25_B
) -> sparse.csr_matrix:
    """BM25 relevance of each sentence (as a document) to each other (as a query),
    symmetrised by averaging both directions. IDF is the always-positive ``log(1 + ...)`` form,
    so that a word shared by most sentences still adds a little instead of subtracting."""
    from scipy import sparse  # only large articles need scipy: importing it costs 0.1 s

    n_sentences = counts.shape[0]
    if n_sentences == 0 or counts.nnz == 0:
        return sparse.csr_matrix((n_sentences, n_sentences))
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log1p((n_sentences - document_frequency + 0.5) / (document_frequency + 0.5))
    lengths = np.asarray(counts.sum(axis=1)).ravel()
    average_length = max(float(lengths.mean()), _EPSILON)
    saturation = counts.tocoo()
    tf = saturation.data
    norm = k1 * (1.0 - b + b * lengths[saturation.row] / average_length)
    weights = idf[saturation.col] * tf * (k1 + 1.0) / (tf + norm)
    weighted = sparse.csr_matrix((weights, (saturation.row, saturation.col)), shape=counts.shape)
    queries = (counts > 0).astype(np.float64)
    relevance = queries @ weighted.T
    symmetric = ((relevance + relevance.T) * 0.5).tocsr()
    symmetric.setdiag(0.0)
    symmetric.eliminate_zeros()
    return symmetric


def textrank_similarity_dense(counts: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """:func:`textrank_similarity` (without self-loops) of a dense count array."""
    return textrank_similarity_shared(SharedWords.of_counts(counts))


def textrank_similarity_shared(words: SharedWords) -> npt.NDArray[np.float64]:
    """:func:`textrank_similarity_dense` of the count array's :class:`SharedWords`: only words
    in two sentences or more can link two sentences, and the product runs over them alone."""
    logs = np.log(np.maximum(words.lengths, 1.0))
    # Counts are whole numbers: capped at 1 they are the 0/1 presence, as floats, in one call.
    binary = np.minimum(words.counts, 1.0)
    shared = products(binary, binary)
    denominator = logs[:, None] + logs[None, :]
    similarity: npt.NDArray[np.float64] = np.divide(
        shared, denominator, out=np.zeros_like(shared), where=denominator > _EPSILON
    )
    _clear_diagonal(similarity)
    return similarity


def bm25_similarity_dense(
    counts: npt.NDArray[np.float64], *, k1: float = BM25_K1, b: float = BM25_B
) -> npt.NDArray[np.float64]:
    """:func:`bm25_similarity` of a dense count array."""
    return bm25_similarity_shared(SharedWords.of_counts(counts), k1=k1, b=b)


def bm25_similarity_shared(
    words: SharedWords, *, k1: float = BM25_K1, b: float = BM25_B
) -> npt.NDArray[np.float64]:
    """:func:`bm25_similarity_dense` of the count array's :class:`SharedWords`: a word in one
    sentence only adds to no pair's relevance, so the products run over the shared words."""
    lengths = words.lengths
    n_sentences = len(lengths)
    if not len(words.frequency):
        return np.zeros((n_sentences, n_sentences))
    idf = np.log1p((n_sentences - words.frequency + 0.5) / (words.frequency + 0.5))
    # The mean as ``ndarray.mean`` computes it (lengths are whole numbers: the sum is exact),
    # without its Python-level overhead.
    average_length = max(float(np.add.reduce(lengths)) / n_sentences, _EPSILON)
    norm = k1 * (1.0 - b + b * lengths / average_length)
    shared_counts = words.counts
    weights = idf * shared_counts * (k1 + 1.0) / (shared_counts + norm[:, None])
    # Counts are whole numbers: capped at 1 they are the 0/1 presence, as floats, in one call.
    relevance = products(np.minimum(shared_counts, 1.0), weights)
    symmetric = relevance + relevance.T
    symmetric *= 0.5
    _clear_diagonal(symmetric)
    return symmetric


def _clear_diagonal(square: npt.NDArray[np.float64]) -> None:
    """``np.fill_diagonal(square, 0.0)`` without the Python function around this one step."""
    square.flat[:: len(square) + 1] = 0.0

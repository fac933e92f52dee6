"""Words of one article as integer ids, and sentences as sparse term-count rows."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from scipy import sparse


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]
    sequences: tuple[npt.NDArray[np.int64], ...]  # each sentence's words as ids, in order

    @classmethod
    def build(cls, sentences: Sequence[Sequence[str]]) -> Vocabulary:
        # One array for the whole article, cut into views per sentence: ids in order of first
        # occurrence, as a dict assigns them.
        words = tuple(dict.fromkeys(itertools.chain.from_iterable(sentences)))
        ids = {word: index for index, word in enumerate(words)}
        bounds = list(itertools.accumulate((len(sentence) for sentence in sentences), initial=0))
        flat = np.fromiter(
            map(ids.__getitem__, itertools.chain.from_iterable(sentences)), np.int64, bounds[-1]
        )
        return cls(words, tuple(flat[start:stop] for start, stop in itertools.pairwise(bounds)))

    def counts(self) -> sparse.csr_matrix:
        """Sentence-by-word matrix of occurrence counts."""
        lengths = [len(sequence) for sequence in self.sequences]
        rows = np.repeat(np.arange(len(self.sequences)), lengths)
        columns = np.concatenate(self.sequences) if self.sequences else np.zeros(0, np.int64)
        data = np.ones(len(columns))
        shape = (len(self.sequences), len(self.words))
        matrix = sparse.csr_matrix((data, (rows, columns)), shape=shape)
        matrix.sum_duplicates()
        return matrix

    def dense_counts(self) -> npt.NDArray[np.float64]:
        """:meth:`counts` as a dense array, for small vocabularies."""
        size = len(self.sequences) * len(self.words)
        lengths = [len(sequence) for sequence in self.sequences]
        if not size or not sum(lengths):
            return np.zeros((len(self.sequences), len(self.words)))
        rows = np.repeat(np.arange(len(self.sequences)), lengths)
        cells = rows * len(self.words) + np.concatenate(self.sequences)
        flat = np.bincount(cells, minlength=size).astype(np.float64)
        return flat.reshape(len(self.sequences), len(self.words))

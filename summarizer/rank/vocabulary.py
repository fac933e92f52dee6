"""Words of one article as integer ids, and sentences as sparse term-count rows."""

from __future__ import annotations

import itertools
import struct
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from scipy import sparse


@dataclass(frozen=True)
class Vocabulary:
    """The words of an article's sentences, kept flat: the ids of every sentence one after
    another, and the sentence of each, so that counts and graphs are built by a few numpy
    calls over the article instead of some per sentence."""

    words: tuple[str, ...]  # in order of first occurrence
    ids: npt.NDArray[np.int64]  # every occurrence's word id, sentence after sentence, in order
    sentence_of: npt.NDArray[np.int64]  # the sentence of each of ``ids`` (so non-decreasing)
    sentence_count: int

    @classmethod
    def build(cls, sentences: Sequence[Sequence[str]]) -> Vocabulary:
        sentence_of = np.repeat(np.arange(len(sentences)), list(map(len, sentences)))
        return cls.of_occurrences(list(itertools.chain.from_iterable(sentences)), sentence_of, len(sentences))

    @classmethod
    def of_sentences(cls, words: tuple[str, ...], ids: list[int], lengths: list[int]) -> Vocabulary:
        """From the word ids of every sentence one after another and how many each sentence holds."""
        sentence_of = np.repeat(np.arange(len(lengths)), lengths)
        return cls(words, np.array(ids, dtype=np.int64), sentence_of, len(lengths))

    @classmethod
    def of_occurrences(
        cls,
        words: Sequence[str | None],
        sentence_of: npt.NDArray[np.int64],
        sentence_count: int,
        *,
        excluded: Collection[str] = frozenset(),
    ) -> Vocabulary:
        """The vocabulary of ``words`` in reading order, ``sentence_of`` giving each one's
        sentence; None and the ``excluded`` words are left out (as if never there)."""
        # Ids in order of first occurrence, as a dict assigns them; the words of an article
        # repeat, so the exclusion is tested once per distinct word.
        distinct = dict.fromkeys(words)
        distinct.pop(None, None)
        present_words = cast(Iterable[str], distinct)  # None is no longer among them
        kept = tuple(itertools.filterfalse(excluded.__contains__, present_words))
        ids: dict[str | None, int] = dict(zip(kept, range(len(kept)), strict=True))
        every = np.fromiter(map(ids.get, words, itertools.repeat(-1)), np.int64, len(words))
        present = every >= 0
        return cls(kept, every[present], sentence_of[present], sentence_count)

    @property
    def sequences(self) -> tuple[npt.NDArray[np.int64], ...]:
        """Each sentence's words as ids, in order."""
        bounds = np.searchsorted(self.sentence_of, np.arange(self.sentence_count + 1)).tolist()
        return tuple(self.ids[start:stop] for start, stop in itertools.pairwise(bounds))

    def counts(self) -> sparse.csr_matrix:
        """Sentence-by-word matrix of occurrence counts."""
        from scipy import sparse  # only large articles need scipy: importing it costs 0.1 s

        data = np.ones(len(self.ids))
        shape = (self.sentence_count, len(self.words))
        matrix = sparse.csr_matrix((data, (self.sentence_of, self.ids)), shape=shape)
        matrix.sum_duplicates()
        return matrix

    def dense_counts(self) -> npt.NDArray[np.float64]:
        """:meth:`counts` as a dense array, for small vocabularies."""
        size = len(self.words)
        cells = self.sentence_of * size + self.ids
        # Counted as floats (weights of 1): exact for whole numbers, and no pass to convert.
        flat = np.bincount(cells, weights=np.ones(len(cells)), minlength=self.sentence_count * size)
        return np.asarray(flat, dtype=np.float64).reshape(self.sentence_count, size)


@dataclass(frozen=True)
class SharedWords:
    """All that the dense sentence similarities read of a sentence-by-word count array: the
    columns of the words found in two sentences or more (only those can link two sentences),
    how many sentences hold each of them, and every sentence's length (all its words, repeats
    included). An article's count array is mostly columns of words in one sentence only:
    counted straight from the word ids (:meth:`of_ids`), the shared columns alone cost a few
    numpy calls on small arrays instead of a dozen on the whole array."""

    counts: npt.NDArray[np.float64]  # sentences x shared words, words in the order of their ids
    frequency: npt.NDArray[np.int64]  # how many sentences hold each shared word
    lengths: npt.NDArray[np.float64]  # how many words each sentence holds

    @classmethod
    def of_counts(cls, counts: npt.NDArray[np.float64]) -> SharedWords:
        """From a dense sentence-by-word count array (:meth:`Vocabulary.dense_counts`)."""
        document_frequency = (counts > 0).sum(axis=0)
        # Column numbers rather than a mask: taking columns by number is the cheaper copy.
        shared = np.flatnonzero(document_frequency > 1)
        return cls(counts.take(shared, axis=1), document_frequency[shared], counts.sum(axis=1))

    @classmethod
    def of_ids(cls, ids: list[int], lengths: list[int], frequency: list[int]) -> SharedWords:
        """From the word ids of every sentence one after another, how many each sentence
        holds, and how many sentences hold each word (indexed by its id): :meth:`of_counts` of
        their count array, to the last bit (counts, frequencies and lengths are whole numbers
        either way)."""
        # The shared words' columns, in the order of their ids (-1: not shared).
        column = [-1] * len(frequency)
        shared_frequency: list[int] = []
        for word, count in enumerate(frequency):
            if count > 1:
                column[word] = len(shared_frequency)
                shared_frequency.append(count)
        width = len(shared_frequency)
        shape = (len(lengths), width)
        sentence_lengths = np.array(lengths, dtype=np.float64)
        if not width:
            return cls(np.zeros(shape), np.zeros(0, dtype=np.int64), sentence_lengths)
        # Each occurrence of a shared word as its cell of the flattened array.
        cells: list[int] = []
        position = 0
        for sentence, length in enumerate(lengths):
            row = sentence * width
            for at in range(position, position + length):
                word_column = column[ids[at]]
                if word_column >= 0:
                    cells.append(row + word_column)
            position += length
        flat = np.bincount(int64_array(cells), minlength=shape[0] * width).astype(np.float64)
        return cls(flat.reshape(shape), int64_array(shared_frequency), sentence_lengths)


def int64_array(values: list[int]) -> npt.NDArray[np.int64]:
    """``np.array(values, dtype=np.int64)``, less than half as costly: numpy converts a list
    item by item through its type discovery (some 300 instructions an item, measured), while
    ``struct`` packs the items as machine integers in one call. Read-only, as numpy's view of
    the packed bytes."""
    return np.frombuffer(struct.pack(f"{len(values)}q", *values), dtype=np.int64)

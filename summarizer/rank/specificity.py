"""How specific a word is: its inverse document frequency in jieba's reference corpus.

Co-occurrence centrality favours words every article uses (中国, 发展); headlines name the
specific ones. jieba ships the IDF table, so no data of ours is needed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class IdfTable:
    values: Mapping[str, float]
    median: float

    def relative(self, word: str) -> float:
        """IDF over the median IDF: above 1 for rarer-than-typical words; 1 for unknown ones."""
        return self.values.get(word, self.median) / self.median

    def relative_all(self, words: Iterable[str]) -> npt.NDArray[np.float64]:
        """:meth:`relative` of each of ``words``, in one pass (the same floats: one division each)."""
        values, median = self.values, self.median
        return np.array([values.get(word, median) for word in words], dtype=np.float64) / median


@functools.cache
def jieba_idf() -> IdfTable:
    """jieba's IDF table, read once per process (it never changes)."""
    # Read as a file of the jieba package: importing jieba.analyse would build its own tables.
    values: dict[str, float] = {}
    with resources.files("jieba").joinpath("analyse", "idf.txt").open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) == 2:
                values[parts[0]] = float(parts[1])
    ordered = sorted(values.values())
    median = ordered[len(ordered) // 2] if ordered else 1.0
    return IdfTable(values, median)

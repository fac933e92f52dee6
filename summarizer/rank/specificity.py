"""How specific a word is: its inverse document frequency in jieba's reference corpus.

Co-occurrence centrality favours words every article uses (中国, 发展); headlines name the
specific ones. jieba ships the IDF table, so no data of ours is needed.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class IdfTable:
    values: dict[str, float]
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
    # Read as a file of the jieba package, found without importing it: importing jieba costs
    # a seventh of a second, and jieba.analyse would build its own tables.
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed: its IDF table is needed")
    with (Path(spec.origin).parent / "analyse" / "idf.txt").open(encoding="utf-8") as lines:
        values = _parse_idf(lines)
    return IdfTable(values, _upper_median(values.values()))


def _parse_idf(lines: Iterable[str]) -> dict[str, float]:
    """``word idf`` lines to a dict, skipping lines that are not such a pair. Line by line: one
    split of the whole file is faster but leaves a worker ~25 MB bigger for good. Every command
    and worker reads the table's 270,000 lines at start-up, hence the comprehension over C-level
    splits (a fifth faster than a loop)."""
    return {fields[0]: float(fields[1]) for fields in map(str.split, lines) if len(fields) == 2}


def _upper_median(values: Collection[float]) -> float:
    """The ``len // 2``-th smallest of ``values`` (1 when there are none), found by a partial
    sort: a full sort of the table took a tenth of its loading time."""
    if not values:
        return 1.0
    array = np.fromiter(values, dtype=np.float64, count=len(values))
    return float(np.partition(array, len(array) // 2)[len(array) // 2])

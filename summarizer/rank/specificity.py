"""How specific a word is: its inverse document frequency in jieba's reference corpus.

Co-occurrence centrality favours words every article uses (中国, 发展); headlines name the
specific ones. jieba ships the IDF table, so no data of ours is needed.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

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
        median = self.median
        return (
            np.array(list(map(self.values.get, words, itertools.repeat(median))), dtype=np.float64) / median
        )


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
    ordered = sorted(values.values())
    median = ordered[len(ordered) // 2] if ordered else 1.0
    return IdfTable(values, median)


def _parse_idf(lines: Iterable[str]) -> dict[str, float]:
    """``word idf`` lines to a dict, skipping lines that are not such a pair. Line by line: one
    split of the whole file is faster but leaves a worker ~25 MB bigger for good."""
    values: dict[str, float] = {}
    for line in lines:
        fields = line.split()
        if len(fields) == 2:
            values[fields[0]] = float(fields[1])
    return values

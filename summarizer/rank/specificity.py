"""How specific a word is: its inverse document frequency in jieba's reference corpus.

Co-occurrence centrality favours words every article uses (中国, 发展); headlines name the
specific ones. The table is jieba's (``jieba/analyse/idf.txt``), shipped in the package
(``summarizer/data/jieba_idf.txt``) in a form that loads in half the time, since every
command and worker reads its 270,000 words at start-up: the words take only some 3,300
distinct values, so the file holds one line per value, ``value<TAB>word word ...``, the
commonest words (lowest IDF) first. ``scripts/build_idf_table.py`` writes it from jieba's.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Final

import numpy as np
import numpy.typing as npt

IDF_FILE: Final = "jieba_idf.txt"
_HEADER: Final = (
    "# jieba 0.42.1 analyse/idf.txt (MIT License, Copyright (c) 2013 Sun Junyi), regrouped:\n"
    "# one line per IDF value, value<TAB>words separated by spaces. Written by scripts/build_idf_table.py.\n"
)


@dataclass(frozen=True)
class IdfTable:
    values: dict[str, float]
    median: float

    def relative(self, word: str) -> float:
        """IDF over the median IDF: above 1 for rarer-than-typical words; 1 for unknown ones."""
        return self.values.get(word, self.median) / self.median

    def relative_all(self, words: Collection[str]) -> npt.NDArray[np.float64]:
        """:meth:`relative` of each of ``words``, in one pass (the same floats: one division each)."""
        # fromiter takes the floats as they come, where np.array would first inspect a list.
        found = map(self.values.get, words, itertools.repeat(self.median))
        return np.fromiter(found, np.float64, len(words)) / self.median


@functools.cache
def jieba_idf() -> IdfTable:
    """jieba's IDF table, read once per process (it never changes)."""
    text = resources.files("summarizer.data").joinpath(IDF_FILE).read_text(encoding="utf-8")
    return read_grouped_idf(text.splitlines())


def read_grouped_idf(lines: Iterable[str]) -> IdfTable:
    """The table from :func:`grouped_idf_text`'s lines (``#`` lines are comments). The median
    comes from the groups' sizes, without sorting 270,000 values."""
    values: dict[str, float] = {}
    group_sizes: list[tuple[float, int]] = []
    for line in lines:
        if not line or line.startswith("#"):
            continue
        value_text, _, words_text = line.partition("\t")
        value = float(value_text)
        words = words_text.split()
        # One C-level update per group: a fifth faster than inserting word by word.
        values.update(dict.fromkeys(words, value))
        group_sizes.append((value, len(words)))
    return IdfTable(values, _grouped_upper_median(group_sizes))


def grouped_idf_text(values: Mapping[str, float]) -> str:
    """``values`` in the shipped file's form: one line per distinct value, lowest first, its
    words in the order of ``values``; ``repr`` gives each float back exactly."""
    groups: dict[float, list[str]] = {}
    for word, value in values.items():
        groups.setdefault(value, []).append(word)
    return _HEADER + "".join(f"{value!r}\t{' '.join(groups[value])}\n" for value in sorted(groups))


def parse_jieba_idf(lines: Iterable[str]) -> dict[str, float]:
    """jieba's own ``word idf`` lines to a dict, skipping lines that are not such a pair."""
    return {fields[0]: float(fields[1]) for fields in map(str.split, lines) if len(fields) == 2}


def _grouped_upper_median(group_sizes: Collection[tuple[float, int]]) -> float:
    """The ``total // 2``-th smallest value (1 when there are none) of groups of equal values."""
    middle = sum(size for _, size in group_sizes) // 2
    seen = 0
    for value, size in sorted(group_sizes):
        seen += size
        if seen > middle:
            return value
    return 1.0

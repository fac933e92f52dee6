"""The learned parameters of the headline stage, read from the package data once per process.

``summarizer/data/headline_words.json`` (the title word model),
``summarizer/data/headline_compression.json`` (the deletion model) and
``summarizer/data/headline_ranker.json`` (the ranker) are written by ``make train``
(``scripts/train/headline_words.py``, ``headline_compression.py``, ``headline_ranker.py``).
Nothing is read at import: :func:`headline_model` reads them on first use and keeps them (they
never change).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from summarizer.headline.compression import CompressionModel
from summarizer.headline.ranking import FEATURES, Ranker
from summarizer.headline.words import WORD_FEATURES, TitleWordModel
from summarizer.rank.specificity import jieba_idf

RANKER_FILE: Final = "headline_ranker.json"
WORDS_FILE: Final = "headline_words.json"
COMPRESSION_FILE: Final = "headline_compression.json"


@dataclass(frozen=True)
class HeadlineModel:
    title_words: TitleWordModel
    compression: CompressionModel
    ranker: Ranker


@functools.cache
def headline_model() -> HeadlineModel:
    """The shipped model, read once per process."""
    return HeadlineModel(
        read_title_words(_read(WORDS_FILE)),
        read_compression(_read(COMPRESSION_FILE)),
        read_ranker(_read(RANKER_FILE)),
    )


def _read(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("summarizer.data").joinpath(name).read_text(encoding="utf-8")
    )
    return data


def read_ranker(data: dict[str, Any]) -> Ranker:
    weights = data["weights"]
    if list(weights) != list(FEATURES):
        raise ValueError(f"{RANKER_FILE}: its features are not the ranker's {list(FEATURES)}")
    return Ranker([float(weights[name]) for name in FEATURES])


def read_title_words(data: dict[str, Any]) -> TitleWordModel:
    weights = data["weights"]
    if list(weights) != list(WORD_FEATURES):
        raise ValueError(f"{WORDS_FILE}: its features are not the model's {list(WORD_FEATURES)}")
    return TitleWordModel([float(weights[name]) for name in WORD_FEATURES], jieba_idf())


def read_compression(data: dict[str, Any]) -> CompressionModel:
    weights = {str(name): float(value) for name, value in data["weights"].items()}
    return CompressionModel(float(data["bias"]), weights, frozenset(str(w) for w in data["function_words"]))

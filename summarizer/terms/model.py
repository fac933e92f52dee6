"""The learned scorers of keywords and key phrases: linear models over named features.

Each model is a JSON file of ``summarizer/data/`` written by its trainer in ``scripts/train/``
(``make train``): the names of the features in order, one weight per feature and a bias, the
standardisation folded into them, so that a candidate's score is one dot product, summed by a
compiled loop over the candidate's row of features (numpy would first have to take every
Python float of the rows, some 300 instructions each, for a product of a few dozen). The file
names its features so that a model trained on other features fails loudly instead of
scoring garbage. Loaded once per process on first use (the files never change).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final

import numpy as np

from summarizer.rank.pagerank import ranking_order

KEYWORD_MODEL_FILE: Final = "keyword_model.json"
PHRASE_MODEL_FILE: Final = "keyphrase_model.json"


@dataclass(frozen=True)
class LinearModel:
    """``features · weights + bias``: the log-odds that a candidate is one an editor would use."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, row: list[float]) -> float:
        """The probability of one candidate, ``row`` its features in ``features`` order."""
        weights = self.weights
        log_odds = self.bias
        for index in range(len(weights)):
            # A zero feature (most of a one-hot part of speech, most flags) adds nothing: it is
            # skipped, and so is reading its weight (a boxed float each); the sum is the same
            # float, added in the same order.
            value = row[index]
            if value != 0.0:
                log_odds += weights[index] * value
        return logistic(log_odds)

    def probabilities(self, rows: list[list[float]]) -> list[float]:
        return [self.probability(row) for row in rows]

    def check(self, expected: Sequence[str], *, name: str) -> LinearModel:
        if tuple(expected) != self.features:
            raise ValueError(
                f"{name}: trained on features {list(self.features)}, the code computes {list(expected)};"
                " run `make train`"
            )
        return self


def logistic(log_odds: float) -> float:
    """The probability of ``log_odds``, in the form that never overflows."""
    if log_odds >= 0.0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    odds = math.exp(log_odds)
    return odds / (1.0 + odds)


def parse_model(text: str) -> LinearModel:
    data = json.loads(text)
    features = tuple(str(name) for name in data["features"])
    weights = tuple(float(value) for value in data["weights"])
    if len(weights) != len(features):
        raise ValueError("a model needs one weight per feature")
    return LinearModel(features, weights, float(data["bias"]))


@functools.cache
def load_model(filename: str) -> LinearModel:
    """The model of one data file, read once per process."""
    return parse_model(resources.files("summarizer.data").joinpath(filename).read_text(encoding="utf-8"))


def best_first(values: list[float]) -> list[int]:
    """Indices from the highest value down, ties (to ``TIE_DECIMALS``) in order of first
    occurrence: numpy's stable sort, which costs a tenth of a sort of Python pairs (and less
    than one sort of ints made of the rounded values and indices, measured: ints above 2^30
    compare slowly)."""
    order: list[int] = ranking_order(np.array(values, dtype=np.float64)).tolist()
    return order

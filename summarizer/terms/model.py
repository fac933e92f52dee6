"""The learned scorers of keywords and key phrases: linear models over named features.

Each model is a JSON file of ``summarizer/data/`` written by its trainer in ``scripts/train/``
(``make train``): the names of the features in order, one weight per feature and a bias, the
standardisation folded into them, so that a candidate's score is one dot product. The file
names its features so that a model trained on other features fails loudly instead of
scoring garbage. Loaded once per process on first use (the files never change).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final

import numpy as np
import numpy.typing as npt

KEYWORD_MODEL_FILE: Final = "keyword_model.json"
PHRASE_MODEL_FILE: Final = "keyphrase_model.json"


@dataclass(frozen=True)
class LinearModel:
    """``features · weights + bias``: the log-odds that a candidate is one an editor would use."""

    features: tuple[str, ...]
    weights: npt.NDArray[np.float64]
    bias: float

    def probabilities(self, matrix: npt.NDArray[np.float64]) -> list[float]:
        """The probability of each row of ``matrix`` (one column per feature, in ``features`` order)."""
        log_odds = matrix @ self.weights + self.bias
        result: list[float] = (1.0 / (1.0 + np.exp(-log_odds))).tolist()
        return result

    def check(self, expected: Sequence[str], *, name: str) -> LinearModel:
        if tuple(expected) != self.features:
            raise ValueError(
                f"{name}: trained on features {list(self.features)}, the code computes {list(expected)};"
                " run `make train`"
            )
        return self


def parse_model(text: str) -> LinearModel:
    data = json.loads(text)
    features = tuple(str(name) for name in data["features"])
    weights = np.array([float(value) for value in data["weights"]], dtype=np.float64)
    if len(weights) != len(features):
        raise ValueError("a model needs one weight per feature")
    return LinearModel(features, weights, float(data["bias"]))


@functools.cache
def load_model(filename: str) -> LinearModel:
    """The model of one data file, read once per process."""
    return parse_model(resources.files("summarizer.data").joinpath(filename).read_text(encoding="utf-8"))

"""Logistic regression for the learned scorers, in numpy: deterministic and small.

Features are standardised, the log-likelihood with an L2 penalty (not on the bias) is
maximised by Newton's method (a few dozen exact steps on a few dozen features), and the
standardisation is folded back into the weights, so that the engine scores a candidate with
one dot product on its raw features (:class:`summarizer.terms.model.LinearModel`). Floats are
rounded to ``SIGNIFICANT_DIGITS`` in the written file, so that the last bits of a sum, which
may differ between BLAS builds, never change the bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

SIGNIFICANT_DIGITS = 6
MAX_STEPS = 50
TOLERANCE = 1e-9


def fit_logistic(
    features: npt.NDArray[np.float64], labels: npt.NDArray[np.float64], *, l2: float
) -> tuple[npt.NDArray[np.float64], float]:
    """Weights and bias on the raw features (standardisation folded in)."""
    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0  # a constant column gets weight 0 whatever its scale
    standard = np.hstack([np.ones((len(features), 1)), (features - mean) / scale])
    weights = np.zeros(standard.shape[1])
    penalty = np.full(standard.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(MAX_STEPS):
        probabilities = 1.0 / (1.0 + np.exp(-(standard @ weights)))
        gradient = standard.T @ (probabilities - labels) + penalty * weights
        hessian = (standard * (probabilities * (1.0 - probabilities))[:, None]).T @ standard + np.diag(
            penalty
        )
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if float(np.abs(step).max()) < TOLERANCE:
            break
    raw = weights[1:] / scale
    return raw, float(weights[0] - raw @ mean)


def rounded(value: float) -> float:
    return float(f"{value:.{SIGNIFICANT_DIGITS}g}")


def write_model(
    path: Path,
    *,
    about: str,
    features: Sequence[str],
    weights: npt.NDArray[np.float64],
    bias: float,
    extra: dict[str, Any] | None = None,
) -> Path:
    """The model file :func:`summarizer.terms.model.parse_model` reads."""
    document = {
        "about": about,
        **(extra or {}),
        "features": list(features),
        "weights": [rounded(float(value)) for value in weights],
        "bias": rounded(bias),
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path

"""Train the ranker of headline candidates (``summarizer/data/headline_ranker.json``).

Every candidate of good form of a training article (:func:`summarizer.headline.suggest.
article_candidates`, with the title word model just trained) gets its ROUGE-L F1 against the
editor's headline, computed by ``../shared/tools/score.py``'s own function. A linear score is
fitted listwise: over the candidates of each article, the softmax of the scores is brought
toward the softmax of the ROUGE-L values (sharpened by ``TEMPERATURE``), by cross-entropy with
an L2 penalty, minimised by L-BFGS. Features are standardised for the fit and the weights brought
back to the raw features, so the engine scores with one dot product.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.train.data import SHARED, TrainingRecord
from scripts.train.headline_inputs import HeadlineInput, headline_inputs
from summarizer.evaluation import load_reference_scorer
from summarizer.headline.model import (
    COMPRESSION_FILE,
    RANKER_FILE,
    WORDS_FILE,
    HeadlineModel,
    read_compression,
    read_title_words,
)
from summarizer.headline.ranking import FEATURES, Ranker
from summarizer.headline.suggest import DEFAULT_WEIGHTS, article_candidates

TEMPERATURE = 0.1
L2 = 1.0
MAX_ITERATIONS = 1000
DECIMALS = 6


def scored_candidates(
    inputs: list[HeadlineInput], model: HeadlineModel
) -> list[tuple[list[list[float]], list[float]]]:
    """Per article: the features of its candidates and their ROUGE-L with the real headline."""
    scorer = load_reference_scorer(SHARED / "tools" / "score.py")
    groups: list[tuple[list[list[float]], list[float]]] = []
    for item in inputs:
        found = article_candidates(
            item.document, item.sentence_scores, item.keywords, weights=DEFAULT_WEIGHTS, model=model
        )
        groups.append(
            (
                [features for _, features in found],
                [float(scorer.rouge_l(candidate.text, item.record.title)[2]) for candidate, _ in found],
            )
        )
    return groups


def fit(groups: list[tuple[list[list[float]], list[float]]]) -> list[float]:
    """The listwise fit: weights over the raw features."""
    import numpy as np
    from scipy.optimize import minimize

    usable = [(np.array(x, dtype=np.float64), np.array(y)) for x, y in groups if len(y) > 1 and max(y) > 0]
    stacked = np.vstack([x for x, _ in usable])
    mean = stacked.mean(axis=0)
    scale = stacked.std(axis=0)
    scale[scale == 0] = 1.0
    data = []
    for x, y in usable:
        target = np.exp((y - y.max()) / TEMPERATURE)
        data.append(((x - mean) / scale, target / target.sum()))
    count = len(data)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total = 0.5 * L2 * float(w @ w)
        gradient = L2 * w
        for x, target in data:
            s = x @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            total -= float(target @ np.log(p + 1e-12))
            gradient = gradient + x.T @ (p - target)
        return total / count, gradient / count

    result = minimize(
        loss, np.zeros(len(mean)), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITERATIONS}
    )
    weights: list[float] = (result.x / scale).tolist()
    return weights


def train(records: list[TrainingRecord], out_dir: Path, inputs: list[HeadlineInput] | None = None) -> Path:
    title_words = read_title_words(json.loads((out_dir / WORDS_FILE).read_text(encoding="utf-8")))
    compression = read_compression(json.loads((out_dir / COMPRESSION_FILE).read_text(encoding="utf-8")))
    model = HeadlineModel(title_words, compression, Ranker([0.0] * len(FEATURES)))
    groups = scored_candidates(headline_inputs(records) if inputs is None else inputs, model)
    weights = fit(groups)
    parameters = {
        "about": "Ranker of headline candidates: weights of a linear score over the features of "
        "summarizer/headline/ranking.py, learned listwise against ROUGE-L with the editors' "
        f"headlines. Written by scripts/train/headline_ranker.py; {len(groups)} articles, "
        f"{sum(len(y) for _, y in groups)} candidates.",
        "weights": {name: round(w, DECIMALS) for name, w in zip(FEATURES, weights, strict=True)},
    }
    path = out_dir / RANKER_FILE
    path.write_text(json.dumps(parameters, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path

"""Train the ranker of headline candidates (``summarizer/data/headline_ranker.json``).

Every candidate of good form of a training article (:func:`summarizer.headline.suggest.
article_candidates`, with the deletion model just trained) gets its ROUGE-L F1 against the
editor's headline, computed by ``../shared/tools/score.py``'s own function. Pairs of candidates of
one article whose ROUGE-L differ by at least ``MIN_GAP`` train a logistic regression on the
difference of their features (learning to rank, pairwise); features are standardised for the
fit and the weights brought back to the raw features, so the engine scores with one dot product.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from scripts.train.data import SHARED, TrainingRecord
from scripts.train.headline_inputs import headline_inputs
from summarizer.evaluation import load_reference_scorer
from summarizer.headline.model import (
    DELETION_FILE,
    RANKER_FILE,
    WORDS_FILE,
    HeadlineModel,
    read_deletion,
    read_title_words,
)
from summarizer.headline.ranking import FEATURES, Ranker
from summarizer.headline.suggest import DEFAULT_WEIGHTS, article_candidates

MIN_GAP = 0.1
BEST_CANDIDATES = 3
PAIRS_PER_ARTICLE = 60
REGULARIZATION = 1.0
SEED = 16
DECIMALS = 6


def train(records: list[TrainingRecord], out_dir: Path) -> Path:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    deletion = read_deletion(json.loads((out_dir / DELETION_FILE).read_text(encoding="utf-8")))
    title_words = read_title_words(json.loads((out_dir / WORDS_FILE).read_text(encoding="utf-8")))
    model = HeadlineModel(deletion, title_words, Ranker([0.0] * len(FEATURES)))
    scorer = load_reference_scorer(SHARED / "tools" / "score.py")
    generator = random.Random(SEED)
    differences: list[list[float]] = []
    for item in headline_inputs(records):
        found = article_candidates(
            item.document, item.sentence_scores, item.keywords, weights=DEFAULT_WEIGHTS, model=model
        )
        scored = [
            (scorer.rouge_l(candidate.text, item.record.title)[2], features) for candidate, features in found
        ]
        pairs = [(better, worse) for better in scored for worse in scored if better[0] - worse[0] >= MIN_GAP]
        if len(pairs) > PAIRS_PER_ARTICLE:
            pairs = generator.sample(pairs, PAIRS_PER_ARTICLE)
        for better, worse in pairs:
            differences.append([b - w for b, w in zip(better[1], worse[1], strict=True)])
    matrix = np.array(differences, dtype=np.float64)
    # Both orders of every pair: the classes balance and no intercept is needed.
    both = np.vstack([matrix, -matrix])
    labels = np.concatenate([np.ones(len(matrix)), np.zeros(len(matrix))])
    scale = both.std(axis=0)
    scale[scale == 0] = 1.0
    fitted = LogisticRegression(C=REGULARIZATION, fit_intercept=False, max_iter=5000, solver="lbfgs")
    fitted.fit(both / scale, labels)
    weights = fitted.coef_[0] / scale
    parameters = {
        "about": "Ranker of headline candidates: weights of a linear score over the features of "
        "summarizer/headline/ranking.py, learned pairwise against ROUGE-L with the editors' "
        f"headlines. Written by scripts/train/headline_ranker.py; {len(matrix)} pairs.",
        "weights": {name: round(float(w), DECIMALS) for name, w in zip(FEATURES, weights, strict=True)},
    }
    path = out_dir / RANKER_FILE
    text = json.dumps(parameters, ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path

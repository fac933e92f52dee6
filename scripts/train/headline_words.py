"""Train the title word model of the headline stage (``summarizer/data/headline_words.json``).

Every content word of a training article (:func:`summarizer.headline.title_words.
word_feature_rows`) is labelled by whether the editor's headline holds it; a logistic regression
learns how likely a word is to be a headline's.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.train.data import TrainingRecord
from scripts.train.headline_inputs import headline_inputs
from summarizer.headline.model import WORDS_FILE
from summarizer.headline.title_words import WORD_FEATURES, word_feature_rows

REGULARIZATION = 1.0
DECIMALS = 6


def train(records: list[TrainingRecord], out_dir: Path) -> Path:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows: list[list[float]] = []
    labels: list[int] = []
    for item in headline_inputs(records):
        title = item.record.title.lower()
        for word, row in sorted(word_feature_rows(item.document.content_sentences, item.keywords).items()):
            rows.append(row)
            labels.append(1 if word.lower() in title else 0)
    matrix = np.array(rows, dtype=np.float64)
    # The first feature is the constant: the fit's own intercept is off.
    fitted = LogisticRegression(C=REGULARIZATION, fit_intercept=False, max_iter=5000, solver="lbfgs")
    fitted.fit(matrix, np.array(labels))
    parameters = {
        "about": "Title word model of the headline stage: logistic regression weights over the "
        "features of summarizer/headline/title_words.py. Written by scripts/train/headline_words.py; "
        f"{len(labels)} words, {sum(labels)} in their headline.",
        "weights": {
            name: round(float(w), DECIMALS) for name, w in zip(WORD_FEATURES, fitted.coef_[0], strict=True)
        },
    }
    path = out_dir / WORDS_FILE
    path.write_text(json.dumps(parameters, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path

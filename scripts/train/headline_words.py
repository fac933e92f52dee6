"""Train the title word model of the headline stage (``summarizer/data/headline_words.json``).

Every content word of a training article (:class:`summarizer.headline.words.ArticleWords`) is
labelled by whether the editor's headline holds it; a logistic regression over
:meth:`~summarizer.headline.words.TitleWordModel.feature_row` learns how likely a word is to be a
headline's.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.train.data import TrainingRecord
from scripts.train.headline_inputs import HeadlineInput, headline_inputs
from summarizer.headline.model import WORDS_FILE
from summarizer.headline.words import WORD_FEATURES, ArticleWords, TitleWordModel
from summarizer.rank.specificity import jieba_idf

REGULARIZATION = 1.0  # inverse strength (scikit-learn's C) on standardised features
DECIMALS = 6


def labelled_words(inputs: list[HeadlineInput]) -> tuple[list[list[float]], list[int]]:
    """The features of every content word of every article, and whether its headline holds it."""
    features = TitleWordModel([0.0] * len(WORD_FEATURES), jieba_idf())
    rows: list[list[float]] = []
    labels: list[int] = []
    for item in inputs:
        title = item.record.title.lower()
        words = ArticleWords(item.document.content_sentences, item.keywords)
        for word in sorted(words.index):
            rows.append(features.feature_row(words, word))
            labels.append(1 if word.lower() in title else 0)
    return rows, labels


def train(records: list[TrainingRecord], out_dir: Path, inputs: list[HeadlineInput] | None = None) -> Path:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows, labels = labelled_words(headline_inputs(records) if inputs is None else inputs)
    matrix = np.array(rows, dtype=np.float64)
    # Standardised for the fit (the first feature, the constant, is left as it is: it is the
    # intercept), and the weights brought back to the raw features.
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    mean[0] = 0.0
    scale[scale == 0] = 1.0
    fitted = LogisticRegression(C=REGULARIZATION, fit_intercept=False, max_iter=5000, solver="lbfgs")
    fitted.fit((matrix - mean) / scale, np.array(labels))
    weights = fitted.coef_[0] / scale
    weights[0] -= float(weights @ mean)
    parameters = {
        "about": "Title word model of the headline stage: logistic regression weights over the "
        "features of summarizer/headline/words.py. Written by scripts/train/headline_words.py; "
        f"{len(labels)} words, {sum(labels)} in their headline.",
        "weights": {name: round(float(w), DECIMALS) for name, w in zip(WORD_FEATURES, weights, strict=True)},
    }
    path = out_dir / WORDS_FILE
    path.write_text(json.dumps(parameters, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path

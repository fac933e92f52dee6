"""The keyword scorer (``summarizer/data/keyword_model.json``): a linear score of the features
of :func:`summarizer.rank.keywords.keyword_candidates`, fitted listwise per article.

What counts is the order of an article's candidates (the first five keywords), not a
probability comparable across articles: over the candidates of each article, the softmax of the
scores is brought toward the editors' choice (the positives, in equal shares) by cross-entropy
with an L2 penalty, minimised by L-BFGS (measured against the pointwise logistic fit it
replaced: keywords_p5_in_ref +0.003 / +0.004 on People's Daily dev / THUCNews validation).
Features are standardised for the fit and the weights brought back to the raw features; the
engine reads the score through the logistic function, which keeps the order.

Silver labels: a candidate is positive when it occurs verbatim in the lines the editors wrote
for the article (kicker, title and subtitle of a People's Daily article, the title of a
THUCNews one), compared in ``score.py``'s units (lower case, no punctuation or spaces). The
features hold no word of the news: only counts, positions, shapes, parts of speech and the
word's keyphraseness, which for a training article is counted without the article's fold
(:func:`scripts.train.keyphraseness.cross_fitted_tables`).

Measured and dropped (``scripts/eval_keywords.py``: 5 training folds 0.3696, dev 0.3950 / 0.3505
for this model; a perfect ranking of the same candidates 0.60 / 0.67 / 0.59): a pairwise loss
over each article's positive and negative pairs (folds 0.3703, dev 0.3933 / 0.3491); stronger
penalties (L2 10: 0.3698, 0.3950 / 0.3487; 100: 0.3686); features relative to the article (ranks
by frequency, first position, spread, keyphraseness and TF-IDF; 0.3707, 0.3972 / 0.3480), the
share of sentences holding the word, its share in the first paragraph, named in the lead and
said again, used before a verb, standing before punctuation, the first noun of its clause (all
within ±0.002 on folds); keyphraseness backed off to the rate of the word's kind (part of
speech, length, place or organisation ending, known word) for rare words (0.3706, 0.3967 /
0.3502); a news document frequency (0.3703, 0.3937 / 0.3464); an offset per word fitted with the
features (0.3706, 0.3975 / 0.3523: the gain on People's Daily dev came from words of the
training months' seasons and stories, 新春, 春运, 缅甸, and the lists read no better; offsets that
only lower a word: 0.3704, 0.3953 / 0.3516). Earlier: gradient-boosted trees, whole compounds,
labels out. Stop 28: the word's count against its usual count in the training articles holding
it (log(1 + tf) less its mean there, cross-fitted: folds 0.3694, dev 0.3967 / 0.3511; it raised
fragments said in bursts, 深度, 共圆, 占大市, as often as it lowered generic words). The generic
words (发展, 人民, 建设) are lowered after the model instead, by a fixed weight the labels would
not give (:mod:`summarizer.terms.keyphraseness`): titles use such words, tags do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from scripts.train.data import TrainingRecord
from scripts.train.keyphraseness import article_usage, cross_fitted_tables, fold_of, silver_labels
from scripts.train.logistic import write_model
from summarizer import Engine
from summarizer.evaluation import CharacterTokenizer
from summarizer.options import DEFAULT_OPTIONS
from summarizer.rank.keywords import FEATURES, keyword_candidates
from summarizer.terms.model import KEYWORD_MODEL_FILE
from summarizer.terms.words import article_words

L2 = 1.0
MAX_ITERATIONS = 1000


def fit_listwise(
    features: npt.NDArray[np.float64], labels: npt.NDArray[np.float64], groups: Sequence[int], *, l2: float
) -> tuple[npt.NDArray[np.float64], float]:
    """Weights on the raw features and a bias (the softmax has none: the bias is only what
    centres the mean candidate's score on 0). Articles without a positive, or with a single
    candidate, teach no order and are left out."""
    from scipy.optimize import minimize

    group_ids = np.asarray(groups)
    starts = np.flatnonzero(np.r_[True, group_ids[1:] != group_ids[:-1]])
    sizes = np.diff(np.r_[starts, len(group_ids)])
    positives = np.add.reduceat(labels, starts)
    useful = np.repeat((positives > 0) & (sizes > 1), sizes)
    x_all, y_all = features[useful], labels[useful]
    ids = group_ids[useful]
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    sizes = np.diff(np.r_[starts, len(ids)])
    target = y_all / np.repeat(np.add.reduceat(y_all, starts), sizes)
    mean = x_all.mean(axis=0)
    scale = x_all.std(axis=0)
    scale[scale == 0] = 1.0
    standard = (x_all - mean) / scale
    count = len(starts)

    def loss(weights: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        scores = standard @ weights
        scores = scores - np.repeat(np.maximum.reduceat(scores, starts), sizes)
        exp = np.exp(scores)
        totals = np.add.reduceat(exp, starts)
        log_p = scores - np.repeat(np.log(totals), sizes)
        p = exp / np.repeat(totals, sizes)
        value = -float(target @ log_p) / count + 0.5 * l2 * float(weights @ weights) / count
        gradient = (standard.T @ (p - target) + l2 * weights) / count
        return value, gradient

    result = minimize(
        loss, np.zeros(standard.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITERATIONS}
    )
    raw = result.x / scale
    return raw, float(-raw @ mean)


def examples(
    records: Sequence[TrainingRecord], engine: Engine
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], list[int]]:
    """Features, labels, and the index of the record each row comes from."""
    tables = cross_fitted_tables(article_usage(records, engine))
    tokenizer = CharacterTokenizer()
    blocks: list[npt.NDArray[np.float64]] = []
    labels: list[float] = []
    groups: list[int] = []
    for number, record in enumerate(records):
        document = engine.document(record.text)
        words = article_words(document.content_sentences[: DEFAULT_OPTIONS.max_sentences_ranked])
        candidates = keyword_candidates(
            words, stop_words=engine.stop_words, statistics=tables[fold_of(number)]
        )
        if not candidates.words:
            continue
        blocks.append(np.array(candidates.rows, dtype=np.float64))
        labels.extend(silver_labels(candidates.texts, record.editors_lines, tokenizer))
        groups.extend([number] * len(candidates.texts))
    return np.vstack(blocks), np.array(labels), groups


def train(records: list[TrainingRecord], out_dir: Path) -> Path:
    features, labels, groups = examples(records, Engine())
    weights, bias = fit_listwise(features, labels, groups, l2=L2)
    return write_model(
        out_dir / KEYWORD_MODEL_FILE,
        about=(
            "Keyword scorer of summarizer.rank.keywords, written by scripts/train/keywords.py (make train): "
            "a linear score fitted listwise (softmax over each article's candidates), words of the editors' "
            "kicker, title and subtitle as labels."
        ),
        extra={"candidates": len(labels), "positives": int(labels.sum())},
        features=FEATURES,
        weights=weights,
        bias=bias,
    )

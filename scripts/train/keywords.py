"""The keyword scorer (``summarizer/data/keyword_model.json``): logistic regression on the
features of :func:`summarizer.rank.keywords.keyword_candidates`.

Silver labels: a candidate is positive when it occurs verbatim in the lines the editors wrote
for the article (kicker, title and subtitle of a People's Daily article, the title of a
THUCNews one), compared in ``score.py``'s units (lower case, no punctuation or spaces). The
features hold no word of the news: only counts, positions, shapes, parts of speech and the
word's keyphraseness, which for a training article is counted without the article's fold
(:func:`scripts.train.keyphraseness.cross_fitted_tables`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from scripts.train.data import TrainingRecord
from scripts.train.keyphraseness import article_usage, cross_fitted_tables, fold_of, silver_labels
from scripts.train.logistic import fit_logistic, write_model
from summarizer import Engine
from summarizer.evaluation import CharacterTokenizer
from summarizer.options import DEFAULT_OPTIONS
from summarizer.rank.keywords import FEATURES, keyword_candidates
from summarizer.terms.model import KEYWORD_MODEL_FILE
from summarizer.terms.words import article_words

L2 = 1.0


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
    features, labels, _ = examples(records, Engine())
    weights, bias = fit_logistic(features, labels, l2=L2)
    return write_model(
        out_dir / KEYWORD_MODEL_FILE,
        about=(
            "Keyword scorer of summarizer.rank.keywords, written by scripts/train/keywords.py (make train): "
            "logistic regression, words of the editors' kicker, title and subtitle as labels."
        ),
        extra={"candidates": len(labels), "positives": int(labels.sum())},
        features=FEATURES,
        weights=weights,
        bias=bias,
    )

"""The key phrase scorer (``summarizer/data/keyphrase_model.json``): logistic regression on the
features of :func:`summarizer.keyphrases.phrase_candidates`.

Silver labels as for keywords (:mod:`scripts.train.keywords`): a candidate phrase is positive
when it occurs verbatim in the editors' kicker, title and subtitle. The phrases' features
include their words' keyword scores, so this trainer reads the keyword model the keyword
trainer has just written into ``out_dir`` (it runs after it in ``TRAINERS``). For a training
article, its words' keyphraseness (in the keyword scores and in the phrase features) is counted
without the article's fold.

It first writes the lexicon of verbs jieba tags as nouns (:mod:`scripts.train.phrase_verbs`,
learned from the words' contexts, no labels), which the candidates' grammar reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from scripts.train.data import TrainingRecord
from scripts.train.keyphraseness import article_usage, cross_fitted_tables, fold_of, silver_labels
from scripts.train.logistic import fit_logistic, write_model
from scripts.train.phrase_verbs import ContextCounts, noun_tagged_verbs, write_verbs
from summarizer import Engine
from summarizer.evaluation import CharacterTokenizer
from summarizer.keyphrases import FEATURES, phrase_candidates
from summarizer.options import DEFAULT_OPTIONS
from summarizer.rank.keywords import rank_keywords
from summarizer.terms.model import KEYWORD_MODEL_FILE, PHRASE_MODEL_FILE, LinearModel, parse_model
from summarizer.terms.verb_lexicon import VERBS_FILE
from summarizer.terms.words import article_words

L2 = 1.0


def verb_lexicon(
    records: Sequence[TrainingRecord], engine: Engine, out_dir: Path
) -> tuple[frozenset[str], frozenset[str]]:
    """Learns and writes the verbs jieba tags as nouns; returns them and the ambiguous ones."""
    counts = ContextCounts()
    for record in records:
        document = engine.document(record.text)
        counts.add(article_words(document.content_sentences[: DEFAULT_OPTIONS.max_sentences_ranked]))
    verbs, ambiguous, fit = noun_tagged_verbs(counts)
    write_verbs(out_dir / VERBS_FILE, verbs, ambiguous, fit)
    return frozenset(verbs), frozenset(ambiguous)


def examples(
    records: Sequence[TrainingRecord],
    engine: Engine,
    keyword_model: LinearModel,
    verbs: frozenset[str] | None = None,
    ambiguous: frozenset[str] | None = None,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64], list[int], list[str]]:
    """Features, labels, the index of the record each row comes from, and the phrases."""
    tables = cross_fitted_tables(article_usage(records, engine))
    tokenizer = CharacterTokenizer()
    blocks: list[npt.NDArray[np.float64]] = []
    labels: list[float] = []
    groups: list[int] = []
    texts: list[str] = []
    limit = DEFAULT_OPTIONS.max_sentences_ranked
    for number, record in enumerate(records):
        document = engine.document(record.text)
        sentences = document.content_sentences[:limit]
        words = article_words(sentences)
        ranking = rank_keywords(
            document,
            stop_words=engine.stop_words,
            count=0,
            max_sentences=limit,
            words=words,
            model=keyword_model,
            statistics=tables[fold_of(number)],
        )
        candidates = phrase_candidates(
            sentences,
            words,
            ranking.scores,
            statistics=tables[fold_of(number)],
            verb_lexicon=verbs,
            ambiguous_lexicon=ambiguous,
        )
        if not candidates.texts:
            continue
        blocks.append(np.array(candidates.rows, dtype=np.float64))
        labels.extend(silver_labels(candidates.texts, record.editors_lines, tokenizer))
        groups.extend([number] * len(candidates.texts))
        texts.extend(candidates.texts)
    return np.vstack(blocks), np.array(labels), groups, texts


def train(records: list[TrainingRecord], out_dir: Path) -> Path:
    keyword_model = parse_model((out_dir / KEYWORD_MODEL_FILE).read_text(encoding="utf-8"))
    engine = Engine()
    verbs, ambiguous = verb_lexicon(records, engine, out_dir)
    features, labels, _, _ = examples(records, engine, keyword_model, verbs, ambiguous)
    weights, bias = fit_logistic(features, labels, l2=L2)
    return write_model(
        out_dir / PHRASE_MODEL_FILE,
        about=(
            "Key phrase scorer of summarizer.keyphrases, written by scripts/train/keyphrases.py "
            "(make train): logistic regression, phrases of the editors' kicker, title and subtitle as labels."
        ),
        extra={"candidates": len(labels), "positives": int(labels.sum())},
        features=FEATURES,
        weights=weights,
        bias=bias,
    )

#!/usr/bin/env python3
"""Measure the keyword ranker on training folds, where a change to its model or features is
tuned (the dev sets only confirm it): keywords_p5_in_ref per fold and the ceiling of the
same candidates.

    .venv/bin/python scripts/eval_keywords.py          # 5 folds of the training records
    .venv/bin/python scripts/eval_keywords.py --dev    # and the model of all of them on dev

Each fold's model is fitted as ``make train`` fits the shipped one
(:func:`scripts.train.keywords.fit_listwise`, the keyphraseness feature cross-fitted) on the
other folds' articles, and its first five distinct
keywords (:func:`summarizer.rank.keywords._distinct`, the engine's rule) of each held-out
article are checked against the article's editors' lines, as ``score.py`` checks them. The
ceiling ranks each article's positives first: what a perfect ranking of today's candidates
would score. With ``--dev`` the model of every training record is measured on People's Daily
dev and the THUCNews validation part; with the shipped model that is ``make eval``'s
keywords_p5_in_ref. Nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from scripts.train.data import SHARED, training_records
from scripts.train.keyphraseness import FOLDS, article_usage, cross_fitted_tables, fold_of, silver_labels
from scripts.train.keywords import L2, fit_listwise
from summarizer import Engine
from summarizer.evaluation import CharacterTokenizer, is_thucnews_validation
from summarizer.options import DEFAULT_OPTIONS
from summarizer.rank.keywords import _distinct, keyword_candidates
from summarizer.rank.pagerank import TIE_DECIMALS
from summarizer.terms.keyphraseness import KeyphrasenessTable, keyphraseness
from summarizer.terms.words import article_words

SHOWN = 5  # keywords_p5_in_ref reads the first five


@dataclass(frozen=True)
class Article:
    """One article's candidates: features, labels (in the editors' lines or not), words."""

    rows: npt.NDArray[np.float64]
    labels: npt.NDArray[np.float64]
    words: list[str]
    whole_names: list[bool]
    genericness: npt.NDArray[np.float64]  # what the ranking takes off each score (log-odds)


def precision_at_five(articles: Sequence[Article], scores: Sequence[npt.NDArray[np.float64]]) -> float:
    """The share of the first five distinct keywords of ``articles``, ranked by ``scores``,
    that the editors' lines hold (over all keywords shown, as ``score.py`` counts)."""
    hits = shown = 0
    for article, score in zip(articles, scores, strict=True):
        order = np.argsort(-score, kind="stable").tolist()
        chosen = _distinct(order, article.words, article.whole_names, SHOWN)
        hits += int(sum(article.labels[index] for index in chosen))
        shown += len(chosen)
    return hits / max(shown, 1)


def _article(
    record_text: str, editors_lines: str, engine: Engine, table: KeyphrasenessTable
) -> Article | None:
    """The candidates of one article as the engine makes them, with ``table`` as keyphraseness."""
    document = engine.document(record_text)
    words = article_words(document.content_sentences[: DEFAULT_OPTIONS.max_sentences_ranked])
    candidates = keyword_candidates(words, stop_words=engine.stop_words, statistics=table)
    if not candidates.words:
        return None
    return Article(
        np.array(candidates.rows, dtype=np.float64),
        np.array(silver_labels(candidates.texts, editors_lines, CharacterTokenizer())),
        candidates.words,
        candidates.whole_names,
        np.array([table.genericness(word) for word in candidates.words]),
    )


def _fit(articles: Sequence[Article]) -> tuple[npt.NDArray[np.float64], float]:
    """The listwise model of ``articles``, fitted as ``make train`` fits the shipped one."""
    rows = np.vstack([article.rows for article in articles])
    labels = np.concatenate([article.labels for article in articles])
    groups = [number for number, article in enumerate(articles) for _ in article.words]
    return fit_listwise(rows, labels, groups, l2=L2)


def _scores(
    articles: Sequence[Article], weights: npt.NDArray[np.float64], bias: float
) -> list[npt.NDArray[np.float64]]:
    # Less each word's genericness, as the engine ranks them; rounded before ties are broken by
    # first occurrence, as the engine rounds its scores (the probabilities over the best, a
    # monotone map of these: exact ties are rare either way).
    return [
        np.round(article.rows @ weights + bias - article.genericness, TIE_DECIMALS) for article in articles
    ]


def _dev_records() -> Iterator[tuple[str, str, str]]:
    """(set name, text, editors' lines) of People's Daily dev and the THUCNews validation part."""
    for line in (SHARED / "eval/dev/peoples_daily.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        lines = " ".join(
            part for part in (record.get("kicker"), record["title"], record.get("subtitle")) if part
        )
        yield "peoples_daily", record["text"], lines
    for line in (SHARED / "eval/dev/thucnews.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if is_thucnews_validation(record["id"]):
            yield "thucnews_validation", record["text"], record["title"]


def measure(*, with_dev: bool) -> None:
    engine = Engine()
    records = list(training_records())
    tables = cross_fitted_tables(article_usage(records, engine))
    training: list[tuple[int, Article]] = []
    for number, record in enumerate(records):
        article = _article(record.text, record.editors_lines, engine, tables[fold_of(number)])
        if article is not None:
            training.append((number, article))
    measured, ceilings = [], []
    for fold in range(FOLDS):
        weights, bias = _fit([article for number, article in training if fold_of(number) != fold])
        held_out = [article for number, article in training if fold_of(number) == fold]
        measured.append(precision_at_five(held_out, _scores(held_out, weights, bias)))
        ceilings.append(precision_at_five(held_out, [article.labels for article in held_out]))
        sys.stdout.write(f"fold {fold}: keywords_p5_in_ref {measured[-1]:.4f} (ceiling {ceilings[-1]:.4f})\n")
    sys.stdout.write(f"folds: keywords_p5_in_ref {np.mean(measured):.4f} (ceiling {np.mean(ceilings):.4f})\n")
    if not with_dev:
        return
    weights, bias = _fit([article for _, article in training])
    shipped = keyphraseness()
    sets: dict[str, list[Article]] = {}
    for name, text, lines in _dev_records():
        article = _article(text, lines, engine, shipped)
        if article is not None:
            sets.setdefault(name, []).append(article)
    for name, articles in sets.items():
        ceiling = precision_at_five(articles, [article.labels for article in articles])
        figure = precision_at_five(articles, _scores(articles, weights, bias))
        sys.stdout.write(f"{name}: keywords_p5_in_ref {figure:.4f} (ceiling {ceiling:.4f})\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--dev", action="store_true", help="also the model of all training records on dev")
    arguments = parser.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        sys.stderr.write(f"error: the training data ({SHARED / 'eval'}) is not there\n")
        return 1
    measure(with_dev=arguments.dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())

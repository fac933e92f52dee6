"""The keyphraseness table (``summarizer/data/keyphraseness.json``): per candidate word, the
smoothed log-odds that editors use it when an article holds it (:mod:`summarizer.terms.keyphraseness`).

For each training article, the candidate keywords (nouns and names,
:func:`summarizer.rank.keywords.keyword_candidates`) it holds and those its kicker, title or
subtitle hold verbatim (``score.py``'s units). A word enters the table when at least ``FLOOR``
articles hold it: rarer words (a story's own names) say nothing about other articles.

The keyword and key phrase trainers read the statistic as a feature. For a training article
they use :func:`cross_fitted_tables`: the table counted without the article's fold, as the
shipped table is for an article the trainers never saw; otherwise the feature would have
seen the label and get a weight it does not earn.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.train.data import TrainingRecord
from summarizer import Engine
from summarizer.evaluation import CharacterTokenizer
from summarizer.options import DEFAULT_OPTIONS
from summarizer.rank.keywords import keyword_candidates
from summarizer.terms.keyphraseness import (
    GENERIC_SHARE,
    KEYPHRASENESS_FILE,
    KeyphrasenessTable,
    smoothed_log_odds,
)
from summarizer.terms.words import article_words

FOLDS = 5
FLOOR = 5  # articles holding the word
SMOOTHING = 3.0  # imaginary articles at the prior rate
DECIMALS = 4
# The counting pass needs the candidates' words only, not a statistic.
NO_STATISTICS = KeyphrasenessTable({}, 0.0)


@dataclass(frozen=True)
class ArticleUsage:
    held: frozenset[str]  # the candidate words of the article (lower-cased)
    used: frozenset[str]  # those that occur verbatim in its editors' lines


def in_editors_lines(text: str, reference: str, tokenizer: CharacterTokenizer) -> bool:
    """Whether ``text`` occurs verbatim in ``reference`` (already in ``score.py``'s units, joined)."""
    said = "".join(tokenizer.tokenize(text))
    return bool(said) and said in reference


def silver_labels(texts: Iterable[str], editors_lines: str, tokenizer: CharacterTokenizer) -> list[float]:
    """1.0 for each of ``texts`` the editors' kicker, title and subtitle hold verbatim, else 0.0:
    the labels of the keyword and key phrase scorers."""
    reference = "".join(tokenizer.tokenize(editors_lines))
    return [1.0 if in_editors_lines(text, reference, tokenizer) else 0.0 for text in texts]


def fold_of(number: int) -> int:
    """The fold of the ``number``-th training record: fixed by its place, so runs agree."""
    return number % FOLDS


def article_usage(records: Iterable[TrainingRecord], engine: Engine) -> list[ArticleUsage]:
    tokenizer = CharacterTokenizer()
    usages: list[ArticleUsage] = []
    for record in records:
        document = engine.document(record.text)
        words = article_words(document.content_sentences[: DEFAULT_OPTIONS.max_sentences_ranked])
        candidates = keyword_candidates(
            words, stop_words=engine.stop_words, statistics=NO_STATISTICS, every_candidate=True
        )
        reference = "".join(tokenizer.tokenize(record.editors_lines))
        used = {
            word
            for word, text in zip(candidates.words, candidates.texts, strict=True)
            if in_editors_lines(text, reference, tokenizer)
        }
        usages.append(ArticleUsage(frozenset(candidates.words), frozenset(used)))
    return usages


def _count(usages: Iterable[ArticleUsage]) -> tuple[Counter[str], Counter[str], int]:
    held: Counter[str] = Counter()
    used: Counter[str] = Counter()
    articles = 0
    for usage in usages:
        held.update(usage.held)
        used.update(usage.used)
        articles += 1
    return held, used, articles


def table(held: Counter[str], used: Counter[str], articles: int) -> KeyphrasenessTable:
    """The statistic of every word held by ``FLOOR`` articles or more, the prior, and the share
    of the ``articles`` holding each word held by ``GENERIC_SHARE`` of them or more."""
    total_held = sum(held.values())
    prior_rate = sum(used.values()) / total_held if total_held else 0.5
    log_odds = {
        word: round(
            smoothed_log_odds(count, used[word], prior_rate=prior_rate, smoothing=SMOOTHING), DECIMALS
        )
        for word, count in sorted(held.items())
        if count >= FLOOR
    }
    prior = round(smoothed_log_odds(0, 0, prior_rate=prior_rate, smoothing=1.0), DECIMALS)
    shares = {
        word: round(count / articles, DECIMALS)
        for word, count in sorted(held.items())
        if count >= GENERIC_SHARE * articles
    }
    return KeyphrasenessTable(log_odds, prior, shares)


def cross_fitted_tables(usages: Sequence[ArticleUsage]) -> list[KeyphrasenessTable]:
    """One table per fold, counted on the other folds' articles: the table for record ``n`` is
    ``tables[fold_of(n)]``."""
    held, used, articles = _count(usages)
    tables: list[KeyphrasenessTable] = []
    for fold in range(FOLDS):
        fold_held, fold_used, fold_articles = _count(
            usage for number, usage in enumerate(usages) if fold_of(number) == fold
        )
        tables.append(table(held - fold_held, used - fold_used, articles - fold_articles))
    return tables


def train(records: list[TrainingRecord], out_dir: Path) -> Path:
    usages = article_usage(records, Engine())
    shipped = table(*_count(usages))
    path = out_dir / KEYPHRASENESS_FILE
    document = {
        "about": (
            "Keyphraseness of summarizer.terms.keyphraseness, written by scripts/train/keyphraseness.py "
            "(make train): per candidate word held by at least `floor` training articles, the smoothed "
            "log-odds that the editors' kicker, title or subtitle hold it too; `prior` for other words; "
            "`shares`: the share of articles holding each word held by `generic_share` of them or more."
        ),
        "articles": len(usages),
        "floor": FLOOR,
        "smoothing": SMOOTHING,
        "prior": shipped.prior,
        "log_odds": shipped.log_odds,
        "generic_share": GENERIC_SHARE,
        "shares": shipped.shares,
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path

"""The keyword and key phrase trainers: deterministic files, and keyphraseness cross-fitted
(a training article's statistic never counts the article itself)."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from pathlib import Path

import pytest

from scripts.train import keyphraseness, keyphrases, keywords
from scripts.train.data import SHARED, TrainingRecord, training_records
from summarizer import Engine
from summarizer.terms.keyphraseness import parse_keyphraseness
from summarizer.terms.model import parse_model

SAMPLE = 120


@pytest.fixture(scope="module")
def records() -> list[TrainingRecord]:
    if not (SHARED / "eval" / "train").is_dir():
        pytest.skip(f"needs the training data in {SHARED / 'eval'} (../shared beside the repository)")
    return list(itertools.islice(training_records(), SAMPLE))


def _train_all(records: list[TrainingRecord], out_dir: Path) -> dict[str, bytes]:
    for trainer in (keyphraseness.train, keywords.train, keyphrases.train):
        trainer(records, out_dir)
    return {path.name: path.read_bytes() for path in sorted(out_dir.iterdir())}


def test_the_trainers_write_the_same_bytes_twice(records: list[TrainingRecord], tmp_path: Path) -> None:
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = _train_all(records, tmp_path / "first")
    second = _train_all(records, tmp_path / "second")
    assert set(first) == {
        "keyphraseness.json",
        "keyword_model.json",
        "keyphrase_model.json",
        "keyphrase_verbs.json",
    }
    assert first == second
    # What they write is what the engine reads.
    table = parse_keyphraseness(first["keyphraseness.json"].decode("utf-8"))
    assert table.log_odds and math.isfinite(table.prior)
    assert parse_model(first["keyword_model.json"].decode("utf-8")).features == keywords.FEATURES
    assert parse_model(first["keyphrase_model.json"].decode("utf-8")).features == keyphrases.FEATURES


def test_keyphraseness_is_cross_fitted(records: list[TrainingRecord]) -> None:
    usages = keyphraseness.article_usage(records, Engine())
    tables = keyphraseness.cross_fitted_tables(usages)
    assert len(tables) == keyphraseness.FOLDS
    for fold, table in enumerate(tables):
        others = [usage for number, usage in enumerate(usages) if keyphraseness.fold_of(number) != fold]
        held = Counter(itertools.chain.from_iterable(usage.held for usage in others))
        used = Counter(itertools.chain.from_iterable(usage.used for usage in others))
        assert table == keyphraseness.table(held, used, len(others))
        # The floor: a word fewer than FLOOR of the other articles hold gets the prior.
        assert all(held[word] >= keyphraseness.FLOOR for word in table.log_odds)
    # A word used in every article holding it ranks above one never used.
    held = Counter({"always": 20, "never": 20})
    used = Counter({"always": 20})
    counted = keyphraseness.table(held, used, 100)
    assert counted.log_odds["always"] > counted.prior > counted.log_odds["never"]


def test_the_table_holds_the_share_of_articles_holding_each_generic_word() -> None:
    """Of 1,000 articles, 禾湾 in 400 and 青禾 in 40 (GENERIC_SHARE) are generic; 湖区 in 39 is not."""
    held = Counter({"禾湾": 400, "青禾": 40, "湖区": 39})
    counted = keyphraseness.table(held, Counter({"湖区": 10}), 1000)
    assert counted.shares == {"禾湾": 0.4, "青禾": 0.04}

"""The headline trainers give the same files, byte for byte, from the same records."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

pytest.importorskip("sklearn", reason="the trainers need scikit-learn (the train extra)")

from scripts.train import headline_compression, headline_ranker, headline_words
from scripts.train.data import SHARED, training_records

pytestmark = pytest.mark.shared
RECORDS = 60


def _train(out_dir: Path) -> dict[str, bytes]:
    if not (SHARED / "eval" / "train").is_dir():
        pytest.skip(f"needs the training data in {SHARED / 'eval' / 'train'}")
    # The first People's Daily records and the first THUCNews ones outside the validation part.
    records = list(itertools.islice(training_records(), RECORDS))
    out_dir.mkdir()
    # In the order of `make train`: the ranker reads the title word model and the deletion model.
    written = [
        trainer.train(records, out_dir) for trainer in (headline_words, headline_compression, headline_ranker)
    ]
    return {path.name: path.read_bytes() for path in written}


def test_training_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    first = _train(tmp_path / "first")
    second = _train(tmp_path / "second")
    assert first == second
    assert set(first) == {"headline_words.json", "headline_compression.json", "headline_ranker.json"}

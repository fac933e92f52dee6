"""The kicker/title splitter's parameters (``summarizer/data/page_headings.json``) are what
``make train`` writes from the training corpus, byte for byte."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from scripts.train import page_headings
from scripts.train.data import training_records
from summarizer.pages.headings import MODEL_FILE, heading_model, model_from_record

from .conftest import shared_file

SHIPPED = resources.files("summarizer.data").joinpath(MODEL_FILE)


def test_the_shipped_model_reads_back() -> None:
    record = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert model_from_record(record) == heading_model()
    # the cues that read the same in any paper weigh as a newsroom expects
    weights = heading_model().weights
    assert weights["left_dash"] > 0  # a kicker ends in ——
    assert weights["right_halves"] > 0  # a title of two matched halves
    assert weights["split_over_subtitle"] < 0  # a headline with a subtitle seldom has a kicker


@pytest.mark.shared
@pytest.mark.slow
def test_training_writes_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    shared = shared_file("eval", "train", "peoples_daily_train.jsonl.gz").parents[2]
    written = page_headings.train(list(training_records(shared)), tmp_path)
    assert written.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8")

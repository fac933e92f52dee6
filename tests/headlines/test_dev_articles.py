"""The headline properties on real articles of ../shared/eval/dev, and a quality floor.

The floor (character ROUGE-L on the first 150 articles of each file) lies above the first-clause
baseline of the whole files (top-1 0.12, best-of-3 0.22) and below what the method measures on
these articles (the weakest, the People's Daily opinion pieces of the first 150: 0.16 and 0.28),
so it catches a broken method, not noise.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from summarizer import Engine
from summarizer.evaluation import load_reference_scorer
from summarizer.headline import DEFAULT_WEIGHTS

from .helpers import DATELINE, LEADING_TIME, token_cover

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
ARTICLES_PER_FILE = 150

pytestmark = pytest.mark.shared


def dev_records(name: str) -> list[dict[str, Any]]:
    path = SHARED / "eval" / "dev" / name
    if not path.exists():
        pytest.skip(f"needs the dev set {path} (../shared beside the repository)")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                records.append(json.loads(line))
            if len(records) == ARTICLES_PER_FILE:
                break
    return records


@pytest.mark.parametrize("name", ["peoples_daily.jsonl", "thucnews.jsonl"])
def test_dev_headlines_keep_the_rules_and_beat_the_baseline(engine: Engine, name: str) -> None:
    score = _scorer()
    top1: list[float] = []
    best3: list[float] = []
    for record in dev_records(name):
        document = engine.document(record["text"])
        headlines = engine.analyze(record["text"]).headlines
        texts = [h.text for h in headlines]
        assert len(set(texts)) == len(texts)
        for headline in headlines:
            assert len(headline.text) <= DEFAULT_WEIGHTS.max_chars
            assert not LEADING_TIME.match(headline.text), headline.text
            assert not DATELINE.search(headline.text), headline.text
            assert token_cover(headline.text, document.sentences[headline.sentence_index].tokens) is not None
        reference = record.get("title_core") or record["title"]
        rouge = [score.rouge_l(text, reference)[2] for text in texts] or [0.0]
        top1.append(rouge[0])
        best3.append(max(rouge))
    assert sum(top1) / len(top1) > 0.13
    assert sum(best3) / len(best3) > 0.24


def _scorer() -> ModuleType:
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip(f"needs the scorer {path}")
    return load_reference_scorer(path)

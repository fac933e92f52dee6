"""Issue 18's floors on a sample of the dev sets: converted to traditional script with OpenCC
(Taiwan and Hong Kong standards, the answers converted alike), every metric of score.py is within
0.01 of the simplified run, and every output is a verbatim piece of its input. ``make eval``
measures the same on the whole sets; this runs in seconds. Skips without ../shared."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import opencc
import pytest

from scripts.check_verbatim import article_checks
from scripts.traditional_dev_set import converted
from summarizer import Engine, Options

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SAMPLE_EVERY = 10  # every tenth record of each set
TOLERANCE = 0.01
OPTIONS = Options(max_chars=120)


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"needs {path} (the shared data beside the repository)")
    return path


@pytest.fixture(scope="module")
def score() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", _shared("tools", "score.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for name in ("peoples_daily", "thucnews"):
        with _shared("eval", "dev", f"{name}.jsonl").open(encoding="utf-8") as lines:
            records.extend(
                json.loads(line) for number, line in enumerate(lines) if number % SAMPLE_EVERY == 0
            )
    return records


def _predictions(engine: Engine, records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(r["id"]): engine.analyze(r["text"], options=OPTIONS).to_record(r["id"]) for r in records}


@pytest.mark.shared
@pytest.mark.parametrize("config", ["s2tw", "s2hk"])
def test_traditional_dev_sample_scores_as_the_simplified_one(
    engine: Engine, score: ModuleType, sample: list[dict[str, Any]], config: str
) -> None:
    convert = opencc.OpenCC(config).convert
    traditional = [converted(record, convert) for record in sample]
    simplified_scores = score.score_articles(sample, _predictions(engine, sample), OPTIONS.max_chars)
    predictions = _predictions(engine, traditional)
    traditional_scores = score.score_articles(traditional, predictions, OPTIONS.max_chars)

    gaps = {
        name: round(abs(traditional_scores[name] - value), 4)
        for name, value in simplified_scores.items()
        if isinstance(value, float) and name != "missing"
    }
    assert max(gaps.values()) <= TOLERANCE, gaps
    failures = [
        (record["id"], kind)
        for record in traditional
        for kind, ok in article_checks(record["text"], predictions[str(record["id"])])
        if not ok
    ]
    assert failures == []
    scripts = {predictions[str(r["id"])]["stats"]["script"] for r in traditional}
    assert scripts == {"traditional"}

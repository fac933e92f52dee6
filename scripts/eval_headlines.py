#!/usr/bin/env python3
"""Measure the headline suggestions on the dev files with ../shared/tools/score.py.

    .venv/bin/python scripts/eval_headlines.py                    # end to end, summarizer.analyze
    .venv/bin/python scripts/eval_headlines.py --cached           # headline stage on cached inputs
    .venv/bin/python scripts/eval_headlines.py --cached --set length=0.8 --set target_chars=14

``--cached`` records once what the engine passes to ``suggest_headlines`` (documents,
sentence scores, keywords; pickled in ``--cache``) and then times and scores the headline
stage alone, with any weights given by ``--set``. Predictions are written as JSONL records that
the official scorer reads; the metrics are computed by the scorer's own function. Delete the
cache when the engine changes.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import logging
import pickle
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from unittest import mock

import summarizer.engine as engine_module
from summarizer.document import Document
from summarizer.evaluation import load_jsonl, load_reference_scorer
from summarizer.headline import DEFAULT_WEIGHTS, HeadlineWeights, suggest_headlines
from summarizer.result import Headline, ScoredText

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
DEV_FILES = ("peoples_daily.jsonl", "thucnews.jsonl")
LOG = logging.getLogger("eval_headlines")

EngineInput = tuple[Document, tuple[float, ...], tuple[ScoredText, ...]]


def engine_inputs(records: Sequence[dict[str, Any]], cache: Path) -> list[EngineInput]:
    """What ``Engine.analyze`` hands to ``suggest_headlines`` for each article, cached in ``cache``.

    The engine runs once per article with ``suggest_headlines`` wrapped to record its arguments,
    so later runs score new weights on exactly the engine's documents, scores and keywords.
    """
    if cache.exists():
        with cache.open("rb") as handle:
            cached: list[EngineInput] = pickle.load(handle)
        if len(cached) == len(records):
            return cached
    import summarizer

    captured: list[EngineInput] = []

    def recording(
        document: Document, scores: Sequence[float], keywords: Sequence[ScoredText], *, count: int
    ) -> tuple[Headline, ...]:
        captured.append((document, tuple(scores), tuple(keywords)))
        return ()

    with mock.patch.object(engine_module, "suggest_headlines", recording):
        for record in records:
            before = len(captured)
            summarizer.analyze(record["text"])
            if len(captured) != before + 1:
                raise RuntimeError("the engine did not call suggest_headlines exactly once")
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as output:
        pickle.dump(captured, output)
    return captured


def cached_headlines(
    inputs: Sequence[EngineInput], weights: HeadlineWeights
) -> Iterator[tuple[Headline, ...]]:
    for document, scores, keywords in inputs:
        yield suggest_headlines(document, scores, keywords, count=3, weights=weights)


def engine_headlines(records: Sequence[dict[str, Any]]) -> Iterator[tuple[Headline, ...]]:
    import summarizer

    for record in records:
        yield summarizer.analyze(record["text"]).headlines


def prediction(record_id: Any, headlines: Sequence[Headline]) -> dict[str, Any]:
    return {
        "id": record_id,
        "headlines": [dataclasses.asdict(h) for h in headlines],
        "summary": [],
        "keywords": [],
    }


def parse_overrides(pairs: Sequence[str]) -> HeadlineWeights:
    changes: dict[str, Any] = {}
    types = {f.name: type(getattr(DEFAULT_WEIGHTS, f.name)) for f in dataclasses.fields(HeadlineWeights)}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in types:
            raise SystemExit(f"unknown weight {name!r}; known: {', '.join(types)}")
        changes[name] = types[name](value)
    return dataclasses.replace(DEFAULT_WEIGHTS, **changes)


def evaluate(
    name: str,
    records: Sequence[dict[str, Any]],
    produce: Callable[[], Iterator[tuple[Headline, ...]]],
    out: Path,
) -> dict[str, Any]:
    started = time.perf_counter()
    predictions = [prediction(r["id"], h) for r, h in zip(records, produce(), strict=True)]
    elapsed = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    with (out / f"{name}.pred.jsonl").open("w", encoding="utf-8") as handle:
        for p in predictions:
            handle.write(json.dumps(p, ensure_ascii=False) + "\n")
    scorer = load_reference_scorer(SHARED / "tools" / "score.py")
    metrics = scorer.score_articles(records, {str(p["id"]): p for p in predictions}, 120)
    return {
        "file": name,
        "headline_top1_rl": metrics["headline_top1_rl"],
        "headline_best3_rl": metrics["headline_best3_rl"],
        "headline_top1_r1": metrics["headline_top1_r1"],
        "ms_per_article": round(1000 * elapsed / max(1, len(records)), 3),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cached", action="store_true", help="time and tune the headline stage alone on cached engine inputs"
    )
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a weight")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of each file")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/headline-eval-cache"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/headline-eval"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not (SHARED / "eval" / "dev").is_dir():
        LOG.error("no dev data at %s", SHARED / "eval" / "dev")
        return 2
    weights = parse_overrides(args.set)
    for name in DEV_FILES:
        records = load_jsonl(SHARED / "eval" / "dev" / name)
        if args.limit:
            records = records[: args.limit]
        produce: Callable[[], Iterator[tuple[Headline, ...]]]
        if args.cached:
            inputs = engine_inputs(records, args.cache / f"{name}.{len(records)}.pkl")
            produce = functools.partial(cached_headlines, inputs, weights)
        else:
            produce = functools.partial(engine_headlines, records)

        sys.stdout.write(json.dumps(evaluate(name, records, produce, args.out), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

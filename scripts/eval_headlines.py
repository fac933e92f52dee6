#!/usr/bin/env python3
"""Measure the headline suggestions on the dev files with ../shared/tools/score.py.

    .venv/bin/python scripts/eval_headlines.py                    # end to end, summarizer.analyze
    .venv/bin/python scripts/eval_headlines.py --cached           # headline stage on cached inputs
    .venv/bin/python scripts/eval_headlines.py --cached --set length=0.8 --set target_chars=14
    .venv/bin/python scripts/eval_headlines.py --cached --oracle  # what the candidates allow

``--cached`` records once what the engine passes to ``suggest_headlines`` (documents,
sentence scores, keywords; pickled in ``--cache``) and then times and scores the headline
stage alone, with any weights given by ``--set``. Predictions are written as JSONL records that
the official scorer reads; the metrics are computed by the scorer's own function. Delete the
cache when the engine changes. The cache holds the engine's tokens: a compiled build's do not
unpickle, so with one it is recomputed each run (install with SUMMARIZER_PURE_PYTHON=1 to keep it).

``--oracle`` adds what the candidate set allows, ranking aside: the mean of each article's best
candidate ROUGE-L (every candidate of good form, :func:`article_candidates`); and how the
suggestions relate to each other: the share of second and third headlines from the first's
sentence, the share of their characters in the first (longest common subsequence), their mean
length against the titles' (in the scorer's units).
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
        try:
            with cache.open("rb") as handle:
                cached: list[EngineInput] = pickle.load(handle)
        except (TypeError, pickle.UnpicklingError, EOFError) as error:
            LOG.warning("cache %s unreadable (%s): the inputs are recomputed", cache, error)
            cached = []
        if len(cached) == len(records):
            return cached
    import summarizer

    captured: list[EngineInput] = []

    def recording(
        document: Document,
        scores: Sequence[float],
        keywords: Sequence[ScoredText],
        *,
        count: int,
        heads: frozenset[int] | None = None,
    ) -> tuple[Headline, ...]:
        # (``heads``, the subheadings the engine found, are found again from the document.)
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


def oracle(
    records: Sequence[dict[str, Any]], inputs: Sequence[EngineInput], weights: HeadlineWeights
) -> dict[str, float]:
    """What the candidates allow and how the three suggestions relate (see the module's
    docstring), with the scorer's own ROUGE-L and units."""
    from summarizer.headline.model import headline_model
    from summarizer.headline.suggest import article_candidates

    scorer = load_reference_scorer(SHARED / "tools" / "score.py")
    model = headline_model()
    best: list[float] = []
    same_sentence: list[float] = []
    shared_characters: list[float] = []
    lengths: list[float] = []
    title_lengths: list[float] = []
    for record, (document, scores, keywords) in zip(records, inputs, strict=True):
        title = record.get("title_core") or record["title"]
        found = article_candidates(document, scores, keywords, weights=weights, model=model)
        best.append(max((scorer.rouge_l(c.text, title)[2] for c, _ in found), default=0.0))
        title_lengths.append(len(scorer.units(title)))
        headlines = suggest_headlines(document, scores, keywords, count=3, weights=weights)
        lengths.extend(len(scorer.units(h.text)) for h in headlines)
        if not headlines:
            continue
        first = scorer.units(headlines[0].text)
        for later in headlines[1:]:
            same_sentence.append(float(later.sentence_index == headlines[0].sentence_index))
            units = scorer.units(later.text)
            shared_characters.append(scorer.lcs(units, first) / max(1, len(units)))

    def mean(values: list[float]) -> float:
        return round(sum(values) / max(1, len(values)), 4)

    return {
        "oracle_rl": mean(best),
        "later_from_first_sentence": mean(same_sentence),
        "later_characters_in_first": mean(shared_characters),
        "headline_units": mean(lengths),
        "title_units": mean(title_lengths),
    }


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
    parser.add_argument(
        "--oracle", action="store_true", help="with --cached: what the candidates allow (see above)"
    )
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
        figures: dict[str, Any] = {}
        if args.cached:
            inputs = engine_inputs(records, args.cache / f"{name}.{len(records)}.pkl")
            produce = functools.partial(cached_headlines, inputs, weights)
            if args.oracle:
                figures = oracle(records, inputs, weights)
        else:
            produce = functools.partial(engine_headlines, records)
        figures = {**evaluate(name, records, produce, args.out), **figures}
        sys.stdout.write(json.dumps(figures, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

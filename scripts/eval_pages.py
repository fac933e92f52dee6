#!/usr/bin/env python3
"""Measure the page parser on ../shared/eval/dev/pages.jsonl with ../shared/tools/score.py.

    .venv/bin/python scripts/eval_pages.py [--data FILE] [--out PRED.jsonl] [--bench-chars 20000]

Writes the page records (``Page.to_record``) as JSONL, then prints the scorer's page
metrics and the slowest parse. ``--bench-chars N`` also times parse-and-summarize of one
page of N characters made of the data's pages (median of five runs, default engine).
Only ``id`` and ``text`` of the data are read to parse; the truth is read by the scorer.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from summarizer.evaluation import load_jsonl, load_reference_scorer

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
LOG = logging.getLogger("eval_pages")


def predict(records: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Page records for ``records`` and the slowest parse, in milliseconds."""
    from summarizer import default_engine
    from summarizer.pages import parse

    engine = default_engine()
    engine.analyze("预热。")  # load the tokenizer before timing
    predictions, slowest = [], 0.0
    for record in records:
        started = time.perf_counter()
        predictions.append(parse(record["text"], engine=engine).to_record(record["id"]))
        slowest = max(slowest, 1000 * (time.perf_counter() - started))
    return predictions, slowest


def bench(records: Sequence[dict[str, Any]], chars: int, *, runs: int = 5) -> float:
    """Median milliseconds to parse and summarize a page of ``chars`` characters."""
    from summarizer import default_engine
    from summarizer.pages import parse

    text = ""
    while len(text) < chars:
        text += "\n\n\n".join(r["text"] for r in records)
    text = text[:chars]
    engine = default_engine()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        parse(text, engine=engine)
        timings.append(1000 * (time.perf_counter() - started))
    return sorted(timings)[runs // 2]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=SHARED / "eval" / "dev" / "pages.jsonl")
    parser.add_argument("--out", type=Path, default=Path("/tmp/pages-eval/pages.pred.jsonl"))
    parser.add_argument(
        "--bench-chars", type=int, default=0, help="also time one page of this many characters"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not args.data.is_file():
        LOG.error("no page data at %s", args.data)
        return 2
    records = load_jsonl(args.data)
    predictions, slowest = predict(records)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for prediction in predictions:
            handle.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    metrics = load_reference_scorer(SHARED / "tools" / "score.py").score_pages(
        records, {str(p["id"]): p for p in predictions}
    )
    metrics["slowest_page_ms"] = round(slowest, 1)
    if args.bench_chars:
        metrics[f"page_{args.bench_chars}_chars_ms"] = round(bench(records, args.bench_chars), 1)
    sys.stdout.write(json.dumps(metrics, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

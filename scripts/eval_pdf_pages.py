#!/usr/bin/env python3
"""Measure the PDF path on ../shared/eval/dev/pdf/<id>.pdf against pdfpages.jsonl's truth.

    .venv/bin/python scripts/eval_pdf_pages.py [--data FILE] [--pdf-dir DIR] [--out PRED.jsonl]

The truth is one record per dev page, typeset into a PDF that may run over several PDF
pages (an article continued on the next one). ``parse_pdf`` gives one record per PDF page,
each article in the page where it starts; the record scored for an id holds the articles,
captions, labels and fragments of all its PDF pages in order. Prints the scorer's page
metrics, the slowest file and the median time per PDF page.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from summarizer.evaluation import load_jsonl, load_reference_scorer

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def file_record(pages: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    """The records of one file's pages as one record with the file's id."""
    merged: dict[str, Any] = {"id": record_id}
    for key in ("articles", "captions", "page_labels", "fragments", "notes"):
        merged[key] = [item for page in pages for item in page[key]]
    return merged


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=SHARED / "eval" / "dev" / "pdfpages.jsonl")
    parser.add_argument("--pdf-dir", type=Path, default=SHARED / "eval" / "dev" / "pdf")
    parser.add_argument("--out", type=Path, default=Path("out") / "pdfpages_from_pdf.jsonl")
    args = parser.parse_args(argv)

    from summarizer import default_engine
    from summarizer.pages import parse_pdf

    engine = default_engine()
    engine.analyze("预热。")
    records = load_jsonl(args.data)
    predictions, per_page, slowest = [], [], (0.0, "")
    for record in records:
        data = (args.pdf_dir / f"{record['id']}.pdf").read_bytes()
        started = time.perf_counter()
        pages = parse_pdf(data, engine=engine)
        elapsed = 1000 * (time.perf_counter() - started)
        per_page.append(elapsed / len(pages))
        slowest = max(slowest, (elapsed, str(record["id"])))
        predictions.append(file_record([page.to_record(None) for page in pages], str(record["id"])))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions)
    scorer = load_reference_scorer(SHARED / "tools" / "score.py")
    metrics = scorer.score_pages(records, {p["id"]: p for p in predictions})
    print(json.dumps(metrics, ensure_ascii=False))
    print(
        f"median {statistics.median(per_page):.0f} ms per PDF page; slowest file {slowest[1]} "
        f"{slowest[0]:.0f} ms",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

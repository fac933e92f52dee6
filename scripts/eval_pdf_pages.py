#!/usr/bin/env python3
"""Measure the PDF path on ../shared/eval/dev/pdf/<id>.pdf against pdfpages.jsonl's truth.

    .venv/bin/python scripts/eval_pdf_pages.py [--data FILE] [--pdf-dir DIR] [--out PRED.jsonl]
    .venv/bin/python scripts/eval_pdf_pages.py --script s2hk --out PRED.jsonl

The truth is one record per dev page, typeset into a PDF that may run over several PDF
pages (an article continued on the next one). ``parse_pdf`` gives one record per PDF page,
each article in the page where it starts; the record scored for an id holds the articles,
captions, labels and fragments of all its PDF pages in order. Prints the scorer's page
metrics, the slowest file and the median time per PDF page.

``--script s2tw`` (or ``s2hk``, ``s2t``): the same pages in traditional script. The dev PDFs
are simplified, so each one's characters are converted with OpenCC once read (every line as
printed, its box, size and place kept: what a traditional edition of the page set the same
way gives the reader), and the truth alike (``scripts/traditional_dev_set.py``); then every
output is checked to be a verbatim piece of the converted characters
(``scripts/check_verbatim.py``), and that share is printed too.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

from summarizer.evaluation import load_jsonl, load_reference_scorer

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SCRIPTS = Path(__file__).resolve().parent
TRADITIONAL = ("s2t", "s2tw", "s2hk")


def file_record(pages: list[dict[str, Any]], record_id: str) -> dict[str, Any]:
    """The records of one file's pages as one record with the file's id."""
    merged: dict[str, Any] = {"id": record_id}
    for key in ("articles", "captions", "page_labels", "fragments", "notes"):
        merged[key] = [item for page in pages for item in page[key]]
    return merged


def _script(name: str) -> ModuleType:
    """A sibling script (``scripts`` is no package), imported from its file."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _converted_layout(document: Any, convert: Callable[[str], str]) -> Any:
    """``document`` with the text of its lines converted, nothing else changed. The text is
    converted as a whole and cut again where the lines were, so that a word a line end cuts
    is converted as the word (as a traditional edition, converted and then set, prints it);
    OpenCC's ``s2t`` tables keep lengths (a text whose length changes: line by line)."""
    lines = [line for page in document.pages for column in page.columns for line in column.lines]
    whole = convert("".join(line.text for line in lines))
    if len(whole) != sum(len(line.text) for line in lines):
        whole = "".join(convert(line.text) for line in lines)
    texts: dict[int, str] = {}
    position = 0
    for line in lines:
        texts[id(line)] = whole[position : position + len(line.text)]
        position += len(line.text)
    return replace(
        document,
        pages=tuple(
            replace(
                page,
                columns=tuple(
                    replace(column, lines=tuple(replace(line, text=texts[id(line)]) for line in column.lines))
                    for column in page.columns
                ),
            )
            for page in document.pages
        ),
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=SHARED / "eval" / "dev" / "pdfpages.jsonl")
    parser.add_argument("--pdf-dir", type=Path, default=SHARED / "eval" / "dev" / "pdf")
    parser.add_argument("--out", type=Path, default=Path("out") / "pdfpages_from_pdf.jsonl")
    parser.add_argument("--script", choices=TRADITIONAL, help="the pages converted to traditional script")
    args = parser.parse_args(argv)

    from summarizer import default_engine
    from summarizer.pages import parse_pdf
    from summarizer.pages.pdf.parser import pages_from_layout, read_layout

    engine = default_engine()
    engine.analyze("预热。")
    records = load_jsonl(args.data)
    convert = None
    if args.script:
        import opencc

        convert = opencc.OpenCC(args.script).convert
        records = [_script("traditional_dev_set").converted(record, convert) for record in records]
    predictions, per_page, slowest = [], [], (0.0, "")
    printed: dict[str, str] = {}  # the characters of each file, as the PDF path read them
    for record in records:
        data = (args.pdf_dir / f"{record['id']}.pdf").read_bytes()
        started = time.perf_counter()
        if convert is None:
            pages = parse_pdf(data, engine=engine)
        else:
            document = _converted_layout(read_layout(data), convert)
            pages = pages_from_layout(document, engine=engine)
            printed[str(record["id"])] = "\n".join(
                line.text for page in document.pages for column in page.columns for line in column.lines
            )
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
    status = 0
    if printed:
        page_checks = _script("check_verbatim").page_checks
        checks = [ok for p in predictions for _, ok in page_checks(printed[p["id"]], p)]
        share = round(sum(checks) / len(checks), 6) if checks else None
        print("verbatim: " + json.dumps({"outputs": len(checks), "verbatim": share}))
        status = 0 if all(checks) else 1
    print(
        f"median {statistics.median(per_page):.0f} ms per PDF page; slowest file {slowest[1]} "
        f"{slowest[0]:.0f} ms",
        file=sys.stderr,
    )
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

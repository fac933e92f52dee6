#!/usr/bin/env python3
"""Measure the text path on the dev PDFs as each extractor gives them.

    .venv/bin/python scripts/eval_extractor_dumps.py [--variants pdftotext,pdfplumber ...]
        [--dumps FOLDER] [--out /tmp/page-dumps/pred] [--pieces pdfplumber]

Every dev PDF (``../shared/eval/dev/pdf``) is extracted with each extractor and setting of
``tests/pages/extractors.py`` (``pymupdf`` is the text of ``pdfpages.jsonl``, PyMuPDF's blocks),
parsed by ``pages.parse`` and scored by ``score.py pages`` against ``pdfpages.jsonl``'s truth.
Prints a row per variant: title F1 / article count exact / body bigram F1 / column breaks /
captions / bylines. The dumps are cached where the tests keep them (``extractors.cached_dump``,
outside the repository: they are the copyrighted pages' text), the page records written under
``--out`` for reading.

``--pieces VARIANT`` measures instead how a dump that runs its lines across the columns
(pdfplumber's default text) could be read back by order: on each PDF's first page, the share of
its lines holding as many space-apart pieces as the page's most common count (one a column, when
every column has a line at that height), fewer, one alone, or more, and the share of characters
in the lines of the common count.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.pages.extractors import DUMPS, EXTRACTORS, cached_dump
from tests.pages.scoring import dev_records, pdf_of, predict_pages, score_predictions

COLUMNS = (
    "title_f1",
    "article_count_exact",
    "body_bigram_f1",
    "repaired_column_break",
    "repaired_caption",
    "repaired_byline",
)


def dump(variant: str, record: dict[str, Any], *, folder: Path) -> str:
    """The page's text as the variant gives it, extracted once and cached in ``folder``."""
    if variant == "pymupdf":
        return str(record["text"])
    return cached_dump(variant, pdf_of(record), folder=folder)


def piece_counts(variant: str, *, folder: Path) -> None:
    """Print how the first pages' lines part into pieces (see the module's ``--pieces``)."""
    kinds: Counter[str] = Counter()
    common_counts: Counter[int] = Counter()
    characters = in_common = 0
    for record in dev_records("pdfpages.jsonl"):
        page = dump(variant, record, folder=folder).split("\f")[0]
        lines = [line.split(" ") for line in page.splitlines() if line.strip()]
        counts = Counter(len(pieces) for pieces in lines if len(pieces) > 1)
        common = counts.most_common(1)[0][0] if counts else 1
        common_counts[common] += 1
        for pieces in lines:
            size = sum(len(piece) for piece in pieces)
            characters += size
            if len(pieces) == common:
                kinds["the common count"] += 1
                in_common += size
            else:
                kinds["one" if len(pieces) == 1 else "fewer" if len(pieces) < common else "more"] += 1
    total = sum(kinds.values())
    pages = sum(common_counts.values())
    by_count = dict(sorted(common_counts.items()))
    print(f"{variant}: {pages} first pages by their most common count of pieces a line: {by_count}")
    print(
        f"{total} lines: " + ", ".join(f"{kind} {count / total:.3f}" for kind, count in kinds.most_common())
    )
    print(f"characters in lines of the common count: {in_common / characters:.3f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--variants", default=",".join(["pymupdf", *EXTRACTORS]))
    parser.add_argument("--dumps", type=Path, default=DUMPS, help="where the dumps are cached")
    parser.add_argument("--out", type=Path, default=None, help="write each variant's page records here")
    parser.add_argument("--pieces", metavar="VARIANT", help="measure how VARIANT's lines part into pieces")
    args = parser.parse_args(argv)
    if args.pieces:
        piece_counts(args.pieces, folder=args.dumps)
        return 0
    records = dev_records("pdfpages.jsonl")
    print("variant".ljust(22) + " ".join(name[:12].rjust(12) for name in COLUMNS))
    for variant in args.variants.split(","):
        predictions = predict_pages(records, partial(dump, variant, folder=args.dumps))
        metrics = score_predictions(records, predictions)
        print(variant.ljust(22) + " ".join(f"{metrics[name]:12.4f}" for name in COLUMNS), flush=True)
        if args.out is not None:
            args.out.mkdir(parents=True, exist_ok=True)
            with (args.out / f"{variant}.jsonl").open("w", encoding="utf-8") as handle:
                for prediction in predictions:
                    handle.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

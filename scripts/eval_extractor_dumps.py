#!/usr/bin/env python3
"""Measure the text path on the dev PDFs as each extractor gives them.

    .venv/bin/python scripts/eval_extractor_dumps.py [--variants pdftotext,pdfplumber ...]
        [--dumps FOLDER] [--out /tmp/page-dumps/pred]

Every dev PDF (``../shared/eval/dev/pdf``) is extracted with each extractor and setting of
``tests/pages/extractors.py`` (``pymupdf`` is the text of ``pdfpages.jsonl``, PyMuPDF's blocks),
parsed by ``pages.parse`` and scored by ``score.py pages`` against ``pdfpages.jsonl``'s truth.
Prints a row per variant: title F1 / article count exact / body bigram F1 / column breaks /
captions / bylines. The dumps are cached where the tests keep them (``extractors.cached_dump``,
outside the repository: they are the copyrighted pages' text), the page records written under
``--out`` for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--variants", default=",".join(["pymupdf", *EXTRACTORS]))
    parser.add_argument("--dumps", type=Path, default=DUMPS, help="where the dumps are cached")
    parser.add_argument("--out", type=Path, default=None, help="write each variant's page records here")
    args = parser.parse_args(argv)
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

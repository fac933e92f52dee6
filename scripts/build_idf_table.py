#!/usr/bin/env python3
"""Write ``summarizer/data/jieba_idf.txt``, the IDF table the engine ships, from the installed
jieba's ``analyse/idf.txt`` (see :mod:`summarizer.rank.specificity` for the format).

    .venv/bin/python scripts/build_idf_table.py [--check]

``--check`` only says whether the shipped table still equals jieba's (exit 1 if not).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer.rank.specificity import IDF_FILE, grouped_idf_text, parse_jieba_idf

SHIPPED = Path(__file__).resolve().parents[1] / "summarizer" / "data" / IDF_FILE


def jieba_idf_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemExit("jieba is not installed: its idf.txt is the source of the table")
    return Path(spec.origin).parent / "analyse" / "idf.txt"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    with jieba_idf_path().open(encoding="utf-8") as lines:
        text = grouped_idf_text(parse_jieba_idf(lines))
    if args.check:
        same = SHIPPED.exists() and SHIPPED.read_text(encoding="utf-8") == text
        print(f"{SHIPPED}: {'up to date' if same else 'differs from jieba'}")
        return 0 if same else 1
    SHIPPED.write_text(text, encoding="utf-8")
    print(f"wrote {SHIPPED} ({len(text.splitlines()) - 2} values)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

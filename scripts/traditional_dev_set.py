#!/usr/bin/env python3
"""Write a dev set converted to traditional script with OpenCC, for ``make eval``.

    python scripts/traditional_dev_set.py s2tw ../shared/eval/dev/thucnews.jsonl out/thucnews_tw.jsonl

Every text a record holds is converted the same way, the answers too (``title``, ``title_core``,
``kicker``, ``subtitle``; a page's articles with their bylines, paragraphs, captions and
artifacts), so that score.py compares traditional outputs with traditional answers. ``s2tw`` is
Taiwan's standard, ``s2hk`` Hong Kong's. The output is written under out/ at eval time and
never committed (the news is copyrighted).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import opencc

CONFIGS = ("s2t", "s2tw", "s2hk", "s2twp")
# Fields that are not text of the news: identifiers and labels of the data set.
_KEPT = frozenset({"id", "source", "category", "split", "kind", "date", "page", "seq"})


def converted(value: Any, convert: Callable[[str], str], key: str = "") -> Any:
    if key in _KEPT:
        return value
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [converted(item, convert) for item in value]
    if isinstance(value, dict):
        return {name: converted(item, convert, name) for name, item in value.items()}
    return value


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in CONFIGS:
        sys.stderr.write(f"usage: traditional_dev_set.py {{{','.join(CONFIGS)}}} IN.jsonl OUT.jsonl\n")
        return 2
    convert = opencc.OpenCC(argv[0]).convert
    source, target = Path(argv[1]), Path(argv[2])
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in lines:
            if line.strip():
                out.write(json.dumps(converted(json.loads(line), convert), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

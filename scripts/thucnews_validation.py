#!/usr/bin/env python3
"""Write the THUCNews validation part (see ``summarizer.evaluation.is_thucnews_validation``).

    python scripts/thucnews_validation.py ../shared/eval/dev/thucnews.jsonl out/thucnews_validation.jsonl

`make eval` scores it with ../shared/tools/score.py against the predictions for the whole file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarizer.evaluation import is_thucnews_validation


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: thucnews_validation.py THUCNEWS.jsonl OUT.jsonl\n")
        return 2
    source, target = Path(argv[0]), Path(argv[1])
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        out.writelines(
            line for line in lines if line.strip() and is_thucnews_validation(json.loads(line)["id"])
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

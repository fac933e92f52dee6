"""Run the library over dev article files and print score.py's metrics for each.

    python scripts/eval_articles.py ../shared [--max-chars 120] [--limit N] [--tokenizer jieba]

Only ``id`` and ``text`` of each record are given to the library (the headline fields are
the answers). Used by ``make eval`` until the batch command of the CLI lands.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from summarizer import Engine, Options
from summarizer.tokenizer import BACKENDS, DEFAULT_BACKEND

DEV_FILES = ("peoples_daily.jsonl", "thucnews.jsonl")


def predict(engine: Engine, data: Path, pred: Path, *, options: Options, limit: int | None) -> Path:
    """Write one analysis record per article of ``data``; returns the (possibly cut) data file."""
    lines = data.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line.strip()][:limit]
    with pred.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            result = engine.analyze(record["text"], options=options).to_record(record["id"])
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
    if limit is None:
        return data
    cut = pred.with_suffix(".data.jsonl")
    cut.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return cut


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("shared", type=Path, help="the shared folder (holds eval/dev and tools/score.py)")
    parser.add_argument("--max-chars", type=int, default=120)
    parser.add_argument(
        "--limit", type=int, default=None, help="score only the first N articles of each file"
    )
    parser.add_argument("--tokenizer", default=DEFAULT_BACKEND, choices=list(BACKENDS))
    parser.add_argument("--files", nargs="*", default=list(DEV_FILES))
    args = parser.parse_args(argv)
    engine = Engine(tokenizer=args.tokenizer)
    options = Options(max_chars=args.max_chars)
    scorer = args.shared / "tools" / "score.py"
    with tempfile.TemporaryDirectory() as folder:
        for name in args.files:
            pred = Path(folder) / f"pred-{name}"
            data = predict(
                engine, args.shared / "eval" / "dev" / name, pred, options=options, limit=args.limit
            )
            command = [
                sys.executable,
                str(scorer),
                "articles",
                str(data),
                str(pred),
                "--max-chars",
                str(args.max_chars),
            ]
            scores = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            sys.stdout.write(f"{name}: {scores}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

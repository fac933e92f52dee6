"""Instructions per article of the full analysis, counted by callgrind: a load-independent figure.

    .venv/bin/python -m benchmarks.instructions [--articles 150] [--stages]

Runs itself under ``valgrind --tool=callgrind`` with instrumentation off, loads the engine and
analyses one article (dictionaries, IDF table and models loaded), switches instrumentation on
with ``callgrind_control -i on``, analyses the first ``--articles`` People's Daily dev articles
(OpenBLAS on one thread), switches it off, and prints the total divided by the articles. With
``--stages`` it also prints the inclusive instructions per article of the engine's stage
functions (``callgrind_annotate --inclusive=yes``), and the share of document building spent in
rjieba's ``tag``; ``--keep FILE`` keeps callgrind's output for ``callgrind_annotate``. Unlike
times on a shared machine, the counts repeat to well under 1%. Needs Debian's ``valgrind``;
prints ``SKIPPED: <why>`` without it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.common import DEFAULT_SHARED, Settings, Skip, load_articles

# The engine's stages, as callgrind names their compiled (or Python) functions.
STAGES = (
    ("document building", "build_document"),
    # Inside document building: rjieba's ``tag`` and the Python objects it returns.
    ("  of which rjieba tagging", "_rjieba_tag"),
    ("sentence ranking", "rank_sentences"),
    ("words and names", "article_words"),
    ("keywords", "rank_keywords"),
    ("key phrases", "extract_keyphrases"),
    ("summary", "select_summary"),
    ("headlines", "suggest_headlines"),
)
_CHILD_FLAG = "--inside-callgrind"


def _run_analyses(shared: Path, articles: int) -> None:
    """Inside valgrind: warm up, then analyse with instrumentation on."""
    import summarizer

    texts = [article.text for article in load_articles(Settings(shared=shared, quick=False))][:articles]
    engine = summarizer.Engine()
    engine.analyze(texts[0])
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    for text in texts:
        engine.analyze(text)
    subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)


def measure(shared: Path, *, articles: int, stages: bool, keep: Path | None = None) -> str:
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise Skip("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as directory:
        output = keep or Path(directory) / "callgrind.out"
        environment = {
            **os.environ,
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "PYTHONHASHSEED": "0",
        }
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={output}",
                sys.executable,
                "-m",
                "benchmarks.instructions",
                _CHILD_FLAG,
                "--shared",
                str(shared),
                "--articles",
                str(articles),
            ],
            check=True,
            env=environment,
            capture_output=True,
        )
        total = _total(output.read_text(encoding="utf-8", errors="replace"))
        per_article = total / articles / 1e6
        lines = [f"{per_article:.3f} M instructions per article ({articles} People's Daily dev articles)"]
        if stages:
            lines.extend(_stages(output, articles))
        return "\n".join(lines)


def _total(callgrind_output: str) -> int:
    # ``totals`` counts every instrumented instruction; ``summary`` only those of the last dump.
    match = re.search(r"^totals: (\d+)", callgrind_output, re.MULTILINE) or re.search(
        r"^summary: (\d+)", callgrind_output, re.MULTILINE
    )
    if match is None:
        raise RuntimeError("no total in callgrind's output")
    return int(match.group(1))


def _stages(output: Path, articles: int) -> list[str]:
    annotated = subprocess.run(
        ["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(output)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = []
    for label, function in STAGES:
        counts = [
            int(match.group(1).replace(",", ""))
            for match in re.finditer(rf"^\s*([\d,]+) .*(?:___|[:.]){function}\b", annotated, re.MULTILINE)
        ]
        if counts:
            lines.append(f"  {label}: {max(counts) / articles / 1e6:.3f} M")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--stages", action="store_true", help="also the inclusive count of each stage")
    parser.add_argument(
        "--keep",
        type=Path,
        help="write callgrind's output here, to read with callgrind_annotate --inclusive=yes",
    )
    parser.add_argument(_CHILD_FLAG, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside_callgrind:
        _run_analyses(args.shared, args.articles)
        return 0
    try:
        report = measure(args.shared, articles=args.articles, stages=args.stages, keep=args.keep)
        sys.stdout.write(report + "\n")
    except Skip as skip:
        sys.stdout.write(f"SKIPPED: {skip}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

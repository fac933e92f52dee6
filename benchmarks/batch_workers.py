"""Figure 5: ``summarizer batch --workers 2`` against ``--workers 1`` on the 1,200 People's Daily
dev articles, wall clock of the whole command. Target: a speed-up of at least 1.7.

    .venv/bin/python -m benchmarks.batch_workers [--quick] [--shared ../shared]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks import server
from benchmarks.common import (
    Report,
    Settings,
    Timing,
    at_least,
    dev_articles_file,
    progress,
    script_main,
)

TITLE = "Batch: summarizer batch --workers 2 vs --workers 1"
TARGET = 1.7
RUNS, QUICK_RUNS = 3, 1
QUICK_ARTICLES = 20
WORKER_COUNTS = (1, 2)


def run_batch(cli: Path, source: Path, output: Path, workers: int) -> float:
    """Seconds for one whole ``summarizer batch`` command, start-up included; checks its output."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SUMMARIZER_")}
    command = [str(cli), "batch", str(source), "-o", str(output), "--workers", str(workers)]
    output.unlink(missing_ok=True)
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    elapsed = time.perf_counter() - started
    if finished.returncode != 0:
        last = (finished.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{' '.join(command[1:])} failed ({finished.returncode}): {last}")
    _check_output(source, output)
    return elapsed


def _check_output(source: Path, output: Path) -> None:
    """One record per input, in order, none an error: a fast batch that drops work proves nothing."""
    wanted = [json.loads(line)["id"] for line in source.read_text(encoding="utf-8").splitlines() if line]
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line]
    if [r.get("id") for r in records] != wanted:
        raise RuntimeError(f"batch output {output} does not hold one record per input, in order")
    failed = [r["id"] for r in records if "error" in r]
    if failed:
        raise RuntimeError(f"batch gave {len(failed)} error records, first {failed[0]!r}")


def measure(settings: Settings) -> Report:
    cli = server.require_command("batch")
    runs = QUICK_RUNS if settings.quick else RUNS
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        source, articles = dev_articles_file(settings, workdir, quick_count=QUICK_ARTICLES)
        single = workdir / "one.jsonl"
        single.write_text(source.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        seconds: dict[int, list[float]] = {n: [] for n in WORKER_COUNTS}
        startup: dict[int, list[float]] = {n: [] for n in WORKER_COUNTS}
        for run in range(runs):  # interleaved, so a slow phase of the machine hits both
            for workers in WORKER_COUNTS:
                seconds[workers].append(run_batch(cli, source, workdir / "out.jsonl", workers))
                startup[workers].append(run_batch(cli, single, workdir / "one_out.jsonl", workers))
            progress(f"batch: run {run + 1}/{runs} done")
    timings = {n: Timing(tuple(values)) for n, values in seconds.items()}
    fixed = {n: statistics.median(values) for n, values in startup.items()}
    speedup = timings[1].median / timings[2].median
    net = (timings[1].median - fixed[1]) / max(timings[2].median - fixed[2], 1e-9)
    rows = tuple(
        (
            f"--workers {n}",
            f"{timings[n].median:.2f}",
            f"{min(timings[n].runs):.2f}–{max(timings[n].runs):.2f}",
            f"±{timings[n].spread * 50:.1f}%",
            str(len(timings[n].runs)),
            f"{articles / timings[n].median:.0f}",
            f"{fixed[n]:.2f}",
        )
        for n in WORKER_COUNTS
    )
    return Report(
        title=TITLE,
        columns=("command", "seconds (median)", "min–max", "spread", "runs", "articles/s", "start-up s"),
        rows=rows,
        checks=(at_least("speed-up of --workers 2 (wall clock)", speedup, TARGET),),
        notes=(
            f"summarizer batch on {articles} People's Daily dev articles, default options, output checked "
            "(one record per input, in order, no error record); wall clock of the whole command",
            f"start-up s: the same command on one article (interpreter, imports, engine, pool); "
            f"speed-up net of start-up: {net:.2f}",
            f"machine: {os.cpu_count()} CPUs",
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

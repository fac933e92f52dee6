"""Spark in local mode on 2 cores against the local batch on 2 worker processes, on the 1,200
People's Daily dev articles:

- ``summarizer batch --workers 2 IN.jsonl -o OUT.jsonl``
- ``summarizer batch --engine spark --master local[2] IN.jsonl -o OUT.jsonl`` (JVM start included)
- ``summarizer.spark.run_batch`` in a Spark session already running (``local[2]``): the cost of
  the job itself, as on a cluster where the session outlives one file.

Runs are interleaved, so a slow phase of the machine hits every contender. Both outputs are
checked: one record per input in order, no error record, and the Spark records equal to the local
batch's (except ``stats.elapsed_ms``). No target: Spark is there to scale out, not to win on 2 cores.

    .venv/bin/python -m benchmarks.spark_vs_local [--quick] [--shared ../shared]
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from benchmarks import server
from benchmarks.common import (
    Report,
    Settings,
    Skip,
    Timing,
    at_least,
    dev_articles_file,
    progress,
    require_module,
    script_main,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

TITLE = "Spark: local[2] against summarizer batch --workers 2"
RUNS, QUICK_RUNS = 3, 1
QUICK_ARTICLES = 40
MASTER = "local[2]"


def measure(settings: Settings) -> Report:
    if shutil.which("java") is None:
        raise Skip("Spark needs Java (apt-get install openjdk-17-jre-headless)")
    require_module("pyspark", "it is the [spark] extra: pip install -e '.[spark]'")
    cli = server.require_command("batch")
    runs = QUICK_RUNS if settings.quick else RUNS
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        source, articles = dev_articles_file(settings, workdir, quick_count=QUICK_ARTICLES)
        outputs = {name: workdir / f"{index}.jsonl" for index, name in enumerate(CONTENDERS)}
        seconds: dict[str, list[float]] = {name: [] for name in CONTENDERS}
        with _running_session() as spark:
            partitions = spark.read.text(str(source)).rdd.getNumPartitions()
            work: dict[str, Callable[[Path], None]] = {
                "summarizer batch --workers 2": lambda out: _command(cli, source, out, "--workers", "2"),
                f"summarizer batch --engine spark --master {MASTER}": lambda out: _command(
                    cli, source, out, "--engine", "spark", "--master", MASTER
                ),
                f"run_batch in a running {MASTER} session": lambda out: _in_session(spark, source, out),
            }
            for run in range(runs):
                for name in CONTENDERS:
                    outputs[name].unlink(missing_ok=True)
                    started = time.perf_counter()
                    work[name](outputs[name])
                    seconds[name].append(time.perf_counter() - started)
                    _check_output(source, outputs[name])
                progress(f"spark_vs_local: run {run + 1}/{runs} done")
        local = _records(outputs[CONTENDERS[0]])
        identical = all(_records(outputs[name]) == local for name in CONTENDERS[1:])
    timings = {name: Timing(tuple(values)) for name, values in seconds.items()}
    baseline = timings[CONTENDERS[0]].median
    rows = tuple(
        (
            name,
            f"{timing.median:.2f}",
            f"{min(timing.runs):.2f}–{max(timing.runs):.2f}",
            str(len(timing.runs)),
            f"{articles / timing.median:.0f}",
            f"{timing.median / baseline:.2f}",
        )
        for name, timing in timings.items()
    )
    return Report(
        title=TITLE,
        columns=("contender", "seconds (median)", "min–max", "runs", "articles/s", "time vs local"),
        rows=rows,
        checks=(at_least("Spark records identical to the local batch's", float(identical), 1.0),),
        notes=(
            f"{articles} People's Daily dev articles, default options, JSONL in and out; wall clock",
            f"Spark {MASTER}: 2 executor cores, {partitions} input partitions; the records are computed "
            "in parallel, then the driver writes the single output file in input order",
            f"load average (1 min) {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, "
            f"on {os.cpu_count()} CPUs",
        ),
    )


CONTENDERS = (
    "summarizer batch --workers 2",
    f"summarizer batch --engine spark --master {MASTER}",
    f"run_batch in a running {MASTER} session",
)


def _command(cli: Path, source: Path, output: Path, *options: str) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SUMMARIZER_")}
    command = [str(cli), "batch", str(source), "-o", str(output), "--no-progress", *options]
    finished = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if finished.returncode != 0:
        last = (finished.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{' '.join(command[1:])} failed ({finished.returncode}): {last}")


def _in_session(spark: SparkSession, source: Path, output: Path) -> None:
    from summarizer import Options
    from summarizer.spark import run_batch

    assert spark.sparkContext.master == MASTER
    run_batch(str(source), str(output), options=Options(), pages=False, master=None)


@contextmanager
def _running_session() -> Iterator[SparkSession]:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(MASTER)
        .appName("spark_vs_local")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        yield spark
    finally:
        spark.stop()


def _check_output(source: Path, output: Path) -> None:
    """One record per input, in order, none an error: a fast batch that drops work proves nothing."""
    wanted = [json.loads(line)["id"] for line in source.read_text(encoding="utf-8").splitlines() if line]
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line]
    if [r.get("id") for r in records] != wanted:
        raise RuntimeError(f"batch output {output} does not hold one record per input, in order")
    failed = [r["id"] for r in records if "error" in r]
    if failed:
        raise RuntimeError(f"batch gave {len(failed)} error records, first {failed[0]!r}")


def _records(path: Path) -> list[Any]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record.get("stats", {}).pop("elapsed_ms", None)
    return records


def main(argv: Sequence[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

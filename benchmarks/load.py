"""Figure 4: the service under load. ``summarizer serve --workers 2`` on a free loopback port,
driven from a second process by wrk (or locust headless when wrk is absent) with 8 concurrent
clients POSTing 1,000-character articles. Targets: at least 300 requests/s, p99 under 50 ms, no
errors, peak RSS of each worker under 200 MB (the master's is reported too).

    .venv/bin/python -m benchmarks.load [--quick] [--shared ../shared]
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import server
from benchmarks.common import (
    REPO_ROOT,
    Report,
    Settings,
    Skip,
    at_least,
    below,
    load_articles,
    none,
    progress,
    script_main,
    spaced_sample,
)

TITLE = "Service under load: summarizer serve --workers 2"
WORKERS = 2
CLIENTS = 8
ARTICLE_CHARS = 1_000
BODIES = 64
DURATION_S, QUICK_DURATION_S = 20, 2
WARMUP_S = 3
RUNS, QUICK_RUNS = 3, 1
TARGET_RPS, TARGET_P99_MS, TARGET_WORKER_MB = 300.0, 50.0, 200.0
WRK_SCRIPT = Path(__file__).with_name("wrk_post.lua")
LOCUST_FILE = Path(__file__).with_name("locustfile.py")


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p99_ms: float
    max_ms: float

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


def write_bodies(settings: Settings, path: Path) -> None:
    """Request bodies: dev articles of at least 1,000 characters, cut to exactly 1,000."""
    long_enough = [a for a in load_articles(settings) if len(a.text) >= ARTICLE_CHARS]
    lines = [
        json.dumps({"text": a.text[:ARTICLE_CHARS]}, ensure_ascii=False)
        for a in spaced_sample(long_enough, BODIES)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check_answer(url: str, bodies: Path) -> None:
    """One request by hand first: a load test of error pages would prove nothing."""
    body = bodies.read_text(encoding="utf-8").splitlines()[0].encode("utf-8")
    request = urllib.request.Request(
        f"{url}/v1/summarize", data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        record = json.loads(response.read())
    if not {"summary", "keywords", "keyphrases", "headlines"} <= set(record):
        raise RuntimeError(f"/v1/summarize answered without the record's fields: {sorted(record)}")


def run_wrk(wrk: str, url: str, bodies: Path, seconds: int) -> LoadResult:
    command = [wrk, "-t2", f"-c{CLIENTS}", f"-d{seconds}s", "--timeout", "5s", "-s", str(WRK_SCRIPT), url]
    finished = subprocess.run(
        [*command], capture_output=True, text=True, env={**os.environ, "WRK_BODIES": str(bodies)}, check=True
    )
    line = next(x for x in finished.stdout.splitlines() if x.startswith("WRK_RESULT "))
    figures = json.loads(line.removeprefix("WRK_RESULT "))
    errors = sum(figures[name] for name in ("connect", "read", "write", "status", "timeout"))
    return LoadResult(
        requests=figures["requests"],
        seconds=figures["duration_us"] / 1e6,
        errors=errors,
        p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000,
        max_ms=figures["max_us"] / 1000,
    )


def run_locust(url: str, bodies: Path, seconds: int, workdir: Path) -> LoadResult:
    prefix = workdir / "locust"
    command = [sys.executable, "-m", "locust", "-f", str(LOCUST_FILE), "--headless", "--only-summary"]
    subprocess.run(
        [
            *command,
            "-u",
            str(CLIENTS),
            "-r",
            str(CLIENTS),
            "-t",
            f"{seconds}s",
            "--host",
            url,
            "--csv",
            str(prefix),
        ],
        capture_output=True,
        env={**os.environ, "LOCUST_BODIES": str(bodies)},
        check=False,  # locust exits 1 when any request failed; the failures are read below
    )
    with (workdir / "locust_stats.csv").open(encoding="utf-8") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    return LoadResult(
        requests=int(total["Request Count"]),
        seconds=int(total["Request Count"]) / float(total["Requests/s"]),
        errors=int(total["Failure Count"]),
        p50_ms=float(total["50%"]),
        p99_ms=float(total["99%"]),
        max_ms=float(total["Max Response Time"]),
    )


def measure(settings: Settings) -> Report:
    wrk = shutil.which("wrk")
    if wrk is None:
        try:
            import locust  # noqa: F401
        except ImportError:
            raise Skip("no load generator: apt-get install -y wrk, or pip install locust") from None
    duration, runs = (QUICK_DURATION_S, QUICK_RUNS) if settings.quick else (DURATION_S, RUNS)
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        bodies = workdir / "bodies.jsonl"
        write_bodies(settings, bodies)
        with (workdir / "server.log").open("wb") as log, server.serving(workers=WORKERS, log=log) as live:
            check_answer(live.url, bodies)
            endpoint = f"{live.url}/v1/summarize"

            def drive(seconds: int) -> LoadResult:
                if wrk is not None:
                    return run_wrk(wrk, endpoint, bodies, seconds)
                return run_locust(live.url, bodies, seconds, workdir)

            warmup = 1 if settings.quick else WARMUP_S
            drive(warmup)
            results = []
            cpu_before = server.cpu_seconds_of_tree(live.pid)
            for run in range(runs):
                results.append(drive(duration))
                progress(f"load: run {run + 1}/{runs}: {results[-1].rps:.0f} requests/s")
            cpu = _cpu_use(cpu_before, server.cpu_seconds_of_tree(live.pid), results)
            memory = server.memory_of_tree(live.pid)
    generator = "wrk" if wrk else "locust (headless, FastHttpUser)"
    return _report(results, memory, cpu, generator=generator, warmup=warmup)


@dataclass(frozen=True)
class CpuUse:
    """The server's CPU time over the measured runs: per request, which other processes on a
    shared machine inflate far less than wall-clock rates, and each process's share, which shows
    whether the load was spread over the workers."""

    ms_per_request: float
    share_by_pid: dict[int, float]


def _cpu_use(before: dict[int, float], after: dict[int, float], results: Sequence[LoadResult]) -> CpuUse:
    used = {pid: seconds - before.get(pid, 0.0) for pid, seconds in after.items()}
    total = sum(used.values())
    requests = sum(r.requests for r in results)
    return CpuUse(
        ms_per_request=total / requests * 1000 if requests else float("nan"),
        share_by_pid={pid: seconds / total if total else 0.0 for pid, seconds in used.items()},
    )


def _report(
    results: Sequence[LoadResult],
    memory: Sequence[server.ProcessMemory],
    cpu: CpuUse,
    *,
    generator: str,
    warmup: int,
) -> Report:
    rps = [r.rps for r in results]
    p99 = [r.p99_ms for r in results]
    errors = sum(r.errors for r in results)
    workers = [m for m in memory if m.role == "worker"]
    rows: list[tuple[str, ...]] = [
        (
            f"run {i + 1}",
            f"{r.rps:.0f}",
            f"{r.p50_ms:.1f}",
            f"{r.p99_ms:.1f}",
            f"{r.max_ms:.1f}",
            str(r.requests),
            str(r.errors),
        )
        for i, r in enumerate(results)
    ]
    rows.append(
        (
            "median",
            f"{statistics.median(rps):.0f} (±{_half_range(rps):.1f}%)",
            f"{statistics.median(r.p50_ms for r in results):.1f}",
            f"{statistics.median(p99):.1f} (±{_half_range(p99):.1f}%)",
            f"{max(r.max_ms for r in results):.1f}",
            str(sum(r.requests for r in results)),
            str(errors),
        )
    )
    memory_lines = tuple(
        f"{m.role} pid {m.pid}: peak RSS (VmHWM) {m.peak_rss_mb:.1f} MB, RSS {m.rss_mb:.1f} MB"
        + (f", PSS {m.pss_mb:.1f} MB" if m.pss_mb is not None else "")
        for m in memory
    )
    worker_peak = max((m.peak_rss_mb for m in workers), default=float("nan"))
    return Report(
        title=TITLE,
        columns=("run", "requests/s", "p50 ms", "p99 ms", "max ms", "requests", "errors"),
        rows=tuple(rows),
        checks=(
            at_least("requests/s (median of runs)", statistics.median(rps), TARGET_RPS),
            below("p99 latency ms (median of runs)", statistics.median(p99), TARGET_P99_MS),
            none("errors (all runs)", errors),
            below("peak RSS of the largest worker, MB", worker_peak, TARGET_WORKER_MB),
        ),
        notes=(
            f"{generator} in its own process, {CLIENTS} concurrent connections, no think time, "
            f"{len(results)} run(s) of {results[0].seconds:.0f} s after a {warmup} s warm-up; "
            f"body: JSON {{'text'}} with a dev article cut "
            f"to {ARTICLE_CHARS} characters ({BODIES} different ones in turn), default options",
            f"server: summarizer serve --workers {WORKERS} on 127.0.0.1, load generator and server share the "
            f"machine's {os.cpu_count()} CPUs",
            *memory_lines,
            f"server CPU time (master and workers, user + system) {cpu.ms_per_request:.2f} ms per request, "
            "shared out as "
            + ", ".join(f"{m.role} {m.pid}: {cpu.share_by_pid.get(m.pid, 0.0):.0%}" for m in memory),
            f"load scripts: {WRK_SCRIPT.relative_to(REPO_ROOT)} (wrk), "
            f"{LOCUST_FILE.relative_to(REPO_ROOT)} (locust)",
        ),
    )


def _half_range(values: Sequence[float]) -> float:
    middle = statistics.median(values)
    return (max(values) - min(values)) / middle * 50 if middle else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

"""Soak test: sustained load from this process against a real ``summarizer serve``.

    python scripts/reliability/soak.py --duration 60 --concurrency 4 --workers 2

Prints one JSON object: request counts by status, latency percentiles, and per worker the
resident memory at the end of the warm-up and its peak after it. Passes (exit 0) when every
request got a 200 and no worker grew beyond ``--max-growth-pct`` after the warm-up.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import _harness as harness

MAX_DURATION_S = 600.0  # a soak is bounded: CI must never wait on it indefinitely


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load (max 600)")
    parser.add_argument("--warmup", type=float, default=None, help="seconds before memory is baselined")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-growth-pct", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not 0 < args.duration <= MAX_DURATION_S:
        parser.error(f"--duration must be in (0, {MAX_DURATION_S}]")
    warmup = args.warmup if args.warmup is not None else max(1.0, args.duration * 0.2)
    if not 0 <= warmup < args.duration:
        parser.error("--warmup must be shorter than --duration")

    report = run(
        duration_s=args.duration,
        warmup_s=warmup,
        concurrency=args.concurrency,
        workers=args.workers,
        max_growth_pct=args.max_growth_pct,
        seed=args.seed,
    )
    return harness.print_report(report)


def run(
    *, duration_s: float, warmup_s: float, concurrency: int, workers: int, max_growth_pct: float, seed: int
) -> dict[str, Any]:
    outcomes: list[harness.Outcome] = []
    with harness.serve(workers=workers) as server:
        master, _ = harness.wait_for_workers(server, workers)
        started = time.monotonic()
        stop_at = started + duration_s
        threads = harness.start_load(
            server, concurrency=concurrency, seed=seed, stop_at_s=stop_at, outcomes=outcomes
        )
        baseline: dict[int, int] = {}
        peak: dict[int, int] = {}
        while time.monotonic() < stop_at:
            time.sleep(0.5)
            _, pids = harness.gunicorn_workers(server.process.pid)
            for pid in pids:
                rss = harness.rss_kib(pid)
                if rss is None:
                    continue
                if time.monotonic() - started < warmup_s or pid not in baseline:
                    # A worker first seen after the warm-up (a replacement) gets its own baseline.
                    baseline[pid] = rss
                peak[pid] = max(peak.get(pid, 0), rss)
        for thread in threads:
            thread.join()
        _, final_workers = harness.gunicorn_workers(server.process.pid)

    growth = {
        pid: round(100.0 * (peak[pid] - baseline[pid]) / baseline[pid], 2)
        for pid in baseline
        if baseline[pid]
    }
    load = harness.summarize_outcomes(outcomes)
    max_growth = max(growth.values(), default=0.0)
    return {
        "duration_s": duration_s,
        "warmup_s": warmup_s,
        "concurrency": concurrency,
        "workers": workers,
        "master_pid": master,
        **load,
        "rate_rps": round(load["requests"] / duration_s, 1),
        "worker_rss_kib": {
            str(pid): {"after_warmup": baseline[pid], "peak": peak[pid], "growth_pct": growth.get(pid)}
            for pid in baseline
        },
        "workers_seen": len(baseline),
        "workers_at_end": len(final_workers),
        "max_growth_pct": max_growth,
        "memory_flat": max_growth <= max_growth_pct,
        "passed": load["errors"] == 0 and load["requests"] > 0 and max_growth <= max_growth_pct,
    }


if __name__ == "__main__":
    sys.exit(main())

"""Fault test: SIGKILL one gunicorn worker of a real ``summarizer serve`` under load.

    python scripts/reliability/kill_worker.py --before 5 --after 10 --workers 2

Prints one JSON object: requests answered before and after the kill, the failures (only
requests in flight on the killed worker may fail), whether the master replaced the worker
and how long that took. Passes (exit 0) when the service kept answering, the worker count
came back, and failures stayed within the in-flight bound (one per load thread).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import time
from typing import Any

import _harness as harness

MAX_PHASE_S = 300.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=float, default=5.0, help="seconds of load before the kill")
    parser.add_argument("--after", type=float, default=10.0, help="seconds of load after the kill")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not (0 < args.before <= MAX_PHASE_S and 0 < args.after <= MAX_PHASE_S):
        parser.error(f"--before and --after must be in (0, {MAX_PHASE_S}]")
    if args.workers < 2:
        parser.error("--workers must be at least 2: one is killed, another keeps answering")
    report = run(
        before_s=args.before,
        after_s=args.after,
        concurrency=args.concurrency,
        workers=args.workers,
        seed=args.seed,
    )
    return harness.print_report(report)


def run(*, before_s: float, after_s: float, concurrency: int, workers: int, seed: int) -> dict[str, Any]:
    outcomes: list[harness.Outcome] = []
    with harness.serve(workers=workers) as server:
        master, workers_before = harness.wait_for_workers(server, workers)
        started = time.monotonic()
        stop_at = started + before_s + after_s
        threads = harness.start_load(
            server, concurrency=concurrency, seed=seed, stop_at_s=stop_at, outcomes=outcomes
        )
        time.sleep(before_s)
        victim = random.Random(seed).choice(workers_before)
        killed_at = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        replaced_after_s = None
        workers_after: list[int] = []
        while time.monotonic() < stop_at:
            _, workers_after = harness.gunicorn_workers(server.process.pid)
            if victim not in workers_after and len(workers_after) == workers and replaced_after_s is None:
                replaced_after_s = round(time.monotonic() - killed_at, 3)
            time.sleep(0.05)
        for thread in threads:
            thread.join()
        master_after, workers_after = harness.gunicorn_workers(server.process.pid)
        health = harness.request(server, "GET", "/healthz", timeout_s=5.0)[0]

    before = [o for o in outcomes if o.started_s < killed_at]
    after = [o for o in outcomes if o.started_s >= killed_at]
    # Failures of requests that were started after the replacement cannot be blamed on the
    # in-flight work of the killed worker: they are counted apart and must be zero.
    settled_at = killed_at + (replaced_after_s if replaced_after_s is not None else after_s)
    late_failures = sum(1 for o in after if o.status != 200 and o.started_s > settled_at + 1.0)
    failures = sum(1 for o in outcomes if o.status != 200)
    answered_after = sum(1 for o in after if o.status == 200)
    return {
        "workers": workers,
        "concurrency": concurrency,
        "master_pid": master,
        "master_pid_after": master_after,
        "workers_before": workers_before,
        "killed_worker": victim,
        "workers_after": workers_after,
        "replaced": victim not in workers_after and len(workers_after) == workers,
        "replaced_after_s": replaced_after_s,
        "requests_before_kill": len(before),
        "requests_after_kill": len(after),
        "answered_after_kill": answered_after,
        "failures": failures,
        "failures_after_replacement": late_failures,
        "by_status": harness.summarize_outcomes(outcomes)["by_status"],
        "healthz_at_end": health,
        "passed": (
            answered_after > 0
            and master_after == master
            and victim not in workers_after
            and len(workers_after) == workers
            and failures <= concurrency
            and late_failures == 0
            and health == 200
        ),
    }


if __name__ == "__main__":
    sys.exit(main())

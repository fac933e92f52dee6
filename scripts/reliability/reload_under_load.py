"""Fault test: SIGHUP (reload the workers) to a real ``summarizer serve`` under wrk's load.

    python scripts/reliability/reload_under_load.py --duration 20 --reloads 3 --connections 32

wrk keeps ``--connections`` keep-alive connections busy POSTing 1,000-character articles to
/v1/summarize; meanwhile the master gets ``--reloads`` SIGHUPs, evenly spaced: each time it
starts new workers and the old ones stop gracefully. Prints one JSON object: wrk's figures
(answers by status, socket errors, timeouts, latency), the worker pids before and after each
reload, the load average. Passes (exit 0) when every request was answered 200, with no socket
error and no timeout, and every reload replaced the workers.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _harness as harness

MAX_DURATION_S = 600.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load")
    parser.add_argument("--reloads", type=int, default=3, help="SIGHUPs during the load")
    parser.add_argument("--connections", type=int, default=32, help="wrk's keep-alive connections")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not 2 <= args.duration <= MAX_DURATION_S:
        parser.error(f"--duration must be in [2, {MAX_DURATION_S}]")
    if args.reloads < 1 or args.connections < 1:
        parser.error("--reloads and --connections must be at least 1")
    if harness.wrk_executable() is None:
        print(json.dumps({"skipped": "wrk is not installed (apt-get install -y wrk)", "passed": True}))
        return 0
    report = run(
        duration_s=args.duration, reloads=args.reloads, connections=args.connections, workers=args.workers
    )
    return harness.print_report(report)


def run(*, duration_s: float, reloads: int, connections: int, workers: int) -> dict[str, Any]:
    load_before = harness.load_average()
    with tempfile.TemporaryDirectory(prefix="reload-") as folder, harness.serve(workers=workers) as server:
        bodies, output = Path(folder) / "bodies.jsonl", Path(folder) / "wrk.txt"
        harness.write_bodies(bodies)
        master, _ = harness.wait_for_workers(server, workers)
        wrk = harness.start_wrk(
            server, "/v1/summarize", bodies=bodies, connections=connections, seconds=duration_s, output=output
        )
        started = time.monotonic()
        rounds = []
        for number in range(1, reloads + 1):
            _sleep_until(started + duration_s * number / (reloads + 1))
            _, before = harness.gunicorn_workers(server.process.pid)
            os.kill(master, signal.SIGHUP)
            rounds.append(_replaced(server, before, workers))
        wrk.wait(timeout=duration_s + 60)
        result = harness.wrk_result(output)
        health = harness.request(server, "GET", "/healthz", timeout_s=5.0)[0]
    statuses = result["statuses"]
    return {
        "duration_s": duration_s,
        "connections": connections,
        "workers": workers,
        "reloads": rounds,
        "requests": result["requests"],
        "statuses": statuses,
        "socket_errors": {key: result[key] for key in ("connect", "read", "write", "timeout")},
        "failed": result["failed"],
        "latency_ms": {key: round(result[f"{key}_us"] / 1000, 1) for key in ("p50", "p99", "p999", "max")},
        "requests_per_s": round(result["requests"] / (result["duration_us"] / 1e6), 1),
        "healthz_at_end": health,
        "load_average_before": load_before,
        "load_average_after": harness.load_average(),
        "passed": (
            result["failed"] == 0
            and set(statuses) == {"200"}
            and all(round_["replaced"] for round_ in rounds)
            and health == 200
        ),
    }


def _replaced(server: harness.Server, before: list[int], workers: int) -> dict[str, Any]:
    """Waits (bounded) until none of the ``before`` workers runs and ``workers`` new ones do."""
    sent = time.monotonic()
    deadline = sent + 60.0
    after: list[int] = []
    while time.monotonic() < deadline:
        _, after = harness.gunicorn_workers(server.process.pid)
        if len(after) == workers and not set(after) & set(before):
            break
        time.sleep(0.05)
    return {
        "workers_before": before,
        "workers_after": after,
        "replaced": len(after) == workers and not set(after) & set(before),
        "took_s": round(time.monotonic() - sent, 2),
    }


def _sleep_until(instant: float) -> None:
    while (left := instant - time.monotonic()) > 0:
        time.sleep(min(left, 0.5))


if __name__ == "__main__":
    sys.exit(main())

"""Load test: more clients than a real ``summarizer serve`` can serve, measured with wrk.

    python scripts/reliability/overload.py --connections 64,256 --duration 20 --workers 2

For each number of connections, wrk keeps that many keep-alive connections POSTing
1,000-character articles to /v1/summarize for ``--duration`` seconds, with its usual 2 s
timeout (a request waiting longer counts as a timeout; ``--timeout`` changes it). Prints one
JSON object per run: the answers by status (200, and 503 overloaded: shed at once), socket
errors, timeouts, the latency percentiles over every answer and the throughput of the 200s,
with the load average (the machine is often shared: compare runs of one machine at one time).

Passes (exit 0) when no request timed out or failed at the socket and every answer was a 200
or a 503 (with ``--timeout`` over the budget: no request waited past its budget).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _harness as harness

WARM_UP_S = 3.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", default="64,256", help="comma-separated connection counts")
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--budget", type=float, default=10.0, help="the server's --request-budget")
    parser.add_argument("--max-queue", type=int, default=None, help="the server's --max-queue [its default]")
    parser.add_argument(
        "--timeout", type=float, default=2.0, help="wrk's timeout: a request unanswered this long fails"
    )
    args = parser.parse_args(argv)
    connections = [int(part) for part in args.connections.split(",") if part.strip()]
    if not connections or min(connections) < 1 or not 1 <= args.duration <= 600:
        parser.error("--connections: positive integers; --duration in [1, 600]")
    if harness.wrk_executable() is None:
        print(json.dumps({"skipped": "wrk is not installed (apt-get install -y wrk)", "passed": True}))
        return 0
    report = run(
        connections=connections,
        duration_s=args.duration,
        workers=args.workers,
        budget_s=args.budget,
        max_queue=args.max_queue,
        timeout_s=args.timeout,
    )
    return harness.print_report(report)


def run(
    *,
    connections: list[int],
    duration_s: float,
    workers: int,
    budget_s: float,
    max_queue: int | None,
    timeout_s: float = 2.0,
) -> dict[str, Any]:
    extra = ["--request-budget", f"{budget_s:g}"]
    if max_queue is not None:
        extra += ["--max-queue", str(max_queue)]
    runs = []
    with (
        tempfile.TemporaryDirectory(prefix="overload-") as folder,
        harness.serve(workers=workers, extra_args=tuple(extra)) as server,
    ):
        harness.wait_for_workers(server, workers)
        bodies = Path(folder) / "bodies.jsonl"
        harness.write_bodies(bodies)
        warm_up = harness.start_wrk(
            server,
            "/v1/summarize",
            bodies=bodies,
            connections=8,
            seconds=WARM_UP_S,
            output=Path(folder) / "w.txt",
        )
        warm_up.wait(timeout=WARM_UP_S + 60)
        for count in connections:
            load_before = harness.load_average()
            output = Path(folder) / f"wrk-{count}.txt"
            started = time.monotonic()
            harness.start_wrk(
                server,
                "/v1/summarize",
                bodies=bodies,
                connections=count,
                seconds=duration_s,
                timeout_s=timeout_s,
                output=output,
            ).wait(timeout=duration_s + timeout_s + 120)
            runs.append(_describe(count, harness.wrk_result(output), load_before, time.monotonic() - started))
        health = harness.request(server, "GET", "/healthz", timeout_s=5.0)[0]
    return {
        "workers": workers,
        "budget_s": budget_s,
        "max_queue": max_queue,
        "duration_s": duration_s,
        "wrk_timeout_s": timeout_s,
        "runs": runs,
        "healthz_at_end": health,
        "passed": health == 200 and all(run["passed"] for run in runs),
    }


def _describe(
    connections: int, result: dict[str, Any], load_before: list[float], wall_s: float
) -> dict[str, Any]:
    seconds = result["duration_us"] / 1e6
    statuses = result["statuses"]
    socket_errors = {key: result[key] for key in ("connect", "read", "write", "timeout")}
    max_ms = result["max_us"] / 1000
    return {
        "connections": connections,
        "requests": result["requests"],
        "statuses": statuses,
        "ok_per_s": round(statuses.get("200", 0) / seconds, 1),
        "answers_per_s": round(result["requests"] / seconds, 1),
        "shed_share": round(statuses.get("503", 0) / max(1, result["requests"]), 3),
        "socket_errors": socket_errors,
        "latency_ms": {key: round(result[f"{key}_us"] / 1000, 1) for key in ("p50", "p90", "p99", "p999")}
        | {"max": round(max_ms, 1)},
        "load_average_before": load_before,
        "load_average_after": harness.load_average(),
        "wall_s": round(wall_s, 1),
        "passed": sum(socket_errors.values()) == 0 and set(statuses) <= {"200", "503"},
    }


if __name__ == "__main__":
    sys.exit(main())

"""Fault test: slow clients ("slowloris") against a real ``summarizer serve``.

    python scripts/reliability/slow_clients.py --workers 2 --slow 2

Opens ``--slow`` connections that send half a request and then nothing, then asks
``/healthz`` with a ``--patience`` second timeout. Prints one JSON object; passes (exit 0)
when the health check is answered while the slow connections are held open, that is when
idle clients cannot take every worker.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import socket
import sys
import time
from typing import Any

import _harness as harness


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--slow", type=int, default=None, help="slow connections [default: one per worker]")
    parser.add_argument("--patience", type=float, default=10.0, help="seconds the health check may take")
    args = parser.parse_args(argv)
    if not 1 <= args.workers <= 16 or not 0 < args.patience <= 120:
        parser.error("--workers must be in [1, 16] and --patience in (0, 120]")
    report = run(workers=args.workers, slow=args.slow or args.workers, patience_s=args.patience)
    return harness.print_report(report)


def run(*, workers: int, slow: int, patience_s: float) -> dict[str, Any]:
    with harness.serve(workers=workers) as server:
        master, workers_before = harness.wait_for_workers(server, workers)
        connections = []
        try:
            for _ in range(slow):
                connection = socket.create_connection((server.host, server.port), timeout=5)
                connection.sendall(b"POST /v1/summarize HTTP/1.1\r\nHost: localhost\r\n")  # and nothing more
                connections.append(connection)
            time.sleep(0.5)  # let the workers pick the slow connections up
            started = time.monotonic()
            try:
                status: int | str = harness.request(server, "GET", "/healthz", timeout_s=patience_s)[0]
            except (OSError, http.client.HTTPException) as error:
                status = type(error).__name__
            waited_s = round(time.monotonic() - started, 2)
        finally:
            for connection in connections:
                with contextlib.suppress(OSError):
                    connection.close()
        _, workers_after = harness.gunicorn_workers(server.process.pid)
        timeouts = server.log().count("WORKER TIMEOUT")
    return {
        "workers": workers,
        "slow_connections": slow,
        "master_pid": master,
        "healthz_status": status,
        "healthz_waited_s": waited_s,
        "patience_s": patience_s,
        "workers_replaced": sorted(set(workers_before) - set(workers_after)),
        "worker_timeouts_logged": timeouts,
        "passed": status == 200,
    }


if __name__ == "__main__":
    sys.exit(main())

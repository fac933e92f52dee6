"""Fault test: SIGTERM to a real ``summarizer serve`` under load, with a long analysis in flight.

    python scripts/reliability/shutdown_under_load.py --budget 3 --concurrency 8

The server runs with ``--request-budget BUDGET`` and the posseg tokenizer (textrank4zh's: some
5 ms per unknown character), so that one request, 12,000 rare characters, is a real analysis
that would take a minute. ``--concurrency`` client threads post short articles on fresh
connections; once the long request has been running for a moment, the master gets SIGTERM.
Prints one JSON object: how long the server took to exit, the long request's answer, and the
outcome of every other request, split by whether it started before or after the signal.

Passes (exit 0) when every request started before the signal got a JSON answer (200; 503
overloaded or 504 over_budget for those whose budget ran out behind the long one, which holds
its worker's turn; the long one 504 over_budget soon after its budget), every later one got an answer
or a refused connection (never a reset or a hang), and the server exited within the budget and
gunicorn's margin.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

import _harness as harness

STOP_MARGIN_S = 5.0  # summarizer.serve.STOP_MARGIN_S: what gunicorn allows beyond the budget
# A request queued behind the long analysis waits for its turn: its budget may run out in the
# queue (503) or, turn taken late, during its own analysis (504). Either is answered in JSON.
QUEUED_BEHIND_THE_LONG_ONE = {(503, "overloaded"), (504, "over_budget")}
# How far past its budget the long analysis may be answered (the checks' granularity and a
# machine shared with other work).
OVERRUN_S = 2.0
LONG_TEXT_CHARS = 12_000


@dataclass(frozen=True)
class Attempt:
    started_s: float
    latency_s: float
    status: int | None
    code: str | None  # the error code of a JSON error answer
    failure: str | None  # the exception class when no answer came back


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=3.0, help="the server's --request-budget")
    parser.add_argument("--concurrency", type=int, default=8, help="client threads posting short articles")
    parser.add_argument("--before", type=float, default=3.0, help="seconds of load before the long request")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if not 0.5 <= args.budget <= 60 or args.concurrency < 1 or not 0 < args.before <= 60:
        parser.error("--budget in [0.5, 60], --concurrency >= 1, --before in (0, 60]")
    report = run(
        budget_s=args.budget, concurrency=args.concurrency, before_s=args.before, workers=args.workers
    )
    return harness.print_report(report)


def long_text() -> str:
    """Rare ideographs in 30-character sentences: words no dictionary has (see RELIABILITY.md)."""
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000, 7)]
    return "。".join("".join(rng.choice(alphabet) for _ in range(30)) for _ in range(LONG_TEXT_CHARS // 30))


def run(*, budget_s: float, concurrency: int, before_s: float, workers: int) -> dict[str, Any]:
    attempts: list[Attempt] = []
    load_before = harness.load_average()
    extra = ("--request-budget", f"{budget_s:g}", "--tokenizer", "posseg")
    with harness.serve(workers=workers, extra_args=extra) as server:
        harness.wait_for_workers(server, workers)
        stop = threading.Event()
        threads = [
            threading.Thread(target=_post_articles, args=(server, seed, stop, attempts))
            for seed in range(concurrency)
        ]
        for thread in threads:
            thread.start()
        time.sleep(before_s)
        long_attempts: list[Attempt] = []
        long_thread = threading.Thread(target=_post_long, args=(server, long_attempts, budget_s))
        long_thread.start()
        time.sleep(min(0.5, budget_s / 4))  # the long request is analysing now
        signalled = time.monotonic()
        exit_after_s = harness.stop_gracefully(server, timeout_s=budget_s + STOP_MARGIN_S + 30)
        time.sleep(0.5)  # a few attempts at a stopped server
        stop.set()
        for thread in [*threads, long_thread]:
            thread.join(timeout=60)
        log = server.log()
    before = [a for a in attempts if a.started_s < signalled]
    after = [a for a in attempts if a.started_s >= signalled]
    unanswered_before = [a for a in before if a.status is None]
    after_failures = [a for a in after if a.status is None and a.failure != "ConnectionRefusedError"]
    refused = [a for a in after if a.failure == "ConnectionRefusedError"]
    long_attempt = long_attempts[0] if long_attempts else None
    long_ok = (
        long_attempt is not None
        and long_attempt.status == 504
        and long_attempt.code == "over_budget"
        and long_attempt.latency_s <= budget_s + OVERRUN_S
    )
    return {
        "budget_s": budget_s,
        "concurrency": concurrency,
        "workers": workers,
        "exit_after_sigterm_s": None if exit_after_s is None else round(exit_after_s, 2),
        "long_request": None if long_attempt is None else _describe(long_attempt, signalled),
        "started_before_sigterm": _tally(before),
        "started_after_sigterm": _tally(after),
        "after_sigterm_first_refusal_s": round(min(a.started_s for a in refused) - signalled, 3)
        if refused
        else None,
        "after_sigterm_slowest_refusal_ms": round(max(a.latency_s for a in refused) * 1000, 1)
        if refused
        else None,
        "unanswered_before_sigterm": [_describe(a, signalled) for a in unanswered_before[:5]],
        "failed_after_sigterm": [_describe(a, signalled) for a in after_failures[:5]],
        "html_in_log": "<html" in log,
        "load_average_before": load_before,
        "load_average_after": harness.load_average(),
        "passed": (
            exit_after_s is not None
            and exit_after_s <= budget_s + STOP_MARGIN_S
            and long_ok
            and not unanswered_before
            and all(a.status == 200 or (a.status, a.code) in QUEUED_BEHIND_THE_LONG_ONE for a in before)
            and not after_failures
        ),
    }


def _post_articles(server: harness.Server, seed: int, stop: threading.Event, attempts: list[Attempt]) -> None:
    rng = random.Random(seed)
    while not stop.is_set():
        payload = {"text": harness.synthetic_article(rng, sentences=rng.randint(3, 20))}
        attempt = _attempt(server, payload, timeout_s=30.0)
        attempts.append(attempt)
        if attempt.failure is not None:
            stop.wait(0.01)  # a stopped server: try again, but do not spin


def _post_long(server: harness.Server, attempts: list[Attempt], budget_s: float) -> None:
    attempts.append(_attempt(server, {"text": long_text()}, timeout_s=budget_s + 60.0))


def _attempt(server: harness.Server, payload: dict[str, Any], *, timeout_s: float) -> Attempt:
    started = time.monotonic()
    try:
        status, body = harness.post_json(server, "/v1/summarize", payload, timeout_s=timeout_s)
    except (OSError, http.client.HTTPException) as error:
        return Attempt(started, time.monotonic() - started, None, None, type(error).__name__)
    code = None
    if status != 200:
        try:
            code = json.loads(body)["error"]["code"]
        except (ValueError, KeyError, TypeError):
            code = "not_json"
    return Attempt(started, time.monotonic() - started, status, code, None)


def _tally(attempts: list[Attempt]) -> dict[str, Any]:
    outcomes: dict[str, int] = {}
    for attempt in attempts:
        key = str(attempt.status) if attempt.status is not None else f"no_answer:{attempt.failure}"
        outcomes[key] = outcomes.get(key, 0) + 1
    answered = [a.latency_s * 1000 for a in attempts if a.status is not None]
    return {
        "requests": len(attempts),
        "outcomes": dict(sorted(outcomes.items())),
        "latency_ms_p99": round(harness.percentile(answered, 0.99), 1),
        "latency_ms_max": round(max(answered, default=0.0), 1),
    }


def _describe(attempt: Attempt, signalled: float) -> dict[str, Any]:
    return {
        "started_vs_sigterm_s": round(attempt.started_s - signalled, 3),
        "latency_s": round(attempt.latency_s, 3),
        "status": attempt.status,
        "code": attempt.code,
        "failure": attempt.failure,
    }


if __name__ == "__main__":
    sys.exit(main())

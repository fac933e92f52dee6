"""The load and fault scripts of ``scripts/reliability`` in a short mode, so CI exercises
them with a bounded duration; the assertions read the JSON figures each script prints."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from .conftest import SCRIPTS

pytestmark = pytest.mark.slow


def run_script(name: str, *args: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / name), *args], capture_output=True, text=True, timeout=600, check=False
    )
    assert result.stdout.strip(), result.stderr[-3000:]
    report: dict[str, Any] = json.loads(result.stdout)
    assert result.returncode == (0 if report["passed"] else 1)
    return report


def test_soak_has_no_errors_and_flat_worker_memory() -> None:
    report = run_script("soak.py", "--duration", "8", "--warmup", "3", "--concurrency", "3", "--workers", "2")
    assert report["requests"] > 0 and report["errors"] == 0, report["by_status"]
    assert report["workers_seen"] == report["workers_at_end"] == 2
    assert report["max_growth_pct"] <= 10.0, report["worker_rss_kib"]
    assert report["passed"]


def test_killed_worker_is_replaced_and_service_keeps_answering() -> None:
    report = run_script(
        "kill_worker.py", "--before", "3", "--after", "5", "--concurrency", "4", "--workers", "2"
    )
    assert report["replaced"] and report["killed_worker"] not in report["workers_after"]
    assert len(report["workers_after"]) == 2 and report["master_pid_after"] == report["master_pid"]
    assert report["answered_after_kill"] > 0
    # Only requests in flight on the killed worker may fail: at most one per load thread.
    assert report["failures"] <= report["concurrency"]
    assert report["failures_after_replacement"] == 0
    assert report["healthz_at_end"] == 200


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_killed_at_random_points_resumes_to_the_uninterrupted_output(workers: str) -> None:
    report = run_script("batch_kill_resume.py", "--records", "200", "--rounds", "2", "--workers", workers)
    assert report["reference_ids_match_input"] and report["reference_records"] == 200
    assert report["killed_mid_run"] >= 1, "at least one kill must land before the end"
    for round_report in report["rounds"]:
        assert not round_report["half_line"], "a SIGKILL never leaves a half line"
        assert round_report["records_after_resume"] == 200
        assert round_report["duplicate_ids"] == 0
        assert round_report["identical_to_reference"], round_report["first_difference"]


def test_slow_clients_cannot_take_every_worker() -> None:
    report = run_script("slow_clients.py", "--workers", "2", "--patience", "5")
    assert report["healthz_status"] == 200, report


def test_a_reload_under_load_fails_no_request() -> None:
    report = run_script("reload_under_load.py", "--duration", "6", "--reloads", "2", "--connections", "16")
    if "skipped" in report:
        pytest.skip(report["skipped"])
    assert all(reload["replaced"] for reload in report["reloads"]), report["reloads"]
    assert report["failed"] == 0 and set(report["statuses"]) == {"200"}, report
    assert report["passed"]


def test_a_stop_under_load_answers_what_it_took_and_refuses_the_rest() -> None:
    report = run_script("shutdown_under_load.py", "--budget", "2", "--concurrency", "4", "--before", "1")
    # Each assertion shows the whole report: an unanswered request's failure class and the
    # machine's load say whether the server or the machine lost it.
    assert report["long_request"]["status"] == 504 and report["long_request"]["code"] == "over_budget", report
    assert report["unanswered_before_sigterm"] == [] and report["failed_after_sigterm"] == [], report
    assert report["exit_after_sigterm_s"] is not None and report["exit_after_sigterm_s"] <= 2 + 5, report
    assert not report["html_in_log"], report
    assert report["passed"], report


def test_overload_is_shed_with_503_not_left_waiting() -> None:
    # wrk waits 2 s past the budget: a request not answered by then waited longer than its budget.
    report = run_script(
        "overload.py",
        "--connections",
        "96",
        "--duration",
        "5",
        "--max-queue",
        "4",
        "--budget",
        "3",
        "--timeout",
        "5",
    )
    if "skipped" in report:
        pytest.skip(report["skipped"])
    [run] = report["runs"]
    assert sum(run["socket_errors"].values()) == 0, run
    assert set(run["statuses"]) <= {"200", "503"} and run["statuses"].get("503", 0) > 0, run
    assert report["passed"]

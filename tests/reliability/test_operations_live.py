"""Operating a real ``summarizer serve`` (gunicorn, 2 workers): metrics merged over the worker
processes, a dead worker's counts kept and its restart counted, JSON-line logs on stdout, and
the work budget stopping a slow analysis with a JSON 504 while the worker lives on."""

from __future__ import annotations

import json
import os
import random
import signal
from types import ModuleType
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families

pytestmark = pytest.mark.slow

KEY = "metrics-test-key-0123456789"
ARTICLE = "本报讯 近日，江南市举办首届智慧农业博览会。博览会展示了无人机植保等新技术。农民说种地更轻松了。"


def scrape(
    harness: ModuleType, server: Any, key: str | None = KEY
) -> dict[tuple[str, tuple[Any, ...]], float]:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    status, _, body = harness.request(server, "GET", "/metrics", headers=headers)
    assert status == 200, body[:300]
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
    }


def summarized(samples: dict[Any, float]) -> float:
    labels = (("endpoint", "/v1/summarize"), ("method", "POST"), ("status", "200"))
    return samples.get(("summarizer_http_requests_total", labels), 0.0)


def summarize(harness: ModuleType, server: Any, count: int) -> None:
    for _ in range(count):
        status, _, _ = harness.request(
            server,
            "POST",
            "/v1/summarize",
            body=json.dumps({"text": ARTICLE}).encode(),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {KEY}"},
        )
        assert status == 200


def test_metrics_cover_every_worker_dead_or_alive(harness: ModuleType) -> None:
    with harness.serve(workers=2, extra_env={"SUMMARIZER_API_KEY": KEY}) as server:
        master, workers = harness.wait_for_workers(server, 2)
        assert harness.request(server, "GET", "/metrics")[0] == 401  # behind the API key
        summarize(harness, server, 12)
        assert summarized(scrape(harness, server)) == 12
        os.kill(workers[0], signal.SIGKILL)
        replaced_by_deadline(harness, server, workers[0])
        summarize(harness, server, 5)
        samples = scrape(harness, server)
        # The killed worker's requests still count; the replacement's add up with them.
        assert summarized(samples) == 17
        assert samples[("summarizer_worker_restarts_total", ())] == 1
        stages = {labels for name, labels in samples if name == "summarizer_analysis_stage_seconds_count"}
        assert len(stages) == 5
        assert master == harness.gunicorn_workers(server.process.pid)[0]


def test_logs_are_json_lines_on_stdout(harness: ModuleType, live_server: Any) -> None:
    harness.request(live_server, "GET", "/healthz")
    harness.request(live_server, "GET", "/no/such/page")
    lines = [line for line in live_server.stdout().splitlines() if line.strip()]
    entries = [json.loads(line) for line in lines]
    assert {"gunicorn.error", "api.access"} <= {entry["logger"] for entry in entries}
    assert all({"time", "level", "logger"} <= set(entry) for entry in entries)
    assert any(entry.get("path") == "/no/such/page" and entry.get("status") == 404 for entry in entries)
    assert live_server.stderr_path.read_text() == ""


def replaced_by_deadline(harness: ModuleType, server: Any, dead: int, timeout_s: float = 60.0) -> None:
    """Waits until the master has replaced the ``dead`` worker."""
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        workers = harness.gunicorn_workers(server.process.pid)[1]
        if len(workers) == 2 and dead not in workers:
            return
        time.sleep(0.05)
    raise AssertionError(f"worker {dead} not replaced within {timeout_s} s")


def random_cjk(characters: int) -> str:
    """Rare ideographs in 30-character sentences: the posseg tokenizer takes about 5 ms for each."""
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000, 7)]
    return "。".join("".join(rng.choice(alphabet) for _ in range(30)) for _ in range(characters // 30))


def test_a_slow_analysis_stops_at_the_budget_and_the_worker_lives_on(harness: ModuleType) -> None:
    """12,000 unknown characters take posseg a minute; the budget of 1 s stops the analysis with
    a JSON 504 (not gunicorn's HTML page after a killed worker), and the same worker answers on."""
    with harness.serve(workers=1, extra_args=("--tokenizer", "posseg", "--request-budget", "1")) as server:
        _, workers = harness.wait_for_workers(server, 1)
        status, body = harness.post_json(server, "/v1/summarize", {"text": random_cjk(12_000)}, timeout_s=60)
        assert status == 504, body[:300]
        assert json.loads(body)["error"]["code"] == "over_budget"
        status, body = harness.post_json(server, "/v1/summarize", {"text": ARTICLE})
        assert status == 200 and json.loads(body)["summary"]
        articles = [
            {"id": "short", "text": ARTICLE},
            {"id": "slow", "text": random_cjk(12_000)},
            {"id": "later"},
        ]
        status, body = harness.post_json(server, "/v1/batch", {"articles": articles}, timeout_s=60)
        assert status == 200
        records = json.loads(body)["records"]
        assert "summary" in records[0]
        assert [record["error"]["code"] for record in records[1:]] == ["over_budget", "over_budget"]
        assert harness.wait_for_workers(server, 1)[1] == workers  # no worker was killed
        samples = scrape(harness, server, key=None)
        assert samples[("summarizer_worker_restarts_total", ())] == 0
        assert samples[("summarizer_errors_total", (("code", "over_budget"),))] == 1
        assert "<html" not in server.log()

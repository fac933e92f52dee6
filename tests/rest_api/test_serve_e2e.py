"""``summarizer serve`` as a real gunicorn process on a free port, called over HTTP."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

API_KEY = "e2e-key-0123456789-abcdef"
ARTICLE = "本报讯 近日，江南市举办首届智慧农业博览会。博览会展示了无人机植保等新技术。农民说种地更轻松了。"
STARTUP_DEADLINE_S = 90.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def call(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, Any, Any]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read()), error.headers


@contextmanager
def running_server(tmp_path: Path, *, api_key: str | None) -> Iterator[tuple[str, Path]]:
    """The server's base URL and its stderr log, once /readyz answers 200."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    env.update({"SUMMARIZER_PORT": str(port), "SUMMARIZER_WORKERS": "2"})
    if api_key is not None:
        env["SUMMARIZER_API_KEY"] = api_key
    log = tmp_path / f"serve-{port}.log"
    command = [sys.executable, "-c", "from summarizer.cli import main; main()", "serve"]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=sink, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_DEADLINE_S
        while True:
            try:
                if call(base + "/readyz")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if process.poll() is not None:
                pytest.fail(f"summarizer serve exited with {process.returncode}: {log.read_text()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail(
                    f"summarizer serve not ready within {STARTUP_DEADLINE_S} s: {log.read_text()[-2000:]}"
                )
            # Waiting on the process is the pause between polls, and notices a crash at once.
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.1)
        yield base, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def summarize(base: str, headers: dict[str, str]) -> tuple[int, Any, Any]:
    body = json.dumps({"text": ARTICLE, "max_chars": 40}).encode()
    return call(base + "/v1/summarize", data=body, headers={"Content-Type": "application/json", **headers})


def test_open_server_answers_over_http(tmp_path: Path) -> None:
    with running_server(tmp_path, api_key=None) as (base, log):
        status, record, headers = summarize(base, {})
        assert status == 200
        assert record["summary"] and sum(len(s["text"]) for s in record["summary"]) <= 40
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cache-Control"] == "no-store"
        status, error, _ = call(
            base + "/v1/summarize", data=b"{", headers={"Content-Type": "application/json"}
        )
        assert (status, error["error"]["code"]) == (400, "invalid_json")
        status, document, _ = call(base + "/openapi.json")
        assert status == 200 and "/v1/batch" in document["paths"]
        request_id = headers["X-Request-ID"]
    access = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert any(entry.get("request_id") == request_id and entry.get("status") == 200 for entry in access)
    assert ARTICLE[:8] not in log.read_text()


def test_keyed_server_needs_the_bearer_key(tmp_path: Path) -> None:
    with running_server(tmp_path, api_key=API_KEY) as (base, _):
        assert summarize(base, {})[0] == 401
        assert summarize(base, {"Authorization": "Bearer not-the-key"})[0] == 401
        assert summarize(base, {"Authorization": API_KEY})[0] == 401
        status, record, _ = summarize(base, {"Authorization": f"Bearer {API_KEY}"})
        assert status == 200 and record["headlines"]
        assert call(base + "/healthz")[0] == 200

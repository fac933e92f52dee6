"""A real ``summarizer serve`` process and a real headless Chromium, for the web page's tests and for
``make_screenshot.py``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT / ".." / "shared"
SEED_TEXT = SHARED / "seeds" / "000_93e074682ad86485.txt"
SEED_EXPECTED = SHARED / "seeds" / "000_93e074682ad86485.expected.json"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_READY_DEADLINE_S = 120.0
API_KEY = "web-page-test-key"


def summarizer_command() -> Path:
    """The ``summarizer`` script installed beside the interpreter running the tests."""
    return Path(sys.executable).with_name("summarizer")


def serve_missing_reason() -> str | None:
    """Why ``summarizer serve`` cannot be started here, or None when it can."""
    if not summarizer_command().exists():
        return f"no {summarizer_command()} (run `pip install -e .`)"
    completed = subprocess.run(
        [str(summarizer_command()), "serve", "--help"], capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        return f"`summarizer serve --help` failed: {(completed.stderr or completed.stdout).strip()[:200]}"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _is_ready(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/readyz", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextlib.contextmanager
def running_server(*, api_key: str | None = None) -> Iterator[str]:
    """``summarizer serve`` on a free port with one worker; yields its base URL once /readyz says so."""
    port = free_port()
    env = {name: value for name, value in os.environ.items() if not name.startswith("SUMMARIZER_")}
    if api_key is not None:
        env["SUMMARIZER_API_KEY"] = api_key
    command = [
        str(summarizer_command()),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        "1",
    ]
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_until_ready(process, base_url, log)
            yield base_url
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_ready(process: subprocess.Popen[bytes], base_url: str, log: Any) -> None:
    deadline = time.monotonic() + SERVER_READY_DEADLINE_S
    while not _is_ready(base_url):
        try:
            # Waiting on the process is the pause between polls, and notices a server that died.
            process.wait(timeout=0.2)
        except subprocess.TimeoutExpired:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{base_url} not ready after {SERVER_READY_DEADLINE_S:.0f} s") from None
            continue
        log.seek(0)
        output = log.read().decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"summarizer serve exited with {process.returncode}:\n{output}")

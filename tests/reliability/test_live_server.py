"""End to end against a real ``summarizer serve`` (gunicorn) on a free loopback port:
schemathesis over ``/openapi.json``, default bind, API key, access log, body limits over a
real socket, and a request that must not stall its worker."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .corpus import ARTICLE, BODY_LIMIT

pytestmark = pytest.mark.slow
KEY = "live-key-7f3a"
LOOPBACK_HEX = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 and ::1 in /proc/net/tcp*

# The checks that a response matches the document. schemathesis runs through its CLI: its pytest
# loader for a schema from a fixture (schemathesis.pytest.from_fixture) reads Function._nodeid,
# which pytest 9 no longer has.
RESPONSE_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)
# Whether the document's input constraints are exactly what the server accepts.
INPUT_CHECKS = ("negative_data_rejection", "positive_data_acceptance")


def run_schemathesis(server: Any, checks: tuple[str, ...], folder: Path) -> subprocess.CompletedProcess[str]:
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"{server.base_url}/openapi.json",
        "--checks",
        ",".join(checks),
        "--max-examples",
        "30",
        "--seed",
        "1",
        "--generation-deterministic",
        "--workers",
        "1",
        "--request-timeout",
        "30",
        "--no-color",
        "--report",
        "junit",
        "--report-dir",
        str(folder),
    ]
    # Run in the test's folder: schemathesis keeps its state in ./.schemathesis.
    return subprocess.run(command, capture_output=True, text=True, timeout=600, check=False, cwd=folder)


def test_schemathesis_responses_match_the_document_and_never_5xx(live_server: Any, tmp_path: Path) -> None:
    result = run_schemathesis(live_server, RESPONSE_CHECKS, tmp_path)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]
    assert "API Operations" in result.stdout


@pytest.mark.xfail(
    strict=True,
    reason=(
        "the document's input constraints differ from what the server accepts: an integral float "
        "(headlines: 17.0) is a JSON Schema integer but answers 422; a batch text over maxLength answers "
        "413 (not a rejection status schemathesis expects); an invalid query option is ignored when the "
        "JSON body sets the same option"
    ),
)
def test_schemathesis_input_constraints_match_the_document(live_server: Any, tmp_path: Path) -> None:
    result = run_schemathesis(live_server, INPUT_CHECKS, tmp_path)
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]


@pytest.fixture(scope="module")
def keyed_default_server(harness: ModuleType) -> Iterator[Any]:
    """``summarizer serve`` as an operator starts it: no --host, the key from the environment."""
    with harness.serve(workers=1, default_host=True, extra_env={"SUMMARIZER_API_KEY": KEY}) as server:
        yield server


def test_serve_binds_loopback_by_default(harness: ModuleType, keyed_default_server: Any) -> None:
    addresses = harness.listening_addresses(keyed_default_server.port)
    assert addresses, "the server listens"
    assert set(addresses) <= LOOPBACK_HEX, addresses


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": f"Bearer {KEY}"}, 200)],
)
def test_api_key_from_the_environment(
    harness: ModuleType, keyed_default_server: Any, headers: dict[str, str], status: int
) -> None:
    body = json.dumps({"text": ARTICLE}).encode()
    answer = harness.request(
        keyed_default_server,
        "POST",
        "/v1/summarize",
        body=body,
        headers={"Content-Type": "application/json", **headers},
    )
    assert answer[0] == status
    assert harness.request(keyed_default_server, "GET", "/healthz")[0] == 200


def test_access_log_is_json_and_never_holds_the_text(harness: ModuleType, live_server: Any) -> None:
    marker = "未发表稿件QWZK"
    status, headers, _ = harness.request(
        live_server,
        "POST",
        "/v1/summarize?max_chars=60",
        body=f"{marker}。{ARTICLE}".encode(),
        headers={"Content-Type": "text/plain", "X-Request-ID": "reliability-log-check"},
    )
    assert status == 200 and headers["x-request-id"] == "reliability-log-check"
    harness.request(live_server, "GET", "/healthz")  # a later line: the one above is flushed
    log = live_server.log()
    assert marker not in log
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    ours = [line for line in lines if line.get("request_id") == "reliability-log-check"]
    assert len(ours) == 1 and ours[0]["status"] == 200 and ours[0]["path"] == "/v1/summarize"


def send_chunked(server: Any, parts: list[bytes], content_type: str) -> tuple[int, dict[str, Any]]:
    """A body sent with Transfer-Encoding: chunked, so with no Content-Length to check up front."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        connection.request(
            "POST",
            "/v1/summarize",
            body=iter(parts),
            headers={"Content-Type": content_type},
            encode_chunked=True,
        )
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def test_body_over_the_limit_with_content_length_is_413(harness: ModuleType, live_server: Any) -> None:
    body = json.dumps({"text": ARTICLE}).encode() + b" " * BODY_LIMIT
    status, _, data = harness.request(
        live_server, "POST", "/v1/summarize", body=body, headers={"Content-Type": "application/json"}
    )
    assert (status, json.loads(data)["error"]["code"]) == (413, "body_too_large")


@pytest.mark.xfail(
    strict=True,
    reason=(
        "with Transfer-Encoding: chunked there is no Content-Length, and Werkzeug's LimitedStream silently "
        "cuts the body at MAX_CONTENT_LENGTH: a 1.2 MB JSON body whose cut falls in trailing whitespace "
        "answers 200, one cut inside a string answers 400 'Unterminated string', never 413 body_too_large "
        "(api/__init__.py, api/inputs.py: read up to max_body_bytes + 1 and refuse the overflow)"
    ),
)
@pytest.mark.parametrize(
    "parts",
    [
        [json.dumps({"text": ARTICLE}).encode(), b" " * (BODY_LIMIT + 200_000)],
        [b'{"text": "', ARTICLE.encode(), b'", "pad": "', b"x" * (BODY_LIMIT + 200_000), b'"}'],
    ],
    ids=["trailing_whitespace", "long_field"],
)
def test_chunked_body_over_the_limit_is_413(live_server: Any, parts: list[bytes]) -> None:
    status, body = send_chunked(live_server, parts, "application/json")
    assert (status, body["error"]["code"]) == (413, "body_too_large")


@pytest.mark.xfail(
    strict=True,
    reason=(
        "no per-request work bound: 90,001 characters of unclosed 《 (270 KB, within every limit) keep a "
        "worker busy past gunicorn's 30 s timeout (quadratic summarizer/text/split.py _protected_ranges); "
        "gunicorn aborts the worker and the client gets an HTML 500, not the JSON error shape"
    ),
)
def test_one_request_within_the_limits_cannot_stall_a_worker(harness: ModuleType, live_server: Any) -> None:
    status, body = harness.post_json(
        live_server, "/v1/summarize", {"text": "《" * 90_000 + "。"}, timeout_s=120
    )
    assert status == 200, body[:200]
    assert json.loads(body)["summary"] is not None

"""Cross-cutting request handling: arrival time and work budget, request id, API key, security
headers, CORS, metrics and the access log; and the doorman, who refuses analysis requests
while the analysis queue is full before the framework spends anything on them.

The access log is one JSON object per request and never holds the body or the query
string: a newsroom's unpublished text must not end up in log files.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, Response, current_app, g, request

from api.errors import RETRY_AFTER_S, ApiError, error_body
from api.state import AppState, app_state
from summarizer.deadline import Deadline

access_logger = logging.getLogger("api.access")

REQUEST_ID_HEADER = "X-Request-ID"
_CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
PROTECTED_PREFIX = "/v1/"
METRICS_PATH = "/metrics"
ANALYSIS_PATHS = frozenset({"/v1/summarize", "/v1/pages", "/v1/batch"})  # those that take a turn
API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"
# Where the gunicorn worker of ``summarizer serve`` puts the time (``time.monotonic()``) it
# took the request off the socket, so that the budget covers its wait for a thread too.
ARRIVAL_ENVIRON_KEY = "summarizer.arrived"


def register_middleware(app: Flask) -> None:
    app.before_request(_start_request)
    app.before_request(_require_key)
    app.after_request(_finish_request)
    app.teardown_request(_end_request)
    app.wsgi_app = Doorman(app_state(app), app.wsgi_app)  # type: ignore[method-assign]


StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class Doorman:
    """WSGI middleware: an analysis request that arrives while the analysis queue is full gets
    503 ``overloaded`` here, before Flask reads, routes or parses it. Shedding has to cost as
    little as possible, since the load that makes it happen keeps coming: this answer costs a
    fifth of the same answer through the app (same body, headers, metrics and access log).
    Whatever gets past it may still be refused by the gate itself (api.gate)."""

    def __init__(self, state: AppState, app: WsgiApp) -> None:
        self.state = state
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if environ.get("REQUEST_METHOD") != "POST" or path not in ANALYSIS_PATHS or not self.state.gate.full:
            return self.app(environ, start_response)
        arrived = environ.get(ARRIVAL_ENVIRON_KEY)
        arrived = arrived if isinstance(arrived, float) else time.monotonic()
        given = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = given if _CLIENT_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        message = f"the server is busy ({self.state.gate.waiting} analyses are waiting already)"
        body = json.dumps(error_body("overloaded", f"{message}; retry after {RETRY_AFTER_S} s")).encode()
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
            ("Retry-After", str(RETRY_AFTER_S)),
            *_common_headers(request_id, api=True).items(),
            *_cors_headers(environ.get("HTTP_ORIGIN"), self.state).items(),
        ]
        start_response("503 SERVICE UNAVAILABLE", headers)
        seconds = time.monotonic() - arrived
        metrics = self.state.metrics
        metrics.errors.labels("overloaded").inc()
        metrics.observe_request(endpoint=path, method="POST", status=503, seconds=seconds)
        content_length = environ.get("CONTENT_LENGTH")
        _log_access(
            request_id=request_id,
            remote=environ.get("REMOTE_ADDR"),
            method="POST",
            path=path,
            status=503,
            bytes_in=int(content_length) if content_length and content_length.isdigit() else None,
            bytes_out=len(body),
            seconds=seconds,
        )
        return [body]


def request_deadline() -> Deadline:
    """When this request's work budget runs out (counted from its arrival)."""
    deadline = g.deadline
    assert isinstance(deadline, Deadline)
    return deadline


def _start_request() -> None:
    arrived = request.environ.get(ARRIVAL_ENVIRON_KEY)
    g.arrived = arrived if isinstance(arrived, float) else time.monotonic()
    g.deadline = Deadline(g.arrived + app_state(current_app).config.request_budget_s)
    app_state(current_app).metrics.in_flight.inc()
    g.counted_in_flight = True
    given = request.headers.get(REQUEST_ID_HEADER, "")
    # A client's id is kept for tracing across services only when it cannot forge log lines.
    g.request_id = given if _CLIENT_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


def _require_key() -> None:
    """``/v1/*`` needs the API key when one is set; ``/metrics`` its own key, else the API key."""
    config = app_state(current_app).config
    if request.method == "OPTIONS":
        return
    if request.path == METRICS_PATH:
        key = config.metrics_key or config.api_key
    elif request.path.startswith(PROTECTED_PREFIX):
        key = config.api_key
    else:
        return
    if key is None:
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "this server needs 'Authorization: Bearer <API key>'")
    if not hmac.compare_digest(token.strip().encode("utf-8"), key.encode("utf-8")):
        raise ApiError(401, "unauthorized", "the API key is wrong")


def _finish_request(response: Response) -> Response:
    request_id = g.get("request_id") or uuid.uuid4().hex
    headers = response.headers
    for name, value in _common_headers(request_id, api=request.blueprint != "web").items():
        if name in ("Referrer-Policy", "Content-Security-Policy"):
            headers.setdefault(name, value)
        else:
            headers[name] = value
    for name, value in _cors_headers(request.headers.get("Origin"), app_state(current_app)).items():
        if name == "Vary":
            headers.add(name, value)
        else:
            headers[name] = value
    arrived = g.get("arrived")
    seconds = None if arrived is None else time.monotonic() - arrived
    if seconds is not None:
        endpoint = request.url_rule.rule if request.url_rule is not None else None
        app_state(current_app).metrics.observe_request(
            endpoint=endpoint, method=request.method, status=response.status_code, seconds=seconds
        )
    _log_access(
        request_id=request_id,
        remote=request.remote_addr,
        method=request.method,
        path=request.path,
        status=response.status_code,
        bytes_in=request.content_length,
        bytes_out=response.calculate_content_length(),
        seconds=seconds,
    )
    return response


def _common_headers(request_id: str, *, api: bool) -> dict[str, str]:
    """The headers of every answer (an API answer's include no caching and a strict CSP)."""
    headers = {
        REQUEST_ID_HEADER: request_id,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }
    if api:
        headers["Cache-Control"] = "no-store"
        headers["Content-Security-Policy"] = API_CONTENT_SECURITY_POLICY
    return headers


def _cors_headers(origin: str | None, state: AppState) -> dict[str, str]:
    """CORS headers for an origin the server allows (none for any other)."""
    if not origin or origin not in state.config.cors_origins:
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Request-ID",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Expose-Headers": REQUEST_ID_HEADER,
        "Vary": "Origin",
    }


def _log_access(
    *,
    request_id: str,
    remote: str | None,
    method: str,
    path: str,
    status: int,
    bytes_in: int | None,
    bytes_out: int | None,
    seconds: float | None,
) -> None:
    entry = {
        "request_id": request_id,
        "remote": remote,
        "method": method,
        "path": path,
        "status": status,
        "bytes_in": bytes_in,
        "bytes_out": bytes_out,
        "duration_ms": None if seconds is None else round(seconds * 1000, 3),
    }
    # The message is the entry as JSON (what a plain handler prints); ``fields`` lets the
    # server's JSON-lines formatter merge it into the line it writes.
    access_logger.info(json.dumps(entry, ensure_ascii=True), extra={"fields": entry})


def _end_request(_error: BaseException | None) -> None:
    if g.pop("counted_in_flight", False):
        app_state(current_app).metrics.in_flight.dec()

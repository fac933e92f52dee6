"""Cross-cutting request handling: request id, API key, security headers, CORS, access log.

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

from flask import Flask, Response, current_app, g, request

from api.errors import ApiError
from api.state import app_state

access_logger = logging.getLogger("api.access")

REQUEST_ID_HEADER = "X-Request-ID"
_CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
PROTECTED_PREFIX = "/v1/"
API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"


def register_middleware(app: Flask) -> None:
    app.before_request(_start_request)
    app.before_request(_require_api_key)
    app.after_request(_finish_request)


def _start_request() -> None:
    g.started = time.perf_counter()
    given = request.headers.get(REQUEST_ID_HEADER, "")
    # A client's id is kept for tracing across services only when it cannot forge log lines.
    g.request_id = given if _CLIENT_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


def _require_api_key() -> None:
    key = app_state(current_app).config.api_key
    if key is None or not request.path.startswith(PROTECTED_PREFIX) or request.method == "OPTIONS":
        return
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", "this server needs 'Authorization: Bearer <API key>'")
    if not hmac.compare_digest(token.strip().encode("utf-8"), key.encode("utf-8")):
        raise ApiError(401, "unauthorized", "the API key is wrong")


def _finish_request(response: Response) -> Response:
    request_id = g.get("request_id") or uuid.uuid4().hex
    headers = response.headers
    headers[REQUEST_ID_HEADER] = request_id
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers.setdefault("Referrer-Policy", "no-referrer")
    if request.blueprint != "web":
        headers["Cache-Control"] = "no-store"
        headers.setdefault("Content-Security-Policy", API_CONTENT_SECURITY_POLICY)
    origin = request.headers.get("Origin")
    if origin and origin in app_state(current_app).config.cors_origins:
        headers["Access-Control-Allow-Origin"] = origin
        headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-Request-ID"
        headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        headers["Access-Control-Expose-Headers"] = REQUEST_ID_HEADER
        headers.add("Vary", "Origin")
    started = g.get("started")
    access_logger.info(
        json.dumps(
            {
                "request_id": request_id,
                "remote": request.remote_addr,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "bytes_in": request.content_length,
                "bytes_out": response.calculate_content_length(),
                "duration_ms": None if started is None else round((time.perf_counter() - started) * 1000, 3),
            },
            ensure_ascii=True,
        )
    )
    return response

"""One error shape for every failure: ``{"error": {"code", "message", "field"}}``, made by one
handler, which also counts each answer's code in the metrics."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, current_app, jsonify
from werkzeug.exceptions import HTTPException

from api.gate import Overloaded
from api.state import app_state
from summarizer.deadline import DeadlineExceeded
from summarizer.pages.pdf import ERROR_STATUS, PdfError

logger = logging.getLogger(__name__)

# The codes of Werkzeug's own errors (routing, body limit) in our vocabulary.
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}
# Seconds a shed client is asked to wait: a turn of the queue takes milliseconds, so a second
# is plenty and still spreads the retries of many clients out.
RETRY_AFTER_S = 1


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers or {}


def error_body(code: str, message: str, field: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "field": field}}


def as_api_error(error: Exception) -> ApiError:
    """Any exception as the error the client gets."""
    if isinstance(error, ApiError):
        return error
    if isinstance(error, Overloaded):
        return ApiError(
            503,
            "overloaded",
            f"the server is busy ({error}); retry after {RETRY_AFTER_S} s",
            headers={"Retry-After": str(RETRY_AFTER_S)},
        )
    if isinstance(error, DeadlineExceeded):
        budget = _budget_s()
        return ApiError(
            504,
            "over_budget",
            f"the analysis needs more than this server's work budget of {budget:g} s per request "
            f"(stopped during {error.stage}); send a shorter text",
        )
    if isinstance(error, PdfError):
        return ApiError(ERROR_STATUS[error.code], error.code, error.message)
    if isinstance(error, HTTPException):
        status = error.code or 500
        message = error.description or error.name
        if status == 413:
            message = "the request body is over the size limit"
        headers = {}
        allowed = getattr(error, "valid_methods", None)
        if status == 405 and error.response is None and allowed:
            headers["Allow"] = ", ".join(allowed)
        return ApiError(status, HTTP_CODES.get(status, "http_error"), message, headers=headers)
    # A bug: logged with its traceback for operators; the client gets no internals.
    logger.exception("unhandled error", exc_info=error)
    return ApiError(500, "internal_error", "the server failed to handle the request")


def _budget_s() -> float:
    return app_state(current_app).config.request_budget_s


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(Exception)
    def _answer(error: Exception) -> Response:
        api_error = as_api_error(error)
        response = jsonify(error_body(api_error.code, api_error.message, api_error.field))
        response.status_code = api_error.status
        response.headers.update(api_error.headers)
        if api_error.status == 401:
            response.headers["WWW-Authenticate"] = 'Bearer realm="summarizer"'
        app_state(current_app).metrics.errors.labels(api_error.code).inc()
        return response

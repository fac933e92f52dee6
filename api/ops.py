"""Operations endpoints: liveness, readiness, metrics and the OpenAPI document."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app

from api.errors import ApiError
from api.metrics import CONTENT_TYPE
from api.middleware import METRICS_PATH
from api.openapi import build_openapi
from api.state import app_state
from summarizer.engine import WARM_UP_TEXT

bp = Blueprint("ops", __name__)


@bp.get("/healthz")
def healthz() -> dict[str, Any]:
    return {"status": "ok"}


@bp.get("/readyz")
def readyz() -> dict[str, Any]:
    # One tiny analysis proves the tokenizer and dictionaries are loaded and working.
    try:
        app_state(current_app).engine.analyze(WARM_UP_TEXT)
    except Exception as error:
        raise ApiError(503, "not_ready", f"the engine is not ready: {type(error).__name__}") from None
    return {"status": "ready"}


@bp.get(METRICS_PATH)
def metrics() -> Response:
    """Prometheus' text format, merged over the server's worker processes."""
    return Response(app_state(current_app).metrics.render(), content_type=CONTENT_TYPE)


@bp.get("/openapi.json")
def openapi() -> dict[str, Any]:
    return build_openapi(app_state(current_app).config)

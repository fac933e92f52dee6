"""Operations endpoints: liveness, readiness and the OpenAPI document."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app

from api.errors import ApiError
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


@bp.get("/openapi.json")
def openapi() -> dict[str, Any]:
    return build_openapi(app_state(current_app).config)

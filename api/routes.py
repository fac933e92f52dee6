"""The ``/v1`` endpoints: one article, one page, a batch of articles."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, request

from api.inputs import read_batch_request, read_text_request
from api.state import app_state
from summarizer.batch import analyze_record_safely
from summarizer.pages import parse

bp = Blueprint("v1", __name__, url_prefix="/v1")


@bp.post("/summarize")
def summarize() -> dict[str, Any]:
    state = app_state(current_app)
    article = read_text_request(request, state.config)
    return state.engine.analyze(article.text, options=article.options).to_record(article.record_id)


@bp.post("/pages")
def pages() -> dict[str, Any]:
    state = app_state(current_app)
    page = read_text_request(request, state.config)
    return parse(page.text, engine=state.engine, options=page.options).to_record(page.record_id)


@bp.post("/batch")
def batch() -> dict[str, Any]:
    state = app_state(current_app)
    job = read_batch_request(request, state.config)
    records = [analyze_record_safely(a, engine=state.engine, options=job.options) for a in job.articles]
    return {"records": records}

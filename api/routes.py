"""The ``/v1`` endpoints: one article, one page, a batch of articles."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, request

from api.inputs import read_batch_request, read_text_request
from api.pdf import is_pdf_request, pdf_pages
from api.state import app_state
from summarizer.batch import analyze_record_safely
from summarizer.pages import parse

bp = Blueprint("v1", __name__, url_prefix="/v1")


@bp.post("/summarize")
def summarize() -> dict[str, Any]:
    state = app_state(current_app)
    article = read_text_request(request, state.config)
    with state.analysis_lock:
        analysis = state.engine.analyze(article.text, options=article.options)
    return analysis.to_record(article.record_id)


@bp.post("/pages")
def pages() -> dict[str, Any]:
    state = app_state(current_app)
    if is_pdf_request(request):
        return pdf_pages(request, state)
    page = read_text_request(request, state.config)
    with state.analysis_lock:
        parsed = parse(page.text, engine=state.engine, options=page.options)
    return parsed.to_record(page.record_id)


@bp.post("/batch")
def batch() -> dict[str, Any]:
    state = app_state(current_app)
    job = read_batch_request(request, state.config)
    records = []
    for article in job.articles:
        # One article at a time, so that a batch does not hold up other requests to the end.
        with state.analysis_lock:
            records.append(analyze_record_safely(article, engine=state.engine, options=job.options))
    return {"records": records}

"""The ``/v1`` endpoints: one article, one page, a batch of articles."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, request

from api.inputs import read_batch_request, read_text_request
from api.middleware import request_deadline
from api.pdf import is_pdf_request, read_pdf_request
from api.state import app_state
from api.work import analyze_article, analyze_batch, parse_page, parse_pdf_pages

bp = Blueprint("v1", __name__, url_prefix="/v1")


@bp.post("/summarize")
def summarize() -> dict[str, Any]:
    state = app_state(current_app)
    article = read_text_request(request, state.config)
    analysis = analyze_article(state, article.text, options=article.options, deadline=request_deadline())
    return analysis.to_record(article.record_id)


@bp.post("/pages")
def pages() -> dict[str, Any]:
    state = app_state(current_app)
    if is_pdf_request(request):
        pdf = read_pdf_request(request, state.config)
        pages = parse_pdf_pages(state, pdf.data, options=pdf.options, deadline=request_deadline())
        return {"pages": [page.to_record(None) for page in pages]}
    page = read_text_request(request, state.config)
    parsed = parse_page(state, page.text, options=page.options, deadline=request_deadline())
    return parsed.to_record(page.record_id)


@bp.post("/batch")
def batch() -> dict[str, Any]:
    state = app_state(current_app)
    job = read_batch_request(request, state.config)
    return {"records": analyze_batch(state, job.articles, options=job.options, deadline=request_deadline())}

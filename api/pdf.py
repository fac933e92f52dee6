"""PDF pages over REST: ``POST /v1/pages`` with ``Content-Type: application/pdf``.

The body is the PDF file; analysis options come as query parameters (as for a text/plain
body). The answer is ``{"pages": [page record, ...]}``, one record per PDF page in order,
each with its ``page`` number and ``notes``. A PDF that cannot be read gets one of the codes
of ``summarizer.pages.pdf.ERROR_STATUS`` (413 or 422), never a 500: the reading runs in a
child process killed at the server's limits (``max_pdf_bytes``, ``max_pdf_pages``,
``pdf_timeout_ms``, ``pdf_memory_mb``).
"""

from __future__ import annotations

from typing import Any

from flask import Request

from api.config import ApiConfig
from api.errors import ApiError
from api.inputs import _options, _raw_body, options_from_query
from api.state import AppState
from summarizer.pages.pdf import ERROR_STATUS, PdfError
from summarizer.pages.pdf.parser import pages_from_layout, read_layout

PDF = "application/pdf"


def is_pdf_request(request: Request) -> bool:
    return request.mimetype == PDF


def pdf_pages(request: Request, state: AppState) -> dict[str, Any]:
    """The page records of the PDF in the request body."""
    config: ApiConfig = state.config
    if "id" in request.args:
        raise ApiError(422, "invalid_option", "a PDF's pages are numbered; 'id' is not taken", field="id")
    options = _options(options_from_query(request.args, config), config)
    request.max_content_length = config.max_pdf_bytes  # a PDF may be larger than a JSON body
    data = _raw_body(request)
    try:
        # Reading waits on a child process: other requests may analyse meanwhile.
        document = read_layout(data, config.pdf_limits)
        with state.analysis_lock:
            pages = pages_from_layout(document, engine=state.engine, options=options)
    except PdfError as error:
        raise ApiError(ERROR_STATUS[error.code], error.code, error.message) from None
    return {"pages": [page.to_record(None) for page in pages]}

"""PDF pages over REST: ``POST /v1/pages`` with ``Content-Type: application/pdf``.

The body is the PDF file; analysis options come as query parameters (as for a text/plain
body). The answer is ``{"pages": [page record, ...]}``, one record per PDF page in order,
each with its ``page`` number and ``notes``. A PDF that cannot be read gets one of the codes
of ``summarizer.pages.pdf.ERROR_STATUS`` (413 or 422, answered by ``api.errors``), never a
500: the reading runs in a child process killed at the server's limits (``max_pdf_bytes``,
``max_pdf_pages``, ``pdf_timeout_ms``, ``pdf_memory_mb``) or at the request's work budget.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Request

from api.config import ApiConfig
from api.errors import ApiError
from api.inputs import _options, _raw_body, options_from_query
from summarizer.options import Options

PDF = "application/pdf"


def is_pdf_request(request: Request) -> bool:
    return request.mimetype == PDF


@dataclass(frozen=True)
class PdfRequest:
    data: bytes
    options: Options


def read_pdf_request(request: Request, config: ApiConfig) -> PdfRequest:
    """The PDF body and the options of its query string."""
    if "id" in request.args:
        raise ApiError(422, "invalid_option", "a PDF's pages are numbered; 'id' is not taken", field="id")
    options = _options(options_from_query(request.args, config), config)
    request.max_content_length = config.max_pdf_bytes  # a PDF may be larger than a JSON body
    return PdfRequest(_raw_body(request), options)

"""E-paper pages read from PDF files, with their layout: see :func:`parse_pdf`.

>>> pages = summarizer.pages.parse_pdf(open("page.pdf", "rb").read())
>>> [(page.number, [a.title for a in page.articles]) for page in pages]
"""

from __future__ import annotations

from summarizer.pages.pdf.limits import DEFAULT_LIMITS, ERROR_STATUS, PdfError, PdfLimits
from summarizer.pages.pdf.parser import parse_pdf

__all__ = ["DEFAULT_LIMITS", "ERROR_STATUS", "PdfError", "PdfLimits", "parse_pdf"]

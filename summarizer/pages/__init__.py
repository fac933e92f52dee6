"""Recovery of the articles of a newspaper page extracted from an e-paper PDF.

    >>> page = summarizer.pages.parse(text)
    >>> [a.title for a in page.articles], page.captions, page.fragments

Each article gets its kicker, title, subtitle, bylines, dateline, author marks, section
headings and clean body (column breaks rejoined, repeats kept once, captions, credits and
stray fragments kept out), and the engine's analysis of that body.
"""

from __future__ import annotations

from summarizer.pages.model import Article, Caption, Continuation, Fragment, Page, Repair
from summarizer.pages.parser import parse
from summarizer.pages.pdf import PdfError, PdfLimits, parse_pdf

__all__ = [
    "Article",
    "Caption",
    "Continuation",
    "Fragment",
    "Page",
    "PdfError",
    "PdfLimits",
    "Repair",
    "parse",
    "parse_pdf",
]

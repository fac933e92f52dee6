"""The web page at ``GET /``: a static page (``api/static``) that calls the JSON API from the browser.

The page is plain HTML, CSS and JavaScript with no build step and nothing fetched from another
origin, so it works offline; the Content-Security-Policy below holds it to that.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, send_from_directory

STATIC_DIR = Path(__file__).with_name("static")

# Everything the page needs comes from this server: nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

bp = Blueprint("web", __name__, static_folder=STATIC_DIR, static_url_path="/assets")


@bp.get("/")
def index() -> Response:
    """The page itself; its script and style sheet are served under ``/assets/``."""
    response = send_from_directory(STATIC_DIR, "index.html", max_age=0)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response

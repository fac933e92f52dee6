"""The blueprint that serves the web page, through Flask's test client (no browser)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.config import ApiConfig
from api.web import CONTENT_SECURITY_POLICY, STATIC_DIR, bp

ASSET_REFERENCE = re.compile(r'(?:href|src)="([^"#]+)"')
# Absolute or protocol-relative URLs, and the CSS ways of loading more (fonts, sheets, images).
EXTERNAL_REFERENCE = re.compile(r"""https?://|["'(]//|@import|\burl\(""")


@pytest.fixture(scope="module")
def client() -> Iterator[FlaskClient]:
    app = Flask("web-blueprint-test")
    app.register_blueprint(bp)
    with app.test_client() as client:
        yield client


def test_the_page_is_served_at_the_root_with_a_strict_policy(client: FlaskClient) -> None:
    response = client.get("/")

    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert b'<textarea id="text"' in response.data


@pytest.mark.parametrize(("asset", "mimetype"), [("app.js", "text/javascript"), ("style.css", "text/css")])
def test_every_asset_the_page_names_is_served(client: FlaskClient, asset: str, mimetype: str) -> None:
    page = client.get("/").get_data(as_text=True)
    references = [ref for ref in ASSET_REFERENCE.findall(page) if not ref.startswith("data:")]
    assert f"assets/{asset}" in references

    response = client.get(f"/assets/{asset}")

    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.data == (STATIC_DIR / asset).read_bytes()


@pytest.mark.parametrize("name", ["index.html", "app.js", "style.css"])
def test_no_asset_refers_to_another_origin(name: str) -> None:
    text = (STATIC_DIR / name).read_text(encoding="utf-8")

    assert not EXTERNAL_REFERENCE.search(text), name


def test_the_app_factory_serves_the_page_beside_the_api() -> None:
    app = create_app(ApiConfig(api_key="secret"))
    client = app.test_client()

    assert client.get("/").status_code == 200
    assert client.get("/assets/app.js").status_code == 200
    # The key guards the API, not the page that asks for it.
    assert client.post("/v1/summarize", json={"text": "今天天气很好。"}).status_code == 401

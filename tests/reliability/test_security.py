"""Security checks through the Flask test client and the code: API key (missing, wrong,
timing-safe compare), default bind, CORS off unless configured, security headers, no
endpoint that reads a path, request logs that never hold the text."""

from __future__ import annotations

import ast
import hmac
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

import api
from api import ApiConfig, create_app
from summarizer import Engine
from summarizer.cli import main as cli_main
from summarizer.serve import ServeSettings

from .conftest import corpus_config
from .corpus import ARTICLE

KEY = "s3cret-Key_0123456789"
API_SOURCES = sorted(Path(api.__file__).parent.rglob("*.py"))


@pytest.fixture(scope="module")
def keyed(engine: Engine) -> FlaskClient:
    client: FlaskClient = create_app(corpus_config(api_key=KEY), engine=engine).test_client()
    return client


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        f"Basic {KEY}",
        f"Token {KEY}",
        KEY,
        f"Bearer {KEY[:-1]}",
        f"Bearer {KEY}x",
        f"Bearer {KEY.upper()}",
        f"Bearer {KEY[1:]}",
        "Bearer " + "x" * 10_000,
        f"Bearer {KEY}\u00e9",
    ],
)
@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages", "/v1/batch"])
def test_missing_or_wrong_key_is_401(keyed: FlaskClient, authorization: str | None, path: str) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    response = keyed.post(path, json={"text": ARTICLE, "articles": []}, headers=headers)
    assert response.status_code == 401
    assert json.loads(response.get_data())["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert KEY not in response.get_data(as_text=True)


@pytest.mark.parametrize("scheme", ["Bearer", "bearer", "BEARER"])
def test_right_key_is_accepted_with_any_scheme_case(keyed: FlaskClient, scheme: str) -> None:
    response = keyed.post(
        "/v1/summarize", json={"text": ARTICLE}, headers={"Authorization": f"{scheme} {KEY}"}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.json", "/"])
def test_operations_and_page_need_no_key(keyed: FlaskClient, path: str) -> None:
    assert keyed.get(path).status_code == 200


def test_key_check_uses_hmac_compare_digest(keyed: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, Any]] = []
    real = hmac.compare_digest

    def spy(a: Any, b: Any) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert (
        keyed.post(
            "/v1/summarize", json={"text": ARTICLE}, headers={"Authorization": "Bearer nope"}
        ).status_code
        == 401
    )
    assert (
        keyed.post(
            "/v1/summarize", json={"text": ARTICLE}, headers={"Authorization": f"Bearer {KEY}"}
        ).status_code
        == 200
    )
    assert len(calls) == 2
    assert {KEY.encode(), KEY} & {calls[1][0], calls[1][1]}


def test_no_key_is_compared_with_equality_operators() -> None:
    """``==`` on a secret leaks its prefix through timing: the key is only ever compared by
    ``hmac.compare_digest``."""
    offenders = []
    for path in API_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops):
                names = {
                    n.attr if isinstance(n, ast.Attribute) else getattr(n, "id", "") for n in ast.walk(node)
                }
                if names & {"api_key", "key", "token", "secret"}:
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
    assert any("hmac.compare_digest" in path.read_text(encoding="utf-8") for path in API_SOURCES)


def test_default_bind_is_loopback() -> None:
    assert ServeSettings().host == "127.0.0.1"
    serve = cli_main.commands["serve"]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/healthz", None),
        ("POST", "/v1/summarize", {"text": ARTICLE}),
        ("OPTIONS", "/v1/summarize", None),
        ("POST", "/v1/summarize", {"text": 1}),
    ],
)
def test_cors_is_off_by_default(client: FlaskClient, method: str, path: str, body: Any) -> None:
    headers = {"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    response = client.open(path, method=method, json=body, headers=headers)
    assert not [name for name, _ in response.headers if name.lower().startswith("access-control-")]


def test_cors_allows_only_configured_origins(engine: Engine) -> None:
    config = ApiConfig(cors_origins=("https://newsroom.example",))
    client = create_app(config, engine=engine).test_client()
    allowed = client.post(
        "/v1/summarize", json={"text": ARTICLE}, headers={"Origin": "https://newsroom.example"}
    )
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://newsroom.example"
    other = client.post("/v1/summarize", json={"text": ARTICLE}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    with pytest.raises(ValueError):
        ApiConfig(cors_origins=("*",))


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/healthz", None, 200),
        ("GET", "/readyz", None, 200),
        ("GET", "/openapi.json", None, 200),
        ("POST", "/v1/summarize", {"text": ARTICLE}, 200),
        ("POST", "/v1/pages", {"text": ARTICLE}, 200),
        ("POST", "/v1/batch", {"articles": [{"id": 1, "text": ARTICLE}]}, 200),
        ("POST", "/v1/summarize", {"text": ""}, 422),
        ("POST", "/v1/summarize", "not an object", 422),
        ("GET", "/v1/summarize", None, 405),
        ("GET", "/nowhere", None, 404),
    ],
)
def test_api_responses_carry_security_headers(
    client: FlaskClient, method: str, path: str, body: Any, status: int
) -> None:
    response = client.open(path, method=method, json=body)
    assert response.status_code == status
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


def test_web_page_is_not_framed_nor_sniffed(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_only_the_page_assets_route_takes_a_path(client: FlaskClient) -> None:
    app = client.application
    with_arguments = {rule.rule for rule in app.url_map.iter_rules() if rule.arguments}
    assert with_arguments <= {"/assets/<path:filename>"}
    document = json.loads(client.get("/openapi.json").get_data())
    parameters = [
        parameter
        for item in document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict)
        for parameter in operation.get("parameters", [])
    ]
    assert not [p for p in parameters if p.get("in") == "path"]
    assert not [p for p in parameters if p.get("name", "").lower() in {"path", "file", "filename", "url"}]


@pytest.mark.parametrize(
    "path",
    [
        "/assets/../__init__.py",
        "/assets/..%2f__init__.py",
        "/assets/%2e%2e/__init__.py",
        "/assets/..%5c__init__.py",
        "/assets//etc/passwd",
        "/assets/%2fetc%2fpasswd",
        "/assets/../../pyproject.toml",
        "/assets/....//....//pyproject.toml",
    ],
)
def test_assets_route_never_leaves_the_static_folder(client: FlaskClient, path: str) -> None:
    response = client.get(path, follow_redirects=True)  # Werkzeug merges "//" with a redirect first
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "root:" not in body and "[project]" not in body and "import" not in body


def test_request_logs_never_hold_the_text(client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    marker = "机密稿件ZQXJ"  # unpublished text must never reach a log file
    secret = f"{marker}：{ARTICLE}"
    requests: list[tuple[str, dict[str, Any]]] = [
        ("/v1/summarize", {"json": {"text": secret, "id": "a"}}),
        ("/v1/summarize", {"data": secret.encode(), "content_type": "text/plain"}),
        ("/v1/summarize?keywords=" + marker, {"data": secret.encode(), "content_type": "text/plain"}),
        ("/v1/summarize", {"json": {"text": secret, marker: 1}}),
        (
            "/v1/summarize",
            {"data": b'{"text": "' + secret.encode() + b'"', "content_type": "application/json"},
        ),
        ("/v1/pages", {"json": {"text": secret}}),
        ("/v1/batch", {"json": {"articles": [{"id": 1, "text": secret}, {"id": 2, "text": 5}]}}),
        ("/v1/batch", {"json": {"articles": [{"id": 1, "text": secret * 3000}]}}),
    ]
    with caplog.at_level(logging.DEBUG):
        statuses = [client.post(path, **kwargs).status_code for path, kwargs in requests]
    assert statuses == [200, 200, 422, 422, 400, 200, 200, 413]
    access = [json.loads(r.getMessage()) for r in caplog.records if r.name == "api.access"]
    assert [line["status"] for line in access] == statuses, "one JSON access line per request"
    assert all(line["request_id"] for line in access)
    for record in caplog.records:
        assert marker not in record.getMessage()
        assert marker not in str(record.args)
        assert record.exc_text is None or marker not in record.exc_text

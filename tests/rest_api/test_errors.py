"""Every error path: status, code and field, always the one JSON error shape, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from api_cases import BAD_BATCHES, BAD_BODIES, JSON_TYPE, LIMITS, TEXT
from flask.testing import FlaskClient

from api import ApiConfig, create_app


@pytest.fixture(scope="module")
def limited() -> FlaskClient:
    return create_app(LIMITS).test_client()


def assert_error(response: Any, status: int, code: str, field: str | None) -> None:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == JSON_TYPE
    body = response.json
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert (body["error"]["code"], body["error"]["field"]) == (code, field)
    assert body["error"]["message"]
    assert "Traceback" not in response.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages"])
@pytest.mark.parametrize(("request_args", "status", "code", "field"), BAD_BODIES)
def test_bad_article_requests(
    limited: FlaskClient, path: str, request_args: dict[str, Any], status: int, code: str, field: str | None
) -> None:
    assert_error(limited.post(path, **request_args), status, code, field)


@pytest.mark.parametrize(("request_args", "status", "code", "field"), BAD_BATCHES)
def test_bad_batch_requests(
    limited: FlaskClient, request_args: dict[str, Any], status: int, code: str, field: str | None
) -> None:
    assert_error(limited.post("/v1/batch", **request_args), status, code, field)


@pytest.mark.parametrize(
    ("method", "path", "status", "code"),
    [
        ("GET", "/v1/summarize", 405, "method_not_allowed"),
        ("PUT", "/v1/batch", 405, "method_not_allowed"),
        ("POST", "/healthz", 405, "method_not_allowed"),
        ("DELETE", "/openapi.json", 405, "method_not_allowed"),
        ("GET", "/v1/nothing", 404, "not_found"),
        ("GET", "/etc/passwd", 404, "not_found"),
        ("GET", "/assets/../api/config.py", 404, "not_found"),
        ("POST", "/v2/summarize", 404, "not_found"),
    ],
)
def test_unknown_paths_and_methods(
    limited: FlaskClient, method: str, path: str, status: int, code: str
) -> None:
    assert_error(limited.open(path, method=method), status, code, None)


def test_method_not_allowed_names_the_allowed_ones(limited: FlaskClient) -> None:
    assert "POST" in limited.get("/v1/summarize").headers["Allow"]


def test_an_unexpected_failure_is_a_json_500_without_internals(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from summarizer.engine import Engine

    class BrokenEngine(Engine):
        def analyze(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("secret internals")

    client = create_app(ApiConfig(), engine=BrokenEngine()).test_client()
    with caplog.at_level("ERROR"):
        response = client.post("/v1/summarize", json={"text": TEXT})
    assert_error(response, 500, "internal_error", None)
    assert "secret internals" not in response.get_data(as_text=True)
    assert "unhandled error" in caplog.text


def test_readiness_fails_while_the_engine_cannot_analyse() -> None:
    from summarizer.engine import Engine

    class UnloadableEngine(Engine):
        def analyze(self, *args: Any, **kwargs: Any) -> Any:
            raise OSError("dictionary missing")

    client = create_app(ApiConfig(), engine=UnloadableEngine()).test_client()
    assert client.get("/healthz").status_code == 200
    assert_error(client.get("/readyz"), 503, "not_ready", None)


@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages", "/v1/batch"])
def test_a_number_too_long_for_python_is_bad_json(client: FlaskClient, path: str) -> None:
    body = '{"text": "今天天气很好。", "articles": [], "keywords": ' + "9" * 5000 + "}"
    assert_error(client.post(path, data=body, content_type=JSON_TYPE), 400, "invalid_json", None)

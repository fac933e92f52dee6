"""The OpenAPI document is valid, matches the options the engine takes, and describes real
responses: every status the server answers is documented and every body fits its schema."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from api_cases import BAD_BATCHES, BAD_BODIES, LIMITS, TEXT
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from api import ApiConfig, create_app
from api.openapi import build_openapi, option_schemas
from summarizer import Options


@pytest.fixture(scope="module")
def limited() -> FlaskClient:
    return create_app(LIMITS).test_client()


@pytest.fixture(scope="module")
def document(limited: FlaskClient) -> dict[str, Any]:
    response = limited.get("/openapi.json")
    assert response.status_code == 200
    return dict(response.json)


@pytest.mark.parametrize("config", [ApiConfig(), LIMITS, ApiConfig(api_key="k", max_sentences_ranked=2)])
def test_document_is_valid_openapi_3_1(config: ApiConfig) -> None:
    document = build_openapi(config)
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_document_states_the_servers_limits(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert schemas["SummarizeRequest"]["properties"]["text"]["maxLength"] == LIMITS.max_text_chars
    assert schemas["BatchRequest"]["properties"]["articles"]["maxItems"] == LIMITS.max_batch_articles
    assert schemas["SummarizeRequest"]["properties"]["max_sentences_ranked"]["maximum"] == 50


def test_document_lists_exactly_the_engine_options() -> None:
    assert set(option_schemas(ApiConfig())) == {f.name for f in fields(Options)}


def test_documented_defaults_are_the_engine_defaults() -> None:
    for name, schema in option_schemas(ApiConfig()).items():
        assert schema["default"] == getattr(Options(), name), name


def _bounds() -> list[Any]:
    cases = []
    for name, schema in option_schemas(LIMITS).items():
        for key, step in (("minimum", -1), ("maximum", 1)):
            if key in schema:
                cases.append(pytest.param(name, schema[key], schema[key] + step, id=f"{name}-{key}"))
        for key in ("exclusiveMinimum", "exclusiveMaximum"):
            if key in schema:
                cases.append(pytest.param(name, None, schema[key], id=f"{name}-{key}"))
    return cases


@pytest.mark.parametrize(("name", "inside", "outside"), _bounds())
def test_documented_bounds_are_the_enforced_bounds(
    limited: FlaskClient, name: str, inside: Any, outside: Any
) -> None:
    if inside is not None:
        assert limited.post("/v1/summarize", json={"text": TEXT, name: inside}).status_code == 200
    response = limited.post("/v1/summarize", json={"text": TEXT, name: outside})
    assert response.status_code == 422
    assert response.json["error"]["field"] == name


def _validator(document: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    # The schema is evaluated inside a root holding the components, so "#/components/..." resolves.
    return Draft202012Validator({**schema, "components": document["components"]})


def check_conformance(document: dict[str, Any], path: str, method: str, response: Any) -> None:
    operation = document["paths"][path][method.lower()]
    status = str(response.status_code)
    assert status in operation["responses"], f"{method} {path} answered an undocumented {status}"
    documented = operation["responses"][status]
    assert "X-Request-ID" in documented["headers"] and response.headers["X-Request-ID"]
    schema = documented["content"][response.mimetype]["schema"]
    errors = [e.message for e in _validator(document, schema).iter_errors(response.json)]
    assert not errors, f"{method} {path} {status}: {errors[:3]}"


GOOD_REQUESTS = [
    pytest.param(
        "/v1/summarize", {"json": {"text": TEXT, "id": "x", "max_chars": None, "sentences": 1}}, id="sum"
    ),
    pytest.param("/v1/summarize", {"data": TEXT.encode(), "content_type": "text/plain"}, id="sum-plain"),
    pytest.param("/v1/pages", {"json": {"text": "标题\n" + TEXT, "id": 3}}, id="pages"),
    pytest.param("/v1/batch", {"json": {"articles": [{"id": 1, "text": TEXT}, {"id": 2}, 7]}}, id="batch"),
]


@pytest.mark.parametrize(("path", "request_args"), GOOD_REQUESTS)
def test_successful_responses_match_the_document(
    limited: FlaskClient, document: dict[str, Any], path: str, request_args: dict[str, Any]
) -> None:
    response = limited.post(path, **request_args)
    assert response.status_code == 200
    check_conformance(document, path, "POST", response)
    if "json" in request_args and path != "/v1/batch":
        request_schema = document["paths"][path]["post"]["requestBody"]["content"]["application/json"][
            "schema"
        ]
        assert not list(_validator(document, request_schema).iter_errors(request_args["json"]))


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.json"])
def test_operations_responses_match_the_document(
    limited: FlaskClient, document: dict[str, Any], path: str
) -> None:
    check_conformance(document, path, "GET", limited.get(path))


@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages"])
@pytest.mark.parametrize(("request_args", "status", "code", "field"), BAD_BODIES)
def test_article_errors_match_the_document(
    limited: FlaskClient,
    document: dict[str, Any],
    path: str,
    request_args: dict[str, Any],
    status: int,
    code: str,
    field: str | None,
) -> None:
    check_conformance(document, path, "POST", limited.post(path, **request_args))


@pytest.mark.parametrize(("request_args", "status", "code", "field"), BAD_BATCHES)
def test_batch_errors_match_the_document(
    limited: FlaskClient,
    document: dict[str, Any],
    request_args: dict[str, Any],
    status: int,
    code: str,
    field: str | None,
) -> None:
    check_conformance(document, "/v1/batch", "POST", limited.post("/v1/batch", **request_args))


def test_unauthorized_matches_the_document() -> None:
    keyed = create_app(ApiConfig(api_key="k")).test_client()
    document = build_openapi(ApiConfig(api_key="k"))
    for path in ("/v1/summarize", "/v1/pages", "/v1/batch"):
        check_conformance(document, path, "POST", keyed.post(path, json={"text": TEXT}))


def test_an_undocumented_code_would_be_caught(document: dict[str, Any]) -> None:
    schema = document["paths"]["/v1/batch"]["post"]["responses"]["413"]["content"]["application/json"][
        "schema"
    ]
    invented = {"error": {"code": "made_up", "message": "m", "field": None}}
    assert list(_validator(document, schema).iter_errors(invented))


def test_the_seed_page_answer_matches_the_document(
    client: FlaskClient, shared_dir: Path, document: dict[str, Any]
) -> None:
    seed = (shared_dir / "seeds" / "000_93e074682ad86485.txt").read_bytes()
    response = client.post("/v1/pages", data=seed, content_type="text/plain; charset=utf-8")
    assert response.status_code == 200
    assert len(response.json["articles"]) > 1
    check_conformance(document, "/v1/pages", "POST", response)


@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages", "/v1/batch"])
def test_overloaded_matches_the_document(path: str) -> None:
    from api.state import app_state
    from summarizer import Deadline

    config = ApiConfig(max_queue=0)
    app = create_app(config)
    gate = app_state(app).gate
    gate.enter(Deadline.after(3600))  # another request is analysing and none may wait
    try:
        response = app.test_client().post(
            path, json={"articles": [{"text": TEXT}]} if "batch" in path else {"text": TEXT}
        )
    finally:
        gate.leave()
    assert response.status_code == 503
    check_conformance(build_openapi(config), path, "POST", response)
    assert "Retry-After" in build_openapi(config)["paths"][path]["post"]["responses"]["503"]["headers"]


@pytest.mark.parametrize("path", ["/v1/summarize", "/v1/pages"])
def test_over_budget_matches_the_document(path: str) -> None:
    config = ApiConfig(request_budget_s=1e-9)  # over before the analysis starts
    response = create_app(config).test_client().post(path, json={"text": TEXT})
    assert response.status_code == 504
    check_conformance(build_openapi(config), path, "POST", response)


def test_metrics_are_documented(limited: FlaskClient, document: dict[str, Any]) -> None:
    response = limited.get("/metrics")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    documented = document["paths"]["/metrics"]["get"]["responses"]
    assert "text/plain" in documented["200"]["content"] and "401" in documented

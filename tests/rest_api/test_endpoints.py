"""Every endpoint's successful answers, headers, API key and CORS, through Flask's test client."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient

from api import ApiConfig, create_app
from summarizer import Options, default_engine
from summarizer.pages import parse
from summarizer.records import analyze_record, without_elapsed


def test_summarize_json_answers_the_library_record(client: FlaskClient, article: str) -> None:
    response = client.post(
        "/v1/summarize", json={"text": article, "id": "a-1", "max_chars": 60, "headlines": 2}
    )
    assert response.status_code == 200
    expected = default_engine().analyze(article, options=Options(max_chars=60, headlines=2)).to_record("a-1")
    assert without_elapsed(response.json) == without_elapsed(expected)
    assert sum(len(s["text"]) for s in response.json["summary"]) <= 60
    assert len(response.json["headlines"]) <= 2


def test_summarize_plain_text_takes_options_from_the_query(client: FlaskClient, article: str) -> None:
    response = client.post(
        "/v1/summarize?max_chars=null&sentences=2&keywords=3",
        data=article.encode("utf-8"),
        content_type="text/plain; charset=utf-8",
    )
    assert response.status_code == 200
    options = Options(max_chars=None, sentences=2, keywords=3)
    expected = default_engine().analyze(article, options=options).to_record(None)
    assert without_elapsed(response.json) == without_elapsed(expected)


@pytest.mark.parametrize(
    ("where", "length"),
    [("query", "50%25"), ("query", "2"), ("json", "50%"), ("json", 2), ("json", "90c")],
)
def test_a_length_spec_is_read_from_the_query_or_the_body(
    client: FlaskClient, article: str, where: str, length: str | int
) -> None:
    if where == "query":
        response = client.post(f"/v1/summarize?length={length}", json={"text": article})
        length = str(length).replace("%25", "%")
    else:
        response = client.post("/v1/summarize", json={"text": article, "length": length})
    assert response.status_code == 200
    expected = default_engine().analyze(article, options=Options(length=length)).to_record(None)
    assert without_elapsed(response.json) == without_elapsed(expected)


def test_query_options_hold_for_a_json_body_which_wins_on_conflict(client: FlaskClient, article: str) -> None:
    response = client.post("/v1/summarize?keywords=2&headlines=1", json={"text": article, "keywords": 4})
    assert response.status_code == 200
    expected = default_engine().analyze(article, options=Options(keywords=4, headlines=1)).to_record(None)
    assert without_elapsed(response.json) == without_elapsed(expected)


def test_record_fields_keep_the_documented_order(client: FlaskClient, article: str) -> None:
    response = client.post("/v1/summarize", json={"text": article})
    assert list(response.json) == [
        "id",
        "summary",
        "keywords",
        "keyphrases",
        "headlines",
        "sentences",
        "stats",
    ]


@pytest.mark.parametrize("as_json", [True, False])
def test_pages_answers_the_page_record(client: FlaskClient, page_text: str, as_json: bool) -> None:
    if as_json:
        response = client.post("/v1/pages", json={"text": page_text, "id": 7})
    else:
        response = client.post("/v1/pages", data=page_text.encode(), content_type="text/plain")
    assert response.status_code == 200
    expected = parse(page_text, engine=default_engine(), options=Options()).to_record(7 if as_json else None)
    assert without_elapsed(response.json) == without_elapsed(expected)
    assert response.json["articles"]


def test_batch_answers_records_in_order_like_the_cli(client: FlaskClient, article: str) -> None:
    articles: list[Any] = [
        {"id": "b", "text": article, "title": "never read"},
        {"id": 2},
        {"id": 3, "text": None},
        "not an object",
        {"id": "a", "text": article[:40]},
    ]
    response = client.post("/v1/batch", json={"articles": articles, "max_chars": 50})
    assert response.status_code == 200
    records = response.json["records"]
    assert [r["id"] for r in records] == ["b", 2, 3, None, "a"]
    options = Options(max_chars=50)
    expected = [analyze_record(a, engine=default_engine(), options=options) for a in articles]
    assert without_elapsed(records) == without_elapsed(expected)
    assert [("error" in r) for r in records] == [False, True, True, True, False]


def test_empty_batch_is_fine(client: FlaskClient) -> None:
    response = client.post("/v1/batch", json={"articles": []})
    assert response.status_code == 200
    assert response.json == {"records": []}


@pytest.mark.parametrize(("path", "status"), [("/healthz", "ok"), ("/readyz", "ready")])
def test_health_and_readiness(client: FlaskClient, path: str, status: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.json == {"status": status}


def test_openapi_is_served(client: FlaskClient) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.json["openapi"].startswith("3.1")


def test_the_web_page_is_registered(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/healthz", None),
        ("GET", "/openapi.json", None),
        ("POST", "/v1/summarize", {"text": "今天天气很好。"}),
        ("POST", "/v1/summarize", {"text": 5}),
        ("GET", "/no/such/path", None),
    ],
)
def test_security_headers_on_api_responses(client: FlaskClient, method: str, path: str, body: Any) -> None:
    response = client.open(path, method=method, json=body)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_request_id_is_new_per_request_or_the_clients_own(client: FlaskClient) -> None:
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert first and second and first != second
    assert client.get("/healthz", headers={"X-Request-ID": "trace-42"}).headers["X-Request-ID"] == "trace-42"
    forged = client.get("/healthz", headers={"X-Request-ID": 'x" injected\\'}).headers["X-Request-ID"]
    assert forged != 'x" injected\\' and forged.isalnum()


def test_access_log_is_json_without_the_text(
    client: FlaskClient, article: str, caplog: pytest.LogCaptureFixture
) -> None:
    import json

    with caplog.at_level("INFO", logger="api.access"):
        client.post("/v1/summarize?", json={"text": article}, headers={"X-Request-ID": "log-1"})
        client.post("/v1/summarize?max_chars=secret", data=article.encode(), content_type="text/plain")
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "api.access"]
    assert [line["status"] for line in lines] == [200, 422]
    assert lines[0]["request_id"] == "log-1"
    assert lines[0]["path"] == "/v1/summarize" and lines[0]["method"] == "POST"
    for record in caplog.records:
        assert article[:10] not in record.getMessage()
        assert "secret" not in record.getMessage()


class TestApiKey:
    KEY = "correct horse battery staple"

    @pytest.fixture
    def keyed(self) -> FlaskClient:
        return create_app(ApiConfig(api_key=self.KEY)).test_client()

    @pytest.mark.parametrize(
        "authorization",
        [
            None,
            "",
            "Bearer",
            "Bearer ",
            "Bearer wrong",
            f"Basic {KEY}",
            f"Bearer {KEY}x",
            f"Bearer {KEY[:-1]}",
        ],
    )
    def test_v1_needs_the_key(self, keyed: FlaskClient, authorization: str | None) -> None:
        headers = {} if authorization is None else {"Authorization": authorization}
        for path in ("/v1/summarize", "/v1/pages", "/v1/batch"):
            response = keyed.post(path, json={"text": "今天天气很好。"}, headers=headers)
            assert response.status_code == 401
            assert response.json["error"]["code"] == "unauthorized"
            assert response.headers["WWW-Authenticate"].startswith("Bearer")

    @pytest.mark.parametrize("scheme", ["Bearer", "bearer"])
    def test_the_right_key_passes(self, keyed: FlaskClient, scheme: str) -> None:
        response = keyed.post(
            "/v1/summarize",
            json={"text": "今天天气很好。"},
            headers={"Authorization": f"{scheme} {self.KEY}"},
        )
        assert response.status_code == 200

    def test_the_key_is_checked_before_the_body(self, keyed: FlaskClient) -> None:
        response = keyed.post("/v1/summarize", data=b"\xff", content_type="application/json")
        assert response.status_code == 401

    @pytest.mark.parametrize("path", ["/healthz", "/readyz", "/openapi.json", "/"])
    def test_operations_endpoints_stay_open(self, keyed: FlaskClient, path: str) -> None:
        assert keyed.get(path).status_code == 200

    def test_comparison_is_constant_time(self, keyed: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
        import hmac

        calls: list[tuple[bytes, bytes]] = []
        real = hmac.compare_digest

        def spy(a: bytes, b: bytes) -> bool:
            calls.append((a, b))
            return real(a, b)

        monkeypatch.setattr(hmac, "compare_digest", spy)
        keyed.post(
            "/v1/summarize", json={"text": "今天天气很好。"}, headers={"Authorization": "Bearer guess"}
        )
        assert calls == [(b"guess", self.KEY.encode())]


class TestCors:
    def test_off_by_default(self, client: FlaskClient) -> None:
        response = client.get("/healthz", headers={"Origin": "https://example.org"})
        assert "Access-Control-Allow-Origin" not in response.headers

    def test_listed_origins_only(self) -> None:
        client = create_app(ApiConfig(cors_origins=("https://newsroom.example",))).test_client()
        allowed = client.options("/v1/summarize", headers={"Origin": "https://newsroom.example"})
        assert allowed.headers["Access-Control-Allow-Origin"] == "https://newsroom.example"
        assert "Authorization" in allowed.headers["Access-Control-Allow-Headers"]
        other = client.get("/healthz", headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in other.headers


def test_config_from_environment() -> None:
    config = ApiConfig.from_env(
        {
            "SUMMARIZER_API_KEY": "k",
            "SUMMARIZER_MAX_BODY_BYTES": "2048",
            "SUMMARIZER_CORS_ORIGINS": "https://a.example, https://b.example",
            "SUMMARIZER_MAX_TEXT_CHARS": "",
        }
    )
    assert config.api_key == "k"
    assert config.max_body_bytes == 2048
    assert config.cors_origins == ("https://a.example", "https://b.example")
    assert config.max_text_chars == ApiConfig().max_text_chars


@pytest.mark.parametrize(
    ("environ", "name"),
    [
        ({"SUMMARIZER_MAX_BODY_BYTES": "big"}, "max_body_bytes"),
        ({"SUMMARIZER_MAX_BATCH_ARTICLES": "0"}, "max_batch_articles"),
        ({"SUMMARIZER_API_KEY": "   "}, "api_key"),
        ({"SUMMARIZER_API_KEY": ""}, "api_key"),
        ({"SUMMARIZER_API_KEY": "clé"}, "api_key"),
        ({"SUMMARIZER_CORS_ORIGINS": "*"}, "cors_origins"),
    ],
)
def test_bad_config_names_the_setting(environ: dict[str, str], name: str) -> None:
    from api import ConfigError

    with pytest.raises(ConfigError) as raised:
        ApiConfig.from_env(environ)
    assert raised.value.name == name


def test_batch_keeps_going_when_the_engine_fails_on_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.engine import Engine

    class FragileEngine(Engine):
        def analyze(self, text: str, **kwargs: Any) -> Any:
            if "故障" in text:
                raise RuntimeError("engine bug")
            return default_engine().analyze(text, **kwargs)

    client = create_app(ApiConfig(), engine=FragileEngine()).test_client()
    articles = [{"id": 1, "text": "今天天气很好。"}, {"id": 2, "text": "这里有故障。"}]
    response = client.post("/v1/batch", json={"articles": articles})
    assert response.status_code == 200
    first, second = response.json["records"]
    assert "summary" in first
    assert second == {
        "id": 2,
        "error": {"code": "analysis_failed", "message": "the analysis failed (RuntimeError)"},
    }


def test_integral_numbers_are_integers_as_in_json_schema(client: FlaskClient, article: str) -> None:
    response = client.post(
        "/v1/summarize", json={"text": article, "id": 7.0, "keywords": 3.0, "max_chars": 6e1}
    )
    assert response.status_code == 200
    expected = default_engine().analyze(article, options=Options(keywords=3, max_chars=60)).to_record(7)
    assert without_elapsed(response.json) == without_elapsed(expected)

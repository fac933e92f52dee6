"""The corpus against the REST API (Flask test client): every text, option value and raw
request gets its expected status, a valid record or the one error shape, never a 500."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from flask.testing import FlaskClient

from summarizer import Options

from .checks import check_error, check_record
from .corpus import ARTICLE, OPTION_CASES, REQUEST_CASES, TEXT_CASES, OptionCase, RequestCase, TextCase
from .known_failures import params

JSON = "application/json"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def json_body(value: Any) -> bytes:
    """UTF-8 JSON; a text holding a lone surrogate goes as a \\u escape, as a client would send it."""
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value, ensure_ascii=True).encode("ascii")


def assert_answer(response: Any, status: int, code: str | None = None, field: str | None = None) -> Any:
    """The status, the JSON media type, the security headers; the error shape on errors."""
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/json"
    for header, value in SECURITY_HEADERS.items():
        assert response.headers.get(header) == value, header
    assert response.headers.get("X-Request-ID")
    body = json.loads(response.get_data())  # strict: the body must be JSON whatever the status
    if status >= 400:
        check_error(body, code=code, field=field)
    return body


@pytest.mark.parametrize("case", params("api_json", TEXT_CASES))
def test_text_as_json_body(client: FlaskClient, case: TextCase) -> None:
    response = client.post("/v1/summarize", data=json_body({"id": "x", "text": case.text}), content_type=JSON)
    record = assert_answer(response, case.api, case.api_code)
    if case.api == 200:
        check_record(record, text=case.text, options=Options())
        assert record["summary"] or not case.summarized


@pytest.mark.parametrize("case", params("api_plain", TEXT_CASES))
def test_text_as_plain_body(client: FlaskClient, case: TextCase) -> None:
    # A lone surrogate cannot be UTF-8: written with surrogatepass, its bytes are invalid UTF-8.
    code = "invalid_utf8" if case.api_code == "invalid_unicode" else case.api_code
    data = case.text.encode("utf-8", "surrogatepass")
    response = client.post("/v1/summarize", data=data, content_type="text/plain; charset=utf-8")
    record = assert_answer(response, case.api, code)
    if case.api == 200:
        check_record(record, text=case.text, options=Options(), record_id=None)


@pytest.mark.parametrize("case", params("api_pages", TEXT_CASES))
def test_text_as_page(client: FlaskClient, case: TextCase) -> None:
    response = client.post("/v1/pages", data=json_body({"id": "x", "text": case.text}), content_type=JSON)
    record = assert_answer(response, case.api, case.api_code)
    if case.api == 200:
        assert record["id"] == "x" and isinstance(record["articles"], list)


@pytest.mark.parametrize("case", params("api_options", OPTION_CASES))
def test_options_in_json_body(client: FlaskClient, case: OptionCase) -> None:
    response = client.post("/v1/summarize", json={"text": ARTICLE, "id": "x", **case.options})
    if case.field is None or case.api_accepts:
        integral = {k: int(v) if isinstance(v, float) else v for k, v in case.options.items()}
        options = Options.from_mapping(integral if case.api_accepts else case.options)
        check_record(assert_answer(response, 200), text=ARTICLE, options=options)
    else:
        assert_answer(response, 422, "invalid_option", case.field)


@pytest.mark.parametrize("case", params("api_query", [c for c in OPTION_CASES if c.query is not None]))
def test_options_in_query_with_plain_body(client: FlaskClient, case: OptionCase) -> None:
    assert case.query is not None
    response = client.post(
        "/v1/summarize?" + urlencode(case.query), data=ARTICLE.encode(), content_type="text/plain"
    )
    if case.field is None:
        record = assert_answer(response, 200)
        check_record(record, text=ARTICLE, options=Options.from_mapping(case.options), record_id=None)
    else:
        assert_answer(response, 422, "invalid_option", case.field)


@pytest.mark.parametrize("case", params("api_request", REQUEST_CASES))
def test_raw_request(client: FlaskClient, case: RequestCase) -> None:
    response = client.open(
        case.path + (f"?{case.query}" if case.query else ""),
        method=case.method,
        data=case.body,
        headers={**({"Content-Type": case.content_type} if case.content_type else {}), **case.headers},
    )
    assert_answer(response, case.status, case.code)


def test_batch_with_bad_records_answers_one_record_per_article_in_order(client: FlaskClient) -> None:
    articles: list[Any] = [
        {"id": 1, "text": ARTICLE},
        {"id": 2},
        {"id": 3, "text": None},
        7,
        {"id": 4, "text": 5},
        {"id": "five", "text": ARTICLE, "title": "不得读取"},
    ]
    response = client.post("/v1/batch", json={"articles": articles, "max_chars": 60})
    records = assert_answer(response, 200)["records"]
    assert [r["id"] for r in records] == [1, 2, 3, None, 4, "five"]
    assert [("error" in r) for r in records] == [False, True, True, True, True, False]
    for record in (records[0], records[5]):
        check_record(record, text=ARTICLE, options=Options(max_chars=60), record_id=record["id"])
    assert [records[i]["error"]["code"] for i in (1, 2, 3, 4)] == [
        "missing_text",
        "missing_text",
        "invalid_record",
        "invalid_text",
    ]

"""Requests that must fail, with the status, code and field of their error (shared by the
error-path tests and the OpenAPI conformance tests)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from api import ApiConfig

LIMITS = ApiConfig(max_body_bytes=4096, max_text_chars=200, max_batch_articles=3, max_sentences_ranked=50)
TEXT = "今天天气很好。我们去公园散步。"
JSON_TYPE = "application/json"


def raw(data: bytes | str, content_type: str | None = JSON_TYPE) -> dict[str, Any]:
    return {"data": data.encode() if isinstance(data, str) else data, "content_type": content_type}


BAD_BODIES = [
    pytest.param(raw("{"), 400, "invalid_json", None, id="truncated-json"),
    pytest.param(raw(""), 400, "invalid_json", None, id="empty-body"),
    pytest.param(raw(TEXT), 400, "invalid_json", None, id="plain-text-sent-as-json"),
    pytest.param(raw(b'{"text": "\xff\xfe"}'), 400, "invalid_utf8", None, id="json-not-utf8"),
    pytest.param(raw('{"text": "\\ud800abc"}'), 400, "invalid_unicode", None, id="lone-surrogate"),
    pytest.param(raw('{"text": "a", "text": "b"}'), 400, "invalid_json", None, id="duplicate-key"),
    pytest.param(raw('{"text": "a", "damping": NaN}'), 400, "invalid_json", None, id="nan"),
    pytest.param(raw('{"text": "a", "damping": Infinity}'), 400, "invalid_json", None, id="infinity"),
    pytest.param(
        raw('{"text": ' + "[" * 5000 + "]" * 5000 + "}"), 413, "body_too_large", None, id="huge-nest"
    ),
    pytest.param(
        raw('{"text": "a", "x": ' + "[" * 100 + "]" * 100 + "}"), 400, "invalid_json", None, id="deep"
    ),
    pytest.param(raw('{"text": "' + "很" * 2000 + '"}'), 413, "body_too_large", None, id="body-over-limit"),
    pytest.param({"json": {"text": "长" * 201}}, 413, "text_too_long", "text", id="text-over-limit"),
    pytest.param(raw(TEXT, "application/xml"), 415, "unsupported_media_type", None, id="xml"),
    pytest.param(raw(TEXT, None), 415, "unsupported_media_type", None, id="no-content-type"),
    pytest.param(
        raw("text=a", "application/x-www-form-urlencoded"), 415, "unsupported_media_type", None, id="form"
    ),
    pytest.param(
        raw('{"text": "a"}', "application/json; charset=latin-1"),
        415,
        "unsupported_media_type",
        None,
        id="latin1-charset",
    ),
    pytest.param({"json": {}}, 422, "missing_field", "text", id="no-text"),
    pytest.param({"json": {"text": None}}, 422, "invalid_type", "text", id="text-null"),
    pytest.param({"json": {"text": 5}}, 422, "invalid_type", "text", id="text-number"),
    pytest.param({"json": {"text": ["a"]}}, 422, "invalid_type", "text", id="text-list"),
    pytest.param({"json": {"text": ""}}, 422, "empty_text", "text", id="text-empty"),
    pytest.param({"json": {"text": " \n\t\u3000"}}, 422, "empty_text", "text", id="text-whitespace"),
    pytest.param({"json": [TEXT]}, 422, "invalid_body", None, id="body-array"),
    pytest.param({"json": TEXT}, 422, "invalid_body", None, id="body-string"),
    pytest.param({"json": {"text": TEXT, "id": {"a": 1}}}, 422, "invalid_type", "id", id="id-object"),
    pytest.param({"json": {"text": TEXT, "id": True}}, 422, "invalid_type", "id", id="id-bool"),
    pytest.param({"json": {"text": TEXT, "title": "x"}}, 422, "invalid_option", "title", id="unknown-field"),
    pytest.param(
        {"json": {"text": TEXT, "max_chars": "120"}}, 422, "invalid_option", "max_chars", id="str-number"
    ),
    pytest.param(
        {"json": {"text": TEXT, "max_chars": 1.5}}, 422, "invalid_option", "max_chars", id="float-int"
    ),
    pytest.param(
        {"json": {"text": TEXT, "keywords": True}}, 422, "invalid_option", "keywords", id="bool-int"
    ),
    pytest.param({"json": {"text": TEXT, "keywords": -1}}, 422, "invalid_option", "keywords", id="negative"),
    pytest.param(
        {"json": {"text": TEXT, "headlines": 10**30}}, 422, "invalid_option", "headlines", id="huge"
    ),
    pytest.param(
        {"json": {"text": TEXT, "max_chars": 0}}, 422, "invalid_option", "max_chars", id="zero-budget"
    ),
    pytest.param({"json": {"text": TEXT, "damping": 1.0}}, 422, "invalid_option", "damping", id="damping-1"),
    pytest.param(
        {"json": {"text": TEXT, "damping": "0.5"}}, 422, "invalid_option", "damping", id="damping-str"
    ),
    pytest.param(
        {"json": {"text": TEXT, "similarity": "cosine"}}, 422, "invalid_option", "similarity", id="similarity"
    ),
    pytest.param({"json": {"text": TEXT, "window": None}}, 422, "invalid_option", "window", id="window-null"),
    pytest.param(
        {"json": {"text": TEXT, "length": "3x"}}, 422, "invalid_option", "length", id="length-unreadable"
    ),
    pytest.param(
        {"json": {"text": TEXT, "length": 2.5}}, 422, "invalid_option", "length", id="length-fraction"
    ),
    pytest.param(
        {"json": {"text": TEXT}, "query_string": "length=0%25"},
        422,
        "invalid_option",
        "length",
        id="length-0%",
    ),
    pytest.param(
        {"json": {"text": TEXT, "max_sentences_ranked": 51}},
        422,
        "over_limit",
        "max_sentences_ranked",
        id="over-server-limit",
    ),
    pytest.param(
        {"json": {"text": TEXT, "keywords": 3}, "query_string": "keywords=-1"},
        422,
        "invalid_option",
        "keywords",
        id="bad-query-under-body",
    ),
    pytest.param(
        {"json": {"text": TEXT}, "query_string": "keywords=-1"},
        422,
        "invalid_option",
        "keywords",
        id="json-bad-query",
    ),
    pytest.param(
        {**raw(TEXT, "text/plain"), "query_string": "max_chars=abc"},
        422,
        "invalid_option",
        "max_chars",
        id="query-not-int",
    ),
    pytest.param(
        {**raw(TEXT, "text/plain"), "query_string": "damping=x"},
        422,
        "invalid_option",
        "damping",
        id="query-not-number",
    ),
    pytest.param(
        {**raw(TEXT, "text/plain"), "query_string": "keywords=1&keywords=2"},
        422,
        "invalid_option",
        "keywords",
        id="query-repeated",
    ),
    pytest.param(
        {**raw(TEXT, "text/plain"), "query_string": "text=x"},
        422,
        "invalid_option",
        "text",
        id="query-unknown",
    ),
    pytest.param(
        {**raw(TEXT, "text/plain"), "query_string": "window=null"},
        422,
        "invalid_option",
        "window",
        id="query-null-not-optional",
    ),
    pytest.param(raw(b"\xff\xfe\x00", "text/plain"), 400, "invalid_utf8", None, id="plain-not-utf8"),
    pytest.param(raw("   ", "text/plain"), 422, "empty_text", "text", id="plain-whitespace"),
    pytest.param(raw("长" * 201, "text/plain"), 413, "text_too_long", "text", id="plain-too-long"),
]


ARTICLE = {"id": 1, "text": TEXT}

BAD_BATCHES = [
    pytest.param({"json": {}}, 422, "missing_field", "articles", id="no-articles"),
    pytest.param({"json": {"articles": {"id": 1}}}, 422, "invalid_type", "articles", id="articles-object"),
    pytest.param({"json": {"articles": [ARTICLE] * 4}}, 413, "too_many_articles", "articles", id="too-many"),
    pytest.param(
        {"json": {"articles": [ARTICLE, {"id": 2, "text": "长" * 201}]}},
        413,
        "text_too_long",
        "articles[1].text",
        id="article-too-long",
    ),
    pytest.param(
        {"json": {"articles": [], "pages": True}}, 422, "invalid_option", "pages", id="unknown-field"
    ),
    pytest.param(
        {"json": {"articles": [], "keyphrases": -3}}, 422, "invalid_option", "keyphrases", id="bad-option"
    ),
    pytest.param({"json": [ARTICLE]}, 422, "invalid_body", None, id="body-array"),
    pytest.param(
        raw(json.dumps({"articles": [ARTICLE]}), "text/plain"),
        415,
        "unsupported_media_type",
        None,
        id="plain-text",
    ),
    pytest.param(raw("{'articles': []}"), 400, "invalid_json", None, id="python-literal"),
    pytest.param(
        {"json": {"articles": []}, "query_string": "max_chars=5"},
        422,
        "invalid_option",
        "max_chars",
        id="query",
    ),
]

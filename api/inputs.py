"""Reading a request into a text, an id and :class:`Options`, or into an :class:`ApiError`."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Request

from api.config import ApiConfig
from api.errors import ApiError
from api.openapi import option_schemas
from summarizer.batch import JsonInputError, parse_json_strict
from summarizer.options import Options, OptionsError

JSON = "application/json"
PLAIN = "text/plain"


@dataclass(frozen=True)
class TextRequest:
    """One article or page to analyse."""

    text: str
    record_id: str | int | None
    options: Options


@dataclass(frozen=True)
class BatchRequest:
    articles: list[Any]
    options: Options


def read_text_request(request: Request, config: ApiConfig) -> TextRequest:
    """A JSON body ``{"text", "id"?, ...options}``, or a text/plain body; options may also
    be query parameters (a JSON body's own value wins)."""
    media_type = _media_type(request, allowed=(JSON, PLAIN))
    if media_type == PLAIN:
        text = check_text(_body_text(request), config, field="text")
        return TextRequest(text, None, _options(options_from_query(request.args, config), config))
    body = _json_object(request)
    if "text" not in body:
        raise ApiError(422, "missing_field", "the body needs a 'text'", field="text")
    text = check_text(body.pop("text"), config, field="text")
    record_id = _integral(body.pop("id", None))
    if isinstance(record_id, bool) or not isinstance(record_id, (str, int, type(None))):
        raise ApiError(422, "invalid_type", "'id' must be a string, an integer or null", field="id")
    if not request.args:
        return TextRequest(text, record_id, _options(body, config))
    # Query options hold for any body, and must be valid even where the JSON body overrides them.
    query = options_from_query(request.args, config)
    _options(query, config)
    return TextRequest(text, record_id, _options({**query, **body}, config))


def read_batch_request(request: Request, config: ApiConfig) -> BatchRequest:
    """``{"articles": [{"id", "text"}, ...], ...options}``. Records that cannot be analysed
    become error records in the answer, as in ``summarizer batch``; only limits fail the call."""
    _media_type(request, allowed=(JSON,))
    if request.args:
        name = next(iter(request.args))
        raise ApiError(422, "invalid_option", "batch options go in the JSON body", field=name)
    body = _json_object(request)
    if "articles" not in body:
        raise ApiError(422, "missing_field", "the body needs 'articles'", field="articles")
    articles = body.pop("articles")
    if not isinstance(articles, list):
        raise ApiError(422, "invalid_type", "'articles' must be an array", field="articles")
    if len(articles) > config.max_batch_articles:
        raise ApiError(
            413,
            "too_many_articles",
            f"at most {config.max_batch_articles} articles per call, got {len(articles)}",
            field="articles",
        )
    for index, article in enumerate(articles):
        text = article.get("text") if isinstance(article, dict) else None
        if isinstance(text, str) and len(text) > config.max_text_chars:
            raise _text_too_long(config, field=f"articles[{index}].text")
    return BatchRequest(articles, _options(body, config))


def check_text(text: Any, config: ApiConfig, *, field: str) -> str:
    if not isinstance(text, str):
        raise ApiError(422, "invalid_type", f"'{field}' must be a string", field=field)
    if len(text) > config.max_text_chars:
        raise _text_too_long(config, field=field)
    if not text.strip():
        raise ApiError(422, "empty_text", "the text is empty", field=field)
    return text


def _text_too_long(config: ApiConfig, *, field: str) -> ApiError:
    return ApiError(
        413, "text_too_long", f"a text may hold at most {config.max_text_chars} characters", field=field
    )


def options_from_query(args: Mapping[str, Any], config: ApiConfig) -> dict[str, Any]:
    """Query parameters are strings: each is converted to its option's documented JSON type,
    so that :meth:`Options.from_mapping` checks the same values as for a JSON body."""
    schemas = option_schemas(config)
    values: dict[str, Any] = {}
    for name in args:
        given = args.getlist(name) if hasattr(args, "getlist") else [args[name]]
        if len(given) != 1:
            raise ApiError(422, "invalid_option", "given more than once", field=name)
        # An unknown name passes through unchanged for from_mapping to report.
        values[name] = _convert(name, given[0], schemas[name]["type"]) if name in schemas else given[0]
    return values


def _convert(name: str, raw: str, json_types: str | list[str]) -> Any:
    types = [json_types] if isinstance(json_types, str) else json_types
    if "null" in types and raw.lower() in ("null", "none"):
        return None
    if "string" in types:
        return raw  # the option reads its own text (a length spec such as 20%)
    try:
        if "integer" in types:
            return int(raw)
        if "number" in types:
            return float(raw)
    except ValueError:
        expected = "an integer" if "integer" in types else "a number"
        raise ApiError(422, "invalid_option", f"must be {expected}, got {raw!r}", field=name) from None
    return raw


def _integral(value: Any) -> Any:
    """JSON does not tell 10 from 10.0 (JSON Schema calls both integers): an integral number
    becomes an int, so that the engine's integer options accept it as the document says."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@functools.cache
def _integer_options(config: ApiConfig) -> frozenset[str]:
    # Cached: read on every request, and a pure function of the frozen config.
    return frozenset(name for name, schema in option_schemas(config).items() if "integer" in schema["type"])


def _options(values: Mapping[str, Any], config: ApiConfig) -> Options:
    integer_options = _integer_options(config)
    values = {name: _integral(v) if name in integer_options else v for name, v in values.items()}
    if "max_sentences_ranked" not in values:
        values = {**values, "max_sentences_ranked": config.default_sentences_ranked}
    try:
        options = Options.from_mapping(values)
    except OptionsError as error:
        raise ApiError(422, "invalid_option", error.message, field=error.field) from None
    if options.max_sentences_ranked > config.max_sentences_ranked:
        raise ApiError(
            422,
            "over_limit",
            f"this server ranks at most {config.max_sentences_ranked} sentences",
            field="max_sentences_ranked",
        )
    return options


def _media_type(request: Request, *, allowed: tuple[str, ...]) -> str:
    media_type = request.mimetype
    if media_type not in allowed:
        raise ApiError(
            415, "unsupported_media_type", f"send {' or '.join(allowed)}, not {media_type or 'nothing'}"
        )
    charset = request.mimetype_params.get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(415, "unsupported_media_type", f"the body must be UTF-8, not {charset}")
    return media_type


def _raw_body(request: Request) -> bytes:
    """The body, refused with 413 past ``MAX_CONTENT_LENGTH`` even when sent chunked: with no
    Content-Length to check up front, Werkzeug would silently cut such a body at the limit."""
    limit = request.max_content_length
    if request.content_length is None and limit is not None and request.environ.get("wsgi.input_terminated"):
        data: bytes = request.environ["wsgi.input"].read(limit + 1)
        if len(data) > limit:
            raise ApiError(413, "body_too_large", "the request body is over the size limit")
        return data
    return request.get_data(cache=False)


def _body_text(request: Request) -> str:
    try:
        return _raw_body(request).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, "invalid_utf8", f"the body is not UTF-8 (at byte {error.start})") from None


def _json_object(request: Request) -> dict[str, Any]:
    raw = _raw_body(request)
    if not raw.strip():
        raise ApiError(400, "invalid_json", "the body is empty")
    try:
        body = parse_json_strict(raw)
    except JsonInputError as error:
        raise ApiError(400, error.code, error.message) from None
    if not isinstance(body, dict):
        raise ApiError(422, "invalid_body", "the body must be a JSON object")
    return body

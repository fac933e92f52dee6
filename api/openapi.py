"""The OpenAPI 3.1 document of the server, built from its settings so that every limit it
states is the one it enforces. Tests validate it and check real responses against it."""

from __future__ import annotations

from typing import Any

from api.config import ApiConfig
from summarizer.options import LENGTH_PATTERN, MAX_CHARS_LIMIT, MAX_COUNT, OUTPUT_SCRIPTS, SIMILARITIES
from summarizer.script import SCRIPTS

Schema = dict[str, Any]

SCORED_TEXT: Schema = {
    "type": "object",
    "required": ["text", "score"],
    "properties": {"text": {"type": "string"}, "score": {"type": "number"}},
}
RECORD_ID: Schema = {"type": ["string", "integer", "null"]}
NULLABLE_STRING: Schema = {"type": ["string", "null"]}
STRINGS: Schema = {"type": "array", "items": {"type": "string"}}
LINE_NUMBERS: Schema = {"type": "array", "items": {"type": "integer", "minimum": 0}}


def option_schemas(config: ApiConfig) -> dict[str, Schema]:
    """The options of :class:`summarizer.Options`, with the ranges it enforces."""
    count = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
    share = {"type": "number", "minimum": 0, "maximum": 1}
    return {
        "max_chars": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_CHARS_LIMIT, "default": 120},
        "sentences": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_COUNT, "default": None},
        "length": {
            "type": ["string", "integer", "null"],
            "pattern": LENGTH_PATTERN,
            "minimum": 1,
            "maximum": MAX_COUNT,
            "default": None,
            "description": "Summary length replacing max_chars and sentences: 3 or '3' sentences, "
            "'120c' characters, '20%' of the article's sentences.",
        },
        "keywords": {**count, "default": 10},
        "keyphrases": {**count, "default": 5},
        "headlines": {**count, "default": 3},
        "window": {"type": "integer", "minimum": 2, "maximum": 10, "default": 2},
        "similarity": {"type": "string", "enum": list(SIMILARITIES), "default": "bm25"},
        "damping": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "default": 0.85},
        "position_weight": {**share, "default": 0.5},
        "redundancy": {**share, "default": 0.3},
        "max_sentences_ranked": {
            "type": "integer",
            "minimum": 2,
            "maximum": config.max_sentences_ranked,
            "default": config.default_sentences_ranked,
        },
        "output_script": {
            "type": "string",
            "enum": list(OUTPUT_SCRIPTS),
            "default": "original",
            "description": "Script of the texts given back: 'original', the input's own words in its "
            "own script (simplified or traditional), or converted with OpenCC to 'simplified', "
            "'traditional', 'taiwan' or 'hongkong'. Offsets always index the input.",
        },
    }


def _text_body(config: ApiConfig, what: str) -> Schema:
    return {
        "type": "object",
        "required": ["text"],
        "additionalProperties": False,
        "properties": {
            "text": {
                "type": "string",
                "minLength": 1,
                "maxLength": config.max_text_chars,
                "description": f"{what}; not only white space.",
            },
            "id": {**RECORD_ID, "description": "Echoed as the record's id."},
            **option_schemas(config),
        },
    }


def _schemas(config: ApiConfig) -> dict[str, Schema]:
    analysis = {
        "summary": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "index", "score"],
                "properties": {
                    "text": {"type": "string"},
                    "index": {"type": "integer", "minimum": 0},
                    "score": {"type": "number"},
                },
            },
        },
        "keywords": {"type": "array", "items": SCORED_TEXT},
        "keyphrases": {"type": "array", "items": SCORED_TEXT},
        "headlines": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["text", "score", "sentence_index", "spans"],
                "properties": {
                    "text": {"type": "string"},
                    "score": {"type": "number"},
                    "sentence_index": {"type": "integer", "minimum": 0},
                    "spans": {
                        "type": "array",
                        "description": "The pieces of the source sentence the headline keeps: "
                        "ascending, non-overlapping [start, end) character offsets in the analysed "
                        "text; text is those pieces joined (a space only where two ASCII letters "
                        "or digits of different pieces meet).",
                        "items": {
                            "type": "array",
                            "items": {"type": "integer", "minimum": 0},
                            "minItems": 2,
                            "maxItems": 2,
                        },
                    },
                },
            },
        },
        "sentences": {
            "type": "array",
            "description": "Every sentence of the analysed text, in reading order, with its offsets "
            "(text == analysed_text[start:end]) and its salience score.",
            "items": {
                "type": "object",
                "required": ["index", "text", "start", "end", "score"],
                "properties": {
                    "index": {"type": "integer", "minimum": 0},
                    "text": {"type": "string"},
                    "start": {"type": "integer", "minimum": 0},
                    "end": {"type": "integer", "minimum": 0},
                    "score": {"type": "number"},
                },
            },
        },
        "stats": {
            "type": "object",
            "required": ["characters", "sentences", "tokens", "elapsed_ms", "script", "notes"],
            "properties": {
                "characters": {"type": "integer", "minimum": 0},
                "sentences": {"type": "integer", "minimum": 0},
                "tokens": {"type": "integer", "minimum": 0},
                "elapsed_ms": {"type": "number", "minimum": 0, "description": "Measured; differs per run."},
                "script": {
                    "type": "string",
                    "enum": list(SCRIPTS),
                    "description": "The script the input is written in (a traditional or mixed one "
                    "is analysed through its simplified view).",
                },
                "notes": {"type": "array", "items": {"type": "string"}},
            },
        },
    }
    return {
        "SummarizeRequest": _text_body(config, "The article"),
        "PageRequest": _text_body(config, "The text of a whole newspaper page"),
        "BatchRequest": {
            "type": "object",
            "required": ["articles"],
            "additionalProperties": False,
            "properties": {
                "articles": {
                    "type": "array",
                    "maxItems": config.max_batch_articles,
                    "items": {
                        "description": "An object {id, text}: only 'id' and 'text' are read. Anything "
                        "else (not an object, no text, text not a string) gets an error record in the "
                        "answer, as in `summarizer batch`; only a text over the limit fails the call.",
                        "properties": {"text": {"maxLength": config.max_text_chars}},
                    },
                },
                **option_schemas(config),
            },
        },
        "Record": {
            "type": "object",
            "required": ["id", *analysis],
            "additionalProperties": False,
            "properties": {"id": RECORD_ID, **analysis},
        },
        "ErrorRecord": {
            "type": "object",
            "required": ["id", "error"],
            "additionalProperties": False,
            "properties": {
                "id": {"description": "The input's id, whatever its type."},
                "error": {
                    "type": "object",
                    "required": ["code", "message"],
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
                },
            },
        },
        "PageRecord": {
            "type": "object",
            "required": ["id", "articles", "captions", "page_labels", "fragments"],
            "properties": {
                "id": RECORD_ID,
                "articles": {
                    "type": "array",
                    "description": "The articles in page order; the analysis is of the clean body only.",
                    "items": {
                        "type": "object",
                        "required": ["title", "paragraphs", *analysis],
                        "properties": {
                            "title": NULLABLE_STRING,
                            "kicker": NULLABLE_STRING,
                            "subtitle": NULLABLE_STRING,
                            "bylines": STRINGS,
                            "dateline": NULLABLE_STRING,
                            "author": NULLABLE_STRING,
                            "author_note": NULLABLE_STRING,
                            "section_headings": STRINGS,
                            "paragraphs": STRINGS,
                            "repairs": {
                                "type": "array",
                                "description": "Repairs by paragraph (column break, repeat...).",
                                "items": {
                                    "type": "object",
                                    "required": ["kind", "paragraph"],
                                    "properties": {
                                        "kind": {"type": "string"},
                                        "paragraph": {"type": "integer", "minimum": 0},
                                        "lines": LINE_NUMBERS,
                                        "detail": NULLABLE_STRING,
                                    },
                                },
                            },
                            "truncated": {"type": "boolean"},
                            "lines": {**LINE_NUMBERS, "description": "First and last input line."},
                            **analysis,
                        },
                    },
                },
                "captions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["text", "credit"],
                        "properties": {
                            "text": {"type": "string"},
                            "credit": NULLABLE_STRING,
                            "lines": LINE_NUMBERS,
                        },
                    },
                },
                "page_labels": STRINGS,
                "page": {
                    "type": "integer",
                    "minimum": 1,
                    "description": "A PDF page only: its number in the file.",
                },
                "notes": {
                    **STRINGS,
                    "description": "A PDF page only: what could not be read on it (a scan without text, "
                    "garbled fonts, a page that cannot be loaded, characters set at an angle).",
                },
                "continued": {
                    "type": "array",
                    "description": "A PDF page only: its text that goes on with an article of an "
                    "earlier page (a story continued overleaf). That article is kept whole, and "
                    "summarized, in the record of the page where it starts (`page`; `article`, its "
                    "index there); this record holds none of the text of `lines`.",
                    "items": {
                        "type": "object",
                        "required": ["page", "article", "title", "lines"],
                        "additionalProperties": False,
                        "properties": {
                            "page": {"type": "integer", "minimum": 1},
                            "article": {"type": "integer", "minimum": 0},
                            "title": NULLABLE_STRING,
                            "lines": LINE_NUMBERS,
                        },
                    },
                },
                "fragments": {
                    "type": "array",
                    "description": "Text that belongs to no article where it stands; never summarized.",
                    "items": {
                        "type": "object",
                        "required": ["text", "reason"],
                        "properties": {
                            "text": {"type": "string"},
                            "lines": LINE_NUMBERS,
                            "reason": {"type": "string"},
                            "article": {"type": ["integer", "null"]},
                        },
                    },
                },
            },
        },
        "BatchResponse": {
            "type": "object",
            "required": ["records"],
            "additionalProperties": False,
            "properties": {
                "records": {
                    "type": "array",
                    "items": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/Record"},
                            {"$ref": "#/components/schemas/ErrorRecord"},
                        ]
                    },
                }
            },
        },
        "Status": {
            "type": "object",
            "required": ["status"],
            "additionalProperties": False,
            "properties": {"status": {"type": "string", "enum": ["ok", "ready"]}},
        },
        "Error": {
            "type": "object",
            "required": ["error"],
            "additionalProperties": False,
            "properties": {
                "error": {
                    "type": "object",
                    "required": ["code", "message", "field"],
                    "additionalProperties": False,
                    "properties": {
                        "code": {"type": "string"},
                        "message": {"type": "string"},
                        "field": {"type": ["string", "null"], "description": "The request field at fault."},
                    },
                }
            },
        },
    }


# Every error a request to an endpoint can get, by status: (codes, when).
_BODY_ERRORS: dict[str, tuple[list[str], str]] = {
    "400": (
        ["invalid_json", "invalid_utf8", "invalid_unicode"],
        "Malformed JSON, bytes that are not UTF-8, "
        "lone surrogates, duplicate keys, NaN, nesting deeper than 64 levels, an empty body.",
    ),
    "401": (["unauthorized"], "Only when the server has an API key: the Bearer token is missing or wrong."),
    "415": (["unsupported_media_type"], "Another media type, or a charset other than UTF-8."),
}


def _error_response(codes: list[str], when: str) -> Schema:
    only_these_codes = {"properties": {"error": {"properties": {"code": {"enum": codes}}}}}
    schema = {"allOf": [{"$ref": "#/components/schemas/Error"}, only_these_codes]}
    headers: Schema = {"X-Request-ID": {"$ref": "#/components/headers/RequestId"}}
    if "overloaded" in codes:
        headers["Retry-After"] = {"$ref": "#/components/headers/RetryAfter"}
    return {
        "description": f"{when} Codes: {', '.join(codes)}.",
        "headers": headers,
        "content": {"application/json": {"schema": schema}},
    }


def _budget_errors(config: ApiConfig, *, batch: bool) -> dict[str, tuple[list[str], str]]:
    """The answers of the work budget and the analysis queue (api.gate)."""
    queue = (
        ["overloaded"],
        f"The analysis queue of the worker is full ({config.max_queue} waiting), or the request's "
        f"work budget of {config.request_budget_s:g} s ran out while it waited: refused at once, "
        "nothing was analysed; retry after Retry-After seconds.",
    )
    if batch:
        return {"503": queue}
    over_budget = (
        ["over_budget"],
        f"The analysis would take more than the server's work budget of {config.request_budget_s:g} s "
        "per request (time in the queue included): stopped, nothing is returned. A shorter text may fit.",
    )
    return {"503": queue, "504": over_budget}


def _ok(schema_name: str, description: str) -> Schema:
    return {
        "description": description,
        "headers": {"X-Request-ID": {"$ref": "#/components/headers/RequestId"}},
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}},
    }


def _analysis_operation(
    config: ApiConfig, *, summary: str, request_schema: str, result_schema: str
) -> Schema:
    query = [
        {
            "name": name,
            "in": "query",
            "required": False,
            "description": "An option for either body ('null' for no value where allowed); "
            "the same option in a JSON body wins.",
            "schema": schema,
        }
        for name, schema in option_schemas(config).items()
    ]
    errors = {
        **_BODY_ERRORS,
        "413": (
            ["body_too_large", "text_too_long"],
            f"The body is over {config.max_body_bytes} bytes, "
            f"or the text over {config.max_text_chars} characters.",
        ),
        "422": (
            ["missing_field", "invalid_type", "empty_text", "invalid_body", "invalid_option", "over_limit"],
            "No text, an empty text, a body that is not an object, or an option (in the body or the "
            "query) of the wrong type, out of range, unknown, repeated, or over the server's limit.",
        ),
        **_budget_errors(config, batch=False),
    }
    return {
        "summary": summary,
        "security": [{"bearerAuth": []}, {}],
        "parameters": query,
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{request_schema}"}},
                "text/plain": {"schema": {"type": "string", "minLength": 1}},
            },
        },
        "responses": {
            "200": _ok(result_schema, "The analysis."),
            **{status: _error_response(*error) for status, error in sorted(errors.items())},
        },
    }


def build_openapi(config: ApiConfig) -> dict[str, Any]:
    batch_errors = {
        **_BODY_ERRORS,
        "413": (
            ["body_too_large", "text_too_long", "too_many_articles"],
            f"The body is over {config.max_body_bytes} bytes, an article's text over "
            f"{config.max_text_chars} characters, or more than {config.max_batch_articles} articles.",
        ),
        "422": (
            ["missing_field", "invalid_type", "invalid_body", "invalid_option", "over_limit"],
            "No 'articles' array, a body that is not an object, an option of the wrong type, out of range, "
            "unknown or over the server's limit, or query parameters.",
        ),
        **_budget_errors(config, batch=True),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Chinese news summarizer",
            "version": "1.0.0",
            "description": "Summaries, key phrases and headline suggestions for Chinese news articles and "
            'e-paper pages. Every error is JSON {"error": {"code", "message", "field"}}, including '
            "404 not_found and 405 method_not_allowed for unknown paths and methods. Every response carries "
            f"an X-Request-ID header. Each request has a work budget of {config.request_budget_s:g} s, "
            "time waiting for its turn included: past it the analysis stops (504 over_budget, or error "
            "records in a batch), and a worker whose queue is full refuses at once (503 overloaded).",
        },
        "servers": [{"url": "/"}],
        "paths": {
            "/v1/summarize": {
                "post": _analysis_operation(
                    config,
                    summary="Summarize one article",
                    request_schema="SummarizeRequest",
                    result_schema="Record",
                )
            },
            "/v1/pages": {
                "post": _with_pdf_body(
                    _analysis_operation(
                        config,
                        summary="Recover the articles of a newspaper page and summarize each",
                        request_schema="PageRequest",
                        result_schema="PageRecord",
                    ),
                    config,
                )
            },
            "/v1/batch": {
                "post": {
                    "summary": "Summarize several articles; records in input order",
                    "security": [{"bearerAuth": []}, {}],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}}
                        },
                    },
                    "responses": {
                        "200": _ok(
                            "BatchResponse",
                            "One record per article, in order. Once the request's work budget has "
                            "run out, the article being analysed and every later one get an error "
                            "record with code over_budget; the records done before are kept.",
                        ),
                        **{status: _error_response(*error) for status, error in sorted(batch_errors.items())},
                    },
                }
            },
            "/healthz": {"get": {"summary": "Liveness", "responses": {"200": _ok("Status", "Alive.")}}},
            "/readyz": {
                "get": {
                    "summary": "Readiness: the engine is loaded",
                    "responses": {
                        "200": _ok("Status", "Ready."),
                        "503": _error_response(["not_ready"], "The engine failed to load."),
                    },
                }
            },
            "/metrics": {
                "get": {
                    "summary": "Prometheus metrics of the whole server (every worker process)",
                    "description": "The Prometheus text format. Needs the metrics key as a Bearer token "
                    "when the server has one, else the API key when it has one.",
                    "security": [{"bearerAuth": []}, {}],
                    "responses": {
                        "200": {
                            "description": "The metrics (see docs/API.md).",
                            "headers": {"X-Request-ID": {"$ref": "#/components/headers/RequestId"}},
                            "content": {"text/plain": {"schema": {"type": "string"}}},
                        },
                        "401": _error_response(*_BODY_ERRORS["401"]),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {
                        "200": {
                            "description": "The OpenAPI document.",
                            "headers": {"X-Request-ID": {"$ref": "#/components/headers/RequestId"}},
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
            "/": {
                "get": {
                    "summary": "The web page",
                    "responses": {
                        "200": {
                            "description": "HTML.",
                            "content": {"text/html": {"schema": {"type": "string"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": _schemas(config),
            "headers": {
                "RequestId": {
                    "description": "The client's X-Request-ID when it is 1-64 of [A-Za-z0-9._:-], "
                    "else a new id.",
                    "schema": {"type": "string"},
                },
                "RetryAfter": {
                    "description": "Seconds to wait before trying again.",
                    "schema": {"type": "integer", "minimum": 0},
                },
            },
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}},
        },
    }


def _with_pdf_body(operation: Schema, config: ApiConfig) -> Schema:
    """``/v1/pages`` also takes a PDF file (``application/pdf``) and answers ``{"pages": [...]}``,
    one page record per PDF page; the PDF limits and their errors (api.pdf)."""
    from summarizer.pages.pdf import ERROR_STATUS

    limits = (
        f"A PDF body may hold at most {config.max_pdf_bytes} bytes and {config.max_pdf_pages} pages; "
        f"reading it may take at most {config.pdf_timeout_ms} ms and {config.pdf_memory_mb} MB "
        "(a child process is stopped at either limit)."
    )
    operation["description"] = (
        "Send the page as text (JSON or text/plain: one page record) or as a PDF file "
        '(application/pdf, options as query parameters: {"pages": [...]}, a record per PDF page). ' + limits
    )
    operation["requestBody"]["content"]["application/pdf"] = {
        "schema": {"type": "string", "contentMediaType": "application/pdf", "maxLength": config.max_pdf_bytes}
    }
    page_record = {"$ref": "#/components/schemas/PageRecord"}
    pdf_answer = {
        "type": "object",
        "required": ["pages"],
        "additionalProperties": False,
        "properties": {"pages": {"type": "array", "items": page_record}},
    }
    content = operation["responses"]["200"]["content"]["application/json"]
    content["schema"] = {"anyOf": [page_record, pdf_answer]}
    responses = operation["responses"]
    for status in ("413", "422"):
        codes = sorted(code for code, code_status in ERROR_STATUS.items() if str(code_status) == status)
        old_codes = responses[status]["content"]["application/json"]["schema"]["allOf"][1]
        enum = old_codes["properties"]["error"]["properties"]["code"]["enum"]
        enum.extend(code for code in codes if code not in enum)
        responses[status]["description"] += f" For a PDF: {', '.join(codes)}. " + (
            limits
            if status == "413"
            else "Not a PDF, damaged or truncated, encrypted, a scan without text "
            "(no OCR), or over the reading time or memory."
        )
    return operation

"""The Spark schema of the record, and the two-way mapping between a record (the dict of
:func:`summarizer.records.analyze_record`) and a row of typed columns.

An article is carried as typed struct columns. A page record is carried as one JSON string
column ``page``: its shape (labels, captions, flagged fragments, articles with kicker, bylines,
repairs...) is richer and still growing, and a struct schema that silently dropped a new field
would be worse than a string that keeps everything.

Error extras beyond ``code`` and ``message`` (e.g. ``field``, ``line``) go to ``error.details``
as a JSON object, so no field of an error record is lost either.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from pyspark.sql.types import (
    ArrayType,
    DataType,
    DoubleType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

ERROR_FIELDS = ("code", "message")
ARTICLE_FIELDS = ("summary", "keywords", "keyphrases", "headlines", "sentences", "stats")
PAGE_FIELDS = ("page",)


def _struct(*fields: tuple[str, DataType]) -> StructType:
    return StructType([StructField(name, data_type, nullable=True) for name, data_type in fields])


SCORED_TEXT = _struct(("text", StringType()), ("score", DoubleType()))
SUMMARY_SENTENCE = _struct(("text", StringType()), ("index", IntegerType()), ("score", DoubleType()))
SENTENCE = _struct(
    ("index", IntegerType()),
    ("text", StringType()),
    ("start", IntegerType()),
    ("end", IntegerType()),
    ("score", DoubleType()),
)
HEADLINE = _struct(
    ("text", StringType()),
    ("score", DoubleType()),
    ("sentence_index", IntegerType()),
    ("spans", ArrayType(ArrayType(IntegerType()))),
)
STATS = _struct(
    ("characters", IntegerType()),
    ("sentences", IntegerType()),
    ("tokens", IntegerType()),
    ("elapsed_ms", DoubleType()),
    ("script", StringType()),
    ("notes", ArrayType(StringType())),
)
ERROR = _struct(("code", StringType()), ("message", StringType()), ("details", StringType()))

ARTICLE_RECORD = _struct(
    ("summary", ArrayType(SUMMARY_SENTENCE)),
    ("keywords", ArrayType(SCORED_TEXT)),
    ("keyphrases", ArrayType(SCORED_TEXT)),
    ("headlines", ArrayType(HEADLINE)),
    ("sentences", ArrayType(SENTENCE)),
    ("stats", STATS),
    ("error", ERROR),
)
PAGE_RECORD = _struct(("page", StringType()), ("error", ERROR))


def record_schema(*, pages: bool) -> StructType:
    """The record columns (everything but ``id``) of an article or a page."""
    return PAGE_RECORD if pages else ARTICLE_RECORD


def to_json(value: Any) -> str:
    """The JSON text of a record or a part of one, as the local batch writes it. ``str`` is
    only reached by ids of Parquet types JSON lacks (dates, decimals), never by the engine's output."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def record_to_row(record: Mapping[str, Any], *, pages: bool) -> dict[str, Any]:
    """The record columns of one record (``id`` is carried separately)."""
    error = record.get("error")
    if error is not None:
        details = {key: value for key, value in error.items() if key not in ERROR_FIELDS}
        error_row = {
            "code": error["code"],
            "message": error["message"],
            "details": to_json(details) if details else None,
        }
        return {**dict.fromkeys(PAGE_FIELDS if pages else ARTICLE_FIELDS), "error": error_row}
    if pages:
        return {"page": to_json({key: value for key, value in record.items() if key != "id"}), "error": None}
    return {**{name: record[name] for name in ARTICLE_FIELDS}, "error": None}


def row_to_record(row: Mapping[str, Any], *, pages: bool) -> dict[str, Any]:
    """The record of one output row (``id`` plus the record columns), as
    :func:`summarizer.records.analyze_record` gave it; for reading Spark or Parquet output back."""
    plain = _plain(row)
    error = plain.get("error")
    if error is not None:
        details = json.loads(error["details"]) if error.get("details") else {}
        return {"id": plain["id"], "error": {"code": error["code"], "message": error["message"], **details}}
    if pages:
        return {"id": plain["id"], **json.loads(plain["page"])}
    return {"id": plain["id"], **{name: plain[name] for name in ARTICLE_FIELDS}}


def _plain(value: Any) -> Any:
    """Spark ``Row`` objects (nested too) as dicts and lists, everything else unchanged."""
    as_dict = getattr(value, "asDict", None)
    if callable(as_dict):
        value = as_dict()
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value

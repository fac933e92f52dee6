"""The pieces that run inside Spark's Python workers, without Spark (no Java needed): the record
schema holds every field of a record, and a batch of lines gives the local batch's records."""

from __future__ import annotations

import json
from typing import Any

import pytest

pa = pytest.importorskip("pyarrow", reason="the [spark] extra is not installed (pip install -e '.[spark]')")
pytest.importorskip("pyspark", reason="the [spark] extra is not installed (pip install -e '.[spark]')")

from pyspark.sql.pandas.types import to_arrow_schema  # noqa: E402

from summarizer import Options, default_engine  # noqa: E402
from summarizer.batch import analyze_line, dump_record  # noqa: E402
from summarizer.records import analyze_record  # noqa: E402
from summarizer.spark.batch import data_format  # noqa: E402
from summarizer.spark.schema import record_schema, record_to_row, row_to_record  # noqa: E402
from summarizer.spark.worker import (  # noqa: E402
    PARTITION_SHIFT,
    analyze_columns,
    analyze_lines,
    line_number,
    safe_line_record,
    safe_record,
)

OPTIONS = Options(max_chars=80, keywords=5, keyphrases=3, headlines=2)


def through_arrow(record: dict[str, Any], *, pages: bool) -> dict[str, Any]:
    """The record stored in the typed columns (as Spark stores them) and read back."""
    columns = pa.RecordBatch.from_pylist(
        [record_to_row(record, pages=pages)], schema=to_arrow_schema(record_schema(pages=pages))
    )
    (row,) = columns.to_pylist()
    return row_to_record({"id": record["id"], **row}, pages=pages)


def test_an_article_record_survives_the_typed_columns(article: str) -> None:
    record = analyze_record({"id": "a1", "text": article}, engine=default_engine(), options=OPTIONS)
    assert record["summary"] and record["headlines"]
    assert through_arrow(record, pages=False) == record


def test_a_page_record_survives_the_page_column(page_text: str) -> None:
    record = analyze_record(
        {"id": 5, "text": page_text}, engine=default_engine(), options=OPTIONS, pages=True
    )
    assert record["articles"]
    assert through_arrow(record, pages=True) == record


@pytest.mark.parametrize("pages", [False, True])
def test_an_error_record_keeps_its_extra_fields(pages: bool) -> None:
    record = {"id": None, "error": {"code": "invalid_json", "message": "malformed JSON", "line": 3}}
    assert through_arrow(record, pages=pages) == record


def test_line_numbers_count_the_lines_of_earlier_partitions() -> None:
    lines_before = {0: 0, 1: 5}
    assert line_number(0, lines_before) == 1
    assert line_number(4, lines_before) == 5
    assert line_number((1 << PARTITION_SHIFT) + 2, lines_before) == 8


def test_a_batch_of_lines_gives_the_local_batch_records(article: str) -> None:
    lines = [
        json.dumps({"id": "ok", "text": article, "title": "never read"}, ensure_ascii=False).encode(),
        b"   ",
        b'{"id": 2}',
        b"not json",
        b'{"id": 3, "text": "\xff\xfe"}',
        b'{"id": 4, "text": ["a list"]}',
        b'{"id": 5, "id": 6, "text": "duplicate keys"}',
    ]
    # the last three lines as the first rows of a second partition that starts at line 5
    orders = [0, 1, 2, 3, 1 << PARTITION_SHIFT, (1 << PARTITION_SHIFT) + 1, (1 << PARTITION_SHIFT) + 2]
    batch = pa.RecordBatch.from_arrays(
        [pa.array(orders, type=pa.int64()), pa.array(lines, type=pa.binary())], names=["_order", "line"]
    )
    (out,) = analyze_lines([batch], options=OPTIONS, pages=False, output="json", lines_before={0: 0, 1: 4})

    expected_numbers = [1, 3, 4, 5, 6, 7]  # line 2 is blank: no record, as in the local batch
    expected = [
        dump_record(analyze_line(number, raw, engine=default_engine(), options=OPTIONS, pages=False))
        for number, raw in zip(expected_numbers, [lines[0], *lines[2:]], strict=True)
    ]
    got = out.column("json").to_pylist()
    assert [_without_elapsed(line) for line in got] == [_without_elapsed(line) for line in expected]
    assert out.column("_order").to_pylist() == [orders[0], *orders[2:]]
    codes = [json.loads(line).get("error", {}).get("code") for line in got]
    assert codes == [None, "missing_text", "invalid_json", "invalid_utf8", "invalid_text", "invalid_json"]


def test_columns_pass_the_id_array_through_untouched(article: str) -> None:
    ids = pa.array([7, None, 9], type=pa.int64())
    batch = pa.RecordBatch.from_arrays([ids, pa.array([article, "短文。", None])], names=["id", "text"])
    (out,) = analyze_columns([batch], options=OPTIONS, pages=False, output="columns")
    assert out.column("id").equals(ids)
    assert out.schema.names == ["id", *record_schema(pages=False).names]
    errors = out.column("error").to_pylist()
    assert errors[:2] == [None, None]
    assert errors[2]["code"] == "missing_text"


class BrokenEngine:
    def analyze(self, text: str, *, options: Options, deadline: Any = None) -> Any:
        raise RuntimeError("the engine broke")


def test_an_engine_failure_is_an_error_record_not_a_failed_job() -> None:
    broken: Any = BrokenEngine()
    record = safe_record({"id": "x", "text": "一句话。"}, engine=broken, options=OPTIONS, pages=False)
    assert record == {
        "id": "x",
        "error": {"code": "analysis_failed", "message": "RuntimeError: the engine broke"},
    }
    line = safe_line_record(9, b'{"id": "y", "text": "t"}', engine=broken, options=OPTIONS, pages=False)
    assert line["id"] == "y"
    assert line["error"]["line"] == 9


@pytest.mark.parametrize(
    ("path", "expected"),
    [("in.jsonl", "jsonl"), ("OUT.JSONL", "jsonl"), ("s3a://bucket/out.parquet/", "parquet")],
)
def test_the_format_follows_the_extension(path: str, expected: str) -> None:
    assert data_format(path) == expected


@pytest.mark.parametrize("path", ["in.json", "in.csv", "in"])
def test_an_unknown_extension_is_refused(path: str) -> None:
    with pytest.raises(ValueError, match=r"use \.jsonl or \.parquet"):
        data_format(path)


def _without_elapsed(line: str) -> Any:
    record = json.loads(line)
    record.get("stats", {}).pop("elapsed_ms", None)
    return record

"""Spark for real, in local mode: the records are the local batch's, for articles and pages, in
input order, across several partitions; bad records give error records; Parquet round trips."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from summarizer import Options, default_engine
from summarizer.batch import dump_record
from summarizer.batch import run_batch as local_batch
from summarizer.records import analyze_record

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

pytestmark = pytest.mark.slow

OPTIONS = Options(max_chars=120)
DEV_ARTICLES = 40
DEV_PAGES = 3


def spaced(lines: Sequence[str], count: int) -> list[str]:
    """``count`` lines spread over the whole file, not one month or one page."""
    step = max(1, len(lines) // count)
    return list(lines[::step][:count])


def dev_lines(shared_dir: Path, name: str, count: int) -> list[str]:
    lines = (shared_dir / "eval" / "dev" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return spaced([line for line in lines if line.strip()], count)


def comparable(record: dict[str, Any]) -> dict[str, Any]:
    """The record without ``elapsed_ms`` (a measured time, different in any two runs)."""
    record = json.loads(json.dumps(record))
    for analysis in [record, *record.get("articles", [])]:
        analysis.get("stats", {}).pop("elapsed_ms", None)
    return record


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(dump_record(json.loads(line)) == line for line in lines), "not the local batch's JSON text"
    return [comparable(json.loads(line)) for line in lines]


def spark_and_local(
    tmp_path: Path, input_lines: Sequence[str | bytes], *, pages: bool = False
) -> tuple[Any, Any]:
    from summarizer.spark import run_batch

    source = tmp_path / "in.jsonl"
    source.write_bytes(
        b"".join((line.encode() if isinstance(line, str) else line) + b"\n" for line in input_lines)
    )
    run_batch(str(source), str(tmp_path / "spark.jsonl"), options=OPTIONS, pages=pages, master=None)
    local_batch(source, tmp_path / "local.jsonl", options=OPTIONS, pages=pages)
    return read_jsonl(tmp_path / "spark.jsonl"), read_jsonl(tmp_path / "local.jsonl")


@pytest.mark.shared
@pytest.mark.usefixtures("small_splits")
def test_dev_articles_give_the_local_batch_records_in_order(
    spark: SparkSession, shared_dir: Path, tmp_path: Path
) -> None:
    lines = dev_lines(shared_dir, "peoples_daily", DEV_ARTICLES)
    spark_records, local_records = spark_and_local(tmp_path, lines)
    assert spark.read.text(str(tmp_path / "in.jsonl")).rdd.getNumPartitions() > 1
    assert [r["id"] for r in spark_records] == [json.loads(line)["id"] for line in lines]
    assert spark_records == local_records
    assert all("error" not in record for record in spark_records)


@pytest.mark.shared
def test_dev_pages_give_the_local_batch_records(
    spark: SparkSession, shared_dir: Path, tmp_path: Path
) -> None:
    lines = dev_lines(shared_dir, "pages", DEV_PAGES)
    spark_records, local_records = spark_and_local(tmp_path, lines, pages=True)
    assert spark_records == local_records
    assert all(record["articles"] for record in spark_records)


@pytest.mark.usefixtures("small_splits")
def test_bad_lines_give_the_local_batch_error_records(
    spark: SparkSession, tmp_path: Path, article: str
) -> None:
    good = json.dumps({"id": "good", "text": article}, ensure_ascii=False)
    lines: list[str | bytes] = [
        good,
        "",
        '{"id": 1}',
        "{not json",
        b'{"id": 2, "text": "\xc3\x28"}',
        '{"id": 3, "text": 42}',
        '["a", "list"]',
        '{"id": 4, "text": null}',
        '{"id": 5, "text": "NaN", "score": NaN}',
        *[good.replace('"good"', f'"good-{n}"') for n in range(30)],  # enough bytes for several splits
        '{"id": 6, "text": ""}',
    ]
    spark_records, local_records = spark_and_local(tmp_path, lines)
    assert spark_records == local_records
    assert len(spark_records) == len(lines) - 1  # the blank line has no record
    errors = [r["error"] for r in spark_records if "error" in r]
    assert [e["line"] for e in errors][:7] == [3, 4, 5, 6, 7, 8, 9]


def test_a_dataframe_gets_typed_record_columns(spark: SparkSession, article: str) -> None:
    from pyspark.sql.types import ArrayType, LongType, StructType

    from summarizer.spark import analyze_dataframe, row_to_record

    rows = [(1, article), (None, "一句话的新闻。"), (3, None)]
    frame = spark.createDataFrame(rows, "id long, text string").repartition(2)
    result = analyze_dataframe(frame, options=OPTIONS)

    assert result.schema["id"].dataType == LongType()
    summary = result.schema["summary"].dataType
    assert isinstance(summary, ArrayType) and isinstance(summary.elementType, StructType)
    assert summary.elementType.fieldNames() == ["text", "index", "score"]
    assert result.schema["headlines"].dataType.elementType.fieldNames() == [
        "text",
        "score",
        "sentence_index",
        "spans",
    ]
    got = {r["id"]: comparable(row_to_record(r.asDict(), pages=False)) for r in result.collect()}
    expected = {
        record_id: comparable(
            analyze_record({"id": record_id, "text": text}, engine=default_engine(), options=OPTIONS)
        )
        for record_id, text in rows
    }
    assert got == expected
    assert got[3]["error"]["code"] == "missing_text"
    assert result.filter("error is null").count() == 2


def test_a_dataframe_of_pages_carries_the_page_record(spark: SparkSession, page_text: str) -> None:
    from summarizer.spark import analyze_dataframe, row_to_record

    frame = spark.createDataFrame([("p1", page_text), ("p2", "第二版")], "id string, text string")
    (row, *_) = analyze_dataframe(frame, options=OPTIONS, pages=True).where("id = 'p1'").collect()
    expected = analyze_record(
        {"id": "p1", "text": page_text}, engine=default_engine(), options=OPTIONS, pages=True
    )
    assert comparable(row_to_record(row.asDict(), pages=True)) == comparable(expected)


def test_a_text_column_that_is_not_a_string_gives_error_records(spark: SparkSession) -> None:
    from summarizer.spark import analyze_dataframe

    frame = spark.createDataFrame([(1, 5), (2, None)], "id long, text long")
    codes = {row["id"]: row["error"]["code"] for row in analyze_dataframe(frame, options=OPTIONS).collect()}
    assert codes == {1: "invalid_text", 2: "missing_text"}


def test_a_dataframe_without_text_is_refused(spark: SparkSession) -> None:
    from summarizer.spark import analyze_dataframe

    with pytest.raises(ValueError, match="no text column"):
        analyze_dataframe(spark.createDataFrame([(1, "x")], "id long, body string"))


def test_parquet_round_trip(spark: SparkSession, tmp_path: Path, article: str) -> None:
    from summarizer.spark import row_to_record, run_batch

    rows = [("a", article), ("b", None), ("c", "短讯一则。没有更多内容。")]
    spark.createDataFrame(rows, "id string, text string").write.parquet(str(tmp_path / "in.parquet"))
    run_batch(str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), options=OPTIONS, pages=False)
    run_batch(str(tmp_path / "in.parquet"), str(tmp_path / "out.jsonl"), options=OPTIONS, pages=False)

    expected = [
        comparable(analyze_record({"id": rid, "text": text}, engine=default_engine(), options=OPTIONS))
        for rid, text in rows
    ]
    stored = spark.read.parquet(str(tmp_path / "out.parquet")).collect()
    assert sorted((comparable(row_to_record(r.asDict(), pages=False)) for r in stored), key=_id) == expected
    assert read_jsonl(tmp_path / "out.jsonl") == expected


def test_jsonl_to_parquet_keeps_error_line_numbers(spark: SparkSession, tmp_path: Path, article: str) -> None:
    from summarizer.spark import row_to_record, run_batch

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 7, "text": article}) + "\n{broken\n", encoding="utf-8")
    run_batch(str(source), str(tmp_path / "out.parquet"), options=OPTIONS, pages=False)
    local_batch(source, tmp_path / "local.jsonl", options=OPTIONS)

    stored = spark.read.parquet(str(tmp_path / "out.parquet"))
    assert stored.schema["id"].dataType.simpleString() == "string"
    records = [comparable(row_to_record(r.asDict(), pages=False)) for r in stored.collect()]
    local = read_jsonl(tmp_path / "local.jsonl")
    # JSONL ids have no single Spark type: a number is stored as its JSON text
    assert sorted(records, key=lambda r: r["error"]["line"] if "error" in r else 0) == [
        {**local[0], "id": "7"},
        local[1],
    ]


def _id(record: dict[str, Any]) -> str:
    return str(record["id"])

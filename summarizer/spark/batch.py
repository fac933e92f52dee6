"""``summarizer batch --engine spark``: a JSONL or Parquet file in, the records out, on Spark.

JSONL input is read as text and parsed in the Python workers, record by record, so a line that is
not JSON, or a text that is not a string, gives the same error record as in the local batch
instead of failing the job (Spark's JSON reader would coerce or drop such lines).

JSONL output is one file in input order, written by the driver to its own file system from
``toLocalIterator`` (partition by partition: the driver never holds the whole output). Parquet
output is written by the executors as a directory of part files, in the same order; use it when
the output is big or lives on a cluster file system.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Literal

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import LongType, StringType, StructType

from summarizer.options import Options
from summarizer.spark.frames import REQUIRED_COLUMNS, map_records, require_columns
from summarizer.spark.schema import record_schema
from summarizer.spark.worker import (
    ID_COLUMN,
    JSON_COLUMN,
    LINE_COLUMN,
    ORDER_COLUMN,
    PARTITION_SHIFT,
    Output,
    analyze_lines,
)

LOGGER = logging.getLogger(__name__)

Format = Literal["jsonl", "parquet"]
FORMATS: dict[str, Format] = {".jsonl": "jsonl", ".parquet": "parquet"}


def run_batch(
    input_path: str, output_path: str, *, options: Options, pages: bool = False, master: str | None = None
) -> None:
    """Analyse every record of ``input_path`` and write one output record per input record, in
    input order, to ``output_path`` (format chosen by extension: ``.jsonl`` or ``.parquet``).

    ``master`` is a Spark master URL; ``None`` keeps the one ``spark-submit`` gives, else
    ``local[*]``. An active SparkSession is reused and left running.
    """
    input_format, output_format = data_format(input_path), data_format(output_path)
    if output_format == "jsonl" and "://" in output_path and not output_path.startswith("file://"):
        raise ValueError(f"{output_path}: the driver writes JSONL output locally; use .parquet")
    output: Output = "json" if output_format == "jsonl" else "columns"
    with spark_session(master) as spark:
        records = read_records(spark, input_path, input_format, options=options, pages=pages, output=output)
        if output_format == "jsonl":
            write_jsonl(records, Path(output_path.removeprefix("file://")))
        else:
            records.drop(ORDER_COLUMN).write.mode("overwrite").parquet(output_path)


def data_format(path: str) -> Format:
    for suffix, data in FORMATS.items():
        if path.lower().rstrip("/").endswith(suffix):
            return data
    raise ValueError(f"{path}: cannot tell the format from the extension; use .jsonl or .parquet")


def read_records(
    spark: SparkSession, path: str, data: Format, *, options: Options, pages: bool, output: Output
) -> DataFrame:
    """The records of a JSONL or Parquet input, each with ``_order``, its position in the input.

    ``monotonically_increasing_id`` numbers the rows of each partition in file order, partitions in
    the order of the file's splits, and ``mapInArrow`` keeps both, so the order column only serves
    to check the order when writing. A directory or glob of JSONL files is read as one file
    (Spark orders the files): line numbers then count across all of them.
    """
    order = F.monotonically_increasing_id().alias(ORDER_COLUMN)
    if data == "parquet":
        table = spark.read.parquet(path)
        require_columns(table)
        source = table.select(order, *REQUIRED_COLUMNS)
        return map_records(source, options=options, pages=pages, output=output)
    # Split on "\n" only, as Python's binary line iteration does (Spark's default also splits on
    # "\r"), and hand the workers the bytes, so that a line that is not UTF-8 gets the local
    # batch's error record.
    lines = (
        spark.read.option("lineSep", "\n")
        .text(path)
        .select(order, F.col("value").cast("binary").alias(LINE_COLUMN))
    )
    schema = StructType().add(ORDER_COLUMN, LongType())
    if output == "json":
        schema = schema.add(JSON_COLUMN, StringType())
    else:
        schema = StructType([*schema.add(ID_COLUMN, StringType()).fields, *record_schema(pages=pages).fields])
    work = partial(
        analyze_lines, options=options, pages=pages, output=output, lines_before=lines_before(lines)
    )
    return lines.mapInArrow(work, schema)


def lines_before(lines: DataFrame) -> dict[int, int]:
    """How many lines of the file come before each partition: one cheap counting job (reading,
    no analysis), so that every error record carries its line number as in the local batch."""
    partition = F.shiftright(F.col(ORDER_COLUMN), PARTITION_SHIFT).alias("partition")
    counts = {row["partition"]: row["count"] for row in lines.groupBy(partition).count().collect()}
    before, seen = {}, 0
    for index in sorted(counts):
        before[index] = seen
        seen += counts[index]
    return before


def write_jsonl(records: DataFrame, path: Path) -> None:
    """One line per record in input order, through a temporary file renamed at the end, so a
    crash never leaves a half-written output.

    The records are computed by all executors at once into Spark's cache (spilling to disk), and
    only then streamed to the driver: ``toLocalIterator`` alone runs one job per partition, one
    partition after the other, which would analyse on one core at a time.
    """
    partial_path = path.with_name(path.name + ".partial")
    computed = records.persist(StorageLevel.MEMORY_AND_DISK)
    previous = -1
    try:
        computed.count()
        with partial_path.open("w", encoding="utf-8") as out:
            for row in computed.toLocalIterator(prefetchPartitions=True):
                if row[ORDER_COLUMN] <= previous:
                    raise RuntimeError("Spark returned the records out of input order")
                previous = row[ORDER_COLUMN]
                out.write(row[JSON_COLUMN] + "\n")
        os.replace(partial_path, path)
    finally:
        computed.unpersist()
        partial_path.unlink(missing_ok=True)


@contextmanager
def spark_session(master: str | None) -> Iterator[SparkSession]:
    """The active session if there is one (left running), else a new one, stopped on exit."""
    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    builder = SparkSession.builder.appName("summarizer batch")
    if master is not None:
        builder = builder.master(master)
    with _local_workers_use_this_python(master):
        spark = builder.getOrCreate()
    try:
        yield spark
    finally:
        spark.stop()


@contextmanager
def _local_workers_use_this_python(master: str | None) -> Iterator[None]:
    """Local Python workers start ``PYSPARK_PYTHON`` (else ``python3`` from the PATH, which may
    lack this package): point it at this interpreter while the context starts. Left alone when
    set, under ``spark-submit`` (which sets the gateway variables) and for a cluster master."""
    launched_by_spark_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    is_local = master is None or master.startswith("local")
    if "PYSPARK_PYTHON" in os.environ or launched_by_spark_submit or not is_local:
        yield
        return
    LOGGER.info("Spark's local Python workers run %s", sys.executable)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    try:
        yield
    finally:
        del os.environ["PYSPARK_PYTHON"]

"""What runs inside Spark's Python workers: Arrow batches in, records out.

Each worker process analyses with :func:`summarizer.default_engine`, the process-wide engine built
on first use: Spark reuses its Python workers across tasks (``spark.python.worker.reuse``, on by
default), so the tokenizer and dictionaries load once per worker process, not per row or batch.

Everything here is a module-level function given its settings through ``functools.partial``, so
Spark pickles a reference to this module rather than a closure, and the same functions are tested
without Spark.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import pyarrow as pa
from pyspark.sql.pandas.types import to_arrow_schema

from summarizer.batch import analyze_line, dump_record, parse_json_strict
from summarizer.engine import Engine
from summarizer.options import Options
from summarizer.records import analyze_record, error_record
from summarizer.spark.schema import record_schema, record_to_row, to_json

LOGGER = logging.getLogger(__name__)

TEXT_COLUMN = "text"
LINE_COLUMN = "line"
ID_COLUMN = "id"
JSON_COLUMN = "json"
ORDER_COLUMN = "_order"
PARTITION_SHIFT = 33
FAILED = "analysis_failed"

Output = Literal["json", "columns"]
"""``json``: one JSON text column; ``columns``: ``id`` and the typed record columns."""


def analyze_columns(
    batches: Iterable[pa.RecordBatch], *, options: Options, pages: bool, output: Output
) -> Iterator[pa.RecordBatch]:
    """Batches with ``id`` and ``text`` columns -> the other columns (``_order``...) passed
    through as the same Arrow arrays, plus ``id`` and the record columns, or the record's JSON
    text. Passing ``id`` through keeps its Spark type exactly."""
    from summarizer import default_engine

    engine = default_engine()
    for batch in batches:
        ids = batch.column(ID_COLUMN).to_pylist()
        texts = batch.column(TEXT_COLUMN).to_pylist()
        records = [
            safe_record({ID_COLUMN: id_, TEXT_COLUMN: text}, engine=engine, options=options, pages=pages)
            for id_, text in zip(ids, texts, strict=True)
        ]
        dropped = {TEXT_COLUMN, ID_COLUMN} if output == "json" else {TEXT_COLUMN}
        kept = [name for name in batch.schema.names if name not in dropped]
        yield _output_batch(kept, [batch.column(name) for name in kept], records, pages=pages, output=output)


def analyze_lines(
    batches: Iterable[pa.RecordBatch],
    *,
    options: Options,
    pages: bool,
    output: Output,
    lines_before: Mapping[int, int],
) -> Iterator[pa.RecordBatch]:
    """Batches of raw JSONL lines (``_order``, ``line`` as bytes) -> ``_order`` and either the
    record's JSON text, byte for byte the local batch's line, or ``id`` as a string column and the
    record columns. Each line goes through the local batch's own :func:`analyze_line`, with its
    1-based line number in the file (``lines_before`` the partition, see :func:`line_number`), so
    blank lines are skipped and bad lines give the same error records."""
    from summarizer import default_engine

    engine = default_engine()
    for batch in batches:
        non_blank = [
            (order, raw)
            for order, raw in zip(
                batch.column(ORDER_COLUMN).to_pylist(), batch.column(LINE_COLUMN).to_pylist(), strict=True
            )
            if raw.strip()
        ]
        orders = pa.array([order for order, _ in non_blank], type=pa.int64())
        records = [
            safe_line_record(
                line_number(order, lines_before), raw, engine=engine, options=options, pages=pages
            )
            for order, raw in non_blank
        ]
        if output == "json":
            yield _output_batch([ORDER_COLUMN], [orders], records, pages=pages, output=output)
        else:
            ids = pa.array([id_as_text(record.get(ID_COLUMN)) for record in records], type=pa.string())
            yield _output_batch([ORDER_COLUMN, ID_COLUMN], [orders, ids], records, pages=pages, output=output)


def line_number(order: int, lines_before: Mapping[int, int]) -> int:
    """The 1-based line number of the row numbered ``order`` by ``monotonically_increasing_id``
    (partition index in the upper 31 bits, row index within the partition in the lower 33)."""
    partition, row = order >> PARTITION_SHIFT, order & ((1 << PARTITION_SHIFT) - 1)
    return lines_before[partition] + row + 1


def safe_line_record(
    number: int, raw: bytes, *, engine: Engine, options: Options, pages: bool
) -> dict[str, Any]:
    """The local batch's record of one line; an exception of the engine becomes an error
    record, so one bad article never fails the job."""
    try:
        return analyze_line(number, raw, engine=engine, options=options, pages=pages)
    except Exception as error:
        LOGGER.exception("analysis failed for line %d", number)
        return error_record(_id_of(raw), FAILED, f"{type(error).__name__}: {error}", line=number)


def _id_of(raw: bytes) -> Any:
    try:
        record = parse_json_strict(raw)
    except ValueError:
        return None
    return record.get(ID_COLUMN) if isinstance(record, dict) else None


def safe_record(record: Any, *, engine: Engine, options: Options, pages: bool) -> dict[str, Any]:
    """:func:`analyze_record`, except that an exception of the engine becomes an error record:
    one bad article never fails the job."""
    try:
        return analyze_record(record, engine=engine, options=options, pages=pages)
    except Exception as error:
        record_id = record.get(ID_COLUMN) if isinstance(record, dict) else None
        LOGGER.exception("analysis failed for record %r", record_id)
        return error_record(record_id, FAILED, f"{type(error).__name__}: {error}")


def id_as_text(record_id: Any) -> str | None:
    """A JSON id as a string column value: strings as they are, numbers and other JSON as their
    JSON text (ids read from JSONL have no single Spark type)."""
    if record_id is None or isinstance(record_id, str):
        return record_id
    return to_json(record_id)


def _json_safe_id(record: dict[str, Any]) -> dict[str, Any]:
    """Ids from Parquet may be of types JSON lacks (dates, decimals): those are written as text."""
    record_id = record.get(ID_COLUMN)
    if record_id is None or isinstance(record_id, (str, int, float, list, dict)):
        return record
    return {**record, ID_COLUMN: str(record_id)}


def _output_batch(
    names: Sequence[str],
    columns: Sequence[pa.Array],
    records: Sequence[dict[str, Any]],
    *,
    pages: bool,
    output: Output,
) -> pa.RecordBatch:
    if output == "json":
        texts = pa.array([dump_record(_json_safe_id(record)) for record in records], type=pa.string())
        return pa.RecordBatch.from_arrays([*columns, texts], names=[*names, JSON_COLUMN])
    record_columns = pa.RecordBatch.from_pylist(
        [record_to_row(record, pages=pages) for record in records],
        schema=to_arrow_schema(record_schema(pages=pages)),
    )
    return pa.RecordBatch.from_arrays(
        [*columns, *record_columns.columns], names=[*names, *record_columns.schema.names]
    )

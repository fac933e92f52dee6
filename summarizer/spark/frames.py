"""The engine applied to a Spark DataFrame: one ``mapInArrow`` over ``id`` and ``text``.

``mapInArrow`` rather than ``mapInPandas``: the Arrow batches pass ``id`` through untouched (pandas
would turn an integer column with nulls into floats) and the nested record columns are built
straight from the record dicts, with no pandas in between.
"""

from __future__ import annotations

from functools import partial

from pyspark.sql import DataFrame
from pyspark.sql.types import StructType

from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.spark.schema import record_schema
from summarizer.spark.worker import ID_COLUMN, JSON_COLUMN, TEXT_COLUMN, Output, analyze_columns

REQUIRED_COLUMNS = (ID_COLUMN, TEXT_COLUMN)


def analyze_dataframe(df: DataFrame, *, options: Options = DEFAULT_OPTIONS, pages: bool = False) -> DataFrame:
    """The record of every row of ``df`` (columns ``id`` and ``text``; others are ignored), as
    ``id`` (its type kept) and typed record columns: ``summary``, ``keywords``, ``keyphrases``,
    ``headlines``, ``stats`` and ``error`` for articles, ``page`` (the page record as JSON) and
    ``error`` for pages. A row whose text is null or not a string gets an ``error``, never a
    failed job. Lazy, like any transformation: nothing runs until an action."""
    require_columns(df)
    return map_records(df.select(*REQUIRED_COLUMNS), options=options, pages=pages, output="columns")


def map_records(source: DataFrame, *, options: Options, pages: bool, output: Output) -> DataFrame:
    """``source`` (``id``, ``text`` and pass-through columns) mapped to records; ``output`` says
    whether they come as typed columns or as one JSON text column."""
    require_columns(source)
    dropped = {TEXT_COLUMN, ID_COLUMN} if output == "json" else {TEXT_COLUMN}
    kept = [field for field in source.schema.fields if field.name not in dropped]
    if output == "json":
        schema = StructType([*kept]).add(JSON_COLUMN, "string")
    else:
        schema = StructType([*kept, *record_schema(pages=pages).fields])
    work = partial(analyze_columns, options=options, pages=pages, output=output)
    return source.mapInArrow(work, schema)


def require_columns(df: DataFrame) -> None:
    missing = [name for name in REQUIRED_COLUMNS if name not in df.columns]
    if missing:
        raise ValueError(f"the DataFrame has no {', '.join(missing)} column (it needs id and text)")

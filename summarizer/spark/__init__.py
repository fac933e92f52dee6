"""The engine on Apache Spark (the optional ``[spark]`` extra: pyspark, pandas, pyarrow; Java 17).

    >>> from summarizer.spark import analyze_dataframe, run_batch
    >>> records = analyze_dataframe(spark.read.parquet("articles.parquet"), options=Options(max_chars=120))
    >>> run_batch("articles.jsonl", "records.jsonl", options=Options(), pages=False, master=None)

Each Python worker process loads one engine, on first use, and reuses it for every partition it
is given. The records are those of :func:`summarizer.records.analyze_record`, the local batch's.
"""

from __future__ import annotations

from summarizer.spark.batch import run_batch
from summarizer.spark.frames import analyze_dataframe
from summarizer.spark.schema import ARTICLE_RECORD, PAGE_RECORD, record_schema, row_to_record

__all__ = [
    "ARTICLE_RECORD",
    "PAGE_RECORD",
    "analyze_dataframe",
    "record_schema",
    "row_to_record",
    "run_batch",
]

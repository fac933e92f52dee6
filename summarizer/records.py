"""One input record in, one output record out: the unit of work shared by the CLI batch,
the REST batch and the Spark job, so that all three give identical records.
"""

from __future__ import annotations

from typing import Any

from summarizer.deadline import Deadline
from summarizer.engine import Engine
from summarizer.options import Options


class RecordError(ValueError):
    """An input record cannot be analysed (no text, text not a string...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def without_elapsed(record: Any) -> Any:
    """``record`` minus every ``elapsed_ms``: the one measured, so varying, figure of a record.
    Two runs over the same input (resumed, with other workers, on Spark) are equal under it."""
    return without_key(record, "elapsed_ms")


def without_key(record: Any, name: str) -> Any:
    """``record`` minus every entry ``name``, at any depth of its objects and lists."""
    if isinstance(record, dict):
        return {key: without_key(value, name) for key, value in record.items() if key != name}
    if isinstance(record, list):
        return [without_key(value, name) for value in record]
    return record


def error_record(record_id: Any, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"id": record_id, "error": {"code": code, "message": message, **extra}}


def analyze_record(
    record: Any, *, engine: Engine, options: Options, pages: bool = False, deadline: Deadline | None = None
) -> dict[str, Any]:
    """Analyse ``record["text"]`` (only ``id`` and ``text`` are ever read) as an article,
    or as a newspaper page when ``pages`` is true. Bad records give an error record; past
    ``deadline`` the analysis raises :class:`~summarizer.deadline.DeadlineExceeded`."""
    if not isinstance(record, dict):
        return error_record(None, "invalid_record", "a record must be a JSON object")
    record_id = record.get("id")
    text = record.get("text")
    if text is None:
        return error_record(record_id, "missing_text", "the record has no 'text'")
    if not isinstance(text, str):
        return error_record(record_id, "invalid_text", f"'text' must be a string, not {type(text).__name__}")
    if pages:
        from summarizer.pages import parse

        return parse(text, engine=engine, options=options, deadline=deadline).to_record(record_id)
    return engine.analyze(text, options=options, deadline=deadline).to_record(record_id)

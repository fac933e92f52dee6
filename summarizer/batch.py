"""``summarizer batch``: JSONL in, one JSON record per non-blank input line out, in input order.

Records are analysed in chunks of consecutive lines (in worker processes with ``--workers``),
and each chunk's output lines are written by one ``write`` on an append-only descriptor,
fsynced every ``FSYNC_EVERY`` records and at the end. A killed process therefore leaves
complete lines, except that a kill or a power loss in the middle of a write may cut the last
one: ``--resume`` truncates such a trailing partial line, checks that the records already
written match the input's ids in order, and continues after them. So no record is lost or
duplicated, and the output equals an uninterrupted run's (except ``stats.elapsed_ms``, a
measured time that differs between any two runs).
"""

from __future__ import annotations

import gc
import itertools
import json
import logging
import math
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from summarizer.deadline import Deadline, DeadlineExceeded
from summarizer.engine import Engine
from summarizer.options import Options
from summarizer.records import analyze_record, error_record

FSYNC_EVERY = 256
# Records analysed and written as one piece: at most a quarter of what remains per worker, so
# that chunks shrink toward the end and the workers finish together (guided scheduling), and
# within these bounds: each chunk costs the parent process a message and a write.
CHUNK_MIN, CHUNK_MAX, CHUNKS_PER_WORKER = 4, 64, 4
MAX_JSON_DEPTH = 64

Record = dict[str, Any]

logger = logging.getLogger(__name__)


class JsonInputError(ValueError):
    """Input that is not acceptable JSON text (bad bytes, bad syntax, ambiguous or invalid)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ResumeError(ValueError):
    """The existing output cannot be continued: it does not belong to this input."""


@dataclass(frozen=True)
class BatchSummary:
    records: int  # written by this run
    errors: int  # of those, error records
    skipped: int  # already present from an earlier run (--resume)


Progress = Callable[[int, int], None]  # (records done, records total)


def parse_json_strict(raw: bytes | str) -> Any:
    """Parse JSON the way every interface accepts it: UTF-8, no NaN/Infinity, no duplicate
    keys (which value would win is a guess), no lone surrogates (they cannot be written as
    UTF-8), nesting at most ``MAX_JSON_DEPTH`` deep."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise JsonInputError("invalid_utf8", f"the bytes are not UTF-8 (at byte {error.start})") from None
    raw = raw.removeprefix(
        "\ufeff"
    )  # a byte order mark, as Windows tools write: RFC 8259 lets parsers skip it
    try:
        value = json.loads(raw, object_pairs_hook=_reject_duplicate_keys, parse_constant=_reject_constant)
    except JsonInputError:
        raise
    except json.JSONDecodeError as error:
        raise JsonInputError("invalid_json", f"malformed JSON: {error.msg} at position {error.pos}") from None
    except RecursionError:
        raise JsonInputError("invalid_json", "JSON nested too deeply") from None
    except ValueError as error:  # e.g. an integer past Python's int_max_str_digits
        raise JsonInputError("invalid_json", f"unreadable JSON value: {error}") from None
    _check_json_value(value)
    return value


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise JsonInputError("invalid_json", f"duplicate key {key!r}")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise JsonInputError("invalid_json", f"{name} is not valid JSON")


def _check_json_value(value: Any) -> None:
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise JsonInputError("invalid_json", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
        if isinstance(item, str):
            _check_unicode(item)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_unicode(key)
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def _check_unicode(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise JsonInputError(
            "invalid_unicode", f"the text holds a lone surrogate at character {error.start}"
        ) from None


def warmed_engine() -> Engine:
    """The default engine with its lazily loaded resources (dictionaries) loaded now, so that
    forked worker processes share them instead of each loading its own copy."""
    from summarizer import default_engine

    engine = default_engine()
    engine.preload()
    return engine


def analyze_line(
    line_number: int,
    raw: bytes | str,
    *,
    engine: Engine,
    options: Options,
    pages: bool,
    budget_s: float | None = None,
) -> Record:
    """One input line to its output record; an error record carries the line number. With
    ``budget_s``, an analysis that would take longer stops and gives an ``over_budget`` error
    record."""
    try:
        record = parse_json_strict(raw)
    except JsonInputError as error:
        return error_record(None, error.code, error.message, line=line_number)
    deadline = None if budget_s is None else Deadline.after(budget_s)
    result = analyze_record_safely(record, engine=engine, options=options, pages=pages, deadline=deadline)
    if "error" in result:
        result["error"] = {**result["error"], "line": line_number}
    return result


def analyze_record_safely(
    record: Any, *, engine: Engine, options: Options, pages: bool = False, deadline: Deadline | None = None
) -> Record:
    """:func:`analyze_record`, except that an input the engine fails on gives an error record
    (and a logged traceback) instead of stopping a whole batch: one bad article must not cost
    the others. So does an analysis stopped by ``deadline`` (``over_budget``)."""
    try:
        return analyze_record(record, engine=engine, options=options, pages=pages, deadline=deadline)
    except DeadlineExceeded as error:
        return over_budget_record(record, error)
    except Exception as error:
        record_id = record.get("id") if isinstance(record, dict) else None
        logger.exception("analysis failed for record id %r", record_id)
        return error_record(record_id, "analysis_failed", f"the analysis failed ({type(error).__name__})")


def over_budget_record(record: Any, error: DeadlineExceeded | None = None) -> Record:
    """The error record of an input whose analysis ran out of its work budget (``error``), or
    was not started because the budget had run out before."""
    record_id = record.get("id") if isinstance(record, dict) else None
    if error is None:
        message = "not analysed: the work budget ran out before this record"
    else:
        message = f"the analysis ran out of its work budget (during {error.stage})"
    return error_record(record_id, "over_budget", message)


@dataclass(frozen=True)
class OutputChunk:
    """The output of consecutive input lines (or of one PDF file): whole output lines, as UTF-8."""

    data: bytes
    records: int
    errors: int  # of the records, error records

    @classmethod
    def of(cls, records: Sequence[dict[str, Any]]) -> OutputChunk:
        """The output lines of ``records``, one JSON record a line."""
        data = "".join(dump_record(record) + "\n" for record in records).encode("utf-8")
        return cls(data, len(records), sum("error" in record for record in records))


def _analyze_chunk(
    lines: Sequence[tuple[int, bytes]], *, options: Options, pages: bool, budget_s: float | None
) -> OutputChunk:
    from summarizer import default_engine

    analyze = partial(analyze_line, engine=default_engine(), options=options, pages=pages, budget_s=budget_s)
    return OutputChunk.of([analyze(number, raw) for number, raw in lines])


def dump_record(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def numbered_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """The non-blank lines of ``path`` with their 1-based line numbers."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def count_records(path: Path) -> int:
    return sum(1 for _ in numbered_lines(path))


def run_batch(
    input_path: Path,
    output_path: Path,
    *,
    options: Options,
    pages: bool = False,
    workers: int = 1,
    resume: bool = False,
    progress: Progress | None = None,
    article_budget_s: float | None = None,
) -> BatchSummary:
    """Analyse every record of ``input_path`` into ``output_path`` (see the module docstring).
    With ``article_budget_s``, a record whose analysis would take longer gets an
    ``over_budget`` error record and the batch goes on."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    total = count_records(input_path)
    done_ids, complete_bytes = _existing_records(output_path) if resume else ([], 0)
    _check_resumable(input_path, done_ids)
    if resume and output_path.exists() and output_path.stat().st_size > complete_bytes:
        with output_path.open("r+b") as handle:
            handle.truncate(complete_bytes)
    pending = _skip(numbered_lines(input_path), len(done_ids))
    count = total - len(done_ids)
    chunks = output_chunks(
        pending, count=count, options=options, pages=pages, workers=workers, budget_s=article_budget_s
    )

    def report(_: int, written: int) -> None:
        if progress is not None:
            progress(len(done_ids) + written, total)

    written, errors = append_outputs(output_path, chunks, truncate=not resume, after_each=report)
    return BatchSummary(records=written, errors=errors, skipped=len(done_ids))


def append_outputs(
    output_path: Path,
    outputs: Iterable[OutputChunk],
    *,
    truncate: bool,
    after_each: Callable[[int, int], None],
) -> tuple[int, int]:
    """Append each output's lines to ``output_path`` (emptied first when ``truncate``) by one
    write, fsynced every ``FSYNC_EVERY`` records and at the end; the (records, error records)
    written. ``after_each(outputs written, records written)`` follows every write."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (os.O_TRUNC if truncate else 0)
    written = errors = 0
    descriptor = os.open(output_path, flags, 0o644)
    try:
        for done, output in enumerate(outputs, start=1):
            _write_all(descriptor, output.data)
            if (written + output.records) // FSYNC_EVERY > written // FSYNC_EVERY:
                os.fsync(descriptor)
            written += output.records
            errors += output.errors
            after_each(done, written)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return written, errors


def output_chunks(
    lines: Iterable[tuple[int, bytes]],
    *,
    count: int,
    options: Options,
    pages: bool,
    workers: int,
    budget_s: float | None = None,
) -> Iterator[OutputChunk]:
    """The output of the ``count`` numbered input ``lines``, in order, chunk by chunk."""
    work = partial(_analyze_chunk, options=options, pages=pages, budget_s=budget_s)
    with _ordered_map(workers) as mapper:
        yield from mapper(work, _chunked(iter(lines), count=count, workers=workers))


def chunk_size(remaining: int, workers: int) -> int:
    return max(CHUNK_MIN, min(CHUNK_MAX, remaining // (workers * CHUNKS_PER_WORKER)))


def _chunked(
    lines: Iterator[tuple[int, bytes]], *, count: int, workers: int
) -> Iterator[list[tuple[int, bytes]]]:
    remaining = count
    while chunk := list(itertools.islice(lines, chunk_size(remaining, workers))):
        remaining -= len(chunk)
        yield chunk


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _skip(lines: Iterator[tuple[int, bytes]], count: int) -> Iterator[tuple[int, bytes]]:
    for _ in range(count):
        next(lines, None)
    return lines


def _existing_records(output_path: Path) -> tuple[list[Any], int]:
    """The ids of the complete records already in ``output_path`` and the length in bytes of
    those complete lines (anything after them is a line cut by an interrupted write)."""
    if not output_path.exists():
        return [], 0
    data = output_path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    ids = []
    for number, line in enumerate(complete.splitlines(), start=1):
        try:
            ids.append(json.loads(line)["id"])
        except (ValueError, KeyError, TypeError):
            raise ResumeError(f"line {number} of the output is not a record of this batch") from None
    return ids, len(complete)


def _check_resumable(input_path: Path, done_ids: list[Any]) -> None:
    for (number, raw), done_id in zip(numbered_lines(input_path), done_ids, strict=False):
        try:
            record = parse_json_strict(raw)
        except JsonInputError:
            record = None
        expected = record.get("id") if isinstance(record, dict) else None
        if expected != done_id:
            raise ResumeError(
                f"the output does not continue this input: input line {number} has id {expected!r}, "
                f"the output has {done_id!r}"
            )
    if len(done_ids) > count_records(input_path):
        raise ResumeError("the output holds more records than the input")


@contextmanager
def _ordered_map(workers: int) -> Iterator[Callable[[Callable[[Any], Any], Iterator[Any]], Iterator[Any]]]:
    """An order-keeping map: in this process, or over a pool of worker processes."""
    if workers == 1:
        yield map
        return
    warmed_engine()
    # fork shares the parent's loaded engine with every worker; spawn would reload it per process.
    # Frozen first, as `summarizer serve` does: the workers' collections then neither scan the
    # engine nor write to (and so copy) the pages it shares with them.
    gc.freeze()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = multiprocessing.get_context(method).Pool(workers)
    try:
        yield pool.imap
    finally:
        pool.terminate()
        pool.join()


def format_progress(
    done: int, total: int, elapsed_s: float, *, counted: int | None = None, width: int = 30
) -> str:
    """A one-line progress bar: ``[###.......] 120/1200  10% 85.2 rec/s ETA 0:13``; the rate is
    ``counted`` records (default: ``done``) over ``elapsed_s``."""
    fraction = done / total if total else 1.0
    filled = int(width * fraction)
    rate = (done if counted is None else counted) / elapsed_s if elapsed_s > 0 else 0.0
    eta = _clock((total - done) / rate) if rate > 0 else "--:--"
    return (
        f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {fraction:4.0%} {rate:.1f} rec/s ETA {eta}"
    )


def _clock(seconds: float) -> str:
    minutes, secs = divmod(math.ceil(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """Redraws the bar on a stream at most every ``interval_s`` seconds, and at the end.

    The rate counts from the first record this run finished, so neither the engine's start-up
    nor the records skipped by ``--resume`` distort the ETA."""

    def __init__(self, write: Callable[[str], object], *, interval_s: float = 0.2) -> None:
        self._write = write
        self._interval_s = interval_s
        self._first: tuple[int, float] | None = None
        self._last_drawn = float("-inf")

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self._first is None:
            self._first = (done, now)
        if done < total and now - self._last_drawn < self._interval_s:
            return
        self._last_drawn = now
        first_done, first_time = self._first
        line = format_progress(done, total, now - first_time, counted=done - first_done)
        self._write("\r" + line + ("\n" if done >= total else ""))

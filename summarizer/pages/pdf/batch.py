"""``summarizer batch --pages`` over PDF files: one record per PDF page, in file order.

The input is a PDF file or a folder searched recursively for ``*.pdf`` (sorted by path).
Each page's record has the id ``<path>#<page>``: the file's path relative to the folder (its
name for a single file) and the 1-based page number, e.g. ``2019/0202-04.pdf#1``. A file
that cannot be read gives one error record ``{"id": "<path>", "error": {"code", "message",
"file"}}`` and the batch goes on.

The records of one file are written by one ``write``, so an interrupted run leaves every
file either whole or cut in its last line; ``--resume`` drops the last file found in the
output and continues from it, which loses and duplicates nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from summarizer.batch import (
    BatchSummary,
    OutputChunk,
    Progress,
    ResumeError,
    _ordered_map,  # the batch's order-keeping map over worker processes
    append_outputs,
)
from summarizer.options import Options
from summarizer.pages.pdf.limits import DEFAULT_LIMITS, PdfError, PdfLimits
from summarizer.records import error_record

PAGE_SEPARATOR = "#"


def is_pdf_input(path: Path) -> bool:
    """A folder, or a file named ``*.pdf``: the batch reads PDFs, not JSONL."""
    return path.is_dir() or path.suffix.lower() == ".pdf"


def pdf_files(path: Path) -> list[tuple[str, Path]]:
    """``(id prefix, path)`` of every PDF of the input, in a stable order."""
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf")
        return [(p.relative_to(path).as_posix(), p) for p in found]
    return [(path.name, path)]


def analyze_file(item: tuple[str, Path], *, options: Options, limits: PdfLimits) -> OutputChunk:
    """The output lines of one PDF file (an error record when it cannot be read)."""
    from summarizer import default_engine
    from summarizer.pages.pdf.parser import parse_pdf

    name, path = item
    try:
        pages = parse_pdf(path.read_bytes(), engine=default_engine(), options=options, limits=limits)
        records = [page.to_record(f"{name}{PAGE_SEPARATOR}{page.number}") for page in pages]
    except PdfError as error:
        records = [error_record(name, error.code, error.message, file=name)]
    except OSError as error:
        records = [error_record(name, "unreadable_file", f"{error.strerror or error}", file=name)]
    return OutputChunk.of(records)


def run_pdf_batch(
    input_path: Path,
    output_path: Path,
    *,
    options: Options,
    workers: int = 1,
    resume: bool = False,
    progress: Progress | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> BatchSummary:
    """Every page of every PDF of ``input_path`` into ``output_path`` (see the module doc)."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    files = pdf_files(input_path)
    done_files, keep_bytes, kept_records = _resume_point(output_path, files) if resume else (0, 0, 0)
    if resume and output_path.exists():
        with output_path.open("r+b") as handle:
            handle.truncate(keep_bytes)

    def report(done: int, _: int) -> None:
        if progress is not None:
            progress(done_files + done, len(files))

    outputs = _file_outputs(files[done_files:], workers=workers, options=options, limits=limits)
    written, errors = append_outputs(output_path, outputs, truncate=not resume, after_each=report)
    return BatchSummary(records=written, errors=errors, skipped=kept_records)


def _file_outputs(
    files: list[tuple[str, Path]], *, workers: int, options: Options, limits: PdfLimits
) -> Iterator[OutputChunk]:
    """The output of each file, in order (the worker processes start at the first one asked for)."""
    work = partial(analyze_file, options=options, limits=limits)
    with _ordered_map(workers) as mapper:
        yield from mapper(work, iter(files))


def _file_of(record_id: object) -> str:
    text = str(record_id)
    head, separator, number = text.rpartition(PAGE_SEPARATOR)
    return head if separator and number.isdigit() else text


def _resume_point(output_path: Path, files: list[tuple[str, Path]]) -> tuple[int, int, int]:
    """How many input files the output holds whole, the length in bytes of their records,
    and how many records that is. The last file found may be cut: it is done again."""
    import json

    if not output_path.exists():
        return 0, 0, 0
    data = output_path.read_bytes()
    complete = data[: data.rfind(b"\n") + 1]
    names = [name for name, _ in files]
    seen: list[str] = []  # files in output order
    starts: list[tuple[int, int]] = []  # (byte offset, record count) where each file starts
    offset = 0
    for count, line in enumerate(complete.splitlines(keepends=True)):
        number = count + 1
        try:
            name = _file_of(json.loads(line)["id"])
        except (ValueError, KeyError, TypeError):
            raise ResumeError(f"line {number} of the output is not a record of this batch") from None
        if not seen or seen[-1] != name:
            if len(seen) >= len(names) or names[len(seen)] != name:
                raise ResumeError(f"the output does not continue this input: line {number} is of {name!r}")
            seen.append(name)
            starts.append((offset, count))
        offset += len(line)
    if not seen:
        return 0, 0, 0
    last_offset, last_count = starts[-1]
    return len(seen) - 1, last_offset, last_count

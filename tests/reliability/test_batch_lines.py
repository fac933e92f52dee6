"""Broken batch lines: exactly one output record per non-blank input line, in order; an
error record (with the line number, and the id when there is one) for each bad line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import Options
from summarizer.cli import main

from .checks import check_record
from .corpus import ARTICLE

# (raw line, expected id, expected error code or None for a normal record). Line numbers are
# physical: the blank lines between them count.
LINES: list[tuple[bytes, Any, str | None]] = [
    (json.dumps({"id": "ok-1", "text": ARTICLE}).encode(), "ok-1", None),
    (b"this is not JSON", None, "invalid_json"),
    (b'{"id": "no-text"}', "no-text", "missing_text"),
    (b'{"id": "null-text", "text": null}', "null-text", "missing_text"),
    (b'{"id": "number-text", "text": 42}', "number-text", "invalid_text"),
    (b'{"id": "list-text", "text": ["a"]}', "list-text", "invalid_text"),
    (json.dumps({"id": 7, "text": ARTICLE}).encode(), 7, None),
    (json.dumps({"id": 8.5, "text": ARTICLE}).encode(), 8.5, None),
    (b"[1, 2, 3]", None, "invalid_record"),
    (b'"just a string"', None, "invalid_record"),
    (b'{"id": "cut", "text": "abc', None, "invalid_json"),
    (b'{"id": "gbk", "text": "' + "中文".encode("gbk") + b'"}', None, "invalid_utf8"),
    (b'{"id": "dup", "text": "a", "text": "b"}', None, "invalid_json"),
    (b'{"id": "nan", "text": "a", "max_chars": NaN}', None, "invalid_json"),
    (b'{"id": "surrogate", "text": "\\ud800"}', None, "invalid_unicode"),
    (json.dumps({"id": "extra", "text": ARTICLE, "title": 5, "kicker": None}).encode(), "extra", None),
    (b'{"text": "\xe6\x97\xa0\xe7\xbc\x96\xe5\x8f\xb7\xe3\x80\x82"}', None, None),
    (b'\t  {"id": "indented", "text": "\xe5\xa5\xbd\xe3\x80\x82"}  ', "indented", None),
    (b"{" * 100 + b"}" * 100, None, "invalid_json"),
]
BLANK_AFTER = {0, 5, 8}  # a blank (or whitespace-only) line follows these entries


def write_input(path: Path, lines: list[tuple[bytes, Any, str | None]]) -> list[int]:
    """Writes the lines; returns each entry's 1-based physical line number."""
    numbers, raw, number = [], [], 0
    for index, (line, _, _) in enumerate(lines):
        number += 1
        numbers.append(number)
        raw.append(line)
        if index in BLANK_AFTER:
            number += 1
            raw.append(b"   " if index % 2 else b"")
    path.write_bytes(b"\n".join(raw) + b"\n")
    return numbers


def run_batch(source: Path, output: Path, *extra: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["batch", str(source), "-o", str(output), "--no-progress", *extra])
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return [json.loads(line) for line in output.read_bytes().split(b"\n") if line]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_one_record_per_non_blank_line_in_order(tmp_path: Path, workers: str) -> None:
    numbers = write_input(tmp_path / "in.jsonl", LINES)
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    records = run_batch(source, output, "--workers", workers, "--max-chars", "60")
    assert len(records) == len(LINES)
    for (_, expected_id, code), number, record in zip(LINES, numbers, records, strict=True):
        assert record["id"] == expected_id, (number, record)
        if code is None:
            check_record(record, text=None, options=Options(max_chars=60), record_id=expected_id)
        else:
            assert record["error"]["code"] == code, (number, record)
            assert record["error"]["line"] == number
            assert record["error"]["message"]


def test_a_huge_number_on_one_line_does_not_stop_the_batch(tmp_path: Path) -> None:
    lines = [
        (b'{"id": "a", "text": "\xe5\xa5\xbd\xe3\x80\x82"}', "a", None),
        (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', None, "invalid_json"),
        (b'{"id": "b", "text": "\xe5\xa5\xbd\xe3\x80\x82"}', "b", None),
    ]
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(line for line, _, _ in lines) + b"\n")
    records = run_batch(tmp_path / "in.jsonl", tmp_path / "out.jsonl")
    assert [r["id"] for r in records] == ["a", None, "b"]
    assert (records[1]["error"]["code"], records[1]["error"]["line"]) == ("invalid_json", 2)

"""The corpus against the CLI (click's runner, in process): ``summarizer summarize --json``
gives a valid record or a one-line error with the documented exit code (0 success, 1 bad
input data, 2 usage); ``summarizer batch`` gives one valid record per text, in order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from summarizer import Options
from summarizer.cli import main

from .checks import check_record
from .corpus import ARTICLE, OPTION_CASES, TEXT_CASES, OptionCase, TextCase
from .known_failures import params


def run(args: list[str]) -> Result:
    return CliRunner().invoke(main, args, catch_exceptions=False)


def assert_one_line_error(result: Result, exit_code: int) -> None:
    assert result.exit_code == exit_code, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", params("cli_summarize", TEXT_CASES))
def test_summarize_json(tmp_path: Path, case: TextCase) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(case.text.encode("utf-8", "surrogatepass"))  # a lone surrogate: invalid UTF-8
    result = run(["summarize", "--json", str(path)])
    if case.cli != 0:
        assert_one_line_error(result, case.cli)
        return
    assert result.exit_code == 0, result.stderr
    check_record(json.loads(result.stdout), text=case.text, options=Options(), record_id=None)


@pytest.mark.parametrize("case", params("cli_options", [c for c in OPTION_CASES if c.query is not None]))
def test_summarize_option_flags(tmp_path: Path, case: OptionCase) -> None:
    assert case.query is not None
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    flags = [part for name, value in case.query.items() for part in ("--" + name.replace("_", "-"), value)]
    result = run(["summarize", "--json", *flags, str(path)])
    if case.field is None:
        assert result.exit_code == 0, result.stderr
        options = Options.from_mapping(case.options)
        check_record(json.loads(result.stdout), text=ARTICLE, options=options, record_id=None)
    else:
        assert_one_line_error(result, 2)
        assert "--" + case.field.replace("_", "-") in result.stderr


# A line refused before it is read as JSON has no id (null).
REFUSED = {case.name for case in TEXT_CASES if case.api_code == "invalid_unicode"}


@pytest.fixture(scope="module")
def batch_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every text of the corpus as one line of a single ``summarizer batch`` run."""
    folder = tmp_path_factory.mktemp("batch")
    source, output = folder / "in.jsonl", folder / "out.jsonl"
    lines = [json.dumps({"id": case.name, "text": case.text}) for case in TEXT_CASES]  # \\u escapes
    source.write_text("\n".join(lines) + "\n", encoding="ascii")
    result = run(["batch", str(source), "-o", str(output), "--no-progress"])
    assert result.exit_code == 0, result.stderr
    # Split on "\n" only: str.splitlines would also cut at U+2028 or U+0085 inside a JSON string.
    return [json.loads(line) for line in output.read_bytes().decode("utf-8").split("\n") if line]


def test_batch_gives_one_record_per_text_in_order(batch_records: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in batch_records] == [None if c.name in REFUSED else c.name for c in TEXT_CASES]


@pytest.mark.parametrize("case", params("cli_batch", TEXT_CASES))
def test_batch_record_is_valid(batch_records: list[dict[str, Any]], case: TextCase) -> None:
    number = TEXT_CASES.index(case) + 1
    record = batch_records[number - 1]
    if case.name in REFUSED:
        # JSON that cannot be written back as UTF-8 is refused at the line, with its number.
        assert record["error"]["code"] == "invalid_unicode" and record["error"]["line"] == number
        return
    # The batch has the library's semantics: a blank text is a valid, empty result.
    check_record(record, text=case.text, options=Options(), record_id=case.name)
    assert record["summary"] or not case.summarized

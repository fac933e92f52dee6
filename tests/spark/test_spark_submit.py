"""The spark-submit entry point refuses bad arguments before any Spark starts (no Java needed)."""

from __future__ import annotations

import pytest

pytest.importorskip("pyspark", reason="the [spark] extra is not installed (pip install -e '.[spark]')")

from summarizer.spark.submit import EXIT_DATA_ERROR, main


@pytest.mark.parametrize(
    "options", ["[1]", "{not json", '{"max_chars": -1}', '{"colour": "red"}', '{"output_script": "zh-Hant"}']
)
def test_bad_options_are_usage_errors(options: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["in.jsonl", "out.jsonl", "--options", options])
    assert exit_info.value.code == 2
    assert "--options" in capsys.readouterr().err


def test_an_unknown_format_is_a_data_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["in.csv", "out.jsonl"])
    assert exit_info.value.code == EXIT_DATA_ERROR
    assert "use .jsonl or .parquet" in capsys.readouterr().err

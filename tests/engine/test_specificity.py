"""The IDF table: the shipped file is jieba's table, and its grouped form reads back exactly."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.rank.specificity import (
    IDF_FILE,
    IdfTable,
    grouped_idf_text,
    jieba_idf,
    parse_jieba_idf,
    read_grouped_idf,
)

_WORDS = st.text(st.characters(blacklist_categories=("Z", "C")), min_size=1, max_size=4)
_VALUES = st.floats(allow_nan=False, allow_infinity=False)


def _jieba_idf_file() -> Path:
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin is not None, "jieba is a dependency of the package"
    return Path(spec.origin).parent / "analyse" / "idf.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲 1.5\n乙 2\n", {"甲": 1.5, "乙": 2.0}),
        ("甲 1.5\n\n乙 2\n", {"甲": 1.5, "乙": 2.0}),  # blank lines
        ("甲 1.5\n   \n乙 2\n", {"甲": 1.5, "乙": 2.0}),  # a line of spaces
        ("甲 1.5\n丙 丁 3\n乙 2\n", {"甲": 1.5, "乙": 2.0}),  # a line that is not a pair is skipped
        ("甲 1.5\n丙\n乙 2\n", {"甲": 1.5, "乙": 2.0}),
    ],
)
def test_jieba_idf_lines_that_are_not_word_value_pairs_are_skipped(
    text: str, expected: dict[str, float]
) -> None:
    assert parse_jieba_idf(text.splitlines(keepends=True)) == expected


@given(st.dictionaries(_WORDS, _VALUES, max_size=40))
def test_the_grouped_form_reads_back_every_value_and_the_upper_median(values: dict[str, float]) -> None:
    table = read_grouped_idf(grouped_idf_text(values).splitlines())
    assert table.values == values
    assert table.median == (sorted(values.values())[len(values) // 2] if values else 1.0)


def test_the_shipped_table_is_jiebas_table_as_the_build_script_writes_it() -> None:
    with _jieba_idf_file().open(encoding="utf-8") as lines:
        reference = parse_jieba_idf(lines)
    shipped = resources.files("summarizer.data").joinpath(IDF_FILE).read_text(encoding="utf-8")
    assert shipped == grouped_idf_text(reference), "rerun scripts/build_idf_table.py"
    table = jieba_idf()
    assert table.values == reference
    assert table.median == sorted(reference.values())[len(reference) // 2]
    # The commonest words are the least specific; a word the table lacks counts as typical.
    assert table.relative("的") < table.relative("熊猫") < table.relative("没有这个词") == 1.0


def test_relative_all_is_relative_of_each_word() -> None:
    table = IdfTable({"熊猫": 9.5, "的": 0.5, "发展": 2.0}, 2.0)
    words = ("熊猫", "没有这个词", "的", "发展", "熊猫")
    assert table.relative_all(words).tolist() == [table.relative(word) for word in words]

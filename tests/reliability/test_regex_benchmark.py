"""``benchmarks/regex_backtracking.py`` finds the package's patterns and, on adversarial
lines (shorter than the benchmark's 1 MB, to keep CI fast), flags none of them."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from .conftest import REPO_ROOT

BENCHMARK = REPO_ROOT / "benchmarks" / "regex_backtracking.py"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    arguments = ["--size", "65536", "--bound-ms", "1000", "--timeout", "10", "--json"]
    result = subprocess.run(
        [sys.executable, str(BENCHMARK), *arguments], capture_output=True, text=True, timeout=900, check=False
    )
    parsed: dict[str, Any] = json.loads(result.stdout)
    assert result.returncode == (1 if parsed["flagged"] or parsed["import_errors"] else 0)
    return parsed


def test_every_pattern_of_the_package_is_checked(report: dict[str, Any]) -> None:
    assert report["import_errors"] == []
    where = {timing["where"] for timing in report["timings"]}
    # Module attributes and literals inside functions alike, from both packages.
    assert "summarizer.options._LENGTH_SPEC" in where
    assert any(w.startswith("summarizer.text.") for w in where)
    assert any(w.startswith("summarizer.pages.") for w in where)
    assert any(w.startswith("api.") for w in where)


def test_no_pattern_backtracks(report: dict[str, Any]) -> None:
    # Found here and fixed: summarizer.headline.clauses._DATELINE '^\\s*[□■●◆]?\\s*' (quadratic
    # on a run of spaces, the two \\s* sharing it).
    assert report["flagged"] == [], report["flagged"]

"""``benchmarks/regex_backtracking.py`` finds the package's patterns and, on adversarial
lines (shorter than the benchmark's 1 MB, to keep CI fast), flags none but the known ones."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from .conftest import REPO_ROOT

BENCHMARK = REPO_ROOT / "benchmarks" / "regex_backtracking.py"
KNOWN_BACKTRACKING = {
    "summarizer.headline.clauses._DATELINE": (
        "'^\\s*[□■●◆]?\\s*(...)' is quadratic on a run of spaces (the two \\s* share it); the splitter "
        "leaves U+2003/U+2028/U+0085/U+001C at a sentence start, so analyze('\\u2003' * 4000 + text) "
        "takes 0.5 s, 99,000 (within the API's limit) minutes. Fix: '^\\s*(?:[□■●◆]\\s*)?(...)'"
    ),
}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    arguments = ["--size", "65536", "--bound-ms", "1000", "--timeout", "20", "--json"]
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


def test_no_other_pattern_backtracks(report: dict[str, Any]) -> None:
    flagged = [t for t in report["flagged"] if t["where"] not in KNOWN_BACKTRACKING]
    assert flagged == [], flagged


@pytest.mark.parametrize(
    "where",
    [pytest.param(w, marks=pytest.mark.xfail(strict=True, reason=r)) for w, r in KNOWN_BACKTRACKING.items()],
)
def test_known_backtracking_pattern(report: dict[str, Any], where: str) -> None:
    checked = {t["where"] for t in report["timings"]}
    flagged = {t["where"] for t in report["flagged"]}
    assert where in checked and where not in flagged

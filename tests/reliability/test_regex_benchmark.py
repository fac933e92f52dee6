"""``benchmarks/regex_backtracking.py`` finds the package's patterns and, on adversarial
lines (shorter than the benchmark's 1 MB, to keep CI fast), flags none of them."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import REPO_ROOT

BENCHMARK = REPO_ROOT / "benchmarks" / "regex_backtracking.py"


def test_every_pattern_is_checked_and_none_backtracks() -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(BENCHMARK),
            "--size",
            "65536",
            "--bound-ms",
            "1000",
            "--timeout",
            "60",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    report = json.loads(result.stdout)
    assert report["import_errors"] == []
    where = {timing["where"] for timing in report["timings"]}
    # Patterns known to exist in the package are among those checked (module attributes and
    # literals inside functions alike).
    assert "summarizer.options._LENGTH_SPEC" in where
    assert any(w.startswith("summarizer.text.") for w in where)
    assert any(w.startswith("summarizer.pages.") for w in where)
    assert any(w.startswith("api.") for w in where)
    assert report["flagged"] == [], report["flagged"]
    assert result.returncode == 0

"""Each benchmark script runs end to end in its tiny ``--quick`` mode and prints its table.

Only the output's shape is checked, never a time: the figures belong to ``make bench``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DIR = REPO_ROOT / ".." / "shared"
SCRIPT_TIMEOUT_S = 300

pytestmark = pytest.mark.skipif(
    not (SHARED_DIR / "eval" / "dev" / "peoples_daily.jsonl").is_file(),
    reason="the benchmarks read ../shared/eval/dev, absent here",
)


def run_script(module: str, *arguments: str) -> str:
    finished = subprocess.run(
        [sys.executable, "-m", module, "--quick", *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=SCRIPT_TIMEOUT_S,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    skipped = [line for line in finished.stdout.splitlines() if line.startswith("SKIPPED:")]
    if skipped:
        pytest.skip(f"{module}: {skipped[0]}")
    return finished.stdout


def assert_report(output: str, *, columns: tuple[str, ...], targets: tuple[str, ...]) -> None:
    assert "Python 3" in output and "logical CPUs" in output and "Packages:" in output
    header = next(line for line in output.splitlines() if line.startswith(f"| {columns[0]}"))
    for column in columns:
        assert column in header
    for target in targets:
        verdict_line = next(line for line in output.splitlines() if line.startswith(f"| {target}"))
        assert verdict_line.rstrip(" |").endswith(("PASS", "FAIL"))


@pytest.mark.parametrize(
    ("module", "columns", "targets"),
    [
        (
            "benchmarks.vs_textrank4zh",
            ("contender", "ms/article (median)", "spread", "runs"),
            ("speed-up over textrank4zh",),
        ),
        ("benchmarks.vs_tokenizer", ("what", "ms/article (median)", "share of analysis"), ("analysis time",)),
        ("benchmarks.scaling", ("characters", "ours ms (median)", "jieba.cut ms", "textrank4zh ms"), ()),
        ("benchmarks.batch_workers", ("command", "seconds (median)", "spread"), ("speed-up of --workers 2",)),
        (
            "benchmarks.traditional",
            ("articles", "ms/article (median)", "x simplified"),
            ("traditional / simplified time",),
        ),
    ],
)
def test_script_prints_its_table_and_verdicts(
    module: str, columns: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    assert_report(run_script(module), columns=columns, targets=targets)


def test_tokenizer_script_reports_every_stage() -> None:
    output = run_script("benchmarks.vs_tokenizer")
    stage_lines = [line for line in output.splitlines() if line.startswith("| stage: ")]
    for stage in ("tokenization", "graph building", "ranking", "key phrases", "headlines"):
        assert any(stage in line for line in stage_lines), stage


def test_scaling_script_saves_a_png_plot(tmp_path: Path) -> None:
    output = run_script("benchmarks.scaling")
    plot_line = next(line for line in output.splitlines() if line.startswith("- plot: "))
    plot = Path(plot_line.removeprefix("- plot: "))
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_load_script_drives_a_real_server() -> None:
    output = run_script("benchmarks.load")
    assert_report(
        output,
        columns=("run", "requests/s", "p99 ms", "errors"),
        targets=("requests/s", "p99 latency", "errors", "peak RSS"),
    )
    assert "master pid" in output and output.count("worker pid") == 2


def test_run_all_writes_the_report_and_a_summary(tmp_path: Path) -> None:
    report = tmp_path / "bench.md"
    output = run_script("benchmarks.run_all", "--only", "vs_tokenizer", "--output", str(report))
    assert "## Summary of the targets" in output
    assert report.read_text(encoding="utf-8").startswith("# Benchmarks (issue 5)")


def test_run_all_rejects_an_unknown_benchmark() -> None:
    finished = subprocess.run(
        [sys.executable, "-m", "benchmarks.run_all", "--only", "nonsense"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 2
    assert "unknown benchmark(s) nonsense" in finished.stderr


def test_profile_script_prints_the_call_tree_under_analyze() -> None:
    output = run_script("benchmarks.profile_engine", "--tokenizer", "rjieba")
    assert "Engine(tokenizer='rjieba')" in output
    assert "Engine.analyze" in output and "build_document" in output

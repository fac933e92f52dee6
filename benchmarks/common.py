"""What every benchmark shares: settings, the dev data, repeated timing, verdicts and the table.

Tables are printed as Markdown pipe tables: readable in a terminal and pasted as they are into
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO_ROOT / ".." / "shared"
PACKAGES = (
    "zh-news-summarizer",
    "jieba",
    "rjieba",
    "numpy",
    "scipy",
    "flask",
    "gunicorn",
    "textrank4zh",
    "networkx",
)


class Skip(Exception):
    """The benchmark cannot run here (no data, no textrank4zh, no CLI); the message says why."""


@dataclass(frozen=True, kw_only=True)
class Settings:
    shared: Path = DEFAULT_SHARED
    quick: bool = False  # a tiny run that only proves the script works (smoke tests)

    @property
    def dev(self) -> Path:
        return self.shared / "eval" / "dev"


@dataclass(frozen=True)
class Article:
    id: str
    text: str


@dataclass(frozen=True)
class Timing:
    """Seconds taken by each of several repeated runs of the same work: wall clock, and the CPU
    time of this process (which other processes on a shared machine do not inflate)."""

    runs: tuple[float, ...]
    cpu: tuple[float, ...] = ()

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def spread(self) -> float:
        """(max - min) / median: how far apart the repeated runs are."""
        return (max(self.runs) - min(self.runs)) / self.median if self.median > 0 else 0.0

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    def per_item(self, count: int) -> Timing:
        return Timing(tuple(run / count for run in self.runs), tuple(run / count for run in self.cpu))

    def __add__(self, other: Timing) -> Timing:
        return Timing(self.runs + other.runs, self.cpu + other.cpu)

    def describe_ms(self) -> tuple[str, str, str]:
        """Median, min-max range and relative spread, in milliseconds."""
        return (
            f"{self.median * 1000:.3f}",
            f"{min(self.runs) * 1000:.3f}–{max(self.runs) * 1000:.3f}",
            f"±{self.spread * 50:.1f}%",
        )


@dataclass(frozen=True)
class Check:
    """One target of issue 5 and whether this run meets it."""

    name: str
    value: float
    target: str
    passed: bool


@dataclass(frozen=True, kw_only=True)
class Report:
    title: str
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    checks: tuple[Check, ...] = ()
    notes: tuple[str, ...] = ()
    skipped: str | None = None

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)


def at_least(name: str, value: float, bound: float) -> Check:
    return Check(name, value, f">= {bound:g}", value >= bound)


def at_most(name: str, value: float, bound: float) -> Check:
    return Check(name, value, f"<= {bound:g}", value <= bound)


def none(name: str, value: float) -> Check:
    return Check(name, value, "0", value == 0)


def below(name: str, value: float, bound: float) -> Check:
    return Check(name, value, f"< {bound:g}", value < bound)


def time_runs(work: Callable[[], object], *, runs: int, warmup: int = 1) -> Timing:
    """Time ``runs`` calls of ``work`` after ``warmup`` untimed calls; the collector runs between
    calls, never inside one, so a collection triggered by one contender is not billed to the other."""
    for _ in range(warmup):
        work()
    seconds = []
    cpu_seconds = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            work()
        finally:
            seconds.append(time.perf_counter() - started)
            cpu_seconds.append(time.process_time() - cpu_started)
            gc.enable()
    return Timing(tuple(seconds), tuple(cpu_seconds))


def load_articles(settings: Settings, name: str = "peoples_daily") -> tuple[Article, ...]:
    """The dev articles of one file (only ``id`` and ``text`` are read)."""
    path = settings.dev / f"{name}.jsonl"
    if not path.is_file():
        raise Skip(f"{path} not found: the dev sets live in ../shared beside the repository")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return tuple(Article(str(r["id"]), r["text"]) for r in records if isinstance(r.get("text"), str))


def dev_articles_file(settings: Settings, workdir: Path, *, quick_count: int) -> tuple[Path, int]:
    """The People's Daily dev file and its article count; in ``--quick`` mode a copy of its first
    ``quick_count`` lines in ``workdir``."""
    source = settings.dev / "peoples_daily.jsonl"
    if not source.is_file():
        raise Skip(f"{source} not found: the dev sets live in ../shared beside the repository")
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not settings.quick:
        return source, len(lines)
    subset = workdir / "quick.jsonl"
    subset.write_text("\n".join(lines[:quick_count]) + "\n", encoding="utf-8")
    return subset, quick_count


def spaced_sample(articles: Sequence[Article], count: int) -> tuple[Article, ...]:
    """``count`` articles spread evenly over the file, so a sample is not one month or one page."""
    if count >= len(articles):
        return tuple(articles)
    step = len(articles) / count
    return tuple(articles[int(i * step)] for i in range(count))


def require_module(name: str, why: str) -> None:
    try:
        __import__(name)
    except ImportError as error:
        raise Skip(f"{name} is not installed ({why}): {error}") from None


def machine_lines() -> tuple[str, ...]:
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    busy = " (busy: other work shares the CPUs, times are inflated)" if load > (affinity or 1) / 2 else ""
    return (
        f"CPU: {_cpu_model()}, {os.cpu_count()} logical CPUs ({affinity} usable); "
        f"load average at start {load:.2f}{busy}",
        f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}",
        f"Packages: {versions}",
        f"Engine: {_engine_build()}",
    )


def _engine_build() -> str:
    from summarizer.build_info import compiled_modules

    compiled = compiled_modules()
    if not compiled:
        return "Python source only (installed with SUMMARIZER_PURE_PYTHON=1)"
    return f"{len(compiled)} modules compiled by mypyc (setup.py), the rest Python source"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def render(report: Report) -> str:
    lines = [f"## {report.title}", ""]
    if report.skipped is not None:
        lines.append(f"SKIPPED: {report.skipped}")
        return "\n".join(lines) + "\n"
    if report.columns:
        lines.extend(_table(report.columns, report.rows))
        lines.append("")
    if report.checks:
        lines.extend(
            _table(
                ("target", "measured", "required", "verdict"),
                [(c.name, figure(c.value), c.target, "PASS" if c.passed else "FAIL") for c in report.checks],
            )
        )
        lines.append("")
    lines.extend(f"- {note}" for note in report.notes)
    return "\n".join(lines).rstrip() + "\n"


def figure(value: float) -> str:
    """Three significant digits, without switching to exponent notation for large ratios."""
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}"


def _table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    body = [list(row) for row in rows]
    widths = [max(len(str(cell)) for cell in column) for column in zip(columns, *body, strict=False)]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return [line(columns), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *(line(r) for r in body)]


def parser(description: str) -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(description=description)
    arguments.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the ../shared data folder")
    arguments.add_argument("--quick", action="store_true", help="tiny run: checks the script, not the speed")
    arguments.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    return arguments


def settings_from(namespace: argparse.Namespace) -> Settings:
    return Settings(shared=namespace.shared, quick=namespace.quick)


def measure_or_skip(measure: Callable[[Settings], Report], settings: Settings, title: str) -> Report:
    try:
        return measure(settings)
    except Skip as skip:
        return Report(title=title, skipped=str(skip))


def script_main(
    measure: Callable[[Settings], Report], title: str, description: str, argv: Sequence[str] | None
) -> int:
    """The ``main`` of every benchmark script: machine, table, verdicts; exit 1 only under
    ``--strict`` when a target is missed."""
    namespace = parser(description).parse_args(argv)
    settings = settings_from(namespace)
    print("\n".join(f"- {line}" for line in machine_lines()), end="\n\n")
    report = measure_or_skip(measure, settings, title)
    print(render(report), flush=True)
    return 1 if namespace.strict and not report.passed else 0


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)

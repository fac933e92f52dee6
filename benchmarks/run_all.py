"""Every benchmark of issue 5 in one run (``make bench``): the machine, one table per figure, and
a summary of the targets. About 3.5 minutes on 2 cores; ``--quick`` only checks that all scripts run.

    .venv/bin/python -m benchmarks.run_all [--quick] [--only scaling,load] [--output bench.md] [--strict]

``--only spark_vs_local`` adds the Spark comparison (its own script, not run by default).
"""

from __future__ import annotations

import gc
import importlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.common import (
    Report,
    Settings,
    figure,
    machine_lines,
    measure_or_skip,
    parser,
    render,
    settings_from,
)

# The figures of issue 5, run by default. Every script is a module of this package with a
# ``TITLE`` and a ``measure(settings) -> Report``.
SCRIPTS = ("vs_textrank4zh", "vs_tokenizer", "scaling", "batch_workers", "load", "pdf_pages", "traditional")
# Run only when named with --only: Spark has no target in issue 5, and starting its JVM would
# eat into the 10 minutes that make bench is allowed.
OPTIONAL = ("spark_vs_local",)


def run(names: Sequence[str], settings: Settings, emit: Callable[[str], None]) -> list[Report]:
    emit("# Benchmarks (issue 5)\n")
    emit("\n".join(f"- {line}" for line in machine_lines()) + "\n")
    reports = []
    for name in names:
        module = importlib.import_module(f"benchmarks.{name}")
        started = time.perf_counter()
        report = measure_or_skip(module.measure, settings, module.TITLE)
        gc.collect()  # each benchmark starts without the previous one's garbage
        reports.append(report)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        emit(
            render(report)
            + f"\n_{name}: {time.perf_counter() - started:.0f} s, load average after it {load:.2f}_\n"
        )
    emit(summary(reports))
    return reports


def summary(reports: Sequence[Report]) -> str:
    lines = ["## Summary of the targets", ""]
    lines.append("| benchmark | target | measured | required | verdict |")
    lines.append("|---|---|---|---|---|")
    for report in reports:
        if report.skipped is not None:
            lines.append(f"| {report.title} | all | skipped | | SKIPPED: {report.skipped} |")
        for check in report.checks:
            verdict = "PASS" if check.passed else "FAIL"
            lines.append(
                f"| {report.title} | {check.name} | {figure(check.value)} | {check.target} | {verdict} |"
            )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parser(__doc__ or "all benchmarks")
    arguments.add_argument(
        "--only",
        default=",".join(SCRIPTS),
        help=f"comma-separated, among {', '.join(SCRIPTS + OPTIONAL)} (default: all but the optional)",
    )
    arguments.add_argument("--output", type=Path, help="also write the report (Markdown) to this file")
    namespace = arguments.parse_args(argv)
    names = [name.strip() for name in namespace.only.split(",") if name.strip()]
    unknown = sorted(set(names) - set(SCRIPTS + OPTIONAL))
    if unknown:
        arguments.error(
            f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(SCRIPTS + OPTIONAL)}"
        )
    parts: list[str] = []

    def emit(text: str) -> None:
        print(text, flush=True)
        parts.append(text)

    started = time.perf_counter()
    reports = run(names, settings_from(namespace), emit)
    emit(f"_total: {time.perf_counter() - started:.0f} s_")
    if namespace.output is not None:
        namespace.output.write_text("\n".join(parts), encoding="utf-8")
    failed = any(not report.passed for report in reports)
    return 1 if namespace.strict and failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

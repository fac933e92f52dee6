"""Figure 3: cost against article length, 500 to 50,000 characters, for us, textrank4zh (while it
stays affordable) and the jieba.cut floor. Target: a 20,000-character article costs at most 25
times a 1,000-character one. Saves the plot to docs/bench_scaling.png.

Long articles are dev articles laid end to end (one per paragraph) and cut at the wanted length;
each length is measured on several such texts, starting from different articles.

    .venv/bin/python -m benchmarks.scaling [--quick] [--shared ../shared]
"""

from __future__ import annotations

import math
import tempfile
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import contenders
from benchmarks.common import (
    REPO_ROOT,
    Article,
    Check,
    Report,
    Settings,
    Timing,
    at_most,
    load_articles,
    progress,
    script_main,
    time_runs,
)

TITLE = "Scaling: cost against article length"
SIZES = (500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000)
QUICK_SIZES = (500, 1_000, 2_000)
VARIANTS = 3
TARGET = 25.0
MIN_RUNS, MAX_RUNS, MIN_SECONDS = 3, 15, 0.4
# textrank4zh is quadratic: beyond the length where one text would take this long it is not run.
TEXTRANK4ZH_BUDGET_S = 3.0
PLOT = REPO_ROOT / "docs" / "bench_scaling.png"
US, THEM, FLOOR = "summarizer.analyze", "textrank4zh", "jieba.cut"


@dataclass(frozen=True)
class Point:
    size: int
    timing: Timing  # seconds per text


def long_texts(articles: Sequence[Article], size: int, variants: int) -> list[str]:
    """``variants`` texts of exactly ``size`` characters, each starting at a different article."""
    texts = []
    for variant in range(variants):
        start = variant * len(articles) // variants
        parts: list[str] = []
        length = 0
        for article in (*articles[start:], *articles[:start]):
            parts.append(article.text.strip())
            length += len(parts[-1]) + 1
            if length > size:
                break
        texts.append("\n".join(parts)[:size])
    return texts


def time_per_text(analyze: Callable[[str], object], texts: Sequence[str], *, quick: bool) -> Timing:
    """Repeat until the runs add up to a measurable time (at least 3 runs, at most 15)."""
    run = contenders.over(analyze, texts)
    first = time_runs(run, runs=1, warmup=0)
    wanted = 1 if quick else max(MIN_RUNS, min(MAX_RUNS, math.ceil(MIN_SECONDS / max(first.median, 1e-9))))
    rest = time_runs(run, runs=wanted - 1, warmup=0) if wanted > 1 else Timing(())
    return (first + rest).per_item(len(texts))


def peak_memory_mb(analyze: Callable[[str], object], text: str) -> float:
    """Peak Python + numpy allocation of one analysis (tracemalloc sees numpy's buffers)."""
    tracemalloc.start()
    try:
        analyze(text)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def measure(settings: Settings) -> Report:
    sizes = QUICK_SIZES if settings.quick else SIZES
    articles = load_articles(settings)
    named = {US: contenders.ours(), FLOOR: contenders.jieba_cut(), THEM: contenders.textrank4zh()}
    for analyze in named.values():
        contenders.warm(analyze, articles[0].text)
    curves: dict[str, list[Point]] = {name: [] for name in named}
    memory: dict[int, float] = {}
    for size in sizes:
        texts = long_texts(articles, size, 1 if settings.quick else VARIANTS)
        for name, analyze in named.items():
            if name == THEM and not _affordable(curves[THEM], size):
                continue
            curves[name].append(Point(size, time_per_text(analyze, texts, quick=settings.quick)))
        memory[size] = peak_memory_mb(named[US], texts[0])
        progress(f"scaling: {size} characters done")
    # A quick run proves the plotting works without replacing the real plot.
    plot_path = PLOT if not settings.quick else Path(tempfile.gettempdir()) / "bench_scaling_quick.png"
    plot(curves, plot_path)
    return _report(curves, memory, sizes, plot_path)


def _affordable(done: Sequence[Point], size: int) -> bool:
    if not done:
        return True
    last = done[-1]
    predicted = last.timing.median * (size / last.size) ** 2
    return predicted <= TEXTRANK4ZH_BUDGET_S


def _report(
    curves: dict[str, list[Point]], memory: dict[int, float], sizes: Sequence[int], plot_path: Path
) -> Report:
    by_size = {name: {p.size: p.timing for p in points} for name, points in curves.items()}
    ours = by_size[US]
    rows = []
    for size in sizes:
        median, span, spread = ours[size].describe_ms()
        relative = ours[size].median / ours[1_000].median
        theirs = by_size[THEM].get(size)
        rows.append(
            (
                f"{size:,}",
                median,
                span,
                spread,
                f"{ours[size].median / size * 1e6:.2f}",
                f"{relative:.2f}",
                f"{memory[size]:.1f}",
                f"{by_size[FLOOR][size].median * 1000:.3f}",
                f"{theirs.median * 1000:.1f}" if theirs else "not run (quadratic, over budget)",
            )
        )
    checks: tuple[Check, ...] = ()
    cpu_note: tuple[str, ...] = ()
    if 20_000 in ours:
        cpu_ratio = ours[20_000].cpu_median / ours[1_000].cpu_median
        cpu_note = (f"the same ratio in CPU time of the process: {cpu_ratio:.2f}",)
        checks = (
            at_most("cost(20k chars) / cost(1k chars)", ours[20_000].median / ours[1_000].median, TARGET),
        )
    return Report(
        title=TITLE,
        columns=(
            "characters",
            "ours ms (median)",
            "min–max",
            "spread",
            "ours µs/char",
            "ours vs 1k",
            "ours peak MB",
            "jieba.cut ms",
            "textrank4zh ms",
        ),
        rows=tuple(rows),
        checks=checks,
        notes=(
            f"each length: {VARIANTS} texts of exactly that many characters (dev articles end to end, "
            "starting at different articles); times are per text; runs repeat until they add up to "
            f"{MIN_SECONDS} s ({MIN_RUNS}–{MAX_RUNS} runs)",
            f"log-log slope of our cost, 1k to {sizes[-1]:,} characters: {_slope(curves[US]):.2f} "
            "(1 = linear)",
            "ours peak MB: tracemalloc peak during one analysis (Python objects and numpy/scipy buffers)",
            f"textrank4zh is not run at a length where one text is predicted (quadratically) to take more "
            f"than {TEXTRANK4ZH_BUDGET_S:g} s; its log-log slope where run: {_slope(curves[THEM]):.2f}",
            *cpu_note,
            f"plot: {plot_path.relative_to(REPO_ROOT) if plot_path.is_relative_to(REPO_ROOT) else plot_path}",
        ),
    )


def _slope(points: Sequence[Point]) -> float:
    usable = [p for p in points if p.size >= 1_000]
    if len(usable) < 2:
        return float("nan")
    first, last = usable[0], usable[-1]
    return math.log(last.timing.median / first.timing.median) / math.log(last.size / first.size)


def plot(curves: dict[str, list[Point]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(7, 4.5), dpi=120)
    styles = {US: ("o-", "tab:blue"), FLOOR: ("s--", "tab:gray"), THEM: ("^-", "tab:red")}
    for name, points in curves.items():
        if not points:
            continue
        marker, colour = styles[name]
        sizes = [p.size for p in points]
        axes.plot(sizes, [p.timing.median * 1000 for p in points], marker, color=colour, label=name)
        axes.fill_between(
            sizes,
            [min(p.timing.runs) * 1000 for p in points],
            [max(p.timing.runs) * 1000 for p in points],
            color=colour,
            alpha=0.2,
        )
    ours = {p.size: p.timing.median for p in curves[US]}
    if 1_000 in ours:  # what "linear" would look like from our 1,000-character cost
        sizes = sorted(ours)
        axes.plot(
            sizes,
            [ours[1_000] * 1000 * size / 1_000 for size in sizes],
            ":",
            color="black",
            label="linear (from our 1k cost)",
        )
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("article length (characters)")
    axes.set_ylabel("time per article (ms, median; band = min–max)")
    axes.set_title("Cost against article length")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    pyplot.close(figure)


def main(argv: Sequence[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

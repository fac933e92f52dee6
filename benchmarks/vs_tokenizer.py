"""Figure 2: our full analysis against ``jieba.cut`` alone on the same texts (the tokenizer floor).
Target: ratio below 1.0. Also where the analysis spends its time, stage by stage.

    .venv/bin/python -m benchmarks.vs_tokenizer [--quick] [--shared ../shared]
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence

from benchmarks import contenders, stages
from benchmarks.common import (
    Report,
    Settings,
    Timing,
    below,
    load_articles,
    require_module,
    script_main,
    spaced_sample,
)

TITLE = "Full analysis vs the tokenizer floor (jieba.cut), and where the time goes"
TARGET = 1.0
TOP_CALLEES = 8


def rjieba_tag() -> Callable[[str], object]:
    """For context only: the fastest the engine's own tagging can be."""
    require_module("rjieba", "it is the engine's default tokenizer backend")
    import rjieba

    segmenter = rjieba.Jieba()
    return lambda text: segmenter.tag(text)


def measure(settings: Settings) -> Report:
    count, runs, profile_runs = (5, 2, 1) if settings.quick else (100, 9, 3)
    texts = [a.text for a in spaced_sample(load_articles(settings), count)]
    backend = contenders.default_backend()
    ours_name = f"summarizer.analyze (default options, {backend})"
    named = {
        ours_name: contenders.ours(),
        "jieba.cut (the floor)": contenders.jieba_cut(),
        "context: rjieba tag alone": rjieba_tag(),
    }
    fast_name = f"context: Engine(tokenizer={contenders.FAST_BACKEND!r})"
    if backend != contenders.FAST_BACKEND:
        # The default engine tokenizes with a slower backend: show what the fast one would give.
        named[fast_name] = contenders.ours(contenders.FAST_BACKEND)
    work = {name: (analyze, texts) for name, analyze in named.items()}
    timings = contenders.time_interleaved(work, runs=runs)
    ours, floor = (timings[name] for name in list(named)[:2])
    ratio = ours.median / floor.median
    cpu_ratio = ours.cpu_median / floor.cpu_median

    split = stages.breakdown(texts, runs=profile_runs)
    rows: list[tuple[str, ...]] = [
        (name, *timing.describe_ms(), str(len(timing.runs)), "") for name, timing in timings.items()
    ]
    rows.extend(_stage_rows("stage", split, ours))
    context_notes: tuple[str, ...] = ()
    if fast_name in named:
        fast = timings[fast_name]
        rows.extend(
            _stage_rows(
                f"stage ({contenders.FAST_BACKEND})",
                stages.breakdown(texts, runs=profile_runs, tokenizer=contenders.FAST_BACKEND),
                fast,
            )
        )
        context_notes = (
            f"the default engine tokenizes with {backend}; with {contenders.FAST_BACKEND} the ratio would be "
            f"{fast.median / floor.median:.2f} (context only, not the verdict)",
        )
    chars = statistics.mean(len(t) for t in texts)
    return Report(
        title=TITLE,
        columns=("what", "ms/article (median)", "min–max", "spread", "runs", "share of analysis"),
        rows=tuple(rows),
        checks=(below("analysis time / jieba.cut time", ratio, TARGET),),
        notes=(
            f"{len(texts)} People's Daily dev articles (evenly spaced sample), mean {chars:.0f} characters",
            "a run = every article once, contenders interleaved; spread = half the min–max range, "
            "relative to the median",
            f"the same ratio in CPU time of the process (unaffected by other load on the machine): "
            f"{cpu_ratio:.2f} (ours {ours.cpu_median * 1000:.3f} ms, "
            f"jieba.cut {floor.cpu_median * 1000:.3f} ms)",
            f"stage shares: pyinstrument samples every {stages.SAMPLE_INTERVAL_S * 1e6:.0f} µs over "
            f"{profile_runs} runs; tokenizer samples are tokenization wherever called, others go to the "
            "stage beneath Engine.analyze that owns them (benchmarks/stages.py); "
            "taken on the engine's Python source, as a profiler cannot see into compiled modules; "
            "stage ms = median analysis time x share",
            *context_notes,
            "largest direct callees of Engine.analyze: "
            + "; ".join(
                f"{name} {share * 100:.1f}%"
                for name, share in _shares(split.callee_seconds[:TOP_CALLEES], split.total_seconds)
            ),
        ),
    )


def _stage_rows(label: str, split: stages.Breakdown, timing: Timing) -> list[tuple[str, ...]]:
    return [
        (f"{label}: {stage}", f"{timing.median * share * 1000:.3f}", "", "", "", f"{share * 100:.1f}%")
        for stage, share in _shares(split.stage_seconds, split.total_seconds)
    ]


def _shares(seconds: Sequence[tuple[str, float]], total: float) -> list[tuple[str, float]]:
    return [(name, value / total if total > 0 else 0.0) for name, value in seconds]


def main(argv: Sequence[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

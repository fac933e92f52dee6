"""Figure 6 (issue 18): a traditional article against the same article in simplified script.
Target: time per article at most 1.3 times the simplified one's.

    .venv/bin/python -m benchmarks.traditional [--quick] [--shared ../shared]

The 100 People's Daily dev articles of the other figures, and the same articles converted to Hong
Kong and Taiwan script with OpenCC here (nothing is stored). The traditional analysis detects the
script, converts the article to its simplified view, analyses the view and takes every output
back from the input (summarizer.script); the simplified one pays the detection only.
"""

from __future__ import annotations

import statistics

from benchmarks import contenders
from benchmarks.common import (
    Report,
    Settings,
    at_most,
    load_articles,
    require_module,
    script_main,
    spaced_sample,
)

TITLE = "Traditional articles against the same articles in simplified script (issue 18)"
TARGET = 1.3
STANDARDS = {"Hong Kong (s2hk)": "s2hk", "Taiwan (s2tw)": "s2tw"}


def measure(settings: Settings) -> Report:
    require_module("opencc", "it converts the articles to traditional script")
    import opencc

    count, runs = (5, 2) if settings.quick else (100, 9)
    texts = [a.text for a in spaced_sample(load_articles(settings), count)]
    analyze = contenders.ours()
    named = {"simplified (as written)": texts}
    for name, config in STANDARDS.items():
        named[name] = [opencc.OpenCC(config).convert(text) for text in texts]
    work = {name: (analyze, sample) for name, sample in named.items()}
    timings = contenders.time_interleaved(work, runs=runs)
    simplified = timings["simplified (as written)"]
    ratios = {name: timing.median / simplified.median for name, timing in timings.items()}
    cpu_ratios = {name: timing.cpu_median / simplified.cpu_median for name, timing in timings.items()}
    worst = max(name for name in STANDARDS if ratios[name] == max(ratios[n] for n in STANDARDS))
    chars = statistics.mean(len(t) for t in texts)
    return Report(
        title=TITLE,
        columns=("articles", "ms/article (median)", "min–max", "spread", "runs", "x simplified", "x (CPU)"),
        rows=tuple(
            (
                name,
                *timing.describe_ms(),
                str(len(timing.runs)),
                f"{ratios[name]:.3f}",
                f"{cpu_ratios[name]:.3f}",
            )
            for name, timing in timings.items()
        ),
        checks=(at_most(f"traditional / simplified time, {worst}", ratios[worst], TARGET),),
        notes=(
            f"{len(texts)} People's Daily dev articles (evenly spaced sample), mean {chars:.0f} characters, "
            "converted with OpenCC at run time",
            "a run = every article once, variants interleaved; spread = half the min–max range, "
            "relative to the median",
        ),
    )


def main(argv: list[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

"""Figure 1: our full analysis against textrank4zh's keywords + key sentences, same articles,
same process. Target: at least 50 times faster.

    .venv/bin/python -m benchmarks.vs_textrank4zh [--quick] [--shared ../shared]
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from benchmarks import contenders
from benchmarks.common import (
    Report,
    Settings,
    Timing,
    at_least,
    load_articles,
    script_main,
    spaced_sample,
    time_runs,
)

TITLE = "Full analysis vs textrank4zh (keywords + key sentences)"
TARGET = 50.0


def measure(settings: Settings) -> Report:
    count, our_runs, their_runs = (5, 2, 1) if settings.quick else (100, 7, 3)
    texts = [a.text for a in spaced_sample(load_articles(settings), count)]
    theirs = contenders.textrank4zh()
    ours = contenders.ours()
    backend = contenders.default_backend()
    # When the default engine tokenizes with another backend, the fast one is shown for context.
    fast = contenders.ours(contenders.FAST_BACKEND) if backend != contenders.FAST_BACKEND else None
    for analyze in (ours, theirs, fast):
        if analyze is not None:
            contenders.warm(analyze, texts[0])

    # Interleaved so that a slow phase of the machine hits both contenders, not one.
    our_timing = their_timing = fast_timing = Timing(())
    for run in range(max(our_runs, their_runs)):
        if run < our_runs:
            our_timing += time_runs(contenders.over(ours, texts), runs=1, warmup=0)
            if fast is not None:
                fast_timing += time_runs(contenders.over(fast, texts), runs=1, warmup=0)
        if run < their_runs:
            their_timing += time_runs(contenders.over(theirs, texts), runs=1, warmup=0)
    our_timing, their_timing = our_timing.per_item(len(texts)), their_timing.per_item(len(texts))
    context_rows: tuple[tuple[str, ...], ...] = ()
    context_notes: tuple[str, ...] = ()
    if fast is not None:
        fast_timing = fast_timing.per_item(len(texts))
        name = f"context: Engine(tokenizer={contenders.FAST_BACKEND!r})"
        context_rows = (_row(name, fast_timing),)
        context_notes = (
            f"the default engine tokenizes with {backend}; with {contenders.FAST_BACKEND} the speed-up "
            f"would be {their_timing.median / fast_timing.median:.1f}x (context only, not the verdict)",
        )
    ratio = their_timing.median / our_timing.median
    cpu_ratio = their_timing.cpu_median / our_timing.cpu_median
    output = contenders.output_of(texts[:20])
    chars = statistics.mean(len(t) for t in texts)
    return Report(
        title=TITLE,
        columns=("contender", "ms/article (median)", "min–max", "spread", "runs", "articles/s"),
        rows=(
            _row(f"summarizer.analyze (default options, {backend})", our_timing),
            _row("textrank4zh keywords + key sentences", their_timing),
            *context_rows,
        ),
        checks=(at_least("speed-up over textrank4zh (x)", ratio, TARGET),),
        notes=(
            f"{len(texts)} People's Daily dev articles (evenly spaced sample), mean {chars:.0f} characters",
            "a run = every article once, contenders interleaved; ms/article = run time / articles; "
            "spread = half the min–max range, relative to the median",
            f"the same ratio in CPU time of the process (unaffected by other load on the machine): "
            f"{cpu_ratio:.1f}x (ours {our_timing.cpu_median * 1000:.3f} ms, "
            f"textrank4zh {their_timing.cpu_median * 1000:.1f} ms per article)",
            f"textrank4zh: TextRank4Keyword(window=2).get_keywords({contenders.TEXTRANK4ZH_KEYWORDS}) + "
            f"TextRank4Sentence(all_filters).get_key_sentences({contenders.TEXTRANK4ZH_SENTENCES}), "
            "objects built once",
            *context_notes,
            f"our output per article: {output.keywords:.1f} keywords, {output.keyphrases:.1f} key phrases, "
            f"{output.headlines:.1f} headlines, {output.summary_sentences:.1f} summary sentences",
        ),
    )


def _row(name: str, timing: Timing) -> tuple[str, ...]:
    return (name, *timing.describe_ms(), str(len(timing.runs)), f"{1 / timing.median:.0f}")


def main(argv: Sequence[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

"""Profile the full analysis with pyinstrument on dev articles: where to optimise first.

    .venv/bin/python -m benchmarks.profile_engine [--articles 200] [--tokenizer rjieba] [--html profile.html]

Prints pyinstrument's call tree (frames under 1% of the time hidden) for the default options,
of the engine's Python source even where the installed engine runs compiled: a compiled module
has no Python frames to sample (benchmarks/source_build.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from benchmarks import contenders
from benchmarks.common import DEFAULT_SHARED, Settings, Skip, load_articles, require_module, spaced_sample
from benchmarks.source_build import use_source

INTERVAL_S = 0.0001


def profile(settings: Settings, *, articles: int, html: Path | None, tokenizer: str | None = None) -> str:
    require_module("pyinstrument", "it is the profiler of the bench extra")
    from pyinstrument import Profiler

    texts = [a.text for a in spaced_sample(load_articles(settings), articles)]
    analyze = contenders.ours(tokenizer)
    contenders.warm(analyze, texts[0])
    profiler = Profiler(interval=INTERVAL_S)
    profiler.start()
    for text in texts:
        analyze(text)
    profiler.stop()
    if html is not None:
        html.write_text(profiler.output_html(), encoding="utf-8")
    engine = f"Engine(tokenizer={tokenizer!r})" if tokenizer else "the default engine"
    header = f"pyinstrument, {len(texts)} People's Daily dev articles, default options, {engine}\n"
    return header + profiler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    arguments.add_argument("--articles", type=int, default=200)
    arguments.add_argument(
        "--tokenizer", help="profile an Engine with this backend (default: the default engine)"
    )
    arguments.add_argument("--html", type=Path, help="also write pyinstrument's HTML view here")
    arguments.add_argument("--quick", action="store_true", help="five articles: checks the script works")
    namespace = arguments.parse_args(argv)
    use_source()
    settings = Settings(shared=namespace.shared, quick=namespace.quick)
    try:
        articles = 5 if namespace.quick else namespace.articles
        print(profile(settings, articles=articles, html=namespace.html, tokenizer=namespace.tokenizer))
    except Skip as skip:
        print(f"SKIPPED: {skip}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

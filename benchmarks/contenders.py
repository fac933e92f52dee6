"""The work each benchmark times, one function per contender, all on plain lists of texts."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.common import Skip, Timing, require_module, time_runs

TEXTRANK4ZH_KEYWORDS = 10
TEXTRANK4ZH_SENTENCES = 3


@dataclass(frozen=True)
class Output:
    """How much the full analysis returned, so a ratio from an engine that skips work shows."""

    keywords: float
    keyphrases: float
    headlines: float
    summary_sentences: float


FAST_BACKEND = "rjieba"


def ours(tokenizer: str | None = None) -> Callable[[str], object]:
    """Full analysis with the default options (summary, keywords, key phrases, 3 headlines), by
    the default engine or by an engine with another tokenizer backend."""
    import summarizer

    engine = summarizer.default_engine() if tokenizer is None else summarizer.Engine(tokenizer=tokenizer)
    engine.preload()

    def analyze(text: str) -> object:
        return engine.analyze(text, options=summarizer.Options())

    return analyze


def default_backend() -> str:
    import summarizer

    name: str = summarizer.default_engine().tokenizer.name
    return name


def output_of(texts: Sequence[str]) -> Output:
    import summarizer

    results = [summarizer.analyze(text) for text in texts]
    count = len(results) or 1
    return Output(
        keywords=sum(len(r.keywords) for r in results) / count,
        keyphrases=sum(len(r.keyphrases) for r in results) / count,
        headlines=sum(len(r.headlines) for r in results) / count,
        summary_sentences=sum(len(r.summary) for r in results) / count,
    )


def textrank4zh() -> Callable[[str], object]:
    """textrank4zh's keywords + key sentences, the way its README uses it, objects built once."""
    require_module("textrank4zh", "it is a bench dependency: pip install -e '.[bench]'")
    from textrank4zh import TextRank4Keyword, TextRank4Sentence

    keywords, sentences = TextRank4Keyword(), TextRank4Sentence()

    def analyze(text: str) -> object:
        keywords.analyze(text=text, lower=True, window=2)
        sentences.analyze(text=text, lower=True, source="all_filters")
        found: tuple[Any, Any] = (
            keywords.get_keywords(TEXTRANK4ZH_KEYWORDS, word_min_len=1),
            sentences.get_key_sentences(num=TEXTRANK4ZH_SENTENCES),
        )
        return found

    return analyze


def jieba_cut() -> Callable[[str], object]:
    """The tokenizer floor: jieba's default segmentation (HMM on), consumed to the end."""
    require_module("jieba", "it is the reference tokenizer")
    import jieba

    def cut(text: str) -> object:
        return list(jieba.cut(text))

    return cut


def over(analyze: Callable[[str], object], texts: Sequence[str]) -> Callable[[], None]:
    """One run: every text once."""

    def run() -> None:
        for text in texts:
            analyze(text)

    return run


def warm(analyze: Callable[[str], object], text: str) -> None:
    """Load dictionaries and models before timing, so no contender is billed its start-up."""
    if not text:
        raise Skip("no text to warm up on")
    analyze(text)


def time_interleaved(
    work: Mapping[str, tuple[Callable[[str], object], Sequence[str]]], *, runs: int
) -> dict[str, Timing]:
    """Seconds per text of each named ``(analyze, texts)``: every one warmed up first, then
    ``runs`` rounds that each time every one once, interleaved, so that a slow phase of the
    machine hits them all."""
    for analyze, texts in work.values():
        warm(analyze, texts[0])
    totals = dict.fromkeys(work, Timing(()))
    for _ in range(runs):
        for name, (analyze, texts) in work.items():
            totals[name] += time_runs(over(analyze, texts), runs=1, warmup=0)
    return {name: total.per_item(len(work[name][1])) for name, total in totals.items()}

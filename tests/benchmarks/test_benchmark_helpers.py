"""The benchmark suite's own arithmetic and bookkeeping (no timing is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from benchmarks.common import (
    Article,
    Check,
    Report,
    Timing,
    at_least,
    at_most,
    below,
    figure,
    none,
    render,
    spaced_sample,
)
from benchmarks.scaling import Point, _affordable, _slope, long_texts
from benchmarks.server import memory_of_tree, process_tree
from benchmarks.stages import (
    GRAPH,
    HEADLINES,
    OTHER,
    PHRASES,
    RANKING,
    SPLITTING,
    TOKENIZATION,
    Frame,
    stage_of,
)


def test_timing_median_spread_and_per_item() -> None:
    timing = Timing((2.0, 4.0, 3.0))
    assert timing.median == 3.0
    assert timing.spread == pytest.approx(2.0 / 3.0)
    assert timing.per_item(4).runs == (0.5, 1.0, 0.75)
    both = Timing((1.0,), (0.5,)) + Timing((3.0,), (1.5,))
    assert both.runs == (1.0, 3.0) and both.cpu_median == 1.0
    assert timing.describe_ms() == ("3000.000", "2000.000–4000.000", "±33.3%")


def test_checks_compare_against_their_bound() -> None:
    assert at_least("x", 50.0, 50).passed and not at_least("x", 49.9, 50).passed
    assert at_most("x", 25.0, 25).passed and not at_most("x", 25.1, 25).passed
    assert below("x", 0.99, 1).passed and not below("x", 1.0, 1).passed
    assert none("x", 0).passed and not none("x", 1).passed


def test_figures_keep_three_digits_without_exponents() -> None:
    assert figure(1291.4) == "1,291"
    assert figure(14.06) == "14.1"
    assert figure(0.904) == "0.904"


def test_spaced_sample_spreads_over_the_whole_file() -> None:
    articles = [Article(str(i), f"text {i}") for i in range(100)]
    sample = spaced_sample(articles, 10)
    assert [a.id for a in sample] == [str(i) for i in range(0, 100, 10)]
    assert spaced_sample(articles[:3], 10) == tuple(articles[:3])


def test_long_texts_have_the_exact_length_and_start_at_different_articles() -> None:
    articles = [Article(str(i), chr(0x4E00 + i) * 300 + "。") for i in range(9)]
    texts = long_texts(articles, 1_000, 3)
    assert [len(t) for t in texts] == [1_000, 1_000, 1_000]
    assert len({t[0] for t in texts}) == 3
    assert texts[0].startswith(articles[0].text + "\n" + articles[1].text)


def test_textrank4zh_stops_where_its_quadratic_cost_would_exceed_the_budget() -> None:
    done = [Point(1_000, Timing((0.1,)))]
    assert _affordable([], 50_000)
    assert _affordable(done, 5_000)  # 0.1 s x 25 = 2.5 s
    assert not _affordable(done, 10_000)  # 0.1 s x 100 = 10 s


def test_slope_of_a_linear_and_a_quadratic_curve() -> None:
    linear = [Point(size, Timing((size * 1e-6,))) for size in (500, 1_000, 10_000)]
    quadratic = [Point(size, Timing((size**2 * 1e-9,))) for size in (1_000, 4_000)]
    assert _slope(linear) == pytest.approx(1.0)
    assert _slope(quadratic) == pytest.approx(2.0)


def _frames(*names: str) -> list[Frame]:
    """``module:function`` names as profiler frames of files inside the package."""
    frames = []
    for name in names:
        module, function = name.split(":")
        frames.append(Frame(function, "/repo/" + module.replace(".", "/") + ".py"))
    return frames


@pytest.mark.parametrize(
    ("stack", "stage"),
    [
        (("summarizer.engine:document", "summarizer.document:build_document"), SPLITTING),
        (("summarizer.document:build_document", "summarizer.tokenizer:tag"), TOKENIZATION),
        # re-tokenizing inside a later stage is billed to tokenization: the profile must show it
        (("summarizer.headline.suggest:suggest_headlines", "summarizer.tokenizer:tag"), TOKENIZATION),
        (("summarizer.rank.keywords:rank_keywords", "summarizer.rank.graph:cooccurrence_graph"), GRAPH),
        (("summarizer.rank.keywords:rank_keywords", "summarizer.rank.pagerank:pagerank"), RANKING),
        (("summarizer.rank.keywords:rank_keywords", "summarizer.rank.keywords:is_candidate"), PHRASES),
        (("summarizer.rank.sentences:rank_sentences", "summarizer.rank.similarity:bm25_similarity"), GRAPH),
        (
            ("summarizer.headline.suggest:suggest_headlines", "summarizer.rank.pagerank:ranking_order"),
            HEADLINES,
        ),
        (("summarizer.engine:_helper",), OTHER),
    ],
)
def test_samples_are_billed_to_the_stage_that_owns_them(stack: tuple[str, ...], stage: str) -> None:
    assert stage_of(_frames(*stack)) == stage


def test_jieba_frames_outside_the_package_are_tokenization() -> None:
    frames = [
        *_frames("summarizer.document:build_document"),
        Frame("cut", "/venv/site-packages/jieba/__init__.py"),
    ]
    assert stage_of(frames) == TOKENIZATION


def test_render_prints_the_table_the_verdicts_and_a_skip_reason() -> None:
    report = Report(
        title="T",
        columns=("a", "b"),
        rows=(("1", "2"),),
        checks=(Check("speed", 2.0, ">= 1", True), Check("p99", 60.0, "< 50", False)),
        notes=("n",),
    )
    text = render(report)
    assert "| a | b |" in text and "| 1 | 2 |" in text
    assert "PASS" in text and "FAIL" in text and "- n" in text
    assert not report.passed
    assert "SKIPPED: no data" in render(Report(title="T", skipped="no data"))


def test_process_tree_and_memory_find_a_child_process() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        tree = process_tree(os.getpid())
        assert (child.pid, os.getpid()) in tree
        roles = {m.pid: m for m in memory_of_tree(os.getpid())}
        assert roles[child.pid].role == "worker"
        assert roles[os.getpid()].role == "master"
        assert roles[child.pid].peak_rss_mb > 0
    finally:
        child.communicate(b"")

"""The endpoints' work: each analysis takes its turn at the app's gate, runs within the
request's deadline and is counted in the metrics, so the views only parse and serialize."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from api.gate import Overloaded
from api.state import AppState
from summarizer.batch import analyze_record_safely, over_budget_record
from summarizer.deadline import Deadline
from summarizer.options import Options
from summarizer.pages import Page, parse
from summarizer.pages.pdf.parser import pages_from_layout, read_layout
from summarizer.result import Analysis


@contextmanager
def analysis_turn(state: AppState, deadline: Deadline, *, bounded: bool = True) -> Iterator[None]:
    """The app's turn to analyse (:meth:`AnalysisGate.turn`), its wait timed for the metrics."""
    queued = time.monotonic()
    state.gate.enter(deadline, bounded=bounded)
    try:
        state.metrics.queue_seconds.observe(time.monotonic() - queued)
        yield
    finally:
        state.gate.leave()


def analyze_article(state: AppState, text: str, *, options: Options, deadline: Deadline) -> Analysis:
    state.metrics.input_characters.labels("summarize").observe(len(text))
    with analysis_turn(state, deadline):
        analysis = state.engine.analyze(text, options=options, deadline=deadline)
    state.metrics.observe_analysis(analysis)
    return analysis


def parse_page(state: AppState, text: str, *, options: Options, deadline: Deadline) -> Page:
    metrics = state.metrics
    metrics.input_characters.labels("pages").observe(len(text))
    with analysis_turn(state, deadline):
        started = time.perf_counter()
        page = parse(text, engine=state.engine, options=options, deadline=deadline)
        elapsed_ms = (time.perf_counter() - started) * 1000.0
    metrics.page_articles.observe(len(page.articles))
    for article in page.articles:
        metrics.observe_analysis(article.analysis)
    analyses_ms = sum(article.analysis.stats.elapsed_ms for article in page.articles)
    metrics.page_seconds.observe(max(0.0, elapsed_ms - analyses_ms) / 1000.0)
    return page


def parse_pdf_pages(
    state: AppState, data: bytes, *, options: Options, deadline: Deadline
) -> tuple[Page, ...]:
    """The pages of a PDF. The reading runs in a child process outside the analysis turn (it
    takes no engine), bounded by the server's PDF limits and the request's deadline."""
    document = read_layout(data, state.config.pdf_limits, deadline=deadline)
    with analysis_turn(state, deadline):
        pages = pages_from_layout(document, engine=state.engine, options=options, deadline=deadline)
    for page in pages:
        state.metrics.page_articles.observe(len(page.articles))
        for article in page.articles:
            state.metrics.observe_analysis(article.analysis)
    return pages


def analyze_batch(
    state: AppState, articles: Sequence[Any], *, options: Options, deadline: Deadline
) -> list[dict[str, Any]]:
    """One record per article, in order. Each article takes its own turn, so that a batch does
    not hold up other requests to its end; once the deadline has passed, the article being
    analysed and every later one get an ``over_budget`` error record, and the records done
    so far are kept."""
    metrics = state.metrics
    records: list[dict[str, Any]] = []
    metrics.batch_pending.inc(len(articles))
    try:
        for number, article in enumerate(articles):
            if deadline.expired():
                record = over_budget_record(article)
            else:
                record = _batch_record(state, article, options=options, deadline=deadline, first=number == 0)
            records.append(record)
            metrics.batch_pending.dec()
            error = record.get("error")
            metrics.batch_articles.labels("ok" if error is None else _outcome(error["code"])).inc()
    finally:
        metrics.batch_pending.dec(len(articles) - len(records))
    return records


def _batch_record(
    state: AppState, article: Any, *, options: Options, deadline: Deadline, first: bool
) -> dict[str, Any]:
    text = article.get("text") if isinstance(article, dict) else None
    if isinstance(text, str):
        state.metrics.input_characters.labels("batch").observe(len(text))
    # Only the first article waits in the bounded line: the call was admitted with it, and
    # is not refused halfway. A later one whose deadline passes in the line is over budget.
    try:
        with analysis_turn(state, deadline, bounded=first):
            return analyze_record_safely(article, engine=state.engine, options=options, deadline=deadline)
    except Overloaded:
        if first:
            raise
        return over_budget_record(article)


def _outcome(code: str) -> str:
    return "over_budget" if code == "over_budget" else "error"

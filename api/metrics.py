"""The service's Prometheus metrics (``GET /metrics``), one :class:`Metrics` per app.

Under ``summarizer serve`` every gunicorn worker counts into files of its own in the private
directory named by ``PROMETHEUS_MULTIPROC_DIR`` (prometheus-client's multiprocess mode, set up
by :mod:`summarizer.serve` before this module is imported), and a scrape merges the files of
every worker, living or gone, so the counts cover the whole server whichever worker answers.
Without that variable (tests, ``--dev``), the app's own registry is scraped.

The metric objects live in each app's own registry, never in prometheus-client's global one:
two apps in one process (as in the tests) do not share counters.
"""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, values
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector

from summarizer.result import Analysis, StageTimes

MULTIPROC_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST
STAGES = tuple(StageTimes.__dataclass_fields__)  # document, ranking, keyphrases, summary, headlines
# Client-chosen strings never become label values (each would be a new time series).
METHODS = frozenset({"GET", "POST", "HEAD", "OPTIONS"})
UNMATCHED = "unmatched"

_SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
_CHARACTERS = (100, 300, 1_000, 3_000, 10_000, 30_000, 100_000, 300_000)
_ARTICLES = (0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30)


def multiprocess_mode() -> bool:
    """Whether the metrics go to files shared by the worker processes. The choice is made
    when prometheus-client is first imported; a variable set later would be a silent lie."""
    wanted = bool(os.environ.get(MULTIPROC_DIR_VARIABLE))
    active = bool(getattr(values.ValueClass, "_multiprocess", False))
    if wanted != active:
        raise RuntimeError(
            f"{MULTIPROC_DIR_VARIABLE} was {'set' if wanted else 'unset'} after prometheus_client "
            "was imported: set it before importing api.metrics"
        )
    return active


class Metrics:
    """What the service counts. Names follow Prometheus' conventions (``_total`` is added to
    counters, base units: seconds, characters)."""

    def __init__(self) -> None:
        self.multiprocess = multiprocess_mode()
        self.registry = CollectorRegistry()
        registry = self.registry
        self.requests = Counter(
            "summarizer_http_requests",
            "HTTP requests answered by the app, by endpoint (route), method and status",
            ["endpoint", "method", "status"],
            registry=registry,
        )
        self.latency = Histogram(
            "summarizer_http_request_duration_seconds",
            "Time from the request's arrival at the worker to its answer, by endpoint",
            ["endpoint"],
            buckets=_SECONDS,
            registry=registry,
        )
        self.in_flight = Gauge(
            "summarizer_http_requests_in_flight",
            "Requests being handled by the app now",
            registry=registry,
            multiprocess_mode="livesum",
        )
        self.errors = Counter("summarizer_errors", "Error answers by error code", ["code"], registry=registry)
        self.stage_seconds = Histogram(
            "summarizer_analysis_stage_seconds",
            "Time of each step of an article's analysis (a page's articles each count)",
            ["stage"],
            buckets=_SECONDS,
            registry=registry,
        )
        self.page_seconds = Histogram(
            "summarizer_page_recovery_seconds",
            "Time a page's recovery took besides its articles' analyses",
            buckets=_SECONDS,
            registry=registry,
        )
        self.input_characters = Histogram(
            "summarizer_input_characters",
            "Characters of each text analysed, by endpoint (each article of a batch counts)",
            ["endpoint"],
            buckets=_CHARACTERS,
            registry=registry,
        )
        self.page_articles = Histogram(
            "summarizer_page_articles",
            "Articles recovered per page",
            buckets=_ARTICLES,
            registry=registry,
        )
        self.batch_articles = Counter(
            "summarizer_batch_articles",
            "Articles of /v1/batch calls by outcome: ok, error (a bad record), over_budget",
            ["outcome"],
            registry=registry,
        )
        self.batch_pending = Gauge(
            "summarizer_batch_articles_pending",
            "Articles of the /v1/batch calls in progress not analysed yet",
            registry=registry,
            multiprocess_mode="livesum",
        )
        self.queue_waiting = Gauge(
            "summarizer_analysis_queue_waiting",
            "Requests waiting for their turn to analyse",
            registry=registry,
            multiprocess_mode="livesum",
        )
        self.queue_seconds = Histogram(
            "summarizer_analysis_queue_wait_seconds",
            "Time requests waited for their turn to analyse",
            buckets=_SECONDS,
            registry=registry,
        )
        for stage in STAGES:  # every stage shows from the first scrape, at zero
            self.stage_seconds.labels(stage)
        for outcome in ("ok", "error", "over_budget"):
            self.batch_articles.labels(outcome)

    def observe_request(self, *, endpoint: str | None, method: str, status: int, seconds: float) -> None:
        endpoint = endpoint or UNMATCHED
        self.requests.labels(endpoint, method if method in METHODS else "other", str(status)).inc()
        self.latency.labels(endpoint).observe(seconds)

    def observe_analysis(self, analysis: Analysis) -> None:
        stages = analysis.stats.stages
        for stage in STAGES:
            self.stage_seconds.labels(stage).observe(getattr(stages, stage) / 1000.0)

    def render(self) -> bytes:
        """The text exposition format of every metric, merged over the worker processes."""
        if not self.multiprocess:
            return generate_latest(self.registry)
        merged = CollectorRegistry()
        MultiProcessCollector(merged)  # type: ignore[no-untyped-call]  # untyped in prometheus-client
        return generate_latest(merged)


def worker_restarts_counter() -> Counter:
    """The master's count of worker processes that exited (see :mod:`summarizer.serve`)."""
    return Counter(
        "summarizer_worker_restarts",
        "Worker processes that exited (crash, kill, timeout, reload); the master replaces each",
        registry=CollectorRegistry(),
    )

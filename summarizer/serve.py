"""``summarizer serve``: the API under gunicorn, or Flask's development server with ``--dev``.

The engine is loaded and warmed in the gunicorn master before it forks (``preload_app``), so
workers share its dictionaries copy-on-write and answer their first request at full speed.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from dataclasses import dataclass, field
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import ThreadWorker

from api.config import ApiConfig

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
WORKER_TIMEOUT_S = 30  # a worker stuck longer than this is killed and replaced


def cpu_count() -> int:
    """CPUs this process may run on (the container's share, not the host's)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, kw_only=True)
class ServeSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int | None = None  # None: one per CPU
    api: ApiConfig = field(default_factory=ApiConfig)

    @property
    def bind(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"{host}:{self.port}"

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers is not None else cpu_count()


THREADS_PER_WORKER = 4


class BalancedThreadWorker(ThreadWorker):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn's threaded worker, taking a new connection only while one of its threads is free.

    Plain gthread accepts every connection it wins the race for, so a client's keep-alive
    connections often all land on one worker: its threads then share one interpreter lock while
    the other worker idles, and throughput halves. Left in the listen queue, a connection goes to
    a worker with a free thread, or waits for the first thread to free up. Connections a worker
    already holds (kept alive, or deferred as slow) stay with it and do not count until they send
    a request. Only the worker's main thread runs these methods, so the counter needs no lock.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requests_in_pool = 0  # connections handed to the thread pool and not finished yet

    @property
    def has_free_thread(self) -> bool:
        return bool(self.requests_in_pool < self.cfg.threads)

    def enqueue_req(self, conn: Any) -> None:
        self.requests_in_pool += 1
        super().enqueue_req(conn)
        if not self.has_free_thread:
            super().set_accept_enabled(False)

    def finish_request(self, conn: Any, fs: Any) -> None:
        # The main loop turns accepting back on once this returns (see set_accept_enabled).
        self.requests_in_pool -= 1
        super().finish_request(conn, fs)

    def set_accept_enabled(self, enabled: bool) -> None:
        super().set_accept_enabled(enabled and self.has_free_thread)


def gunicorn_options(settings: ServeSettings) -> dict[str, Any]:
    return {
        "bind": settings.bind,
        "workers": settings.worker_count,
        # Threads, so that a client sending its request slowly holds one thread, not a whole
        # worker; the engine is thread-safe and one process keeps one copy of the dictionary.
        "worker_class": BalancedThreadWorker,
        "threads": THREADS_PER_WORKER,
        "preload_app": True,
        "timeout": WORKER_TIMEOUT_S,
        "graceful_timeout": WORKER_TIMEOUT_S,
        "accesslog": None,  # the app writes its own JSON access log (without request bodies)
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "summarizer",
        # gunicorn >= 24 opens a runtime control socket under $HOME: a second way in, shared by
        # every instance of the user, that this service does not need.
        "control_socket_disable": True,
    }


class SummarizerServer(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
    def __init__(self, settings: ServeSettings) -> None:
        self._settings = settings
        super().__init__()

    def load_config(self) -> None:
        for key, value in gunicorn_options(self._settings).items():
            if key in self.cfg.settings:  # older gunicorn versions lack the newer settings
                self.cfg.set(key, value)

    def load(self) -> Any:
        app = build_app(self._settings)
        # Everything loaded so far (the engine's dictionaries, the app) lives as long as the
        # workers: frozen before they fork, their collections neither scan it nor write to its
        # pages, which would copy the pages the workers share.
        gc.freeze()
        return app


def build_app(settings: ServeSettings) -> Any:
    from api import create_app
    from summarizer.batch import warmed_engine

    return create_app(settings.api, engine=warmed_engine())


def configure_access_log() -> None:
    """The access log (JSON lines from ``api.access``) goes to stderr as is."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("api.access")
    access.handlers[:] = [handler]
    access.setLevel(logging.INFO)
    access.propagate = False


def run_server(settings: ServeSettings) -> None:
    configure_access_log()
    SummarizerServer(settings).run()


def run_dev_server(settings: ServeSettings) -> None:
    configure_access_log()
    # debug stays off: the interactive debugger would let any client run code
    build_app(settings).run(host=settings.host, port=settings.port, debug=False, use_reloader=False)

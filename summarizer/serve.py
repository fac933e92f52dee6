"""``summarizer serve``: the API under gunicorn, or Flask's development server with ``--dev``.

The engine is loaded and warmed in the gunicorn master before it forks (``preload_app``), so
workers share its dictionaries copy-on-write and answer their first request at full speed.

What an operator relies on, and where it is made:

- **Metrics** (``GET /metrics``): prometheus-client's multiprocess mode in a private directory
  made fresh at each start (:func:`metrics_directory`), cleaned of a dead worker's live gauges
  when the master reaps it (:func:`on_worker_exit`, which also counts the restart).
- **Work budget** (``request_budget_s``): counted from the moment the worker takes a request
  off its socket (:class:`BalancedThreadWorker` stamps it for the app); shutdown waits for it.
- **Graceful stop and reload**: on SIGTERM (stop) or SIGHUP (new workers, then the old ones
  stop) a worker serves what it holds and what waits in the listen queue, answering it with
  ``Connection: close``, then closes its copy of the listening socket, so that once every
  process has let go new connections are refused at once instead of waiting for nobody.
- **Overload**: see :class:`BalancedThreadWorker` and :mod:`api.gate`.
- **Logs**: JSON lines on stdout, gunicorn's own included (:class:`JsonLinesLogger`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import math
import os
import select
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from gunicorn import glogging, util
from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import ThreadWorker

from api.config import ApiConfig

if TYPE_CHECKING:
    from api.gate import AnalysisGate

logger = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
WORKER_TIMEOUT_S = 30  # a worker whose main loop is stuck longer than this is killed and replaced
# A stopping worker's requests end within their budget (the engine stops at the deadline);
# this much more is left for answering them before the master kills the worker.
STOP_MARGIN_S = 5
# Threads of a worker besides those its analysis queue may hold (one analysing, max_queue
# waiting): they answer what needs no turn at once (a refusal when the queue is full, the
# health checks, /metrics) and read slow clients' requests.
SPARE_THREADS = 4
# A worker takes a new connection while fewer requests than this are in its hands, so that
# keep-alive clients spread over the workers instead of piling onto the first to wake up.
BALANCED_IN_FLIGHT = 4
# Past that, it still takes connections that have waited this long in the listen queue
# (every worker is busy): their requests then queue in its app, or are refused at once.
LISTEN_QUEUE_GRACE_S = 0.05
# A stopping worker takes what waits in the listen queue for at most this long.
STOP_DRAIN_S = 0.1
LOG_LEVELS = ("debug", "info", "warning", "error", "critical")
MULTIPROC_DIR_VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


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
    tokenizer: str = "rjieba"  # the engine's tokenizer backend
    log_level: str = "info"
    api: ApiConfig = field(default_factory=ApiConfig)

    def __post_init__(self) -> None:
        if self.log_level not in LOG_LEVELS:
            raise ValueError(f"log_level: must be one of {', '.join(LOG_LEVELS)}, got {self.log_level!r}")

    @property
    def bind(self) -> str:
        host = f"[{self.host}]" if ":" in self.host and not self.host.startswith("[") else self.host
        return f"{host}:{self.port}"

    @property
    def worker_count(self) -> int:
        return self.workers if self.workers is not None else cpu_count()

    @property
    def threads(self) -> int:
        """Threads per worker: the analysis queue's (one analysing, ``max_queue`` waiting)
        and the spare ones."""
        return 1 + self.api.max_queue + SPARE_THREADS

    @property
    def graceful_timeout(self) -> int:
        """Seconds a stopping worker has to finish: its requests' budget and a margin."""
        return math.ceil(self.api.request_budget_s) + STOP_MARGIN_S

    @property
    def worker_timeout(self) -> int:
        return max(WORKER_TIMEOUT_S, self.graceful_timeout)


class _ErrorPageCatcher:
    """Stands in for a client socket while gunicorn writes its HTML error page: what it wrote
    tells the status, and the client gets the JSON error instead."""

    def __init__(self) -> None:
        self.data = b""

    def gettimeout(self) -> float:
        return 0.0

    def sendall(self, data: bytes) -> None:
        self.data += data


# The codes of the errors gunicorn answers itself, before the app sees a request.
_WORKER_ERROR_CODES = {
    400: "bad_request",
    403: "forbidden",
    414: "uri_too_long",
    417: "expectation_failed",
    431: "header_fields_too_large",
    501: "not_implemented",
}


class BalancedThreadWorker(ThreadWorker):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn's threaded worker, balanced, stamping arrivals, draining on stop, answering JSON.

    **Balance.** Plain gthread accepts every connection it wins the race for, so a client's
    keep-alive connections often all land on one worker: its analyses then queue while the
    other worker idles, and throughput halves. This worker takes a new connection only while
    fewer than ``BALANCED_IN_FLIGHT`` requests are in its hands; left in the listen queue, a
    connection goes to a worker with less to do. When every worker is that busy, a connection
    that has waited ``LISTEN_QUEUE_GRACE_S`` in the listen queue is taken all the same: there
    is no better worker, and in the app it either gets a turn within its budget or a JSON 503
    at once (api.gate), where the listen queue would let it wait unseen and unbounded.

    **Steering.** A kept-alive connection would stay with the worker that took it, so with
    uneven counts one worker refuses while another has room. While its analysis queue is full,
    a worker's answers close their connections (gunicorn's ``max_keepalived`` set to 0) and it
    waits twice the grace before taking from the listen queue: its clients reconnect and a
    worker with room takes them first. This also slows clients that retry at once down to the
    pace of the listen queue.

    **Arrival.** The time a request was taken off its socket for a thread goes to the app
    (``api.middleware.ARRIVAL_ENVIRON_KEY``), so that its work budget covers a wait for a free
    thread too.

    **Stop.** See the module docstring. **Errors** that gunicorn answers itself (a malformed
    request line, headers too large) are JSON like the app's, not an HTML page.

    Only the worker's main thread runs the accepting and counting methods, so the counter
    needs no lock.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requests_in_pool = 0  # connections handed to the thread pool and not finished yet
        self._listen_queue_since: float | None = None  # since when a connection waits unaccepted
        self._arrivals = threading.local()  # the arrival of the request each pool thread handles
        self._listeners_closed = False
        self.gate: AnalysisGate | None = None  # the app's, once loaded
        self._max_keepalived: int = self.max_keepalived  # what gunicorn allows: restored after a full queue

    @property
    def has_free_thread(self) -> bool:
        return bool(self.requests_in_pool < self.cfg.threads)

    def load_wsgi(self) -> None:
        super().load_wsgi()
        from api.middleware import ARRIVAL_ENVIRON_KEY
        from api.state import app_state

        app: Any = self.wsgi  # type: ignore[has-type]  # set by gunicorn, untyped
        self.gate = app_state(app).gate
        arrivals = self._arrivals

        def stamped(environ: dict[str, Any], start_response: Any) -> Any:
            arrived = getattr(arrivals, "at", None)
            if arrived is not None:
                environ[ARRIVAL_ENVIRON_KEY] = arrived
            return app(environ, start_response)

        self.wsgi = stamped

    def enqueue_req(self, conn: Any) -> None:
        self.requests_in_pool += 1
        # The request's arrival, before its wait for a thread. (A new connection is taken only
        # when its client has connected, and clients send at once; one that sends nothing for
        # 5 s goes back to the event loop and is stamped again when its request comes.)
        conn.summarizer_arrived = time.monotonic()
        super().enqueue_req(conn)
        self._steer_keep_alive()
        if self.alive:  # a stopping worker has closed its listeners
            super().set_accept_enabled(self._takes_connections())

    def handle(self, conn: Any) -> Any:
        self._arrivals.at = getattr(conn, "summarizer_arrived", None)
        try:
            return super().handle(conn)
        finally:
            self._arrivals.at = None

    def finish_request(self, conn: Any, fs: Any) -> None:
        # The main loop turns accepting back on once this returns (see set_accept_enabled).
        self.requests_in_pool -= 1
        self._steer_keep_alive()
        super().finish_request(conn, fs)

    def _steer_keep_alive(self) -> None:
        """While this worker's analysis queue is full, its answers close their connections
        (gunicorn closes past ``max_keepalived``): the clients reconnect through the listen
        queue, where a worker with room takes them first."""
        if self.gate is not None:
            self.max_keepalived = 0 if self.gate.full else self._max_keepalived

    def set_accept_enabled(self, enabled: bool) -> None:
        if not self.alive:
            super().set_accept_enabled(False)
            self._drain_and_close_listeners()
            return
        super().set_accept_enabled(enabled and self._takes_connections())

    def _takes_connections(self) -> bool:
        if not self.has_free_thread:
            return False
        if self.requests_in_pool < BALANCED_IN_FLIGHT:
            self._listen_queue_since = None
            return True
        # A worker whose queue is full waits twice as long: one with room goes first.
        grace = LISTEN_QUEUE_GRACE_S * (2 if self.gate is not None and self.gate.full else 1)
        waited = self._listen_queue_waited()
        return waited is not None and waited >= grace

    def _listen_queue_waited(self) -> float | None:
        """How long connections have been waiting in the listen queue (None when none waits)."""
        if not _readable(self.sockets):
            self._listen_queue_since = None
            return None
        now = time.monotonic()
        if self._listen_queue_since is None:
            self._listen_queue_since = now
        return now - self._listen_queue_since

    def _drain_and_close_listeners(self) -> None:
        """Serve the connections waiting in the listen queue (they arrived before the stop),
        then let go of this process's copy of the listening sockets."""
        if self._listeners_closed:
            return
        self._listeners_closed = True
        # Bounded: clients that keep connecting must not hold the stopping worker here.
        until = time.monotonic() + STOP_DRAIN_S
        for listener in self.sockets:
            with contextlib.suppress(OSError):
                listener.setblocking(False)
                while time.monotonic() < until and _readable([listener]):
                    self.accept(listener)
            with contextlib.suppress(OSError):
                listener.close()

    def handle_error(self, req: Any, client: Any, addr: Any, exc: Exception) -> None:
        from api.errors import error_body

        page = _ErrorPageCatcher()
        super().handle_error(req, page, addr, exc)  # logs it, and writes its page to `page`
        status_line = page.data.split(b"\r\n", 1)[0].decode("latin-1")
        _, status_text, reason = [*status_line.split(" ", 2), "", ""][:3]
        status = int(status_text) if status_text.isdigit() else 500
        code = _WORKER_ERROR_CODES.get(status, "internal_error")
        message = f"{reason or 'error'}: the request could not be read as HTTP" if status < 500 else reason
        body = json.dumps(error_body(code, message or "the server failed to handle the request"))
        head = (
            f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        with contextlib.suppress(Exception):
            util.write_nonblock(client, (head + body).encode("latin-1"))


def _readable(sockets: Any) -> bool:
    """Whether one of the listening ``sockets`` has a connection waiting to be accepted."""
    try:
        ready, _, _ = select.select(list(sockets), [], [], 0)
    except (OSError, ValueError, AttributeError):  # a socket closed meanwhile
        return False
    return bool(ready)


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message (or the access log's fields),
    the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "pid": record.process,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        else:
            entry["message"] = record.getMessage()
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_lines_handler() -> logging.Handler:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(JsonLinesFormatter())
    return handler


class JsonLinesLogger(glogging.Logger):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn's own log (boot, signals, worker exits) as JSON lines on stdout."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        handler = json_lines_handler()
        handler._gunicorn = True  # type: ignore[attr-defined]  # gunicorn drops its own on reload
        self.error_log.handlers[:] = [handler]
        self.error_log.propagate = False


def configure_logging(level: str) -> None:
    """Every log of the process as JSON lines on stdout: the app's at ``level``, the access
    log (one line per request, never a body or a query string) always."""
    root = logging.getLogger()
    root.handlers[:] = [json_lines_handler()]
    root.setLevel(level.upper())
    access = logging.getLogger("api.access")
    access.handlers[:] = []
    access.setLevel(logging.INFO)
    access.propagate = True
    if root.level > logging.INFO:  # the access log still gets through
        access.handlers[:] = [json_lines_handler()]
        access.propagate = False


@contextlib.contextmanager
def metrics_directory() -> Iterator[str]:
    """A fresh private directory for the workers' metric files, named in
    ``PROMETHEUS_MULTIPROC_DIR`` for the processes forked from here, removed at the end by this
    process alone (the workers run this frame too, forked from inside it)."""
    owner = os.getpid()
    path = tempfile.mkdtemp(prefix="summarizer-metrics-")  # mode 0700
    previous = os.environ.get(MULTIPROC_DIR_VARIABLE)
    os.environ[MULTIPROC_DIR_VARIABLE] = path
    try:
        yield path
    finally:
        if os.getpid() == owner:
            shutil.rmtree(path, ignore_errors=True)
            if previous is None:
                os.environ.pop(MULTIPROC_DIR_VARIABLE, None)
            else:
                os.environ[MULTIPROC_DIR_VARIABLE] = previous


def gunicorn_options(settings: ServeSettings, *, on_worker_exit: Any = None) -> dict[str, Any]:
    return {
        "bind": settings.bind,
        "workers": settings.worker_count,
        # Threads, so that a client sending its request slowly holds one thread, not a whole
        # worker; the engine is thread-safe and one process keeps one copy of the dictionary.
        "worker_class": BalancedThreadWorker,
        "threads": settings.threads,
        "preload_app": True,
        "timeout": settings.worker_timeout,
        "graceful_timeout": settings.graceful_timeout,
        "accesslog": None,  # the app writes its own JSON access log (without request bodies)
        "errorlog": "-",
        "logger_class": JsonLinesLogger,
        "loglevel": settings.log_level,
        "proc_name": "summarizer",
        **({"child_exit": on_worker_exit} if on_worker_exit is not None else {}),
        # gunicorn >= 24 opens a runtime control socket under $HOME: a second way in, shared by
        # every instance of the user, that this service does not need.
        "control_socket_disable": True,
    }


class SummarizerServer(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
    def __init__(self, settings: ServeSettings) -> None:
        from api.metrics import worker_restarts_counter

        self._settings = settings
        # Counted by the master, in its own metrics file, which lives as long as the server.
        self._restarts = worker_restarts_counter()
        super().__init__()

    def load_config(self) -> None:
        for key, value in gunicorn_options(self._settings, on_worker_exit=self.on_worker_exit).items():
            if key in self.cfg.settings:  # older gunicorn versions lack the newer settings
                self.cfg.set(key, value)

    def on_worker_exit(self, arbiter: Any, worker: Any) -> None:
        """gunicorn's ``child_exit`` hook, in the master: the dead worker's live gauges (in
        flight, queue, batch pending) leave the metrics, and the restart is counted."""
        from prometheus_client import multiprocess

        if os.environ.get(MULTIPROC_DIR_VARIABLE):
            multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]
        self._restarts.inc()

    def load(self) -> Any:
        app = build_app(self._settings)
        # Everything loaded so far (the engine's dictionaries, the app) lives as long as the
        # workers: frozen before they fork, their collections neither scan it nor write to its
        # pages, which would copy the pages the workers share.
        gc.freeze()
        return app


def build_app(settings: ServeSettings) -> Any:
    from api import create_app
    from summarizer.build_info import compiled_modules
    from summarizer.engine import Engine

    engine = Engine(tokenizer=settings.tokenizer)
    engine.preload()
    logger.info(
        "engine ready: tokenizer %s, %s build",
        settings.tokenizer,
        "compiled" if compiled_modules() else "pure-Python",
    )
    return create_app(settings.api, engine=engine)


def run_server(settings: ServeSettings) -> None:
    configure_logging(settings.log_level)
    with metrics_directory():
        SummarizerServer(settings).run()


def run_dev_server(settings: ServeSettings) -> None:
    configure_logging(settings.log_level)
    # debug stays off: the interactive debugger would let any client run code
    build_app(settings).run(host=settings.host, port=settings.port, debug=False, use_reloader=False)

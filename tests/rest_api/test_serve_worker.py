"""The gunicorn worker of ``summarizer serve``: it takes a new connection only while few requests
are in its hands, so that keep-alive clients spread over the workers, unless a connection has
waited in the listen queue (every worker busy); a stopping worker serves what waits in the
listen queue, then lets go of the socket; gunicorn's own error answers are JSON."""

from __future__ import annotations

import json
import selectors
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

import pytest
from gunicorn.http.errors import InvalidRequestLine, LimitRequestHeaders

from summarizer import serve
from summarizer.serve import BALANCED_IN_FLIGHT, BalancedThreadWorker, ServeSettings, SummarizerServer


class PoolThatNeverRuns:
    """A thread pool whose jobs stay queued: every submitted connection keeps a thread busy."""

    def submit(self, job: Callable[..., Any], *args: Any) -> Future[Any]:
        return Future()


class Connection:
    initialized = True  # a kept-alive connection that came back readable
    data_ready = True

    def __init__(self) -> None:
        self.closed = False

    def close(self, graceful: bool = False) -> None:
        self.closed = True


def finished(*, keep_alive: bool) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(keep_alive)
    return future


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    with socket.create_server(("127.0.0.1", 0)) as listening:
        yield listening


@pytest.fixture
def worker(listener: socket.socket) -> Iterator[BalancedThreadWorker]:
    """A worker as gunicorn builds it, with its event loop's poller but no threads."""
    cfg = SummarizerServer(ServeSettings(port=0, workers=2)).cfg
    worker = BalancedThreadWorker(0, 0, [listener], None, 30, cfg, cfg.logger_class(cfg))
    worker.poller = selectors.DefaultSelector()
    worker.tpool = PoolThatNeverRuns()
    worker.alive = True
    worker.set_accept_enabled(True)
    yield worker
    worker.poller.close()


def accepting(worker: BalancedThreadWorker) -> bool:
    return any(key.fileobj in worker.sockets for key in worker.poller.get_map().values())


def busy(worker: BalancedThreadWorker, requests: int) -> list[Connection]:
    connections = [Connection() for _ in range(requests)]
    for connection in connections:
        worker.nr_conns += 1
        worker.enqueue_req(connection)
    return connections


def test_serve_runs_the_balanced_worker_with_threads_for_its_queue() -> None:
    settings = ServeSettings(port=8123, workers=2)
    cfg = SummarizerServer(settings).cfg
    assert cfg.worker_class is BalancedThreadWorker
    # One analysing, the queue, and spare threads to refuse at once and to read slow clients.
    assert cfg.threads == 1 + settings.api.max_queue + serve.SPARE_THREADS
    assert cfg.graceful_timeout >= settings.api.request_budget_s


def test_a_busy_worker_stops_taking_connections(worker: BalancedThreadWorker) -> None:
    busy(worker, BALANCED_IN_FLIGHT - 1)
    assert accepting(worker)
    busy(worker, 1)
    assert not accepting(worker)
    # The event loop asks again on each turn; the answer stays no while nobody waits.
    worker.set_accept_enabled(True)
    assert not accepting(worker)


def test_a_finished_request_lets_the_worker_take_connections_again(worker: BalancedThreadWorker) -> None:
    connections = busy(worker, BALANCED_IN_FLIGHT)
    assert not accepting(worker)
    worker.finish_request(connections[0], finished(keep_alive=False))
    assert connections[0].closed
    worker.set_accept_enabled(True)  # what the event loop does after each callback
    assert accepting(worker)


def test_a_connection_left_waiting_in_the_listen_queue_is_taken_by_a_busy_worker(
    worker: BalancedThreadWorker, listener: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve, "LISTEN_QUEUE_GRACE_S", 0.0)
    busy(worker, BALANCED_IN_FLIGHT)
    assert not accepting(worker)
    with socket.create_connection(listener.getsockname()):
        worker.set_accept_enabled(True)
        assert accepting(worker)


def test_a_worker_with_every_thread_busy_takes_no_connection(
    worker: BalancedThreadWorker, listener: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve, "LISTEN_QUEUE_GRACE_S", 0.0)
    busy(worker, worker.cfg.threads)
    with socket.create_connection(listener.getsockname()):
        worker.set_accept_enabled(True)
        assert not accepting(worker)


def test_a_stopping_worker_serves_the_listen_queue_then_lets_go(
    worker: BalancedThreadWorker, listener: socket.socket
) -> None:
    address = listener.getsockname()
    with socket.create_connection(address), socket.create_connection(address):
        worker.alive = False
        worker.set_accept_enabled(False)  # what the event loop does once it stops
        assert not accepting(worker)
        assert worker.requests_in_pool == 2  # both waiting connections were taken to be served
    assert listener.fileno() == -1
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(address, timeout=5)


@pytest.mark.parametrize(
    ("error", "status", "code"),
    [(InvalidRequestLine("GARBAGE"), 400, "bad_request"), (LimitRequestHeaders("too many"), 431, None)],
)
def test_gunicorns_own_error_answers_are_json(
    worker: BalancedThreadWorker, error: Exception, status: int, code: str | None
) -> None:
    server_side, client_side = socket.socketpair()
    with server_side, client_side:
        worker.handle_error(None, server_side, ("127.0.0.1", 1234), error)
        server_side.close()
        answer = b"".join(iter(lambda: client_side.recv(65536), b""))
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(f"HTTP/1.1 {status} ".encode())
    assert b"Content-Type: application/json" in head and b"<html" not in answer
    error_record = json.loads(body)["error"]
    assert error_record["code"] == (code or "header_fields_too_large")
    assert error_record["message"]


def test_a_worker_with_a_full_queue_hands_its_clients_back_to_the_listen_queue(
    worker: BalancedThreadWorker,
) -> None:
    from api.gate import AnalysisGate
    from summarizer import Deadline

    kept_alive = worker.max_keepalived
    worker.gate = AnalysisGate(0)
    [connection] = busy(worker, 1)
    assert worker.max_keepalived == kept_alive  # room in the queue: connections kept alive
    worker.gate.enter(Deadline.after(60))  # an analysis runs and none may wait: the queue is full
    worker.nr_conns += 1
    worker.enqueue_req(Connection())
    assert worker.max_keepalived == 0  # its answers now close their connections
    worker.gate.leave()
    worker.finish_request(connection, finished(keep_alive=False))
    assert worker.max_keepalived == kept_alive


def test_a_worker_with_a_full_queue_lets_a_worker_with_room_take_waiting_connections_first(
    worker: BalancedThreadWorker, listener: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.gate import AnalysisGate
    from summarizer import Deadline

    now = [1000.0]
    monkeypatch.setattr(serve.time, "monotonic", lambda: now[0])
    worker.gate = AnalysisGate(0)
    worker.gate.enter(Deadline(now[0] + 60))
    busy(worker, BALANCED_IN_FLIGHT)
    with socket.create_connection(listener.getsockname()):
        worker.set_accept_enabled(True)  # the connection starts to wait
        now[0] += 1.5 * serve.LISTEN_QUEUE_GRACE_S
        worker.set_accept_enabled(True)
        assert not accepting(worker)  # a worker with room would have taken it by now
        now[0] += serve.LISTEN_QUEUE_GRACE_S
        worker.set_accept_enabled(True)
        assert accepting(worker)  # nobody did: this one answers it (a refusal, at once)

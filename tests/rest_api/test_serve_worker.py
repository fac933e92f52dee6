"""The gunicorn worker of ``summarizer serve`` takes a new connection only while one of its threads
is free, so that keep-alive clients spread over the workers instead of piling onto one."""

from __future__ import annotations

import selectors
import socket
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from typing import Any

import pytest

from summarizer.serve import THREADS_PER_WORKER, BalancedThreadWorker, ServeSettings, SummarizerServer


class PoolThatNeverRuns:
    """A thread pool whose jobs stay queued: every submitted connection keeps a thread busy."""

    def submit(self, job: Callable[..., Any], *args: Any) -> Future[Any]:
        return Future()


class Connection:
    def __init__(self) -> None:
        self.closed = False

    def close(self, graceful: bool = False) -> None:
        self.closed = True


def finished(*, keep_alive: bool) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_result(keep_alive)
    return future


@pytest.fixture
def worker() -> Iterator[BalancedThreadWorker]:
    """A worker as gunicorn builds it, with its event loop's poller but no threads."""
    cfg = SummarizerServer(ServeSettings(port=0, workers=2)).cfg
    with socket.create_server(("127.0.0.1", 0)) as listener:
        worker = BalancedThreadWorker(0, 0, [listener], None, 30, cfg, None)
        worker.poller = selectors.DefaultSelector()
        worker.tpool = PoolThatNeverRuns()
        worker.set_accept_enabled(True)
        yield worker
        worker.poller.close()


def accepting(worker: BalancedThreadWorker) -> bool:
    return any(key.fileobj in worker.sockets for key in worker.poller.get_map().values())


def test_serve_runs_the_balanced_worker_with_threads() -> None:
    cfg = SummarizerServer(ServeSettings(port=8123, workers=2)).cfg
    assert cfg.worker_class is BalancedThreadWorker
    assert cfg.threads == THREADS_PER_WORKER > 1  # slow clients must not hold a whole worker


def test_a_worker_stops_accepting_while_every_thread_is_busy(worker: BalancedThreadWorker) -> None:
    for _ in range(THREADS_PER_WORKER - 1):
        worker.nr_conns += 1
        worker.enqueue_req(Connection())
    assert accepting(worker)
    worker.nr_conns += 1
    worker.enqueue_req(Connection())
    assert not accepting(worker)
    # The event loop asks again on each turn; the answer stays no while no thread is free.
    worker.set_accept_enabled(True)
    assert not accepting(worker)


def test_a_finished_request_lets_the_worker_accept_again(worker: BalancedThreadWorker) -> None:
    connections = [Connection() for _ in range(THREADS_PER_WORKER)]
    for connection in connections:
        worker.nr_conns += 1
        worker.enqueue_req(connection)
    assert not accepting(worker)
    worker.finish_request(connections[0], finished(keep_alive=False))
    assert connections[0].closed
    worker.set_accept_enabled(True)  # what the event loop does after each callback
    assert accepting(worker)


def test_a_stopping_worker_stops_accepting_even_with_free_threads(worker: BalancedThreadWorker) -> None:
    assert accepting(worker)
    worker.set_accept_enabled(False)
    assert not accepting(worker)

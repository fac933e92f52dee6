"""One analysis at a time in a server process, in arrival order, behind a bounded queue.

Analyses are CPU-bound Python: threads of one process cannot run two at once anyway, and
letting them take turns on the interpreter lock (forced switches every 5 ms, each a futex
hand-over) costs 30-70% more CPU per analysis than running them one after another. Request
threads still read and answer clients concurrently; only the analysis itself takes turns here.

The turns are first come, first served (a plain lock is not fair: a thread that releases it
may take it straight back while others wait for seconds), and the queue is bounded: a request
that finds ``max_waiting`` others waiting is refused at once (:class:`Overloaded`, the API's
503 with ``Retry-After``) rather than wait behind them, and one whose deadline passes while it
waits leaves the queue and is refused too. So no accepted request waits past its budget.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from summarizer.deadline import Deadline


class Overloaded(Exception):
    """No turn for this request: the queue is full, or its deadline passed in the queue."""


class AnalysisGate:
    """``on_waiting`` is told the number of requests waiting whenever it changes (under the
    gate's lock, so the numbers arrive in order): the metrics' gauge."""

    def __init__(self, max_waiting: int, *, on_waiting: Callable[[int], None] | None = None) -> None:
        self.max_waiting = max_waiting
        self._on_waiting = on_waiting
        self._lock = threading.Lock()  # guards the two fields below; held for microseconds
        self._busy = False  # an analysis holds the turn
        self._waiting: deque[threading.Event] = deque()  # one event per waiting request, in order

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def full(self) -> bool:
        """Whether a request arriving now would be refused (a hint, read without the lock:
        :meth:`enter` decides)."""
        return self._busy and len(self._waiting) >= self.max_waiting

    @contextmanager
    def turn(self, deadline: Deadline, *, bounded: bool = True) -> Iterator[None]:
        """Hold the turn for the block. Waits in line until the turns before are done, or
        raises :class:`Overloaded`: at once when the line is full (unless ``bounded`` is false:
        a batch's next article, already admitted), or when ``deadline`` passes in the line."""
        self.enter(deadline, bounded=bounded)
        try:
            yield
        finally:
            self.leave()

    def enter(self, deadline: Deadline, *, bounded: bool = True) -> None:
        """Take the turn (see :meth:`turn`); every successful ``enter`` needs one ``leave``."""
        with self._lock:
            if not self._busy:
                self._busy = True
                return
            if bounded and len(self._waiting) >= self.max_waiting:
                raise Overloaded(f"{len(self._waiting)} analyses are waiting already")
            ticket = threading.Event()
            self._waiting.append(ticket)
            self._changed()
        if ticket.wait(timeout=max(0.0, deadline.remaining())):
            return  # the turn was handed over to this ticket
        with self._lock:
            if ticket.is_set():  # handed over just as the wait timed out: the turn is ours
                return
            self._waiting.remove(ticket)
            self._changed()
        raise Overloaded("the request's work budget ran out while it waited for its turn")

    def leave(self) -> None:
        """Give the turn to the first in line, if any."""
        with self._lock:
            if self._waiting:
                # Handed straight to the first in line: ``_busy`` stays true, so no thread
                # arriving meanwhile can jump the queue.
                self._waiting.popleft().set()
                self._changed()
            else:
                self._busy = False

    def _changed(self) -> None:
        if self._on_waiting is not None:
            self._on_waiting(len(self._waiting))

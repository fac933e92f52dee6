"""A cooperative deadline for one analysis: the caller says when the work must stop, the
engine checks it between its stages and inside its long loops, and raises
:class:`DeadlineExceeded` instead of running on.

    >>> engine.analyze(text, deadline=Deadline.after(2.0))

A deadline is a frozen value (an instant on the monotonic clock): the engine keeps no state
for it, any number of threads may share one, and an analysis that finishes in time returns
exactly what it returns without one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass


class DeadlineExceeded(Exception):
    """The work passed its deadline; ``stage`` names where it was noticed (``document``,
    ``ranking``, ``page``, ``batch`` ...), ``overrun_s`` by how much."""

    def __init__(self, stage: str, overrun_s: float) -> None:
        super().__init__(f"the work budget ran out during {stage} ({overrun_s:.3f} s over)")
        self.stage = stage
        self.overrun_s = overrun_s


@dataclass(frozen=True)
class Deadline:
    """The instant ``at`` (``time.monotonic()`` seconds) by which the work must be done."""

    at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """The deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds left (negative once passed)."""
        return self.at - time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() >= self.at

    def check(self, stage: str) -> None:
        """Raise :class:`DeadlineExceeded` if the deadline has passed."""
        now = time.monotonic()
        if now >= self.at:
            raise DeadlineExceeded(stage, now - self.at)


def check(deadline: Deadline | None, stage: str) -> None:
    """:meth:`Deadline.check` where there may be no deadline (the library's default)."""
    if deadline is not None:
        deadline.check(stage)

"""What one app instance holds: its settings and its engine (no module-level state)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from flask import Flask

from api.config import ApiConfig
from summarizer.engine import Engine

EXTENSION_KEY = "summarizer"


@dataclass(frozen=True)
class AppState:
    config: ApiConfig
    engine: Engine
    # Analyses are CPU-bound Python: threads of one process cannot run two at once anyway, and
    # letting them take turns on the interpreter lock (forced switches every 5 ms, each a futex
    # hand-over) costs 30-70% more CPU per analysis than running them one after another. Request
    # threads still read and answer clients concurrently; only the analysis itself queues here.
    analysis_lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)


def app_state(app: Flask) -> AppState:
    state = app.extensions[EXTENSION_KEY]
    assert isinstance(state, AppState)
    return state

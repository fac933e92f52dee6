"""What one app instance holds: its settings, its engine, its metrics and its analysis gate
(no module-level state)."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask

from api.config import ApiConfig
from api.gate import AnalysisGate
from api.metrics import Metrics
from summarizer.engine import Engine

EXTENSION_KEY = "summarizer"


@dataclass(frozen=True)
class AppState:
    config: ApiConfig
    engine: Engine
    metrics: Metrics = field(compare=False, repr=False)
    # One analysis at a time per process, first come first served, behind a bounded queue
    # (see api.gate for why).
    gate: AnalysisGate = field(compare=False, repr=False)


def app_state(app: Flask) -> AppState:
    state = app.extensions[EXTENSION_KEY]
    assert isinstance(state, AppState)
    return state

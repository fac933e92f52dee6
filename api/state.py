"""What one app instance holds: its settings and its engine (no module-level state)."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

from api.config import ApiConfig
from summarizer.engine import Engine

EXTENSION_KEY = "summarizer"


@dataclass(frozen=True)
class AppState:
    config: ApiConfig
    engine: Engine


def app_state(app: Flask) -> AppState:
    state = app.extensions[EXTENSION_KEY]
    assert isinstance(state, AppState)
    return state

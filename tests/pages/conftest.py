from __future__ import annotations

import time
from pathlib import Path

import pytest

from summarizer.deadline import Deadline
from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.result import Analysis, Stats
from summarizer.script import ScriptConverter

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


class RecordingEngine:
    """Stands in for the engine: remembers every text it is asked to analyse."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.scripts = ScriptConverter()  # the engine's converter: a traditional page's view

    def analyze(
        self, text: str, *, options: Options = DEFAULT_OPTIONS, deadline: Deadline | None = None
    ) -> Analysis:
        started = time.perf_counter()
        self.texts.append(text)
        return Analysis((), (), (), (), (), Stats(len(text), 0, 0, (time.perf_counter() - started) * 1000))


@pytest.fixture
def engine() -> RecordingEngine:
    return RecordingEngine()


def shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"needs {path} (the shared data beside the repository)")
    return path

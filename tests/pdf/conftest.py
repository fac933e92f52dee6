"""Fixtures of the PDF tests: synthetic pages set by ``typeset``, the broken corpus of
``broken``, and a real ``summarizer serve`` with small PDF limits."""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from summarizer import Engine, default_engine

from . import broken
from .typeset import Story, make_story, paragraph, title

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts" / "reliability"
# The live server's PDF limits (SUMMARIZER_* variables), small enough to reach in a test.
SERVER_LIMITS = {
    "SUMMARIZER_MAX_PDF_PAGES": "8",
    "SUMMARIZER_PDF_TIMEOUT_MS": "2000",
    "SUMMARIZER_PDF_MEMORY_MB": "256",
    "SUMMARIZER_MAX_PDF_BYTES": str(4 * 1024 * 1024),
}


@pytest.fixture(scope="session")
def engine() -> Engine:
    engine = default_engine()
    engine.preload()
    return engine


def stories(seed: int, count: int = 8) -> list[Story]:
    """Stories with every kind of heading and extra: kickers, subtitles, bylines, captions."""
    rng = random.Random(seed)
    return [
        make_story(
            rng,
            paragraphs=rng.randint(3, 6),
            kicker=f"关于{title(rng)}" if i % 3 == 0 else None,
            subtitle=title(rng) if i % 4 == 1 else None,
            byline="本报记者 王小明" if i % 2 else None,
            caption=(paragraph(rng, 2), "李明 摄") if i % 3 == 2 else None,
        )
        for i in range(count)
    ]


@pytest.fixture(scope="session")
def bomb() -> bytes:
    return broken.decompression_bomb(256)


@pytest.fixture(scope="session")
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reliability_harness", SCRIPTS / "_harness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def pdf_server(harness: ModuleType) -> Iterator[object]:
    """A real ``summarizer serve`` (gunicorn, 2 workers) with small PDF limits."""
    with harness.serve(workers=2, extra_env=SERVER_LIMITS) as server:
        yield server

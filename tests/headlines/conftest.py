"""Fixtures of the headline tests: one engine for the session and its document builder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from summarizer import Engine
from summarizer.document import Document


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def document_of(engine: Engine) -> Callable[[str], Document]:
    return engine.document

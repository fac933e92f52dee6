"""Fixtures of the reliability tests: one warmed engine, the API built with the corpus
limits, and the scripts' harness (a real ``summarizer serve`` process) for the end-to-end
tests."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import ApiConfig, create_app
from summarizer import Engine, default_engine

from .corpus import BATCH_LIMIT, BODY_LIMIT, TEXT_LIMIT

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = REPO_ROOT / "scripts" / "reliability"


@pytest.fixture(scope="session")
def engine() -> Engine:
    engine = default_engine()
    engine.analyze("预热。")  # load the dictionaries before any test measures or times anything
    return engine


def corpus_config(*, api_key: str | None = None) -> ApiConfig:
    """The API settings the corpus expectations are written for."""
    return ApiConfig(
        max_text_chars=TEXT_LIMIT, max_body_bytes=BODY_LIMIT, max_batch_articles=BATCH_LIMIT, api_key=api_key
    )


@pytest.fixture(scope="session")
def app(engine: Engine) -> Flask:
    app: Flask = create_app(corpus_config(), engine=engine)
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def harness() -> ModuleType:
    """``scripts/reliability/_harness.py``, the one implementation of "start a real server"."""
    spec = importlib.util.spec_from_file_location("reliability_harness", SCRIPTS / "_harness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def live_server(harness: ModuleType) -> Iterator[object]:
    """A real ``summarizer serve`` (gunicorn, 2 workers) on a free loopback port."""
    with harness.serve(workers=2) as server:
        yield server

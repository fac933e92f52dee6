"""Shared fixtures of the engine tests: one engine per backend for the session, dev data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer import Engine

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
DEV = SHARED / "eval" / "dev"


DevArticles = Callable[[str, int], list[dict[str, Any]]]


def _dev_articles(name: str, count: int) -> list[dict[str, Any]]:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"needs the dev set {path} (../shared beside the repository)")
    records = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                records.append(json.loads(line))
            if len(records) == count:
                break
    return records


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine()


@pytest.fixture(scope="session")
def jieba_engine() -> Engine:
    return Engine(tokenizer="jieba")


@pytest.fixture(scope="session")
def dev_articles() -> DevArticles:
    """``dev_articles(file_name, count)``: the first ``count`` records of a dev file; skips the
    test when ../shared is absent."""
    return _dev_articles

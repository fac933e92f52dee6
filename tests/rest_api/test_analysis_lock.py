"""Analyses run one at a time in a server process: every endpoint that analyses holds the app's
analysis lock around the engine, and lets it go once the answer is ready."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from api import ApiConfig, create_app
from api.state import app_state
from summarizer import default_engine
from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.result import Analysis

ARTICLE = "本报讯 近日，江南市举办首届智慧农业博览会。博览会展示了无人机植保等新技术。农民说种地更轻松了。"
PAGE = "江南日报\n首页 | 要闻\n\n智慧农业博览会开幕\n\n" + ARTICLE + "\n\n版权所有 江南日报社"


class LockWatchingEngine:
    """The default engine, noting at each analysis whether the app's analysis lock is held."""

    def __init__(self) -> None:
        self.engine = default_engine()
        self.app: Flask | None = None
        self.lock_held: list[bool] = []

    def analyze(self, text: str, *, options: Options = DEFAULT_OPTIONS) -> Analysis:
        assert self.app is not None
        self.lock_held.append(app_state(self.app).analysis_lock.locked())
        return self.engine.analyze(text, options=options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.engine, name)


@pytest.fixture
def watched() -> tuple[Flask, LockWatchingEngine]:
    engine = LockWatchingEngine()
    app = create_app(ApiConfig(), engine=engine)  # type: ignore[arg-type]  # an Engine look-alike
    engine.app = app
    return app, engine


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/summarize", {"text": ARTICLE}),
        ("/v1/pages", {"text": PAGE}),
        ("/v1/batch", {"articles": [{"id": 1, "text": ARTICLE}, {"id": 2, "text": ARTICLE}]}),
    ],
)
def test_every_analysis_holds_the_lock(
    watched: tuple[Flask, LockWatchingEngine], path: str, body: dict[str, Any]
) -> None:
    app, engine = watched
    response = app.test_client().post(path, json=body)
    assert response.status_code == 200, response.json
    assert engine.lock_held and all(engine.lock_held)
    assert not app_state(app).analysis_lock.locked()


def test_a_failed_analysis_releases_the_lock(watched: tuple[Flask, LockWatchingEngine]) -> None:
    app, engine = watched
    engine.engine = None  # type: ignore[assignment]  # the next analysis raises AttributeError
    response = app.test_client().post("/v1/summarize", json={"text": ARTICLE})
    assert response.status_code == 500
    assert not app_state(app).analysis_lock.locked()

"""``summarizer serve`` settings: options, environment variables, gunicorn configuration."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from api import ApiConfig
from summarizer import serve
from summarizer.cli import main
from summarizer.serve import ServeSettings, SummarizerServer, cpu_count


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ServeSettings]]:
    """Records which server would start, with which settings, instead of starting it."""
    calls: list[tuple[str, ServeSettings]] = []
    monkeypatch.setattr(serve, "run_server", lambda settings: calls.append(("gunicorn", settings)))
    monkeypatch.setattr(serve, "run_dev_server", lambda settings: calls.append(("dev", settings)))
    return calls


CLEAN_ENV: dict[str, str | None] = {
    "SUMMARIZER_HOST": None,
    "SUMMARIZER_PORT": None,
    "SUMMARIZER_WORKERS": None,
    "SUMMARIZER_API_KEY": None,
}


def test_defaults_bind_loopback_with_one_worker_per_cpu(runner: CliRunner, started: list[Any]) -> None:
    result = runner.invoke(main, ["serve"], env=CLEAN_ENV)
    assert result.exit_code == 0, result.output
    [(kind, settings)] = started
    assert kind == "gunicorn"
    assert settings.bind == "127.0.0.1:8000"
    assert settings.worker_count == cpu_count()
    assert settings.api.api_key is None


def test_environment_variables(runner: CliRunner, started: list[Any]) -> None:
    env = {"SUMMARIZER_HOST": "0.0.0.0", "SUMMARIZER_PORT": "9001", "SUMMARIZER_WORKERS": "3",
           "SUMMARIZER_API_KEY": "k", "SUMMARIZER_MAX_BATCH_ARTICLES": "7"}  # fmt: skip
    result = runner.invoke(main, ["serve"], env=env)
    assert result.exit_code == 0, result.output
    [(_, settings)] = started
    assert (settings.bind, settings.worker_count) == ("0.0.0.0:9001", 3)
    assert settings.api == ApiConfig(api_key="k", max_batch_articles=7)


def test_options_win_over_the_environment(runner: CliRunner, started: list[Any]) -> None:
    env = {**CLEAN_ENV, "SUMMARIZER_PORT": "9001", "SUMMARIZER_WORKERS": "3"}
    result = runner.invoke(
        main, ["serve", "--host", "::1", "--port", "9002", "--workers", "1", "--dev"], env=env
    )
    assert result.exit_code == 0, result.output
    [(kind, settings)] = started
    assert kind == "dev"
    assert (settings.bind, settings.worker_count) == ("[::1]:9002", 1)


def test_gunicorn_preloads_the_app_in_the_master() -> None:
    server = SummarizerServer(ServeSettings(port=8123, workers=2))
    assert server.cfg.preload_app is True
    assert server.cfg.workers == 2
    assert server.cfg.bind == ["127.0.0.1:8123"]
    assert server.cfg.accesslog is None  # the app writes the JSON access log itself
    try:
        app = server.load()
        # What the master loaded is frozen out of the collector before the workers fork.
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert isinstance(app, Flask)
    assert app.test_client().get("/readyz").status_code == 200

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


def test_every_server_setting_is_a_flag_and_a_variable(runner: CliRunner, started: list[Any]) -> None:
    env = {**CLEAN_ENV, "SUMMARIZER_REQUEST_BUDGET_S": "4.5", "SUMMARIZER_MAX_QUEUE": "9",
           "SUMMARIZER_MAX_TEXT_CHARS": "5000", "SUMMARIZER_TOKENIZER": "jieba",
           "SUMMARIZER_LOG_LEVEL": "warning", "SUMMARIZER_METRICS_KEY": "m"}  # fmt: skip
    result = runner.invoke(
        main, ["serve", "--max-queue", "3", "--cors-origins", "https://a.example"], env=env
    )
    assert result.exit_code == 0, result.output
    [(_, settings)] = started
    assert settings.api == ApiConfig(
        request_budget_s=4.5,
        max_queue=3,  # the flag wins over the variable
        max_text_chars=5000,
        cors_origins=("https://a.example",),
        metrics_key="m",
    )
    assert (settings.tokenizer, settings.log_level) == ("jieba", "warning")


@pytest.mark.parametrize(
    ("args", "env", "named"),
    [
        (["--request-budget", "0"], {}, "--request-budget"),
        (["--max-queue", "many"], {}, "--max-queue"),
        ([], {"SUMMARIZER_REQUEST_BUDGET_S": "soon"}, "SUMMARIZER_REQUEST_BUDGET_S"),
        ([], {"SUMMARIZER_METRICS_KEY": " "}, "SUMMARIZER_METRICS_KEY"),
    ],
)
def test_a_bad_setting_is_a_usage_error_naming_it(
    runner: CliRunner, started: list[Any], args: list[str], env: dict[str, str], named: str
) -> None:
    result = runner.invoke(main, ["serve", *args], env={**CLEAN_ENV, **env})
    assert result.exit_code == 2
    assert named in result.output
    assert not started


def test_the_keys_are_no_flags(runner: CliRunner) -> None:
    help_text = runner.invoke(main, ["serve", "--help"]).output
    assert "--api-key" not in help_text and "--metrics-key" not in help_text


def test_one_table_documents_every_setting(runner: CliRunner) -> None:
    """docs/API.md's settings table names every flag and every variable of `summarizer serve`."""
    import re
    from pathlib import Path

    import click

    from api.config import SECRET_SETTINGS, env_variable

    document = (Path(__file__).resolve().parents[2] / "docs" / "API.md").read_text(encoding="utf-8")
    rows = [
        line
        for line in document.splitlines()
        if line.startswith("| `--") or line.startswith("| `SUMMARIZER_")
    ]
    table = "\n".join(rows)
    command = main.commands["serve"]
    for parameter in command.params:
        if not isinstance(parameter, click.Option) or parameter.name == "help":
            continue
        flag = parameter.opts[0]
        assert re.search(rf"`{re.escape(flag)}[ `]", table), f"{flag} is not in the settings table"
        variable = parameter.envvar or (env_variable(parameter.name) if parameter.name != "dev" else None)
        if variable:
            assert f"`{variable}`" in table, f"{variable} is not in the settings table"
    for secret in SECRET_SETTINGS:
        assert f"`{env_variable(secret)}`" in table

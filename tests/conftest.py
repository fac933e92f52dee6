"""Shared fixtures (flaskr style): ``app``, ``client`` and ``runner``, and the shared data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from api import ApiConfig, create_app
from summarizer.build_info import stale_compiled_modules

SHARED_DIR = Path(__file__).resolve().parents[1] / ".." / "shared"


def pytest_sessionstart(session: pytest.Session) -> None:
    """A compiled module shadows its ``.py`` file: after an edit of the source, the tests would
    run the old code until the engine is rebuilt (``make test`` rebuilds it)."""
    stale = stale_compiled_modules()
    if stale:
        pytest.exit(
            f"compiled modules older than their source: {', '.join(stale)}; rebuild them with "
            "`make install-test` (or `pip install -e .`), or delete them to test the source",
            returncode=2,
        )


@pytest.fixture
def app() -> Flask:
    """The application with default settings and no API key (whatever the environment says)."""
    app = create_app(ApiConfig())
    app.config.update(TESTING=True)
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    """Runs the ``summarizer`` command in-process: ``runner.invoke(summarizer.cli.main, [...])``."""
    return CliRunner()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository (seed page, dev sets, score.py)."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"needs the shared data folder {SHARED_DIR.resolve()}, which is absent")
    return SHARED_DIR.resolve()


# Hand-written examples (not from the copyrighted dev sets).
ARTICLE = (
    "本报讯 近日，江南市举办首届智慧农业博览会，吸引了来自全国各地的两百多家企业参展。"
    "博览会展示了无人机植保、智能温室和农产品溯源等新技术。"
    "市农业农村局负责人表示，智慧农业正在改变传统的种植方式，帮助农民节本增效。"
    "据介绍，今年全市将新建智能温室五百亩，推广无人机植保面积超过十万亩。"
    "不少参观的农民说，新技术让种地变得更轻松了。"
)
PAGE = (
    "江南市举办智慧农业博览会\n"
    "本报讯 近日，江南市举办首届智慧农业博览会，吸引了来自全国各地的两百多家企业参展。\n"
    "博览会展示了无人机植保、智能温室和农产品溯源等新技术。\n"
    "老街改造完成 居民生活更便利\n"
    "本报讯 经过半年施工，城东老街改造工程日前完工，街道两侧新装了路灯和座椅。\n"
    "居民们说，晚上出来散步的人多了，街坊邻居的关系也更近了。\n"
)


@pytest.fixture(scope="session")
def article() -> str:
    return ARTICLE


@pytest.fixture(scope="session")
def page_text() -> str:
    return PAGE

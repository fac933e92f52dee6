"""Fixtures of the web page's browser tests: a real server process and Debian's headless Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
from web_harness import (
    API_KEY,
    CHROMIUM,
    CHROMIUM_ARGS,
    SEED_EXPECTED,
    SEED_TEXT,
    running_server,
    serve_missing_reason,
)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    # The first analysis on a cold two-core CI runner can take seconds; waits, not timings, are tested.
    expect.set_options(timeout=30_000)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def _server_or_skip() -> None:
    reason = serve_missing_reason()
    if reason is not None:
        pytest.skip(f"summarizer serve is not available: {reason}")


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """A server without an API key."""
    _server_or_skip()
    with running_server() as base_url:
        yield base_url


@pytest.fixture(scope="session")
def keyed_server_url() -> Iterator[str]:
    """A server that wants ``Authorization: Bearer API_KEY`` on /v1/*."""
    _server_or_skip()
    with running_server(api_key=API_KEY) as base_url:
        yield base_url


def _new_page(
    browser: Browser, base_url: str, *, width: int = 1280, height: int = 900, language: str | None = "en"
) -> Iterator[Page]:
    """A fresh browser context on the page. The page speaks simplified Chinese unless told
    otherwise; ``language`` is the choice a user made before (as the switch stores it), English
    for the tests written against its English words, ``None`` for a first visit."""
    context = browser.new_context(
        base_url=base_url,
        viewport={"width": width, "height": height},
        permissions=["clipboard-read", "clipboard-write"],
    )
    if language is not None:
        context.add_init_script(f"localStorage.setItem('summarizer.language', {json.dumps(language)})")
    page = context.new_page()
    page.goto("/")
    yield page
    context.close()


@pytest.fixture
def page(browser: Browser, server_url: str) -> Iterator[Page]:
    yield from _new_page(browser, server_url)


@pytest.fixture
def first_visit_page(browser: Browser, server_url: str) -> Iterator[Page]:
    """The page as a first-time visitor sees it: no language chosen yet."""
    yield from _new_page(browser, server_url, language=None)


@pytest.fixture
def phone_page(browser: Browser, server_url: str) -> Iterator[Page]:
    yield from _new_page(browser, server_url, width=360, height=740)


@pytest.fixture
def keyed_page(browser: Browser, keyed_server_url: str) -> Iterator[Page]:
    yield from _new_page(browser, keyed_server_url)


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_TEXT.exists():
        pytest.skip(f"the seed page is not at {SEED_TEXT} (../shared beside the repository)")
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict[str, Any]:
    """The hand-labelled structure of the seed page."""
    if not SEED_EXPECTED.exists():
        pytest.skip(f"the seed's labels are not at {SEED_EXPECTED} (../shared beside the repository)")
    expected: dict[str, Any] = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    return expected

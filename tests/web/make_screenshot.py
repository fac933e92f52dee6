"""Regenerate the README's screenshot: the seed page analysed in the web page.

    .venv/bin/python tests/web/make_screenshot.py docs/screenshot.png
    .venv/bin/python tests/web/make_screenshot.py --language zh-Hant --convert s2hk hk.png   # in 繁體

Starts ``summarizer serve`` and Debian's chromium like the browser tests do (needs ../shared).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import ViewportSize, sync_playwright
from web_harness import CHROMIUM, CHROMIUM_ARGS, SEED_TEXT, running_server

VIEWPORT: ViewportSize = {"width": 1280, "height": 900}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--max-height", type=int, default=1800, help="crop the full page to this height (px)")
    parser.add_argument("--language", default="zh-Hans", help="the page's language: zh-Hans, zh-Hant or en")
    parser.add_argument("--convert", help="an OpenCC configuration (s2hk, s2tw) to convert the seed page")
    args = parser.parse_args()

    text = SEED_TEXT.read_text(encoding="utf-8")
    if args.convert:
        import opencc

        text = opencc.OpenCC(args.convert).convert(text)
    with running_server() as base_url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(base_url=base_url, viewport=VIEWPORT, color_scheme="light")
        page.add_init_script(f"localStorage.setItem('summarizer.language', {args.language!r})")
        page.goto("/")
        page.locator("#text").fill(text)
        page.locator("#text").press("Control+Enter")
        page.locator("article.card").first.wait_for()
        # Show the shaded original text of the first article, as an editor would open it.
        page.locator("article.card details.original > summary").first.click()
        page.evaluate("document.querySelector('#text').scrollTop = 0")
        height = min(args.max_height, int(page.evaluate("document.documentElement.scrollHeight")))
        page.screenshot(
            path=args.output,
            full_page=True,
            clip={"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height},
        )
        browser.close()


if __name__ == "__main__":
    main()

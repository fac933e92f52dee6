"""The web page in its users' languages, in a real headless Chromium against a real server:
simplified Chinese by default, a 繁體 and an English switch that the browser remembers, and
traditional articles and pages shown in their own script with the script the engine found."""

from __future__ import annotations

from typing import Any

import opencc
import pytest
from playwright.sync_api import Page, expect
from test_web_page_browser import ARTICLE

pytestmark = pytest.mark.slow

# The test article in Taiwan's script, converted here (OpenCC), as a Taipei newsroom would write it.
TRADITIONAL_ARTICLE = opencc.OpenCC("s2tw").convert(ARTICLE)


def sentences_of(text: str) -> set[str]:
    return {sentence for sentence in text.replace("\n", "").split("。") if sentence}


def switch_to(page: Page, language_name: str) -> None:
    page.get_by_role("button", name=language_name, exact=True).click()


def test_a_first_visit_speaks_simplified_chinese(first_visit_page: Page) -> None:
    page = first_visit_page

    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page).to_have_title("新闻摘要")
    expect(page.get_by_role("button", name="生成摘要")).to_be_visible()
    expect(page.get_by_label("文章或整版报纸文本")).to_be_visible()
    expect(page.get_by_role("button", name="简体", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="English", exact=True)).to_have_attribute("aria-pressed", "false")


def test_the_language_switch_is_remembered_across_visits(first_visit_page: Page) -> None:
    page = first_visit_page

    switch_to(page, "繁體")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.get_by_role("button", name="產生摘要")).to_be_visible()
    text_box = page.get_by_label("文章或整版報紙文字")
    expect(text_box).to_have_attribute("placeholder", "貼上一篇文章或整版電子報文字…")
    page.reload()
    expect(page.get_by_role("button", name="產生摘要")).to_be_visible()
    expect(page.get_by_role("button", name="繁體", exact=True)).to_have_attribute("aria-pressed", "true")

    switch_to(page, "English")
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("button", name="Summarize")).to_be_visible()
    expect(page.get_by_label("Summary length", exact=True)).to_be_visible()


def test_every_string_exists_in_the_three_languages(first_visit_page: Page) -> None:
    """The page's table has each string in each language, and names every key the page uses."""
    found: dict[str, Any] = first_visit_page.evaluate(
        """async () => {
          const { MESSAGES, LANGUAGES } = await import("./assets/i18n.js");
          const marked = "[data-i18n],[data-i18n-placeholder],[data-i18n-aria-label]";
          const used = [...document.querySelectorAll(marked)]
            .map((n) => n.dataset.i18n ?? n.dataset.i18nPlaceholder ?? n.dataset.i18nAriaLabel);
          return {
            incomplete: Object.entries(MESSAGES)
              .filter(([, entry]) => LANGUAGES.some((l) => !entry[l])).map(([key]) => key),
            unknown: used.filter((key) => !(key in MESSAGES)),
            count: Object.keys(MESSAGES).length,
          };
        }"""
    )
    assert found["incomplete"] == []
    assert found["unknown"] == []
    assert found["count"] > 50


def test_a_traditional_article_comes_back_in_its_own_script(first_visit_page: Page) -> None:
    page = first_visit_page
    switch_to(page, "繁體")
    page.get_by_label("一篇文章").check()
    page.get_by_label("文章或整版報紙文字").fill(TRADITIONAL_ARTICLE)
    page.get_by_role("button", name="產生摘要").click()

    card = page.locator("article.card")
    expect(card.locator("p.stats .script")).to_have_text("原文字形：繁體")
    summary = card.locator("p.summary")
    expect(summary).to_have_attribute("lang", "zh-Hant")
    assert sentences_of(summary.inner_text()) <= sentences_of(TRADITIONAL_ARTICLE)
    for headline in card.locator(".headline-text").all_inner_texts():
        # Pieces of a sentence (a time phrase may be left out), in the article's own characters.
        assert set(headline) <= set(TRADITIONAL_ARTICLE), headline
    for phrase in card.locator("ul.chips li").all_inner_texts():
        assert phrase in TRADITIONAL_ARTICLE, phrase
    expect(card.get_by_role("heading", name="標題建議")).to_be_visible()

    # The results follow the language switch without another request.
    switch_to(page, "English")
    expect(card.locator("p.stats .script")).to_have_text("input script: traditional")
    expect(card.get_by_role("heading", name="Headline suggestions")).to_be_visible()


def test_the_output_script_option_converts_what_comes_back(first_visit_page: Page) -> None:
    page = first_visit_page
    page.get_by_label("一篇文章").check()
    page.get_by_label("输出字形").select_option("simplified")
    page.get_by_label("文章或整版报纸文本").fill(TRADITIONAL_ARTICLE)
    page.get_by_role("button", name="生成摘要").click()

    card = page.locator("article.card")
    expect(card.locator("p.stats .script")).to_have_text("原文字形：繁体")
    expect(card.locator("p.summary")).to_have_attribute("lang", "zh-Hans")
    assert sentences_of(card.locator("p.summary").inner_text()) <= sentences_of(ARTICLE)


def test_errors_are_explained_in_the_chosen_language(first_visit_page: Page) -> None:
    first_visit_page.get_by_role("button", name="生成摘要").click()

    alert = first_visit_page.get_by_role("alert")
    expect(alert).to_contain_text("没有可分析的文本")
    expect(alert).to_contain_text("请粘贴一篇文章或一整版报纸")


@pytest.mark.shared
def test_a_traditional_seed_page_gives_its_articles_in_traditional_script(
    first_visit_page: Page, seed_text: str, seed_expected: dict[str, Any]
) -> None:
    convert = opencc.OpenCC("s2hk").convert
    page = first_visit_page
    switch_to(page, "繁體")
    page.get_by_label("一整版報紙").check()
    page.get_by_label("文章或整版報紙文字").fill(convert(seed_text))
    page.get_by_role("button", name="產生摘要").click()

    cards = page.locator("article.card")
    titles = [convert(article["title"]) for article in seed_expected["articles"]]
    expect(cards.locator("h2")).to_have_text(titles)
    expect(cards.locator("p.stats .script")).to_have_text(["原文字形：繁體"] * len(titles))
    expect(page.get_by_role("heading", name=f"版面上有 {len(titles)} 篇文章")).to_be_visible()

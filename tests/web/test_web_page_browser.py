"""The web page in a real headless Chromium against a real ``summarizer serve`` process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Request, Route, expect
from web_harness import API_KEY

import summarizer

pytestmark = pytest.mark.slow

# Hand-written for these tests: a short article, one paragraph per line.
ARTICLE = (
    "本市今年新建了十二座社区公园，让居民在家门口就能享受绿色空间。\n"
    "这些公园大多利用闲置地块改造而成，总面积超过三十公顷。\n"
    "市园林局负责人介绍，新公园均配备了健身步道、儿童游乐设施和无障碍通道。\n"
    "不少居民表示，晚饭后到公园散步已经成为生活的一部分。\n"
    "明年，本市还计划再建设十座社区公园，并对二十座老旧公园进行提升改造。"
)


def run_with_keyboard(page: Page, text: str) -> None:
    page.get_by_label("Article or newspaper page text").fill(text)
    page.get_by_label("Article or newspaper page text").press("Control+Enter")


@pytest.mark.shared
def test_seed_page_gives_one_card_per_article_with_its_title(
    page: Page, seed_text: str, seed_expected: dict[str, Any], tmp_path: Path
) -> None:
    run_with_keyboard(page, seed_text)

    expect(page.locator("#detected-mode")).to_contain_text("a page")
    cards = page.locator("article.card")
    expect(cards).to_have_count(len(seed_expected["articles"]))
    expect(cards.locator("h2")).to_have_text([article["title"] for article in seed_expected["articles"]])
    for card in cards.all():
        expect(card.locator("ol.headlines li").first).to_be_visible()
    page.screenshot(path=tmp_path / "seed_page.png", full_page=True)
    assert (tmp_path / "seed_page.png").stat().st_size > 0


@pytest.mark.shared
def test_seed_page_shows_captions_labels_fragments_and_repairs(
    page: Page, seed_text: str, seed_expected: dict[str, Any]
) -> None:
    page.get_by_label("A newspaper page").check()
    run_with_keyboard(page, seed_text)

    extras = page.get_by_role("complementary", name="Also on the page")
    expect(extras.locator("ul.captions li")).to_have_count(len(seed_expected["captions"]))
    expect(extras.locator("ul.labels li")).to_have_text(seed_expected["page_labels"])
    expect(extras.locator("ul.fragments li")).to_have_count(len(seed_expected["misplaced_fragments"]))
    marks = page.locator("article.card .repair-mark", has_text="column break rejoined")
    expect(marks).to_have_count(len(seed_expected["column_breaks"]))


def test_copy_button_puts_the_headline_on_the_clipboard(page: Page) -> None:
    page.get_by_label("One article").check()
    run_with_keyboard(page, ARTICLE)

    first = page.locator("ol.headlines li").first
    expect(first).to_be_visible()
    headline = first.locator(".headline-text").inner_text()
    first.get_by_role("button", name=f"Copy headline: {headline}").click()

    expect(first.get_by_role("button")).to_have_text("Copied ✓")
    assert page.evaluate("navigator.clipboard.readText()") == headline


def test_the_page_is_busy_while_the_server_works(page: Page) -> None:
    seen_while_waiting: list[dict[str, Any]] = []

    def look_then_continue(route: Route) -> None:
        seen_while_waiting.append(page.evaluate(_BUSY_STATE))
        route.continue_()

    page.route("**/v1/summarize", look_then_continue)
    page.get_by_label("One article").check()
    run_with_keyboard(page, ARTICLE)

    expect(page.locator("article.card")).to_have_count(1)
    assert seen_while_waiting == [{"spinner": True, "button_disabled": True, "results_busy": "true"}]
    assert page.evaluate(_BUSY_STATE) == {"spinner": False, "button_disabled": False, "results_busy": "false"}


_BUSY_STATE = """() => ({
    spinner: getComputedStyle(document.querySelector("#status .spinner")).display !== "none",
    button_disabled: document.querySelector("#run").disabled,
    results_busy: document.querySelector("#results").getAttribute("aria-busy"),
})"""


def test_empty_text_shows_the_servers_message(page: Page) -> None:
    page.get_by_role("button", name="Summarize").click()

    alert = page.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("There is no text to analyse")
    expect(alert).to_contain_text("empty_text")
    expect(page.get_by_label("Article or newspaper page text")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("article.card")).to_have_count(0)


def test_an_option_the_server_refuses_is_shown_on_its_box(page: Page) -> None:
    page.get_by_label("Summary length", exact=True).fill("0")
    run_with_keyboard(page, ARTICLE)

    expect(page.get_by_role("alert")).to_contain_text("An option was not accepted")
    expect(page.get_by_role("alert")).to_contain_text("field: length")
    budget = page.get_by_label("Summary length", exact=True)
    expect(budget).to_have_attribute("aria-invalid", "true")
    expect(budget).to_be_focused()

    budget.fill("80")
    budget.press("Control+Enter")
    expect(page.get_by_role("alert")).to_be_hidden()
    expect(budget).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("article.card")).to_have_count(1)


@pytest.mark.parametrize(
    ("amount", "unit", "spec", "summary_sentences"),
    [("2", "sentences", "2s", 2), ("20", "% of the sentences", "20%", 1), ("30", "characters", "30c", 1)],
)
def test_the_summary_length_is_sent_as_one_spec_and_bounds_the_summary(
    page: Page, amount: str, unit: str, spec: str, summary_sentences: int
) -> None:
    sent: list[Any] = []

    def remember_body(request: Request) -> None:
        if request.method == "POST":
            sent.append(request.post_data_json)

    page.on("request", remember_body)
    page.get_by_label("One article").check()
    page.get_by_label("Summary length", exact=True).fill(amount)
    page.get_by_label("Summary length unit").select_option(label=unit)
    run_with_keyboard(page, ARTICLE)

    expect(page.locator("p.summary")).to_be_visible()
    assert [body["length"] for body in sent] == [spec]
    expect(page.locator("details.original .body mark.sentence")).to_have_count(summary_sentences)
    if unit == "characters":
        assert len(page.locator("p.summary").inner_text()) <= int(amount)


def test_summary_sentences_are_highlighted_in_the_original_text(page: Page) -> None:
    page.get_by_label("One article").check()
    run_with_keyboard(page, ARTICLE)

    summary = page.locator("p.summary")
    expect(summary).to_be_visible()
    marks = page.locator("details.original .body mark.sentence")
    expect(marks.first).to_be_visible()
    assert "".join(marks.all_inner_texts()) == summary.inner_text()
    for title in [mark.get_attribute("title") for mark in marks.all()]:
        assert title is not None and title.startswith("score ") and "in the summary" in title


def test_a_lead_in_stays_on_its_own_line_of_the_summary(page: Page) -> None:
    # Invented: a lead-in without a final mark over the story's first sentence.
    lead_in = "江南市把智慧农业作为乡村振兴的主攻方向"
    first = "江南市首届智慧农业博览会昨日开幕，两百多家企业参展。"
    page.get_by_label("One article").check()
    page.get_by_label("Summary length", exact=True).fill("2")
    page.get_by_label("Summary length unit").select_option(label="sentences")
    run_with_keyboard(page, f"{lead_in}\n{first}\n不少参观的农民说，新技术让种地变得更轻松了。")

    summary = page.locator("p.summary")
    expect(summary).to_be_visible()
    assert summary.inner_text() == f"{lead_in}\n{first}"


def test_every_sentence_is_shaded_when_the_record_scores_them_all(page: Page) -> None:
    analysis = summarizer.analyze(ARTICLE)
    sentences = [
        {"index": s.index, "text": s.text, "start": s.start, "end": s.end, "score": s.score}
        for s in analysis.sentences
    ]

    answered: dict[str, Any] = {}

    def with_every_sentence(route: Route) -> None:
        answered.update(route.fetch().json())
        route.fulfill(json={**answered, "sentences": sentences})

    # The optional "sentences" field the page can use: added here to the real server's answer.
    page.route("**/v1/summarize", with_every_sentence)
    page.get_by_label("One article").check()
    run_with_keyboard(page, ARTICLE)

    shaded = page.locator("details.original .body .sentence")
    expect(shaded).to_have_count(len(sentences))
    assert shaded.all_inner_texts() == [s["text"] for s in sentences]
    in_summary = {item["index"] for item in answered["summary"]}
    for node, sentence in zip(shaded.all(), sentences, strict=True):
        score, _, summary_note = (node.get_attribute("title") or "").removeprefix("score ").partition(" · ")
        assert float(score) == pytest.approx(sentence["score"], abs=5e-4)
        assert (summary_note == "in the summary") == (sentence["index"] in in_summary)
        assert node.evaluate("node => node.tagName") == (
            "MARK" if sentence["index"] in in_summary else "SPAN"
        )
    expect(page.locator("details.original .legend")).to_contain_text("Hover a sentence")


def test_key_phrase_chips_grow_with_their_weight(page: Page) -> None:
    page.get_by_label("One article").check()
    page.get_by_label("Key phrases").fill("5")
    run_with_keyboard(page, ARTICLE)

    chips = page.locator("ul.chips li.chip")
    expect(chips.first).to_be_visible()
    sized = [
        (float((chip.get_attribute("title") or "").removeprefix("weight ")), chip.evaluate(_FONT_SIZE))
        for chip in chips.all()
    ]
    by_weight = sorted(sized)
    assert [size for _, size in by_weight] == sorted(size for _, size in sized)
    assert by_weight[-1][1] > by_weight[0][1] or by_weight[-1][0] == by_weight[0][0]


_FONT_SIZE = "node => parseFloat(getComputedStyle(node).fontSize)"


def test_an_auto_detected_article_goes_to_summarize_and_nothing_comes_from_elsewhere(
    page: Page, server_url: str
) -> None:
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    page.reload()
    run_with_keyboard(page, ARTICLE)

    expect(page.locator("#detected-mode")).to_contain_text("one article")
    expect(page.locator("article.card")).to_have_count(1)
    urls = [request.url for request in requests]
    assert f"{server_url}/v1/summarize" in urls
    assert f"{server_url}/v1/pages" not in urls
    assert all(url.startswith((server_url, "data:")) for url in urls), urls


def test_a_txt_file_opens_in_the_text_box_even_in_gb18030(page: Page, tmp_path: Path) -> None:
    legacy = tmp_path / "article.txt"
    legacy.write_bytes(ARTICLE.encode("gb18030"))

    page.get_by_label("Open a .txt or .pdf file").set_input_files(legacy)

    expect(page.get_by_label("Article or newspaper page text")).to_have_value(ARTICLE)
    expect(page.locator("#status")).to_contain_text("GB18030")


def _two_story_pdf(path: Path) -> list[str]:
    """A one-page PDF with two stories (title, indented paragraphs), set with ReportLab."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    titles = ["社区公园开放", "河边步道修好"]
    sentences = ARTICLE.split("\n")
    y = 780.0
    for title in titles:
        pdf.setFont("STSong-Light", 20)
        pdf.drawString(60, y, title)
        y -= 30
        pdf.setFont("STSong-Light", 10)
        for sentence in sentences[:3]:
            for row, start in enumerate(range(0, len(sentence), 30)):
                indent = 20 if row == 0 else 0  # paragraphs open with a two-character indent
                pdf.drawString(60 + indent, y, sentence[start : start + 30 - indent // 10])
                y -= 14
        y -= 20
    pdf.showPage()
    pdf.save()
    return titles


def test_a_pdf_file_is_read_by_the_server_page_by_page(page: Page, tmp_path: Path) -> None:
    source = tmp_path / "page.pdf"
    titles = _two_story_pdf(source)

    page.get_by_label("Open a .txt or .pdf file").set_input_files(source)

    expect(page.locator("#status")).to_contain_text("Done: 2 articles on 1 page.")
    expect(page.locator("h2.results-heading").first).to_have_text("Page 1")
    expect(page.locator("article.card h2")).to_have_text(titles)
    expect(page.locator("article.card ol.headlines li").first).to_be_visible()


def test_a_pdf_page_that_continues_a_story_says_where_it_went(page: Page, tmp_path: Path) -> None:
    import random

    from tests.pdf.typeset import galley, make_story

    rng = random.Random(11)
    data, truth = galley([make_story(rng, paragraphs=8, sentences=5) for _ in range(6)], columns=3)
    assert truth.pages == 2
    source = tmp_path / "issue.pdf"
    source.write_bytes(data)

    page.get_by_label("Open a .txt or .pdf file").set_input_files(source)

    expect(page.locator("#status")).to_contain_text("on 2 pages.")
    last_title = page.locator("article.card h2").nth(3).inner_text()
    hint = page.locator("p.hint", has_text="continue")
    expect(hint).to_have_count(1)
    expect(hint).to_contain_text(f"continue “{last_title}” of page 1: read and summarized there.")


def test_a_pdf_page_holding_only_the_rest_of_a_story_is_not_called_empty(page: Page, tmp_path: Path) -> None:
    import random

    from tests.pdf.typeset import galley, make_story

    data, truth = galley([make_story(random.Random(1), paragraphs=40, sentences=6)], columns=3)
    assert truth.pages == 2
    source = tmp_path / "issue.pdf"
    source.write_bytes(data)

    page.get_by_label("Open a .txt or .pdf file").set_input_files(source)

    expect(page.locator("#status")).to_contain_text("on 2 pages.")
    # page 2 says where its text went, not that it holds no article
    expect(page.locator("h2.results-heading")).to_have_text(["Page 1", "1 article on the page", "Page 2"])
    expect(page.locator("p.hint", has_text="continue")).to_have_count(1)


def test_a_file_named_pdf_that_is_not_one_gets_a_clear_error(page: Page, tmp_path: Path) -> None:
    source = tmp_path / "page.pdf"
    source.write_text(ARTICLE, encoding="utf-8")

    page.get_by_label("Open a .txt or .pdf file").set_input_files(source)

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("The PDF could not be read")
    expect(alert).to_contain_text("not_pdf")


@pytest.mark.shared
def test_on_a_phone_the_page_does_not_scroll_sideways(
    phone_page: Page, seed_text: str, tmp_path: Path
) -> None:
    run_with_keyboard(phone_page, seed_text)
    expect(phone_page.locator("article.card").first).to_be_visible()

    viewport = phone_page.viewport_size
    assert viewport is not None
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    phone_page.screenshot(path=tmp_path / "phone.png", full_page=True)


def test_the_api_key_is_asked_once_and_kept_for_the_session_only(keyed_page: Page) -> None:
    page = keyed_page
    page.get_by_label("One article").check()
    run_with_keyboard(page, ARTICLE)

    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("API key").fill("not-the-key")
    dialog.get_by_role("button", name="Use this key").click()
    expect(dialog).to_contain_text("refused")
    dialog.get_by_label("API key").fill(API_KEY)
    dialog.get_by_label("API key").press("Enter")

    expect(page.locator("article.card")).to_have_count(1)
    assert page.evaluate("sessionStorage.getItem('summarizer.apiKey')") == API_KEY
    # Only the language choice outlives the session, never the key.
    assert page.evaluate("Object.keys(localStorage)") == ["summarizer.language"]

    with page.expect_response("**/v1/summarize") as second_run:
        page.get_by_role("button", name="Summarize").click()
    assert second_run.value.status == 200
    expect(dialog).to_be_hidden()


def test_cancelling_the_key_dialog_explains_the_401(keyed_page: Page) -> None:
    run_with_keyboard(keyed_page, ARTICLE)

    dialog = keyed_page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Cancel").click()

    expect(keyed_page.get_by_role("alert")).to_contain_text("API key needed")
    assert keyed_page.evaluate("sessionStorage.getItem('summarizer.apiKey')") is None

"""A summary reads as its sentences stood in the text: one that ends without a final mark (a
lead-in or a heading on a line of its own) is followed by a line break, not glued to the next
sentence, and the summary's budget counts that break. Invented text."""

from __future__ import annotations

from summarizer import Engine, Options
from summarizer.text.punctuation import LINE_BREAK, join_sentences

LEAD_IN = "江南市把智慧农业作为乡村振兴的主攻方向"  # no final mark: a line of its own
FIRST = "江南市首届智慧农业博览会昨日开幕，两百多家企业参展。"
ARTICLE = (
    f"{LEAD_IN}\n{FIRST}\n"
    "博览会展示了无人机植保、智能温室和农产品溯源等新技术。\n"
    "不少参观的农民说，新技术让种地变得更轻松了。"
)


def test_a_sentence_without_a_final_mark_is_followed_by_a_line_break() -> None:
    assert join_sentences(["导语一行", "正文一句。", "再一句。"]) == f"导语一行{LINE_BREAK}正文一句。再一句。"
    # A closing quotation mark ends a statement; the last sentence is followed by nothing.
    assert join_sentences(["他说：“好。”", "正文一句。", "结尾一行"]) == "他说：“好。”正文一句。结尾一行"
    assert join_sentences(["只有一行"]) == "只有一行"
    assert join_sentences([]) == ""


def test_the_summary_keeps_a_lead_in_apart_from_the_sentence_after_it(engine: Engine) -> None:
    roomy = engine.analyze(ARTICLE, options=Options(max_chars=200, sentences=2))
    assert [s.text for s in roomy.summary] == [LEAD_IN, FIRST]
    assert roomy.summary_text == f"{LEAD_IN}{LINE_BREAK}{FIRST}"


def test_the_budget_counts_the_line_break(engine: Engine) -> None:
    joined = len(LEAD_IN) + len(LINE_BREAK) + len(FIRST)
    fits = engine.analyze(ARTICLE, options=Options(max_chars=joined, sentences=2))
    assert fits.summary_text == f"{LEAD_IN}{LINE_BREAK}{FIRST}"
    # One character less: the two sentences together, with their line break, no longer fit.
    tight = engine.analyze(ARTICLE, options=Options(max_chars=joined - 1, sentences=2))
    assert len(tight.summary_text) <= joined - 1
    assert [s.text for s in tight.summary] != [LEAD_IN, FIRST]

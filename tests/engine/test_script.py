"""Simplified and traditional input: detection, the simplified view, the offset map, and every
output taken back from the input (summarizer.script). Texts are hand-written for these tests."""

from __future__ import annotations

import json
from importlib import resources

import opencc
import pytest

from summarizer import Engine, Options, OptionsError
from summarizer.headline.suggest import spans_text
from summarizer.script import ScriptConverter, aligned_conversion, detect_script, simplified_view
from summarizer.text.normalize import normalize_width

ARTICLE = (
    "本市今年新建了十二座社区公园，让居民在家门口就能享受绿色空间。\n"
    "这些公园大多利用闲置地块改造而成，总面积超过三十公顷。\n"
    "市园林局负责人介绍，新公园均配备了健身步道、儿童游乐设施和无障碍通道。\n"
    "不少居民表示，晚饭后到公园散步已经成为生活的一部分。\n"
    "明年，本市还计划再建设十座社区公园，并对二十座老旧公园进行提升改造。"
)
CONFIGS = ("s2t", "s2tw", "s2hk")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def convert(config: str, text: str) -> str:
    converted: str = opencc.OpenCC(config).convert(text)
    return converted


@pytest.mark.parametrize(
    ("text", "script"),
    [
        (ARTICLE, "simplified"),
        ("", "simplified"),
        ("GDP 增长 5%。", "simplified"),  # no character tells: analysed as it is
        ("乾隆年间，这里已经是著名的商埠。", "simplified"),  # 乾 and 著 are simplified too
        ("後来，这里成为全国闻名的商埠，吸引了许多外地客商前来经营。", "simplified"),  # one stray mark
        (convert("s2hk", ARTICLE), "traditional"),
        (convert("s2tw", ARTICLE), "traditional"),
        ("香港特別行政區政府今日宣佈新措施。市政府今天召开会议研究部署工作。", "mixed"),
    ],
)
def test_the_script_of_an_input_is_detected(text: str, script: str) -> None:
    assert detect_script(text) == script


def test_the_shipped_marks_are_the_installed_converters() -> None:
    """summarizer/data/script_marks.json is what scripts/build_script_marks.py makes of the
    installed OpenCC wheel: rebuild it when OpenCC changes."""
    from scripts.build_script_marks import marks

    shipped = json.loads(resources.files("summarizer.data").joinpath("script_marks.json").read_text("utf-8"))
    assert shipped == marks()


@pytest.mark.parametrize("config", CONFIGS)
def test_the_view_of_a_traditional_article_is_the_simplified_one(config: str) -> None:
    view = simplified_view(convert(config, ARTICLE), ScriptConverter())

    assert view.script == "traditional"
    assert view.text == ARTICLE
    assert view.offsets.is_aligned


def test_a_simplified_input_is_its_own_view_and_loads_no_converter() -> None:
    converter = ScriptConverter()
    view = simplified_view(ARTICLE, converter)

    assert view.is_source and view.text is ARTICLE
    assert converter._converters == {}


def test_characters_opencc_cannot_take_are_kept_in_place() -> None:
    text = "香港\x00政府\ud800宣佈\ue000新措施𠀀。"
    view = simplified_view(text, ScriptConverter())

    assert view.text == "香港\x00政府\ud800宣布\ue000新措施𠀀。"


def test_a_conversion_that_changes_lengths_maps_spans_around_the_changed_run() -> None:
    """A phrase dictionary may replace a word by a longer or shorter one (Taiwan's 肯亞 is 肯尼亚):
    spans map through the runs that kept their length, and a span touching a changed run takes
    all of it."""
    words = {"肯亞": "肯尼亚", "紐西蘭": "新西兰"}

    def phrase_convert(text: str) -> str:
        for word, replacement in words.items():
            text = text.replace(word, replacement)
        return text

    source = "他訪問了肯亞和紐西蘭。隨後回國。"
    view, offsets = aligned_conversion(source, phrase_convert)

    assert view == "他訪問了肯尼亚和新西兰。隨後回國。"
    assert not offsets.is_aligned
    for word in ("他訪問了", "和", "。隨後回國。"):
        start = view.index(word)
        mapped = offsets.span(start, start + len(word))
        assert source[mapped[0] : mapped[1]] == word
    start = view.index("肯尼亚")
    kenya = source.index("肯亞")
    assert offsets.span(start, start + 3) == (kenya, kenya + 2)
    # 亞 became 尼亚: any part of those two maps to 亞 whole.
    assert offsets.span(start + 1, start + 2) == (kenya + 1, kenya + 2)
    assert offsets.span(start + 2, start + 3) == (kenya + 1, kenya + 2)
    start = view.index("新西兰")
    assert offsets.span(start, start + 3) == (source.index("紐西蘭"), source.index("紐西蘭") + 3)
    assert offsets.span(len(view), len(view)) == (len(source), len(source))


@pytest.mark.parametrize("config", CONFIGS)
def test_a_traditional_article_gets_the_same_outputs_in_its_own_words(engine: Engine, config: str) -> None:
    text = convert(config, ARTICLE)
    simplified = engine.analyze(ARTICLE)
    traditional = engine.analyze(text)

    assert traditional.stats.script == "traditional" and simplified.stats.script == "simplified"
    assert [convert(config, s.text) for s in simplified.summary] == [s.text for s in traditional.summary]
    assert [(s.start, s.end) for s in simplified.sentences] == [
        (s.start, s.end) for s in traditional.sentences
    ]
    for sentence in (*traditional.sentences, *traditional.summary):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [k.score for k in simplified.keywords] == [k.score for k in traditional.keywords]
    for item in (*traditional.keywords, *traditional.keyphrases):
        assert item.text in text
    for simplified_headline, headline in zip(simplified.headlines, traditional.headlines, strict=True):
        assert headline.spans == simplified_headline.spans
        assert spans_text(text, headline.spans) == headline.text
        assert convert(config, simplified_headline.text) == headline.text


def test_headline_spans_name_the_pieces_of_the_source_sentence(engine: Engine) -> None:
    analysis = engine.analyze(ARTICLE)

    for headline in analysis.headlines:
        sentence = analysis.sentences[headline.sentence_index]
        assert headline.spans
        assert all(sentence.start <= a < b <= sentence.end for a, b in headline.spans)
        assert [a for a, _ in headline.spans] == sorted(a for a, _ in headline.spans)
        assert headline.text.startswith(ARTICLE[headline.spans[0][0] : headline.spans[0][1]])
        assert analysis.to_record()["headlines"][0]["spans"] == [list(s) for s in analysis.headlines[0].spans]


@pytest.mark.parametrize(
    ("script", "config"), [("traditional", "s2t"), ("taiwan", "s2tw"), ("hongkong", "s2hk")]
)
def test_output_script_spells_every_output_in_the_script_asked(
    engine: Engine, script: str, config: str
) -> None:
    source = convert("s2hk", ARTICLE)
    analysis = engine.analyze(source, options=Options(output_script=script))  # type: ignore[arg-type]
    expected = engine.analyze(ARTICLE)
    spelt = convert(config, ARTICLE)

    assert [s.text for s in analysis.summary] == [spelt[s.start : s.end] for s in expected.summary]
    assert [(s.start, s.end) for s in analysis.sentences] == [(s.start, s.end) for s in expected.sentences]
    for item in (*analysis.keywords, *analysis.keyphrases):
        assert item.text in spelt
    assert analysis.stats.script == "traditional"


def test_output_script_simplified_gives_a_traditional_article_in_simplified(engine: Engine) -> None:
    source = convert("s2tw", ARTICLE)
    analysis = engine.analyze(source, options=Options(output_script="simplified"))
    expected = engine.analyze(ARTICLE)

    assert analysis.to_record()["summary"] == expected.to_record()["summary"]
    assert [k.text for k in analysis.keywords] == [k.text for k in expected.keywords]
    assert [h.text for h in analysis.headlines] == [h.text for h in expected.headlines]


def test_full_width_letters_stay_as_the_engine_reads_them(engine: Engine) -> None:
    source = (
        "香港ＡＢＣ集團今日宣佈，ＡＢＣ集團將於下月在深圳設立研發中心。"
        "ＡＢＣ集團表示，研發中心將聘請二百名工程師。"
    )
    analysis = engine.analyze(source)

    assert analysis.stats.script == "traditional"
    for item in (*analysis.keywords, *analysis.keyphrases):
        assert normalize_width(item.text) in normalize_width(source)
        assert item.text == normalize_width(item.text)


@pytest.mark.parametrize("value", ["Taiwan", "zh-Hant", "", None, 3])
def test_output_script_refuses_what_it_does_not_know(value: object) -> None:
    with pytest.raises(OptionsError) as raised:
        Options.from_mapping({"output_script": value})
    assert raised.value.field == "output_script"

"""The engine end to end: degenerate inputs, hand-written golden articles, determinism,
concurrency, per-engine dictionaries and stop words."""

from __future__ import annotations

import math
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from summarizer import Analysis, Engine, Options, OptionsError, parse_length

# Hand-written example articles (not from the copyrighted dev sets).
FARM_FAIR = (
    "本报江南3月2日电（记者张明）江南市首届智慧农业博览会2日开幕，两百多家企业参展。\n"
    "博览会展示了无人机植保、智能温室和农产品溯源等新技术。\n"
    "市农业农村局负责人表示，智慧农业正在改变传统的种植方式，帮助农民节本增效。\n"
    "据介绍，今年全市将新建智能温室五百亩，推广无人机植保面积超过十万亩。\n"
    "不少参观的农民说，新技术让种地变得更轻松了。\n"
    "（责任编辑：李华）"
)
OLD_STREET = (
    "本报讯（记者 王芳）经过半年施工，城东老街改造工程日前完工，街道两侧新装了路灯和座椅。\n"
    "老街改造工程总投资三千万元，改造了排水管网，修缮了二十多栋老房子。\n"
    "居民们说，晚上出来散步的人多了，街坊邻居的关系也更近了。\n"
    "本报记者 王芳"
)
BOILERPLATE_WORDS = ("记者", "责任编辑", "本报", "张明", "王芳", "李华")


def assert_valid(result: Analysis, text: str, options: Options) -> None:
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert math.isfinite(sentence.score)
    for sentence in result.summary:
        assert text[sentence.start : sentence.end] == sentence.text
    if options.max_chars is not None:
        assert len(result.summary_text) <= options.max_chars
    assert [s.index for s in result.summary] == sorted(s.index for s in result.summary)
    scores = [k.score for k in (*result.keywords, *result.keyphrases)] + [h.score for h in result.headlines]
    assert all(math.isfinite(score) for score in scores)
    assert len(result.keywords) <= options.keywords
    assert len(result.keyphrases) <= options.keyphrases


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("", "empty text"),
        ("   \n\n  ", "empty text"),
        ("江南市首届智慧农业博览会昨天开幕。", "one sentence"),
        ("博览会开幕了。博览会开幕了。博览会开幕了。", None),
        ("天气晴。我去上学。他很高兴。", "share"),
        ("的了吗。啊呀呢。", "no content words"),
        ("The fair opened on Monday. Farmers liked the drones!", None),
        ("本报记者 张三\n（责任编辑：李四）", "only datelines"),
        ("。。。！！！", None),
        ("１２３４５６７８９０", None),
    ],
)
def test_degenerate_inputs_give_a_valid_explained_result(engine: Engine, text: str, note: str | None) -> None:
    options = Options()
    result = engine.analyze(text, options=options)
    assert_valid(result, text, options)
    if note is not None:
        assert any(note in n for n in result.notes), result.notes


def test_identical_sentences_appear_once_in_the_summary(engine: Engine) -> None:
    result = engine.analyze("博览会开幕了。博览会开幕了。博览会开幕了。", options=Options(sentences=3))
    assert len(result.summary) == 1


@pytest.mark.parametrize("text", [FARM_FAIR, OLD_STREET])
def test_golden_article_lead_is_summarised_and_boilerplate_kept_out(engine: Engine, text: str) -> None:
    options = Options(max_chars=120)
    result = engine.analyze(text, options=options)
    assert_valid(result, text, options)
    lead = result.summary[0]
    assert lead.text.startswith(("江南市首届智慧农业博览会", "经过半年施工"))
    outputs = [result.summary_text, *(k.text for k in result.keyphrases), *(h.text for h in result.headlines)]
    for output in outputs:
        assert not any(word in output for word in BOILERPLATE_WORDS), output


def test_golden_article_keywords_and_phrases(engine: Engine) -> None:
    result = engine.analyze(FARM_FAIR)
    keywords = [k.text for k in result.keywords]
    phrases = [k.text for k in result.keyphrases]
    assert phrases, "expected key phrases"
    # Keywords are chosen beside the phrases: the subject is in a phrase or among the top keywords.
    assert any("博览会" in text for text in [*phrases, *keywords[:5]])
    assert "记者" not in keywords
    for index, phrase in enumerate(phrases):
        assert phrase in FARM_FAIR
        assert not any(phrase in better for better in phrases[:index])


def test_dateline_is_cut_off_its_sentence_not_dropped(engine: Engine) -> None:
    result = engine.analyze(FARM_FAIR)
    first = result.sentences[0]
    assert first.text == "本报江南3月2日电（记者张明）"
    assert result.sentences[1].text.startswith("江南市首届智慧农业博览会")
    assert first.score == 0.0


def test_a_first_sentence_longer_than_the_budget_is_cut_at_a_clause(engine: Engine) -> None:
    text = "经过半年施工，城东老街改造工程日前完工，街道两侧新装了路灯和座椅，居民们都很满意。"
    result = engine.analyze(text, options=Options(max_chars=25))
    assert result.summary_text == "经过半年施工，城东老街改造工程日前完工"


def test_a_sentence_without_clause_marks_is_cut_at_a_word_boundary(engine: Engine) -> None:
    text = "城东老街改造工程日前在居民的期待中顺利完工"
    result = engine.analyze(text, options=Options(max_chars=9))
    assert 0 < len(result.summary_text) <= 9
    words = [t.text for s in engine.document(text).sentences for t in s.tokens]
    boundaries = {sum(len(w) for w in words[:i]) for i in range(len(words) + 1)}
    assert len(result.summary_text) in boundaries


def test_sentence_count_limits_the_summary(engine: Engine) -> None:
    result = engine.analyze(FARM_FAIR, options=Options(sentences=2, max_chars=None))
    assert len(result.summary) == 2


@pytest.mark.parametrize(
    ("length", "sentences", "max_chars"),
    [
        ("2", 2, None),
        (2, 2, None),
        ("1s", 1, None),
        ("60%", 3, None),  # of the 5 content sentences (not the dateline or the credit), rounded up
        ("1%", 1, None),  # at least one
        ("40c", None, 40),
        ("100000c", None, 100_000),
    ],
)
def test_a_length_spec_replaces_the_summary_bounds(
    engine: Engine, length: str | int, sentences: int | None, max_chars: int | None
) -> None:
    result = engine.analyze(FARM_FAIR, options=Options(length=length, max_chars=10, sentences=1))
    if sentences is not None:
        assert len(result.summary) == sentences
    if max_chars is not None:
        assert 10 < len(result.summary_text) <= max_chars


@pytest.mark.parametrize(
    ("length", "message"),
    [
        ("0", "cannot read"),
        ("101", "between 1 and 100"),
        ("0%", "cannot read"),
        ("101%", "between 1 and 100"),
        ("100001c", "between 1 and 100000"),
        ("3x", "cannot read"),
        ("", "cannot read"),
        ("3\n\n", "cannot read"),
        ("３", "cannot read"),  # full-width digits are not read as numbers
        ("07", "cannot read"),  # no leading zero, no space, no other unit: the API's pattern says the same
        (" 3", "cannot read"),
        ("3C", "cannot read"),
        ("3 sentences", "cannot read"),
        (2.5, "must be a string"),
        (True, "must be a string"),
    ],
)
def test_a_bad_length_spec_is_an_error_naming_length(length: object, message: str) -> None:
    with pytest.raises(OptionsError) as error:
        Options(length=length)  # type: ignore[arg-type]
    assert error.value.field == "length"
    assert message in error.value.message


def test_parse_length_needs_the_sentence_count_for_a_percentage() -> None:
    assert parse_length("25%", total_sentences=10) == {"sentences": 3, "max_chars": 100_000}
    assert parse_length("120c") == {"max_chars": 120, "sentences": None}
    with pytest.raises(OptionsError, match="sentence count"):
        parse_length("25%")


@pytest.mark.parametrize("similarity", ["textrank", "bm25"])
def test_results_are_deterministic(engine: Engine, similarity: str) -> None:
    options = Options(similarity=similarity)  # type: ignore[arg-type]
    first = engine.analyze(FARM_FAIR, options=options).to_record()
    second = Engine().analyze(FARM_FAIR, options=options).to_record()
    for record in (first, second):
        del record["stats"]["elapsed_ms"]
    assert first == second


def test_one_engine_serves_eight_threads_with_identical_results() -> None:
    engine = Engine()  # fresh, so that the threads race to load the dictionary
    texts = [FARM_FAIR, OLD_STREET] * 16

    def run(text: str) -> dict[str, object]:
        record = engine.analyze(text).to_record()
        del record["stats"]
        return record

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, texts))
    expected = {text: run(text) for text in (FARM_FAIR, OLD_STREET)}
    assert results == [expected[text] for text in texts]


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_user_dictionary_is_per_engine(backend: str) -> None:
    text = "智慧农业平台上线了。"
    with_dict = Engine(tokenizer=backend, user_dict=["智慧农业 100000 nz"])
    without = Engine(tokenizer=backend)
    words_with = [t.text for s in with_dict.document(text).sentences for t in s.tokens]
    words_without = [t.text for s in without.document(text).sentences for t in s.tokens]
    assert "智慧农业" in words_with
    assert "智慧农业" not in words_without


def test_user_dictionary_file(tmp_path: pytest.TempPathFactory) -> None:
    path = tmp_path / "dict.txt"  # type: ignore[operator]
    path.write_text("智慧农业 100000 nz\n\n", encoding="utf-8")
    words = [
        t.text for s in Engine(user_dict=path).document("智慧农业平台上线了。").sentences for t in s.tokens
    ]
    assert "智慧农业" in words


def test_bad_user_dictionary_entry_is_an_error() -> None:
    with pytest.raises(ValueError, match="user_dict"):
        Engine(user_dict=["智农通 1000 nz extra"])


def test_unknown_tokenizer_is_an_error() -> None:
    with pytest.raises(ValueError, match="tokenizer"):
        Engine(tokenizer="spacy")


def test_extra_stop_words_leave_the_keywords(engine: Engine) -> None:
    no_phrases = Options(keyphrases=0)  # so that no phrase takes the word out of the keywords
    assert "博览会" in [k.text for k in engine.analyze(FARM_FAIR, options=no_phrases).keywords]
    filtered = Engine(stop_words=["博览会"]).analyze(FARM_FAIR, options=no_phrases)
    assert "博览会" not in [k.text for k in filtered.keywords]


def test_full_width_text_is_tokenized_as_half_width(engine: Engine) -> None:
    text = "ＧＤＰ增长了２０％。"
    words = [t.text for s in engine.document(text).sentences for t in s.tokens]
    assert "GDP" in words
    result = engine.analyze(text)
    assert result.summary_text == text


def test_max_sentences_ranked_caps_the_ranking(engine: Engine) -> None:
    text = "".join(f"第{i}条新闻说明博览会的情况。" for i in range(10))
    result = engine.analyze(text, options=Options(max_sentences_ranked=3))
    assert sum(1 for s in result.sentences if s.score > 0) == 3
    assert any("only the first 3" in note for note in result.notes)


def test_start_up_loads_scipy_and_jieba_only_when_needed() -> None:
    """Importing the engine and analysing a short article load neither scipy (only long articles'
    graphs need it) nor the jieba package (the default backend is rjieba; jieba's IDF file is read
    as a file): each costs a tenth of a second of every CLI command and batch. ``preload`` leaves
    scipy out too: loaded before workers fork, it slowed every batch worker down."""
    script = (
        "import sys, summarizer\n"
        "engine = summarizer.default_engine()\n"
        "engine.analyze('新闻摘要服务启动。今天天气很好。')\n"
        "print('scipy.sparse' in sys.modules, 'jieba' in sys.modules, 'opencc' in sys.modules)\n"
        "engine.preload()\n"
        "print('scipy.sparse' in sys.modules, 'opencc' in sys.modules)\n"
    )
    finished = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    # A simplified article loads no converter either; preload loads the view's, for the workers.
    assert finished.stdout.split() == ["False", "False", "False", "False", "True"]


# A column's label, a speech's address, a lead-in and a quotation whose speaker closes it in a sentence alone.
SPEECH = (
    "核心阅读\n"
    "各位来宾，朋友们：\n"
    "江南市首届智慧农业博览会今天开幕，两百多家企业参展。\n"
    "“新技术让种地变得更轻松了。”\n"
    "张三说。\n"
    "博览会的新技术包括以下几项：\n"
    "无人机植保、智能温室和农产品溯源。"
)


def test_a_label_a_lead_in_and_an_attribution_alone_stay_out_of_the_summary(engine: Engine) -> None:
    # A budget every sentence fits: all would be taken but the two that say nothing alone.
    result = engine.analyze(SPEECH, options=Options(max_chars=500))
    summary = [sentence.text for sentence in result.summary]
    assert "核心阅读" not in summary
    assert "各位来宾，朋友们：" not in summary
    assert "张三说。" not in summary
    assert "博览会的新技术包括以下几项：" not in summary
    assert "江南市首届智慧农业博览会今天开幕，两百多家企业参展。" in summary
    assert "无人机植保、智能温室和农产品溯源。" in summary


# A product's fields and a numbered list's items, each alone on its line.
SPEC_SHEET = (
    "江南电器今天发布一款新的家用空气净化器，主打静音和低耗电。\n"
    "参考价：暂无报价\n"
    "二、 新增夜间模式\n"
    "(三)滤网寿命\n"
    "1、滤网每半年更换一次，清洗后可重复使用\n"
    "这款净化器将于下月在各大商场上市。"
)


def test_fields_and_list_items_stay_out_of_the_summary_but_not_a_list_item_with_a_comma(
    engine: Engine,
) -> None:
    result = engine.analyze(SPEC_SHEET, options=Options(max_chars=500))
    summary = [sentence.text for sentence in result.summary]
    assert "参考价：暂无报价" not in summary
    assert not any("夜间模式" in text or "滤网寿命" in text for text in summary)
    assert "1、滤网每半年更换一次，清洗后可重复使用" in summary
    assert "这款净化器将于下月在各大商场上市。" in summary


def test_a_text_of_lead_ins_alone_still_has_a_summary(engine: Engine) -> None:
    result = engine.analyze("农业博览会的新技术如下：\n参展企业名单如下：", options=Options(max_chars=500))
    assert len(result.summary) == 2


def test_headlines_do_not_move_with_the_summary_position_weight(engine: Engine) -> None:
    lead_only = engine.analyze(FARM_FAIR, options=Options(position_weight=1.0))
    centrality_only = engine.analyze(FARM_FAIR, options=Options(position_weight=0.0))
    assert [s.score for s in lead_only.sentences] != [s.score for s in centrality_only.sentences]
    assert lead_only.headlines == centrality_only.headlines

"""summarizer.compat keeps textrank4zh's names and shapes, without its state bugs."""

from __future__ import annotations

import pytest

from summarizer.compat import AttrDict, Segmentation, TextRank4Keyword, TextRank4Sentence

TEXT = (
    "江南市首届智慧农业博览会昨天开幕。博览会展示了无人机植保和智能温室等新技术。"
    "智慧农业正在改变传统的种植方式。今年全市将新建智能温室五百亩！"
    "不少农民说，智能温室让种地更轻松了。"
)


def test_key_sentences_have_textrank4zh_shape() -> None:
    ranker = TextRank4Sentence()
    ranker.analyze(TEXT)
    items = ranker.get_key_sentences(num=3)
    assert len(items) == 3
    for item in items:
        assert isinstance(item, AttrDict)
        assert item.sentence == item["sentence"]
        assert item.sentence == ranker.sentences[item.index]  # type: ignore[index]
    weights = [item.weight for item in items]
    assert weights == sorted(weights, reverse=True)


def test_sentence_min_len_filters_short_sentences() -> None:
    ranker = TextRank4Sentence()
    ranker.analyze(TEXT)
    assert all(len(item.sentence) >= 20 for item in ranker.get_key_sentences(num=10, sentence_min_len=20))


def test_keywords_and_whole_word_keyphrases() -> None:
    ranker = TextRank4Keyword()
    ranker.analyze(TEXT, window=2)
    words = [item.word for item in ranker.get_keywords(num=5, word_min_len=2)]
    assert len(words) == 5 and all(len(word) >= 2 for word in words)
    phrases = ranker.get_keyphrases(keywords_num=30, min_occur_num=1)
    assert phrases
    sentences = ranker.words_no_filter or []
    for phrase in phrases:
        assert any(_joins_adjacent_words(phrase, words) for words in sentences), phrase


def _joins_adjacent_words(phrase: str, words: list[str]) -> bool:
    for start in range(len(words)):
        joined = ""
        for word in words[start:]:
            joined += word
            if joined == phrase:
                return True
            if not phrase.startswith(joined):
                break
    return False


def test_results_come_from_the_last_text_only() -> None:
    ranker = TextRank4Sentence()
    ranker.analyze(TEXT)
    ranker.analyze("天气很好。我们去公园散步。")
    assert {item.sentence for item in ranker.get_key_sentences(num=10, sentence_min_len=1)} == {
        "天气很好",
        "我们去公园散步",
    }


def test_getting_results_before_analyze_is_an_error() -> None:
    with pytest.raises(RuntimeError, match="analyze"):
        TextRank4Keyword().get_keywords()


def test_unknown_source_is_an_error() -> None:
    with pytest.raises(ValueError, match="source"):
        TextRank4Sentence().analyze(TEXT, source="everything")


def test_segmentation_splits_like_textrank4zh() -> None:
    assert Segmentation().split("一。二！\n三……四") == ["一", "二", "三", "四"]


def test_empty_text_gives_empty_results() -> None:
    ranker = TextRank4Sentence()
    ranker.analyze("")
    assert ranker.get_key_sentences() == []

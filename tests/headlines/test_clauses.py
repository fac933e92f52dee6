"""Clause cutting and trimming on hand-tagged sentences (no tokenizer involved)."""

from __future__ import annotations

import pytest

from summarizer.document import Token
from summarizer.headline.clauses import dateline_length, join_tokens, sentence_clauses

from .helpers import make_sentence


def clause_texts(pairs: list[tuple[str, str]]) -> list[str]:
    return [clause.text for clause in sentence_clauses(make_sentence(pairs))]


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("本报讯（记者张三）江南市举办博览会。", "江南市举办博览会。"),
        ("本报北京1月31日电（记者李四 王五）国务院发布通知。", "国务院发布通知。"),
        ("据新华社金边1月30日电 （记者毛某、高某）文化旅游年开幕。", "文化旅游年开幕。"),
        ("新浪财经讯 8月18日消息，西部水泥定价。", "8月18日消息，西部水泥定价。"),
        ("红网12月12日讯（潇湘晨报记者 李伟）游戏服务上线。", "游戏服务上线。"),
        ("中新网3月5日电 两会开幕。", "两会开幕。"),
    ],
)
def test_dateline_is_measured_to_the_news(text: str, rest: str) -> None:
    assert text[dateline_length(text) :] == rest


@pytest.mark.parametrize(
    "text", ["电商平台销售火爆。", "社区消息灵通人士说。", "中国电信发布新套餐。", "北京下雪了。", ""]
)
def test_ordinary_openings_are_no_dateline(text: str) -> None:
    assert dateline_length(text) == 0


def test_leading_time_phrase_is_dropped() -> None:
    pairs = [("近日", "t"), ("，", "x"), ("江南市", "ns"), ("举办", "v"), ("农业", "n"), ("博览会", "n")]
    assert clause_texts(pairs) == ["江南市举办农业博览会"]


def test_date_inside_a_clause_is_dropped_with_its_preposition() -> None:
    pairs = [
        ("国务院", "nt"),
        ("于", "p"),
        ("1", "m"),
        ("月", "m"),
        ("30", "m"),
        ("日", "m"),
        ("发布", "v"),
        ("通知", "n"),
    ]
    assert clause_texts(pairs) == ["国务院发布通知"]


def test_date_bound_to_a_postposition_stays() -> None:
    pairs = [
        ("财政部", "nt"),
        ("8", "m"),
        ("月", "m"),
        ("前", "f"),
        ("不会", "v"),
        ("出售", "v"),
        ("股票", "n"),
    ]
    assert clause_texts(pairs) == ["财政部8月前不会出售股票"]


def test_dangling_words_at_both_ends_are_dropped() -> None:
    pairs = [
        ("而且", "c"),
        ("全市", "n"),
        ("新建", "v"),
        ("温室", "n"),
        ("和", "c"),
        ("大棚", "n"),
        ("等", "u"),
    ]
    assert clause_texts(pairs) == ["全市新建温室和大棚"]


def test_parenthetical_is_dropped() -> None:
    pairs = [
        ("西部", "f"),
        ("水泥", "n"),
        ("(", "x"),
        ("2233", "m"),
        (")", "x"),
        ("定价", "v"),
        ("发行", "v"),
    ]
    assert clause_texts(pairs) == ["西部水泥定价发行"]


def test_title_in_book_marks_is_not_split_at_its_comma() -> None:
    pairs = [
        ("发表", "v"),
        ("《", "x"),
        ("倡导", "v"),
        ("合作", "vn"),
        ("，", "x"),
        ("维护", "v"),
        ("和平", "n"),
        ("》", "x"),
    ]
    assert clause_texts(pairs) == ["发表《倡导合作，维护和平》"]


def test_quotation_mark_left_alone_by_a_break_is_dropped() -> None:
    pairs = [
        ("“", "x"),
        ("文化", "n"),
        ("旅游年", "n"),
        ("，", "x"),
        ("正式", "ad"),
        ("开幕", "v"),
        ("”", "x"),
    ]
    assert clause_texts(pairs) == ["文化旅游年", "正式开幕"]


def test_reporting_frame_clause_is_dropped() -> None:
    pairs = [
        ("记者", "n"),
        ("从", "p"),
        ("商务局", "nt"),
        ("获悉", "v"),
        ("，", "x"),
        ("消费", "vn"),
        ("回暖", "v"),
    ]
    assert clause_texts(pairs) == ["消费回暖"]


def test_boilerplate_sentence_has_no_clause() -> None:
    pairs = [("张三", "nr"), ("当选", "v"), ("市长", "n")]
    assert sentence_clauses(make_sentence(pairs))
    assert sentence_clauses(make_sentence(pairs, boilerplate=True)) == ()


def test_latin_words_apart_in_the_text_stay_apart() -> None:
    tokens = (Token("Apple", "eng", 0), Token("Watch", "eng", 6), Token("发布", "v", 11))
    assert join_tokens(tokens) == "Apple Watch发布"


def test_contiguous_tokens_join_without_space() -> None:
    tokens = (Token("诺基亚", "nz", 0), Token("N96", "eng", 3), Token("上市", "v", 6))
    assert join_tokens(tokens) == "诺基亚N96上市"

"""The fast forms (first characters, one-character breaks, backward prefix search, the time
starts a Chinese numeral may open) agree with the plain definitions they replace, on
hand-written tokens."""

from __future__ import annotations

import pytest

from summarizer.document import Token
from summarizer.headline import candidates, clauses
from summarizer.headline.form import may_end_before

from .helpers import make_sentence

PAIRS = [
    [("《", "x"), ("春天", "n"), ("，", "x"), ("你好", "l"), ("》", "x"), ("上映", "v"), ("。", "x")],
    [("  ", "x"), ("，", "x"), ("工厂", "n"), (" ，", "x"), ("……", "x"), ("投产", "v"), ("\n", "x")],
    [("》", "x"), ("，", "n"), ("2024年", "m"), ("当天", "t"), ("北京", "ns"), ("！？", "x"), ("下雪", "v")],
    [("在", "p"), ("城市", "n"), ("和", "c"), ("乡村", "n"), ("建设", "vn"), ("新", "a"), ("学校", "n")],
    [("以", "p"), ("北京", "ns"), ("为", "v"), ("中心", "n"), ("的", "uj"), ("交通网", "n"), ("。", "x")],
    [("在", "p"), ("北京", "ns"), ("举办", "v"), ("展览", "n"), ("吸引", "v"), ("游客", "n"), ("、", "x")],
    [("市场", "n"), ("需求", "vn"), ("回暖", "v"), ("销量", "n"), ("增长", "v"), ("明显", "a")],
    [("公司", "n"), ("推出", "v"), ("新品", "n"), ("在", "p"), ("北京", "ns"), ("发布", "v")],
    [("公司", "n"), ("推出", "v"), ("新品", "n"), ("并", "c"), ("降价", "v"), ("销售", "vn")],
]


def _plain_longest_prefix(tokens: tuple[Token, ...], max_chars: int) -> tuple[Token, ...] | None:
    """The longest well-formed prefix as first written: one forward pass, the last good cut kept."""
    length = 0
    best_end = 0
    open_preposition = False
    list_words = [index for index, token in enumerate(tokens) if token.text in candidates._LIST_WORDS]
    for index, token in enumerate(tokens[:-1]):
        text, pos = token.text, token.pos
        length += len(text)
        if length > max_chars:
            break
        if pos.startswith("p"):
            open_preposition = True
        elif pos.startswith("v") and not pos.startswith("vn"):
            open_preposition = False
        if (
            not open_preposition
            and pos.startswith(("n", "vn", "eng", "j", "i", "l"))
            and may_end_before(tokens[index + 1])
            and not tokens[index + 1].pos.startswith(("n", "u", "q", "m", "eng", "f", "k", "j"))
            and not any(index - 2 <= at <= index + 1 for at in list_words)
        ):
            best_end = index + 1
    return tokens[:best_end] if best_end else None


def test_clauses_break_outside_titles_on_punctuation_only() -> None:
    tokens = make_sentence(PAIRS[0]).tokens  # 《春天，你好》上映。: the comma is part of the title
    assert clauses._clause_spans(tokens) == [(0, 6)]
    # A blank is no break, but a line break is; a break with a blank before it (" ，") or a run of
    # them (……) is one.
    tokens = make_sentence(PAIRS[1]).tokens
    assert clauses._clause_spans(tokens) == [(0, 1), (2, 3), (5, 6)]


@pytest.mark.parametrize(
    "mark",
    sorted(
        {
            *clauses._CLAUSE_BREAKS,
            " ",
            "\t",
            "、",
            "“",
            "%",
            "x",
            "，，",
            " ，",
            "\n\n",
            "\u3000",
            " \u3000",
            "\xa0 ",
        }
    ),
)
def test_one_character_breaks_are_looked_up_the_way_longer_ones_are_tested(mark: str) -> None:
    stripped = mark.strip()
    paragraph_blank = not stripped and ("\u3000" in mark or "\n" in mark)
    assert clauses._is_break(mark) == (
        paragraph_blank or (bool(stripped) and set(stripped) <= clauses._CLAUSE_BREAKS)
    )


def test_an_empty_token_keeps_the_first_characters_aligned() -> None:
    texts = ["北京", "", "，", "3月"]
    firsts = clauses._first_characters(texts)
    assert len(firsts) == len(texts)
    assert clauses._possible_time_starts(texts, firsts) == [0, 3]


@pytest.mark.parametrize("pairs", PAIRS)
@pytest.mark.parametrize("max_chars", [2, 5, 8, 30])
def test_backward_prefix_search_finds_the_forward_one(pairs: list[tuple[str, str]], max_chars: int) -> None:
    tokens = make_sentence(pairs).tokens
    assert candidates._longest_prefix(tokens, max_chars=max_chars) == _plain_longest_prefix(tokens, max_chars)


def test_dateline_needs_its_closing_word() -> None:
    assert clauses.dateline_length("本报北京1月31日电 国务院发布通知。") > 0
    assert clauses.dateline_length("本报北京1月31日 国务院发布通知。") == 0


@pytest.mark.parametrize(
    "texts",
    [
        ["一直", "以来", "，", "一些", "企业", "一", "年", "增长"],
        ["二〇二四年", "3月", "5日", "开幕"],
        ["二〇二四", "年", "目标"],
        ["一九四九年", "十月", "一日"],
        ["一直以来", "一家", "一一", "〇〇一"],
    ],
)
def test_a_chinese_numeral_passed_over_opens_no_time_phrase(texts: list[str]) -> None:
    tokens = tuple(Token(text, "m", 0) for text in texts)
    kept = clauses._possible_time_starts(texts, clauses._first_characters(texts))
    for index in range(len(texts)):
        if index not in kept:
            assert clauses._time_run(tokens, index) == 0, texts[index]

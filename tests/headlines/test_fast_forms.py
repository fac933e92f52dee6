"""The fast forms of clause building and word weighing agree with their plain definitions."""

from __future__ import annotations

from collections import Counter

import pytest

from summarizer.document import DocSentence, Token
from summarizer.headline import clauses
from summarizer.headline.clauses import join_tokens, sentence_clauses, trim
from summarizer.headline.salience import WordWeights, word_weights
from summarizer.result import ScoredText

from .helpers import make_sentence

SENTENCES = [
    [("2月", "m"), ("3日", "m"), ("上午", "t"), ("，", "x"), ("北京", "ns"), ("下雪", "v")],
    [
        ("今年", "t"),
        ("以来", "f"),
        ("，", "x"),
        ("一家", "m"),
        ("公司", "n"),
        ("于", "p"),
        ("周一", "t"),
        ("表示", "v"),
        ("，", "x"),
        ("当天", "t"),
        ("销量", "n"),
        ("增长", "v"),
        ("80", "m"),
        ("%", "x"),
    ],
    [
        ("①", "m"),
        ("项目", "n"),
        ("。", "x"),
        ("二〇二四年", "m"),
        ("目标", "n"),
        ("8月", "m"),
        ("前", "f"),
        ("完成", "v"),
        ("\x00", "x"),
        ("3月", "m"),
        ("开工", "v"),
    ],
    [
        ("《", "x"),
        ("春天", "n"),
        ("，", "x"),
        ("你好", "l"),
        ("》", "x"),
        ("在", "p"),
        ("2024年", "m"),
        ("首映", "v"),
        ("“", "x"),
        ("票房", "n"),
        ("，", "x"),
        ("口碑", "n"),
        ("”", "x"),
        ("和", "c"),
    ],
]


def _time_starts_by_definition(texts: list[str]) -> list[int]:
    """Every position where ``_time_run`` looks past its first test."""
    tokens = tuple(Token(text, "n", 0) for text in texts)
    return [
        index
        for index, text in enumerate(texts)
        if text in clauses._RELATIVE_TIME
        or text[:1] in clauses._TIME_OPENERS
        or text[:1].isdigit()
        or clauses._time_run(tokens, index)
    ]


@pytest.mark.parametrize("pairs", SENTENCES)
def test_possible_time_starts_miss_no_time_phrase(pairs: list[tuple[str, str]]) -> None:
    texts = [word for word, _ in pairs]
    tokens = tuple(Token(text, pos, 0) for text, pos in pairs)
    found = clauses._possible_time_starts(texts, clauses._first_characters(texts))
    assert found == sorted(found)
    # The starts dropped against the plain definition (① and the like) open no time phrase.
    for index in set(_time_starts_by_definition(texts)) - set(found):
        assert clauses._time_run(tokens, index) == 0


@pytest.mark.parametrize("pairs", SENTENCES)
def test_clauses_are_trimmed_and_joined_once_for_all(pairs: list[tuple[str, str]]) -> None:
    for clause in sentence_clauses(make_sentence(pairs)):
        assert trim(clause.tokens) == clause.tokens
        assert join_tokens(clause.tokens) == clause.text


def _plain_word_weights(
    sentences: list[DocSentence], keywords: list[ScoredText], share: float
) -> dict[str, float]:
    """word_weights as first written: every (word, tag) judged on its own."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for token in sentence.tokens:
            content = token.pos.startswith(("n", "v", "a", "eng", "j", "i", "l"))
            named = token.pos.startswith(("nr", "ns", "nt", "nz", "eng", "j"))
            if content and token.text not in {"表示", "说"} and (len(token.text) >= 2 or named):
                counts[token.text] += 1
    top = max(counts.values(), default=0)
    usable = [k for k in keywords if k.score > 0 and k.text in counts]
    weights = {w: (1 - share) * (c - 1) / max(1, top - 1) for w, c in counts.items() if c > 1}
    for keyword in usable:
        top_keyword = max(k.score for k in usable)
        weights[keyword.text] = weights.get(keyword.text, 0.0) + share * keyword.score / top_keyword
    return weights


def test_word_weights_count_names_of_one_character_and_skip_empty_words() -> None:
    pairs = [
        ("李", "nr"),
        ("说", "v"),
        ("李", "nr"),
        ("人", "n"),
        ("人", "n"),
        ("工厂", "n"),
        ("工厂", "n"),
        ("工厂", "n"),
        ("表示", "v"),
        ("表示", "v"),
        ("沪", "j"),
        ("投产", "v"),
    ]
    sentences = [make_sentence(pairs), make_sentence(pairs[3:], index=1)]
    keywords = [ScoredText("投产", 0.4), ScoredText("人", 0.9), ScoredText("工厂", 0.2)]
    weights = word_weights(sentences, keywords, keyword_share=0.3).weights
    assert dict(weights) == pytest.approx(_plain_word_weights(sentences, keywords, 0.3))
    assert "人" not in weights and "表示" not in weights and weights["李"] > 0


def test_salience_sums_each_weighted_word_once_in_reading_order() -> None:
    pairs = [("工厂", "n"), ("投产", "v"), ("工厂", "n"), ("新", "a"), ("李", "nr"), ("投产", "v")]
    tokens = make_sentence(pairs).tokens
    weights = WordWeights({"工厂": 0.1, "投产": 0.7, "李": 0.2, "其他": 5.0}, reference=2.0)
    assert weights.salience(tokens) == (0.1 + 0.7 + 0.2) / 2.0
    assert weights.salience(()) == 0.0
    assert WordWeights({"工厂": 0.1}, reference=0.0).salience(tokens) == 0.0

"""The fast forms of clause building, word weighing and title word scoring agree with their
plain definitions."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from summarizer.document import DocSentence, Token
from summarizer.headline import clauses
from summarizer.headline.clauses import join_tokens, sentence_clauses, trim
from summarizer.headline.words import WORD_FEATURES, ArticleWords, TitleWordModel, _keep_best
from summarizer.rank.specificity import jieba_idf
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
        if text in clauses.RELATIVE_TIME
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


def _plain_word_weights(sentences: list[DocSentence], keywords: list[ScoredText]) -> dict[str, float]:
    """The words' weights as first written: every (word, tag) judged on its own, half of the
    weight from repetition and half from the keyword ranking."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for token in sentence.tokens:
            content = token.pos.startswith(("n", "v", "a", "eng", "j", "i", "l"))
            named = token.pos.startswith(("nr", "ns", "nt", "nz", "eng", "j"))
            if content and (len(token.text) >= 2 or named):
                counts[token.text] += 1
    repeated = {w: c for w, c in counts.items() if c > 1 and w not in {"表示", "说"}}
    top = max(repeated.values(), default=0)
    usable = [k for k in keywords if k.score > 0 and k.text in counts]
    weights = {w: 0.5 * (c - 1) / max(1, top - 1) for w, c in repeated.items()}
    top_keyword = max(k.score for k in usable)
    for keyword in usable:
        if keyword.text not in {"表示", "说"}:
            weights[keyword.text] = weights.get(keyword.text, 0.0) + 0.5 * keyword.score / top_keyword
    return weights


PAIRS = [
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


def test_word_weights_count_names_of_one_character_and_skip_empty_words() -> None:
    sentences = [make_sentence(PAIRS), make_sentence(PAIRS[3:], index=1)]
    keywords = [ScoredText("投产", 0.4), ScoredText("人", 0.9), ScoredText("工厂", 0.2)]
    words = ArticleWords(sentences, keywords)
    assert words.weights == pytest.approx(_plain_word_weights(sentences, keywords))
    assert "人" not in words.weights and "表示" not in words.weights and words.weights["李"] > 0
    # How often, how early and in how many sentences each content word is said.
    assert words.counts[words.index["工厂"]] == 6 and words.spread[words.index["工厂"]] == 2
    assert words.first[words.index["李"]] == 0 and words.first[words.index["投产"]] == 0
    assert "人" not in words.index and "说" not in words.index  # one character, not a name


def test_title_probability_is_the_logistic_of_its_features() -> None:
    sentences = [make_sentence(PAIRS), make_sentence(PAIRS[3:], index=1)]
    words = ArticleWords(sentences, [ScoredText("工厂", 0.5)])
    weights = [0.3 * ((index * 7) % 11 - 5) for index in range(len(WORD_FEATURES))]
    model = TitleWordModel(weights, jieba_idf())
    for word in words.index:
        row = model.feature_row(words, word)
        assert len(row) == len(WORD_FEATURES)
        total = sum(w * x for w, x in zip(weights, row, strict=True))
        assert model.probability(words, word) == pytest.approx(1.0 / (1.0 + math.exp(-total)))
    assert model.probability(words, "不在文中") == 0.0


@pytest.mark.parametrize("size", [1, 3, 5])
@pytest.mark.parametrize(
    "values", [[], [2.0], [1.0, 3.0, 3.0, 2.0, 5.0, 1.0, 4.0], [0.5] * 8, [float(v % 7) for v in range(40)]]
)
def test_the_best_kept_are_the_first_of_a_stable_sort(values: list[float], size: int) -> None:
    kept: list[float] = []
    items: list[int] = []
    for number, value in enumerate(values):
        _keep_best(kept, items, value, number, size)
    expected = sorted(range(len(values)), key=lambda number: -values[number])[:size]
    assert items == expected
    assert kept == [values[number] for number in expected]

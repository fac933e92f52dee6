"""The shortcuts of key phrase extraction agree exactly with the plain computations they replace:
pair counts over the phrases and the text joined and encoded at once, and phrase texts sliced
from a run's text instead of joined word by word."""

from __future__ import annotations

import operator
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from summarizer.document import DocSentence, Token
from summarizer.keyphrases import (
    HEAD_POS,
    MAX_CHARS,
    MAX_WORDS,
    MODIFIER_POS,
    OPENING_POS,
    _diverse,
    _PhrasePairs,
    _word_phrases,
)
from summarizer.tokenizer import PUNCTUATION_POS

# Few characters, so that pairs repeat and overlap (aaa holds aa twice); a lone surrogate, a
# character outside the BMP, one that lower-cases to two (İ) and a sigma, which lower-cases
# by its neighbours (final ς at the end of a word).
_CHARS = st.sampled_from(["a", "A", "中", "国", "\ud800", "\U0001f600", " ", "İ", "Σ", "Α"])


def _pairs(text: str) -> list[str]:
    return list(map(operator.add, text, text[1:]))


@given(
    st.text(st.one_of(_CHARS, st.just("\n")), max_size=30),
    st.lists(st.text(_CHARS, min_size=1, max_size=8), min_size=1, max_size=8),
    st.sets(st.tuples(_CHARS, _CHARS).map("".join), max_size=4),
)
def test_phrase_pairs_count_each_phrase_alone(text: str, phrases: list[str], covered: set[str]) -> None:
    occurring = Counter(_pairs(text))
    pairs = _PhrasePairs.counted(text, phrases, covered)
    number_of: dict[str, int] = {}
    for index, phrase in enumerate(phrases):
        held = _pairs(phrase)
        expected = {pair: 0 if pair in covered else occurring[pair] for pair in held}
        distinct = pairs.distinct(index)
        assert sorted(pairs.counts[number] for number in distinct) == sorted(expected.values())
        assert pairs.sums[index] == sum(expected[pair] for pair in held)
        # Equal pairs are numbered alike across phrases, different ones apart.
        for pair, number in zip(held, pairs.ids[pairs.separators[index] + 1 :], strict=False):
            assert number_of.setdefault(pair, number) == number
        assert distinct == {number_of[pair] for pair in held}
    assert len(set(number_of.values())) == len(number_of)


def test_phrases_lower_case_as_python_does() -> None:
    """ΑΣ lower-cases to ας (twice in the text: it ties with ασα and comes first), not to the
    ασ it would be before a letter (once in the text: ΑΣΑ would come first and hold it)."""
    chosen = _diverse(["ΑΣ", "ΑΣΑ"], [1.0, 1.0], text="ασα ας ας", covered=set(), count=2)
    assert [(phrase.text, phrase.score) for phrase in chosen] == [("ΑΣ", 1.0), ("ΑΣΑ", 1.0)]


# Words with the parts of speech the rules tell apart; 的 and one-character nouns bind.
_WORDS = st.sampled_from(["中国", "人", "的", "A", "Bb", "经济发展", "十亿元", "高", "在", "。"])
_POS = st.sampled_from(["n", "n", "ng", "v", "vn", "a", "m", "d", "p", "eng", PUNCTUATION_POS])
_SCORES = st.dictionaries(
    st.sampled_from(["中国", "人", "a", "bb", "经济发展", "十亿元", "高"]),
    st.sampled_from([0.0, 0.25, 0.5, 1.0]),
    min_size=3,
)


def _sentence(words: list[tuple[str, str]]) -> DocSentence:
    tokens = []
    start = 3  # the sentence need not open the article
    for text, pos in words:
        tokens.append(Token(text, pos, start))
        start += len(text)
    return DocSentence(0, "".join(text for text, _ in words), 3, start, tuple(tokens))


def _plain_word_phrases(
    sentence: DocSentence, word_scores: dict[str, float], top: frozenset[str]
) -> list[tuple[str, float]]:
    """Every phrase the plain way: each run, each head, each start, the words joined."""
    tokens, lowered = sentence.tokens, sentence.lowered
    scores = [word_scores.get(word, -1.0) for word in lowered]
    binds = [
        token.pos != PUNCTUATION_POS
        and (
            word in word_scores
            or token.pos in MODIFIER_POS
            or token.text == "的"
            or (len(token.text) == 1 and token.pos in {"n", "ng"})
        )
        for token, word in zip(tokens, lowered, strict=True)
    ]
    phrases = []
    for first in range(len(tokens)):
        if not binds[first] or (first > 0 and binds[first - 1]):
            continue  # not the start of a run
        stop = first
        while stop < len(tokens) and binds[stop]:
            stop += 1
        for end in range(first + 1, stop):
            if scores[end] < 0 or tokens[end].pos not in HEAD_POS:
                continue
            for start in range(max(first, end - MAX_WORDS + 1), end):
                words = tokens[start : end + 1]
                text = "".join(token.text for token in words)
                if (
                    len(text) <= MAX_CHARS
                    and not top.isdisjoint(lowered[start : end + 1])
                    and (scores[start] >= 0 or tokens[start].pos in OPENING_POS)
                ):
                    total = 0.0
                    for score in scores[first:start]:
                        total += max(score, 0.0)
                    before = total
                    for score in scores[start : end + 1]:
                        total += max(score, 0.0)
                    phrases.append((text, (total - before) / len(words)))
    return phrases


@given(
    st.lists(st.tuples(_WORDS, _POS), min_size=4, max_size=14),
    _SCORES,
    st.integers(min_value=1, max_value=4),
)
def test_word_phrases_are_the_runs_words_joined(
    words: list[tuple[str, str]], word_scores: dict[str, float], keywords: int
) -> None:
    sentence = _sentence(words)
    top = frozenset(list(word_scores)[:keywords])
    assert _word_phrases(sentence, word_scores, top) == _plain_word_phrases(sentence, word_scores, top)

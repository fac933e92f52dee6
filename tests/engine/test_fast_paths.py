"""The vectorised shortcuts of the engine agree exactly with the plain computations they replace."""

from __future__ import annotations

import operator
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from summarizer.keyphrases import _adjacent_keys, _code_points, _PhrasePairs
from summarizer.rank.vocabulary import Vocabulary

# Few characters, so that pairs repeat and overlap (aaa holds aa twice); a lone surrogate and
# a character outside the BMP too.
_CHARS = st.sampled_from(["a", "A", "中", "国", "\ud800", "\U0001f600", " "])


@given(
    st.text(_CHARS, max_size=30),
    st.lists(st.text(_CHARS, min_size=1, max_size=8), min_size=1, max_size=8),
    st.sets(st.tuples(_CHARS, _CHARS).map("".join), max_size=4),
)
def test_phrase_pairs_count_overlapping_pairs(text: str, phrases: list[str], covered: set[str]) -> None:
    counted = Counter(map(operator.add, text, text[1:]))
    pairs = _PhrasePairs.counted(text, phrases, covered)
    for index, phrase in enumerate(phrases):
        held = list(map(operator.add, phrase, phrase[1:]))
        expected = {pair: 0 if pair in covered else counted[pair] for pair in held}
        assert pairs.frequencies(index) == {_key(pair): count for pair, count in expected.items()}
        assert pairs.sums[index] == sum(expected[pair] for pair in held)


def _key(pair: str) -> int:
    return int(_adjacent_keys(_code_points(pair))[0])


@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=8), max_size=6))
def test_vocabulary_ids_follow_first_occurrence(sentences: list[list[str]]) -> None:
    vocabulary = Vocabulary.build(sentences)
    assert list(vocabulary.words) == list(dict.fromkeys(word for sentence in sentences for word in sentence))
    assert [[vocabulary.words[i] for i in sequence] for sequence in vocabulary.sequences] == sentences

"""The vectorised shortcuts of the engine agree exactly with the plain computations they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summarizer.rank.vocabulary import Vocabulary


@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=8), max_size=6))
def test_vocabulary_ids_follow_first_occurrence(sentences: list[list[str]]) -> None:
    vocabulary = Vocabulary.build(sentences)
    assert list(vocabulary.words) == list(dict.fromkeys(word for sentence in sentences for word in sentence))
    assert [[vocabulary.words[i] for i in sequence] for sequence in vocabulary.sequences] == sentences

"""The vectorised shortcuts of the engine agree exactly with the plain computations they replace."""

from __future__ import annotations

import operator
from collections import Counter

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from summarizer.keyphrases import _pair_frequencies
from summarizer.rank.graph import cooccurrence_graph, flat_dense_cooccurrence_graph
from summarizer.rank.vocabulary import Vocabulary

# Few characters, so that pairs repeat and overlap (aaa holds aa twice); a lone surrogate and
# a character outside the BMP too.
_CHARS = st.sampled_from(["a", "A", "中", "国", "\ud800", "\U0001f600", " "])


@given(st.text(_CHARS, max_size=30), st.lists(st.tuples(_CHARS, _CHARS).map("".join), max_size=12))
def test_pair_frequencies_count_overlapping_pairs(text: str, pairs: list[str]) -> None:
    counted = Counter(map(operator.add, text, text[1:]))
    assert _pair_frequencies(text, pairs).tolist() == [float(counted[pair]) for pair in pairs]


@given(
    st.lists(st.lists(st.sampled_from("abcdefg"), max_size=8), max_size=6),
    st.integers(min_value=2, max_value=5),
)
def test_dense_cooccurrence_graph_equals_sparse_one(sentences: list[list[str]], window: int) -> None:
    vocabulary = Vocabulary.build(sentences)
    size = len(vocabulary.words)
    sparse_graph = cooccurrence_graph(vocabulary.sequences, size, window=window).toarray()
    dense_graph = flat_dense_cooccurrence_graph(vocabulary.ids, vocabulary.sentence_of, size, window=window)
    assert np.array_equal(dense_graph, sparse_graph)


@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=8), max_size=6))
def test_vocabulary_ids_follow_first_occurrence(sentences: list[list[str]]) -> None:
    vocabulary = Vocabulary.build(sentences)
    assert list(vocabulary.words) == list(dict.fromkeys(word for sentence in sentences for word in sentence))
    assert [[vocabulary.words[i] for i in sequence] for sequence in vocabulary.sequences] == sentences

"""The fast forms of sentence ranking and selection agree with the plain computations they
replace: term counts numbered in one pass, BLAS products, and the summary's pruned search for
the most relevant sentence."""

from __future__ import annotations

import dataclasses
import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import Engine
from summarizer.document import DocSentence, Document, Token, build_document
from summarizer.rank.blas import products
from summarizer.rank.graph import sentence_graph
from summarizer.rank.pagerank import pagerank
from summarizer.rank.sentences import _term_counts, position_prior, rank_sentences, sentence_terms
from summarizer.rank.similarity import bm25_similarity_dense, textrank_similarity_dense
from summarizer.rank.vocabulary import SharedWords, Vocabulary
from summarizer.result import Sentence
from summarizer.select import _overlap, cut_to_budget, select_summary


# One BLAS call; BLAS by blocks of rows (70 x 70 x 60 is over SINGLE_THREAD_PRODUCT); einsum
# (one row alone is over it).
@pytest.mark.parametrize(("rows", "columns"), [(4, 7), (70, 60), (600, 500)])
def test_products_by_blas_blocks_and_by_einsum_agree(rows: int, columns: int) -> None:
    rng = np.random.default_rng(rows)
    first, second = rng.random((rows, columns)), rng.random((rows, columns))
    assert np.allclose(products(first, second), first @ second.T, rtol=1e-12)


_WORDS = st.sampled_from(["农业", "博览会", "的", "了", "GDP", "gdp", "天气", "x", "记者"])
_STOP = frozenset({"的", "了", "x"})


def _sentence(index: int, words: list[str]) -> DocSentence:
    return DocSentence(index, "", 0, 0, tuple(Token(word, "n", 0) for word in words))


@given(st.lists(st.lists(_WORDS, max_size=8), min_size=1, max_size=6))
def test_term_counts_are_those_of_the_sentence_terms(sentences: list[list[str]]) -> None:
    ranked = [_sentence(index, words) for index, words in enumerate(sentences)]
    counts = _term_counts(ranked, _STOP)
    assert isinstance(counts, SharedWords)
    dense = Vocabulary.build([sentence_terms(sentence, _STOP) for sentence in ranked]).dense_counts()
    expected = SharedWords.of_counts(dense)
    assert counts.counts.shape == expected.counts.shape
    assert np.array_equal(counts.counts, expected.counts)
    assert np.array_equal(counts.frequency, expected.frequency)
    assert counts.frequency.dtype == expected.frequency.dtype
    assert np.array_equal(counts.lengths, expected.lengths)
    # The shared words are those of two sentences or more, in the order of first occurrence.
    assert np.array_equal(counts.frequency, (dense > 0).sum(axis=0)[(dense > 0).sum(axis=0) > 1])


@given(st.lists(st.lists(_WORDS, max_size=8), min_size=2, max_size=6), st.sampled_from(["bm25", "textrank"]))
def test_similarity_of_the_shared_words_is_that_of_the_dense_counts(
    sentences: list[list[str]], similarity: str
) -> None:
    ranked = [_sentence(index, words) for index, words in enumerate(sentences)]
    dense = Vocabulary.build([sentence_terms(sentence, _STOP) for sentence in ranked]).dense_counts()
    formula = bm25_similarity_dense if similarity == "bm25" else textrank_similarity_dense
    graph = sentence_graph(_term_counts(ranked, _STOP), similarity=similarity)
    # To the last bit: the same operations on the same numbers.
    assert np.array_equal(graph, formula(dense))


def test_blended_scores_are_the_numpy_blend(engine: Engine) -> None:
    document = build_document(_ARTICLE, tokenizer=engine.tokenizer)
    ranked = document.content_sentences
    prior = position_prior(len(ranked))
    graph = sentence_graph(_term_counts(ranked, _STOP), similarity="bm25")
    centrality = pagerank(graph, damping=0.85, personalization=prior).scores
    expected = 0.7 * (centrality / centrality.max()) + 0.3 * prior
    ranking = rank_sentences(
        document, stop_words=_STOP, similarity="bm25", damping=0.85, position_weight=0.3, max_ranked=400
    )
    assert list(ranking.scores) == expected.tolist()
    # Another blend of the same ranking is the numpy blend with that weight.
    other = 0.4 * (centrality / centrality.max()) + 0.6 * prior
    assert list(ranking.blended(0.6)) == other.tolist()


def _plain_selection(
    document: Document, scores: list[float], *, max_chars: int | None, count: int | None, redundancy: float
) -> list[int]:
    """Maximal marginal relevance with every overlap computed for every candidate at every pick."""
    pool = [s for s in document.content_sentences if scores[s.index] > 0]
    terms = {s.index: frozenset(s.lowered_words) - _STOP for s in pool}
    chosen: list[DocSentence] = []
    seen: set[str] = set()
    used = 0
    while pool and (count is None or len(chosen) < count):
        if max_chars is not None and chosen:
            pool = [s for s in pool if len(s.text) <= max_chars - used]
            if not pool:
                break

        def relevance(s: DocSentence) -> tuple[float, int]:
            overlap = max((_overlap(terms[s.index], terms[c.index]) for c in chosen), default=0.0)
            return (1.0 - redundancy) * scores[s.index] - redundancy * overlap, -s.index

        best = max(pool, key=relevance)
        pool.remove(best)
        if best.text in seen:
            continue
        if max_chars is not None and len(best.text) > max_chars:
            if cut_to_budget(best, max_chars) is None:
                continue
            return sorted([*[c.index for c in chosen], best.index])  # a cut sentence ends the summary
        seen.add(best.text)
        chosen.append(best)
        used += len(best.text)
    return sorted(c.index for c in chosen)


_ARTICLE = (
    "农业博览会今天开幕，展示农业新技术。博览会吸引了很多农民。天气晴朗，农民很高兴。"
    "农业技术让农民增收。博览会将持续三天。今天天气晴朗。农业博览会展示新技术。"
    "很多农民来到博览会。"
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([0.0, 0.1, 0.35, 0.5, 0.7, 0.9, 1.0]), min_size=8, max_size=8),
    st.sampled_from([0.0, 0.3, 0.7, 1.0]),
    st.sampled_from([(None, 3), (None, 1), (40, None), (25, 2), (12, None)]),
)
def test_pruned_selection_is_plain_maximal_marginal_relevance(
    engine: Engine, scores: list[float], redundancy: float, bounds: tuple[int | None, int | None]
) -> None:
    document = build_document(_ARTICLE, tokenizer=engine.tokenizer)
    assert len(document.sentences) == len(scores)
    max_chars, count = bounds
    summary = select_summary(
        document, scores, max_chars=max_chars, sentences=count, redundancy=redundancy, stop_words=_STOP
    )
    expected = _plain_selection(document, scores, max_chars=max_chars, count=count, redundancy=redundancy)
    assert [sentence.index for sentence in summary] == expected
    assert all(isinstance(sentence, Sentence) and not math.isnan(sentence.score) for sentence in summary)


def test_selection_breaks_ties_by_reading_order(engine: Engine) -> None:
    document = build_document(_ARTICLE, tokenizer=engine.tokenizer)
    scores = [0.5] * len(document.sentences)
    summary = select_summary(document, scores, max_chars=None, sentences=1, redundancy=0.3, stop_words=_STOP)
    assert [sentence.index for sentence in summary] == [0]


def test_a_sentence_made_by_its_fast_init_is_the_frozen_dataclass_it_declares() -> None:
    sentence = Sentence(3, "农业博览会开幕。", 10, 18, 0.5)
    names = [field.name for field in dataclasses.fields(Sentence)]
    assert names == ["index", "text", "start", "end", "score"]
    assert dataclasses.astuple(sentence) == (3, "农业博览会开幕。", 10, 18, 0.5)
    assert sentence == Sentence(index=3, text="农业博览会开幕。", start=10, end=18, score=0.5)
    assert hash(sentence) == hash(Sentence(3, "农业博览会开幕。", 10, 18, 0.5))
    assert dataclasses.replace(sentence, score=1.0).score == 1.0
    assert pickle.loads(pickle.dumps(sentence)) == sentence
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.score = 1.0  # type: ignore[misc]

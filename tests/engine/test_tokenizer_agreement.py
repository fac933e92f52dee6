"""rjieba may be the default backend only if it segments like jieba's reference, ``jieba.cut``,
on >= 99.5% of the tokens of the dev articles and honours user dictionaries as jieba does."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import jieba
import pytest

from summarizer.engine import Engine
from summarizer.tokenizer import DEFAULT_BACKEND, make_tokenizer, parse_user_dict

from .conftest import DevArticles

REQUIRED_AGREEMENT = 0.995


def _word_spans(words: Iterable[str]) -> Counter[tuple[int, int]]:
    spans: Counter[tuple[int, int]] = Counter()
    offset = 0
    for word in words:
        if word.strip():
            spans[(offset, offset + len(word))] += 1
        offset += len(word)
    return spans


def span_agreement(
    texts: Iterable[str], reference: Iterable[list[str]], candidate: Iterable[list[str]]
) -> float:
    """Share of the reference's word spans (whitespace aside) that the candidate produces too."""
    matched = total = 0
    for text, expected_words, produced_words in zip(texts, reference, candidate, strict=True):
        assert "".join(produced_words) == text, "a tokenizer must cover the text exactly"
        expected, produced = _word_spans(expected_words), _word_spans(produced_words)
        matched += sum((expected & produced).values())
        total += sum(expected.values())
    return matched / total


@pytest.mark.shared
@pytest.mark.slow
def test_default_rjieba_agrees_with_jieba_cut_on_dev_articles(dev_articles: DevArticles) -> None:
    texts = [
        a["text"] for a in dev_articles("peoples_daily.jsonl", 300) + dev_articles("thucnews.jsonl", 300)
    ]
    reference = jieba.Tokenizer()
    backend = make_tokenizer(DEFAULT_BACKEND)
    agreement = span_agreement(
        texts,
        reference=(reference.lcut(text) for text in texts),
        candidate=([word for word, _ in backend.tag(text)] for text in texts),
    )
    assert agreement >= REQUIRED_AGREEMENT, f"{DEFAULT_BACKEND} agrees on only {agreement:.4%} of jieba.cut's"


def test_span_agreement_counts_the_reference_spans_the_candidate_misses() -> None:
    texts = ["ab cd"]
    assert span_agreement(texts, [["ab", " ", "cd"]], [["a", "b", " ", "cd"]]) == 0.5
    assert span_agreement(texts, [["ab", " ", "cd"]], [["ab", " ", "cd"]]) == 1.0


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_jieba_backend_segments_like_jieba_cut(backend: str) -> None:
    text = "我来到北京清华大学，他来到了网易杭研大厦。2024年GDP增长5.2%。"
    words = [word for word, _ in make_tokenizer(backend).tag(text)]
    assert words == jieba.Tokenizer().lcut(text)


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_user_dictionary_words_and_tags_are_honoured(backend: str) -> None:
    text = "智慧农业平台和数字乡村上线了。"
    plain = dict(make_tokenizer(backend).tag(text))
    assert "智慧农业" not in plain and "数字乡村" not in plain
    tagged = dict(
        make_tokenizer(backend, parse_user_dict(["智慧农业 100000 nt", "数字乡村 100000"])).tag(text)
    )
    assert tagged["智慧农业"] == "nt"
    assert tagged["数字乡村"] == "nz"  # a user word without a tag reads as a proper noun


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_parts_of_speech_come_from_the_dictionary(backend: str) -> None:
    tags = dict(make_tokenizer(backend).tag("北京发布了2024年的GDP数据，增长明显。"))
    assert tags["北京"] == "ns"
    assert tags["2024"] == "m"
    assert tags["GDP"] == "eng"
    assert tags["，"] == "x"
    assert tags["数据"] == "n"


def test_both_backends_stay_selectable() -> None:
    assert Engine(tokenizer="jieba").tokenizer.name == "jieba"
    assert Engine().tokenizer.name == DEFAULT_BACKEND == "rjieba"

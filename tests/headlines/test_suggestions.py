"""Properties of the headline suggestions on hand-written articles, and degenerate inputs."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import Engine
from summarizer.document import DocSentence, Document
from summarizer.headline import DEFAULT_WEIGHTS, suggest_headlines
from summarizer.headline.model import headline_model
from summarizer.headline.ranking import FEATURES
from summarizer.headline.suggest import article_candidates
from summarizer.result import Headline, ScoredText

from .articles import ARTICLES
from .helpers import DANGLING_POS, DATELINE, LEADING_TIME, make_sentence, token_cover

DocumentOf = Callable[[str], Document]


def lead_first(document: Document) -> tuple[float, ...]:
    return tuple(1.0 / (1.0 + i) for i in range(len(document.sentences)))


def suggest(
    document: Document, *, count: int = 3, keywords: tuple[ScoredText, ...] = ()
) -> tuple[Headline, ...]:
    return suggest_headlines(document, lead_first(document), keywords, count=count)


@pytest.fixture(scope="module", params=sorted(ARTICLES))
def suggested(
    request: pytest.FixtureRequest, document_of: DocumentOf
) -> tuple[Document, tuple[Headline, ...]]:
    document = document_of(ARTICLES[request.param])
    return document, suggest(document)


def test_three_suggestions_best_first(suggested: tuple[Document, tuple[Headline, ...]]) -> None:
    _, headlines = suggested
    assert len(headlines) == 3
    scores = [h.score for h in headlines]
    assert all(math.isfinite(s) for s in scores)
    assert scores == sorted(scores, reverse=True)


def test_no_dateline(suggested: tuple[Document, tuple[Headline, ...]]) -> None:
    for headline in suggested[1]:
        assert not DATELINE.search(headline.text), headline.text


def test_no_leading_time_phrase(suggested: tuple[Document, tuple[Headline, ...]]) -> None:
    for headline in suggested[1]:
        assert not LEADING_TIME.match(headline.text), headline.text


def test_length_of_an_editors_headline(suggested: tuple[Document, tuple[Headline, ...]]) -> None:
    for headline in suggested[1]:
        assert DEFAULT_WEIGHTS.min_chars <= len(headline.text) <= DEFAULT_WEIGHTS.max_chars, headline.text


def test_suggestions_differ(suggested: tuple[Document, tuple[Headline, ...]]) -> None:
    texts = [h.text for h in suggested[1]]
    for i, first in enumerate(texts):
        for second in texts[i + 1 :]:
            assert first not in second and second not in first


def test_cut_on_token_boundaries_of_the_named_sentence(
    suggested: tuple[Document, tuple[Headline, ...]],
) -> None:
    document, headlines = suggested
    for headline in headlines:
        sentence = document.sentences[headline.sentence_index]
        assert not sentence.is_boilerplate
        assert token_cover(headline.text, sentence.tokens) is not None, headline.text


def test_no_dangling_word_at_either_end(suggested: tuple[Document, tuple[Headline, ...]]) -> None:
    document, headlines = suggested
    for headline in headlines:
        cover = token_cover(headline.text, document.sentences[headline.sentence_index].tokens)
        assert cover is not None
        assert not cover[0].pos.startswith(DANGLING_POS[:-1]), headline.text  # 在… may open a headline
        assert not cover[-1].pos.startswith(DANGLING_POS), headline.text


@pytest.mark.parametrize(
    ("name", "subject"),
    [
        ("agency_dateline", "中柬文化交流周"),
        ("paper_dateline", "国家林业和草原局"),
        ("local_news", "江南市"),
        ("sports", "北京队"),
        ("time_first", "青山县"),
    ],
)
def test_subject_of_the_lead_is_kept(document_of: DocumentOf, name: str, subject: str) -> None:
    headlines = suggest(document_of(ARTICLES[name]))
    assert subject in headlines[0].text or any(subject in h.text for h in headlines[1:]), headlines


def test_keywords_weigh_the_words_they_name(document_of: DocumentOf) -> None:
    document = document_of(ARTICLES["sports"])
    model = headline_model()
    salience = FEATURES.index("salience")

    def salience_of(keywords: tuple[ScoredText, ...]) -> dict[str, float]:
        found = article_candidates(
            document, lead_first(document), keywords, weights=DEFAULT_WEIGHTS, model=model
        )
        return {candidate.text: features[salience] for candidate, features in found}

    plain = salience_of(())
    steered = salience_of((ScoredText("天津队", 1.0), ScoredText("江苏队", 0.9)))
    naming = [text for text in plain if "江苏队" in text]
    assert naming
    assert all(steered[text] > plain[text] for text in naming)


def test_deterministic(document_of: DocumentOf) -> None:
    text = ARTICLES["local_news"]
    assert suggest(document_of(text)) == suggest(document_of(text))


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_count_bounds_the_suggestions(document_of: DocumentOf, count: int) -> None:
    headlines = suggest(document_of(ARTICLES["local_news"]), count=count)
    assert 1 <= len(headlines) <= count
    assert suggest(document_of(ARTICLES["local_news"]), count=3)[: len(headlines)][:1] == headlines[:1]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"min_chars": 0}, "min_chars"),
        ({"min_chars": 40}, "min_chars"),
        ({"max_overlap": -1.0}, "max_overlap"),
        ({"lead_sentences": -1}, "lead_sentences"),
        ({"diversity": math.nan}, "diversity"),
        ({"max_overlap": 1.5}, "max_overlap"),
        ({"diversity": -0.5}, "diversity"),
        ({"demotion": -1.0}, "demotion"),
    ],
)
def test_bad_weights_are_refused_naming_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        dataclasses.replace(DEFAULT_WEIGHTS, **change)


def test_count_zero_gives_nothing(document_of: DocumentOf) -> None:
    assert suggest(document_of(ARTICLES["local_news"]), count=0) == ()


def test_end_to_end_through_the_engine(engine: Engine) -> None:
    headlines = engine.analyze(ARTICLES["agency_dateline"]).headlines
    assert len(headlines) == 3
    assert not any(DATELINE.search(h.text) for h in headlines)


# --- degenerate inputs -------------------------------------------------------------------------


def boilerplate(sentence: DocSentence) -> DocSentence:
    s = sentence
    return DocSentence(s.index, s.text, s.start, s.end, s.tokens, True, s.paragraph)


def test_empty_document() -> None:
    assert suggest_headlines(Document("", ()), (), (), count=3) == ()


def test_only_boilerplate() -> None:
    sentence = boilerplate(make_sentence([("本报", "r"), ("记者", "n"), ("张三", "nr"), ("报道", "v")]))
    assert suggest_headlines(Document(sentence.text, (sentence,)), (1.0,), (), count=3) == ()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "。。。！！",
        "你好。",
        "北京下雪了。北京下雪了。北京下雪了。",
        "Apple released a new phone today in California.",
        "123 456 789",
        "江南市" * 40,
        "本报讯（记者张三）",
        "近日，昨天，今年以来。",
    ],
)
def test_degenerate_text_gives_valid_short_suggestions(document_of: DocumentOf, text: str) -> None:
    document = document_of(text)
    headlines = suggest(document)
    texts = [h.text for h in headlines]
    assert len(set(texts)) == len(texts)
    for headline in headlines:
        assert 0 < len(headline.text) <= DEFAULT_WEIGHTS.max_chars
        assert token_cover(headline.text, document.sentences[headline.sentence_index].tokens) is not None


@pytest.mark.parametrize(
    "scores",
    [(), (math.nan, math.nan, math.nan, math.nan), (-1.0, -2.0), (math.inf, 0.0, 0.0, 0.0), (0.0,) * 10],
)
def test_odd_sentence_scores_are_survived(document_of: DocumentOf, scores: tuple[float, ...]) -> None:
    document = document_of(ARTICLES["business"])
    headlines = suggest_headlines(document, scores, (), count=3)
    assert len(headlines) == 3
    assert all(math.isfinite(h.score) for h in headlines)


def test_odd_keyword_scores_are_survived(document_of: DocumentOf) -> None:
    keywords = (ScoredText("东方水泥", math.inf), ScoredText("挂牌", math.nan), ScoredText("", -1.0))
    document = document_of(ARTICLES["business"])
    headlines = suggest_headlines(document, lead_first(document), keywords, count=3)
    assert len(headlines) == 3
    assert all(math.isfinite(h.score) for h in headlines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(
        alphabet=st.sampled_from(list("北京市发布了新的规定，。！？“”《》（）近日今年以来的和与等 \nAB12")),
        max_size=120,
    )
)
def test_any_text_gives_valid_suggestions(engine: Engine, text: str) -> None:
    document = engine.document(text)
    headlines = suggest(document)
    assert len(headlines) <= 3
    for headline in headlines:
        assert headline.text.strip()
        assert len(headline.text) <= DEFAULT_WEIGHTS.max_chars
        sentence = document.sentences[headline.sentence_index]
        assert not sentence.is_boilerplate
        assert token_cover(headline.text, sentence.tokens) is not None

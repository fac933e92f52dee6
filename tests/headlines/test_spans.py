"""Provenance: a headline's text is the pieces of the input at its spans, in the coordinates of
the text given to the engine (a dateline before, full-width letters and digits inside)."""

from __future__ import annotations

import itertools

import opencc
import pytest

from summarizer import Engine
from summarizer.headline.suggest import spans_text

from .articles import ARTICLES

FULL_WIDTH = (
    "本报北京３月５日电（记者张三）江南市举办首届ＡＩ农业博览会，吸引了２００多家企业参展。"
    "博览会展示了ＡＩ农业的新技术，ＡＩ农业成为博览会的焦点。江南市计划明年继续举办ＡＩ农业博览会。"
)
# The same in traditional script: analysed through its simplified view, given back in its own characters.
FULL_WIDTH_TRADITIONAL = opencc.OpenCC("s2t").convert(FULL_WIDTH)


@pytest.mark.parametrize("text", [FULL_WIDTH, FULL_WIDTH_TRADITIONAL, *ARTICLES.values()])
def test_text_is_the_input_at_the_spans(engine: Engine, text: str) -> None:
    analysis = engine.analyze(text)
    assert analysis.headlines
    for headline in analysis.headlines:
        spans = headline.spans
        assert spans and all(0 <= start < end <= len(text) for start, end in spans)
        assert all(a_end < b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
        assert headline.text == spans_text(text, spans)
        sentence = analysis.sentences[headline.sentence_index]
        assert sentence.start <= spans[0][0] and spans[-1][1] <= sentence.end
        record = analysis.to_record()["headlines"][analysis.headlines.index(headline)]
        assert record["spans"] == [list(span) for span in spans]


@pytest.mark.parametrize("text", [FULL_WIDTH, FULL_WIDTH_TRADITIONAL], ids=["simplified", "traditional"])
def test_full_width_input_keeps_its_own_characters(engine: Engine, text: str) -> None:
    headlines = engine.analyze(text).headlines
    assert any("ＡＩ" in h.text for h in headlines)
    assert not any("AI" in h.text for h in headlines)


def test_pieces_join_with_a_space_only_between_ascii_words() -> None:
    text = "ABC 2024 新闻 发布"
    assert spans_text(text, [(0, 3), (4, 8)]) == "ABC 2024"
    assert spans_text(text, [(9, 11), (12, 14)]) == "新闻发布"
    assert spans_text(text, [(0, 3), (9, 11)]) == "ABC新闻"

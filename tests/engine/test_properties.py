"""Property tests: any string gives a valid Analysis within budget, made of the input."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import Engine, Options

_PIECES = st.sampled_from(
    [
        "博览会",
        "开幕",
        "。",
        "，",
        "！",
        "？",
        "；",
        "…",
        "“",
        "”",
        "《",
        "》",
        "\n",
        " ",
        "ＡＢＣ",
        "２０％",
        "本报讯（记者张三）",
        "新华社北京1月2日电",
        "本报记者 李四",
        "（责任编辑：王五）",
        "iPhone",
        "3.5",
        "的",
        "了",
    ]
)
_NEWSY = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=40).map("".join)
_ENGINE = Engine()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), _NEWSY), max_chars=st.integers(min_value=1, max_value=200))
def test_any_string_gives_a_valid_analysis_within_budget(text: str, max_chars: int) -> None:
    result = _ENGINE.analyze(text, options=Options(max_chars=max_chars))
    assert len(result.summary_text) <= max_chars
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert math.isfinite(sentence.score)
    full = {s.index: s for s in result.sentences}
    for sentence in result.summary:
        assert sentence.text and text[sentence.start : sentence.end] == sentence.text
        assert full[sentence.index].text.startswith(sentence.text)
    scores = [k.score for k in (*result.keywords, *result.keyphrases)] + [h.score for h in result.headlines]
    assert all(math.isfinite(score) for score in scores)
    for item in (*result.keywords, *result.keyphrases):
        assert item.text
    assert result.stats.characters == len(text)

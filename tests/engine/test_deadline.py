"""The cooperative deadline of ``Engine.analyze`` and ``pages.parse``: an analysis that ends in
time is the same as without a deadline, one that would not stops with ``DeadlineExceeded``
soon after the deadline, and the tokenizers cut long texts into pieces without changing a
token. Also the per-stage timings in ``Stats.stages``, which the record does not carry."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import Deadline, DeadlineExceeded, Engine, default_engine
from summarizer.pages import parse
from summarizer.records import without_elapsed
from summarizer.tokenizer import RJIEBA_PIECE_CHARS, make_tokenizer, text_pieces

SHARED_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev"
ARTICLE = (
    "本报讯（记者 王明）近日，江南市举办首届智慧农业博览会，吸引了两百多家企业参展。"
    "博览会展示了无人机植保、智能灌溉等新技术！农民说：“种地更轻松了。”"
    "据介绍，相关工作已纳入年度考核？下一步，还将扩大试点范围。\n"
)
FAR = 3600.0  # a deadline no test comes near


def long_text() -> str:
    """Over ``RJIEBA_PIECE_CHARS`` characters, so that the rjieba backend tags it in pieces."""
    rng = random.Random(7)
    sentences = ARTICLE.replace("\n", "").split("。")
    return "。".join(rng.choice(sentences) for _ in range(2 * RJIEBA_PIECE_CHARS // 25)) + "。"


def random_cjk(characters: int) -> str:
    """Rare ideographs in 30-character sentences: words no dictionary has."""
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x4E00, 0x4E00 + 3000, 7)]
    return "。".join(
        "".join(rng.choice(alphabet) for _ in range(30)) for _ in range(max(1, characters // 30))
    )


def test_an_analysis_in_time_is_the_analysis_without_a_deadline() -> None:
    engine = default_engine()
    for text in (ARTICLE, long_text()):
        with_deadline = engine.analyze(text, deadline=Deadline.after(FAR)).to_record("x")
        assert without_elapsed(with_deadline) == without_elapsed(engine.analyze(text).to_record("x"))


def test_a_page_in_time_is_the_page_without_a_deadline() -> None:
    page = "江南日报\n\n智慧农业博览会开幕\n\n" + ARTICLE + "\n\n市民踊跃参观\n\n" + ARTICLE
    with_deadline = parse(page, deadline=Deadline.after(FAR)).to_record(1)
    assert without_elapsed(with_deadline) == without_elapsed(parse(page).to_record(1))


def test_a_passed_deadline_stops_the_analysis_before_any_work() -> None:
    with pytest.raises(DeadlineExceeded) as raised:
        default_engine().analyze(ARTICLE, deadline=Deadline.after(-1.0))
    assert raised.value.stage == "document"
    assert raised.value.overrun_s >= 1.0


def test_a_passed_deadline_stops_a_page() -> None:
    with pytest.raises(DeadlineExceeded) as raised:
        parse(ARTICLE, deadline=Deadline.after(-1.0))
    assert raised.value.stage == "page"


@pytest.mark.slow
def test_the_slow_tokenizer_stops_soon_after_its_deadline() -> None:
    """posseg (textrank4zh's tokenizer) takes about 5 ms per unknown character: 12,000 take
    a minute without a deadline. The check between its words stops it within a fraction of a
    second of the deadline; the bound here is loose, for a loaded machine."""
    engine = Engine(tokenizer="posseg")
    engine.preload()
    with pytest.raises(DeadlineExceeded) as raised:
        engine.analyze(random_cjk(12_000), deadline=Deadline.after(0.3))
    assert raised.value.stage == "document"
    assert raised.value.overrun_s < 2.0


@pytest.mark.parametrize("backend", ["rjieba", "jieba"])
def test_tagging_with_a_deadline_gives_the_tokens_of_the_whole_text(backend: str) -> None:
    tokenizer = make_tokenizer(backend)
    texts = [long_text(), random_cjk(RJIEBA_PIECE_CHARS + 500)]
    dev = SHARED_DEV / "peoples_daily.jsonl"
    if dev.is_file():  # real news laid end to end, when the shared data is there
        with dev.open(encoding="utf-8") as lines:
            texts.append("\n".join(json.loads(line)["text"] for line in itertools.islice(lines, 200)))
    for text in texts:
        assert len(text) > RJIEBA_PIECE_CHARS
        assert tokenizer.tag(text, deadline=Deadline.after(FAR)) == tokenizer.tag(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="。！？!?\n\r 甲乙丙丁abc12.", max_size=300), st.integers(min_value=1, max_value=40))
def test_text_pieces_cover_the_text_and_end_after_a_mark(text: str, size: int) -> None:
    pieces = list(text_pieces(text, size))
    assert "".join(pieces) == text
    for piece in pieces[:-1]:
        assert len(piece) >= size and piece[-1] in "。！？!?"


def test_rjieba_tags_pieces_into_the_tokens_of_the_whole() -> None:
    """What the piecewise tagging relies on, at a piece size small enough to cut everywhere."""
    tokenizer = make_tokenizer("rjieba")
    text = ARTICLE * 20 + "Ｗｗｗ.ｘ.ｃｎ？GDP增长了6.5%！" * 5
    whole = tokenizer.tag(text)
    for size in (1, 7, 50):
        assert [token for piece in text_pieces(text, size) for token in tokenizer.tag(piece)] == whole


def test_stage_times_add_up_to_at_most_the_elapsed_time_and_stay_out_of_the_record() -> None:
    analysis = default_engine().analyze(ARTICLE)
    stages = analysis.stats.stages
    times = [stages.document, stages.ranking, stages.keyphrases, stages.summary, stages.headlines]
    assert all(time >= 0 for time in times)
    assert 0 < sum(times) <= analysis.stats.elapsed_ms
    assert "stages" not in analysis.to_record()["stats"]

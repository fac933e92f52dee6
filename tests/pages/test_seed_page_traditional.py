"""The seed page in traditional script (converted with OpenCC here, at test time; never stored):
the same articles, repairs, captions, labels, fragments and analyses as the simplified page, each
in the page's own script, every text a piece of the traditional input."""

from __future__ import annotations

import json
import re
from typing import Any

import opencc
import pytest

from summarizer import Engine, Options
from summarizer.pages import parse
from summarizer.records import without_elapsed, without_key

from .conftest import shared_file

SEED = "000_93e074682ad86485"
pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_text() -> str:
    return shared_file("seeds", f"{SEED}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine()


def _without_script(record: Any) -> Any:
    """The record less ``stats.script``, which says which script the input was in."""
    return without_key(record, "script")


@pytest.mark.parametrize("config", ["s2t", "s2tw", "s2hk"])
def test_the_traditional_seed_page_gives_the_same_page_in_its_own_script(
    engine: Engine, seed_text: str, config: str
) -> None:
    convert = opencc.OpenCC(config).convert
    traditional_text = convert(seed_text)
    simplified = without_elapsed(parse(seed_text, engine=engine).to_record())
    traditional = without_elapsed(parse(traditional_text, engine=engine).to_record())

    # Every text of the simplified page, converted, is the traditional page's text.
    expected = json.loads(convert(json.dumps(_without_script(simplified), ensure_ascii=False)))
    assert _without_script(traditional) == expected
    assert {article["stats"]["script"] for article in traditional["articles"]} == {"traditional"}
    compact = re.sub(r"\s+", "", traditional_text)
    for article in traditional["articles"]:
        for text in (article["title"], *article["bylines"], *(s["text"] for s in article["summary"])):
            assert re.sub(r"\s+", "", text) in compact


def test_output_script_simplified_gives_the_simplified_page(engine: Engine, seed_text: str) -> None:
    traditional_text = opencc.OpenCC("s2hk").convert(seed_text)
    simplified = without_elapsed(parse(seed_text, engine=engine).to_record())
    back = without_elapsed(
        parse(traditional_text, engine=engine, options=Options(output_script="simplified")).to_record()
    )

    assert _without_script(back) == _without_script(simplified)


def test_output_script_hongkong_gives_the_page_a_hong_kong_paper_would_print(
    engine: Engine, seed_text: str
) -> None:
    """The simplified page spelt in Hong Kong's script is the Hong Kong page's own analysis."""
    convert = opencc.OpenCC("s2hk").convert
    spelt = without_elapsed(
        parse(seed_text, engine=engine, options=Options(output_script="hongkong")).to_record()
    )
    converted = without_elapsed(parse(convert(seed_text), engine=engine).to_record())

    assert _without_script(spelt) == _without_script(converted)

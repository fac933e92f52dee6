"""The corpus against the library: ``analyze`` and ``pages.parse`` give a valid result for
every text, and ``Options`` rejects every bad value naming its field."""

from __future__ import annotations

import pytest

from summarizer import Engine, Options, OptionsError
from summarizer.pages import parse

from .checks import check_analysis, check_page
from .corpus import OPTION_CASES, TEXT_CASES, OptionCase, TextCase
from .known_failures import params

# The defaults, and a tight budget that forces cutting a first sentence at a clause boundary.
OPTION_SETS = {
    "defaults": Options(),
    "tight": Options(max_chars=12, sentences=1, keywords=2, keyphrases=1, headlines=1),
}


@pytest.mark.parametrize("options_name", sorted(OPTION_SETS))
@pytest.mark.parametrize("case", params("analyze", TEXT_CASES))
def test_analyze_gives_a_valid_result(engine: Engine, case: TextCase, options_name: str) -> None:
    options = OPTION_SETS[options_name]
    analysis = engine.analyze(case.text, options=options)
    check_analysis(analysis, case.text, options)
    if case.summarized:
        assert analysis.summary, "a real article is summarized, whatever its script or markup"
    if not case.text.strip():
        assert analysis.summary == () and analysis.notes, "a blank text gives an explained, empty result"


@pytest.mark.parametrize("case", params("page", TEXT_CASES))
def test_parse_page_gives_a_valid_result(engine: Engine, case: TextCase) -> None:
    options = Options()
    check_page(parse(case.text, engine=engine, options=options), case.text, options)


@pytest.mark.parametrize("case", OPTION_CASES, ids=lambda c: c.name)
def test_options_reject_bad_values_naming_the_field(case: OptionCase) -> None:
    if case.field is None:
        assert Options.from_mapping(case.options).to_dict().items() >= case.options.items()
        return
    with pytest.raises(OptionsError) as raised:
        Options.from_mapping(case.options)
    assert raised.value.field == case.field

"""A headline states the story with its subject, on invented sentences: a predicate whose sentence
narrates a subject it points to (该市…) ranks below the statements with their subject, and a
run-in subheading of a series is offered only where nothing else is; a thing in a state
(现有税率不变) goes with no later predicate; a proposal (建议…) opens no headline without its
proposer; a fixed expression (个人所得税) is a subject of its own; no headline ends on a bare date
(…截至2019年底)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from summarizer.document import Document, Token
from summarizer.headline import DEFAULT_WEIGHTS, suggest_headlines
from summarizer.headline.candidates import pointer_subject, sentence_subject
from summarizer.headline.clauses import clauses_of, sentence_tokens
from summarizer.headline.form import form_fault, lost_subject
from summarizer.subheadings import subheadings
from summarizer.terms.verb_lexicon import ambiguous_verbs

from .helpers import candidate_texts, make_sentence

DocumentOf = Callable[[str], Document]


def tokens(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return sentence_tokens(make_sentence(pairs))


def _scores(document: Document, *, demotion: float) -> dict[str, float]:
    """The suggestions' texts and scores with the lead first, at ``demotion``."""
    weights = dataclasses.replace(DEFAULT_WEIGHTS, demotion=demotion)
    scores = tuple(1.0 / (1.0 + i) for i in range(len(document.sentences)))
    return {h.text: h.score for h in suggest_headlines(document, scores, (), count=3, weights=weights)}


def test_a_pointing_pronoun_opening_the_sentence_is_its_narrated_subject() -> None:
    narrated = tokens(
        [("该市", "r"), ("开展", "v"), ("活动", "vn"), ("，", "x"), ("组建", "v"), ("专班", "n")]
    )
    assert [t.text for t in pointer_subject(clauses_of(0, narrated))] == ["该市"]
    # A determiner (这些企业) or a pronoun before a noun is no such subject.
    for pairs in (
        [("这些", "r"), ("企业", "n"), ("开展", "v"), ("活动", "vn")],
        [("该市", "r"), ("企业", "n"), ("开展", "v"), ("活动", "vn")],
        [("甲市", "ns"), ("开展", "v"), ("活动", "vn")],
    ):
        assert pointer_subject(clauses_of(0, tokens(pairs))) == ()


def test_a_predicate_of_a_pointed_subject_ranks_below_the_statements(document_of: DocumentOf) -> None:
    document = document_of(
        "江南市今年建成了三座现代农业产业园。\n"
        "该市组建了乡村振兴专班，新增就业岗位两千个。\n"
        "产业园吸引了一批龙头企业入驻。"
    )
    plain = _scores(document, demotion=0.0)
    demoted = _scores(document, demotion=DEFAULT_WEIGHTS.demotion)
    assert demoted["新增就业岗位两千个"] == round(plain["新增就业岗位两千个"] - DEFAULT_WEIGHTS.demotion, 6)
    assert demoted["江南市建成了三座现代农业产业园"] == plain["江南市建成了三座现代农业产业园"]
    assert next(iter(demoted)) == "江南市建成了三座现代农业产业园"


def test_run_in_subheadings_in_a_series_are_no_headlines(document_of: DocumentOf) -> None:
    lead = "江南区全面推进美丽乡村建设。\n"
    parts = (
        "规划引领聚合力。江南区编制了村庄规划，明确了发展方向。\n",
        "产业带动添动力。江南区培育特色产业，带动农民增收。\n",
        "服务保障增活力。江南区完善公共服务，提升群众满意度。\n",
    )
    series = document_of(lead + "".join(parts))
    heads = subheadings(series)
    assert {series.sentences[index].text for index in heads} == {
        "规划引领聚合力。",
        "产业带动添动力。",
        "服务保障增活力。",
    }
    # Not offered at all while the article states anything else, however it ranks.
    weights = dataclasses.replace(DEFAULT_WEIGHTS, demotion=0.0)
    scores = tuple(1.0 / (1.0 + i) for i in range(len(series.sentences)))
    offered = {h.text for h in suggest_headlines(series, scores, (), count=10, weights=weights)}
    assert offered
    assert not offered & {"规划引领聚合力", "产业带动添动力", "服务保障增活力"}
    # Two that echo only by chance (力 at the end) are a coincidence of short sentences.
    pair = document_of(lead + "".join(parts[:2]))
    assert subheadings(pair) == frozenset()
    # An opening sentence that is its paragraph alone heads nothing.
    alone = document_of(lead + "规划引领聚合力。\n产业带动添动力。\n服务保障增活力。\n江南区完善公共服务。")
    assert subheadings(alone) == frozenset()


def test_a_thing_in_a_state_goes_with_no_later_predicate() -> None:
    state = [
        ("现有", "b"),
        ("税率", "n"),
        ("不变", "v"),
        ("，", "x"),
        ("提高", "v"),
        ("纳税", "n"),
        ("级差", "n"),
    ]
    assert "现有税率提高纳税级差" not in candidate_texts(state)
    # With an adverb before the state too (房价总体平稳，…).
    steady = [("房价", "n"), ("总体", "d"), ("平稳", "a"), ("，", "x"), ("带动", "v"), ("销售", "vn")]
    assert "房价带动销售" not in candidate_texts(steady)
    # A named subject acts on; a state with an object is an act.
    named = [("甲公司", "nt"), ("成立", "v"), ("，", "x"), ("推出", "v"), ("新品", "n")]
    assert "甲公司推出新品" in candidate_texts(named)
    acting = [("村民", "n"), ("种植", "v"), ("果树", "n"), ("，", "x"), ("增加", "v"), ("收入", "n")]
    assert "村民增加收入" in candidate_texts(acting)


def test_a_proposal_opens_no_headline_without_its_proposer() -> None:
    for tag in ("n", "v"):
        proposal = tokens([("建议", tag), ("市政府", "nt"), ("修改", "v"), ("规定", "n")])
        assert form_fault(proposal).startswith("a proposal or a demand")
    proposer = tokens([("张三", "nr"), ("建议", "v"), ("修改", "v"), ("规定", "n")])
    assert form_fault(proposer) == ""


def test_a_fixed_expression_opens_a_subject_of_its_own() -> None:
    said = [("个人所得税", "l"), ("改革", "vn"), ("方案", "n"), ("还", "d"), ("将", "d"), ("研究", "v")]
    sentence = tokens([("张三", "nr"), ("表示", "v"), ("，", "x"), *said])
    candidate = sentence[3:]
    assert not lost_subject(candidate, sentence, sentence[:1], False)
    # A predicate without one still lost the speaker's subject.
    assert lost_subject(candidate[4:], sentence, sentence[:1], False)


def test_a_headline_ends_on_no_bare_date() -> None:
    for pairs in (
        [("甲部", "nt"), ("截至", "v"), ("2019", "m"), ("年底", "t")],
        [("数据", "n"), ("显示", "v"), ("，", "x"), ("截至", "v"), ("2019", "m"), ("年底", "t")],
        [("甲公司", "nt"), ("于", "p"), ("3月5日", "m")],
    ):
        assert form_fault(tokens(pairs)).startswith("ends on a date"), pairs
    # After a verb the date is its complement; 到 and 至 close a span or a degree.
    for pairs in (
        [("甲公司", "nt"), ("成立", "v"), ("于", "p"), ("1990年", "m")],
        [("会议", "n"), ("持续", "v"), ("到", "v"), ("2019", "m"), ("年底", "t")],
        [("降水", "n"), ("偏多", "v"), ("五成", "m"), ("至", "p"), ("一倍", "m")],
    ):
        assert not form_fault(tokens(pairs)).startswith("ends on a date"), pairs


def test_a_run_of_verbs_the_tagger_writes_as_nouns_opens_the_predicate() -> None:
    # 甲市 | 对标 | 对表 | 省委…: two words of the lexicon's ambiguous band (or one and a verb of
    # the lexicon) before a noun are the predicate, and the name before them its subject.
    band = sorted(ambiguous_verbs())
    if len(band) < 2:
        pytest.skip("the lexicon's ambiguous band holds fewer than two words")
    first, second = band[0], band[1]
    pairs = [
        ("甲市", "ns"),
        (first, "n"),
        (second, "n"),
        ("省委", "j"),
        ("部署", "n"),
        ("，", "x"),
        ("使", "v"),
        ("干部", "n"),
        ("取得", "v"),
        ("成效", "n"),
    ]
    _, subject = sentence_subject(clauses_of(0, tokens(pairs)))
    assert [token.text for token in subject] == ["甲市"]
    assert "甲市使干部取得成效" in candidate_texts(pairs)
    # Before a verb or at the clause's end the band's word stays a noun (a subject's head).
    nominal = [("甲市", "ns"), (first, "n"), ("开展", "v"), ("活动", "vn")]
    _, subject = sentence_subject(clauses_of(0, tokens(nominal)))
    assert [token.text for token in subject] == ["甲市", first]

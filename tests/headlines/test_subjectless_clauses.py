"""Clauses without a subject of their own, told on made-up tokens: a verb the tagger writes as a
noun (计划/n 租赁/v …) or an adverb of comparison (同比/j) opens a predicate, not a subject; a
leading time or place clause and a subjectless predicate are never joined in front of a
statement; 在 stays with an occasion frame after a dropped time; the predicates after a proposal
(甲建议…，实现…) go with no subject; a clause never ends on a preposition's object without its
verb."""

from __future__ import annotations

from summarizer.document import Token
from summarizer.headline.candidates import sentence_subject
from summarizer.headline.clauses import clauses_of, join_tokens, sentence_tokens
from summarizer.headline.form import form_fault, lost_subject, predicate_tagged_as_noun

from .helpers import candidate_texts, make_sentence


def _tokens(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return sentence_tokens(make_sentence(pairs))


# 甲公司是一家小企业，计划租赁土地建设基地，并有意申报研究中心。
_PLAN = [
    ("甲公司", "nt"),
    ("是", "v"),
    ("一家", "m"),
    ("小企业", "n"),
    ("，", "x"),
    ("计划", "n"),
    ("租赁", "v"),
    ("土地", "n"),
    ("建设", "vn"),
    ("基地", "n"),
    ("，", "x"),
    ("并", "c"),
    ("有意", "v"),
    ("申报", "v"),
    ("研究", "vn"),
    ("中心", "n"),
]


def test_a_verb_of_intention_tagged_as_a_noun_opens_a_predicate_that_takes_the_subject() -> None:
    sentence = _tokens(_PLAN)
    assert predicate_tagged_as_noun(sentence, 5)
    # Not before a noun (计划/n 项目/n: a noun compound) nor at a clause's end.
    assert not predicate_tagged_as_noun(_tokens([("科技", "n"), ("计划", "n"), ("项目", "n")]), 1)
    assert not predicate_tagged_as_noun(
        _tokens([("计划", "n"), ("，", "x"), ("租赁", "v"), ("土地", "n")]), 0
    )
    texts = candidate_texts(_PLAN)
    assert "甲公司计划租赁土地建设基地" in texts
    # The wish of the next clause opens a scope of its own: its statement stays.
    assert "甲公司有意申报研究中心" in texts
    # The clause alone lost the subject it narrates.
    clauses = clauses_of(0, sentence)
    _, subject = sentence_subject(clauses)
    plan = next(clause for clause in clauses if clause.text.startswith("计划"))
    assert join_tokens(subject) == "甲公司"
    assert lost_subject(plan.tokens, sentence, subject, False)


def test_a_clause_opening_on_a_verb_tagged_as_a_noun_has_no_subject() -> None:
    # 计划投资五亿元，…: 计划 is no subject of 投资.
    clauses = clauses_of(
        0, _tokens([("计划", "n"), ("投资", "v"), ("五亿元", "m"), ("，", "x"), ("建设", "v")])
    )
    assert sentence_subject(clauses) == (-1, ())
    # 甲市计划投资…: the subject ends before it.
    clauses = clauses_of(0, _tokens([("甲市", "ns"), ("计划", "n"), ("投资", "v"), ("五亿元", "m")]))
    assert join_tokens(sentence_subject(clauses)[1]) == "甲市"


def test_no_joined_candidate_keeps_a_leading_time_clause() -> None:
    # 支部工作开展以来，甲区坚持高位推动，全盘谋划: the time clause goes, the statement stays.
    pairs = [
        ("支部", "n"),
        ("工作", "vn"),
        ("开展", "v"),
        ("以来", "f"),
        ("，", "x"),
        ("甲区", "ns"),
        ("坚持", "v"),
        ("高位", "n"),
        ("推动", "v"),
        ("，", "x"),
        ("全盘", "n"),
        ("谋划", "n"),
    ]
    texts = candidate_texts(pairs)
    assert not any(text.startswith("支部工作开展以来，") for text in texts)
    assert "甲区坚持高位推动，全盘谋划" in texts


def test_no_subjectless_measure_is_joined_before_a_statement() -> None:
    # 同比增长9%，外贸实现开门红: the measure belongs to what was said before it.
    pairs = [
        ("同比", "j"),
        ("增长", "v"),
        ("9%", "m"),
        ("，", "x"),
        ("外贸", "n"),
        ("实现", "v"),
        ("开门红", "l"),
    ]
    texts = candidate_texts(pairs)
    assert "同比增长9%，外贸实现开门红" not in texts
    assert "外贸实现开门红" in texts
    assert sentence_subject(clauses_of(0, _tokens(pairs)))[1] == ()
    # Two predicates without a subject still join (推进改革，扩大开放).
    both = [("推进", "v"), ("改革", "vn"), ("，", "x"), ("扩大", "v"), ("开放", "vn")]
    assert "推进改革，扩大开放" in candidate_texts(both)


def test_zai_stays_with_an_occasion_frame_after_a_dropped_time() -> None:
    # 在1月2日甲局召开的会上，乙业满足需求: 甲局 is inside the occasion, no subject.
    pairs = [
        ("在", "p"),
        ("1", "m"),
        ("月", "m"),
        ("2", "m"),
        ("日", "m"),
        ("甲局", "nt"),
        ("召开", "v"),
        ("的", "uj"),
        ("会", "n"),
        ("上", "f"),
        ("，", "x"),
        ("乙业", "n"),
        ("满足", "v"),
        ("需求", "n"),
    ]
    clauses = clauses_of(0, _tokens(pairs))
    assert clauses[0].text == "在甲局召开的会上"
    assert join_tokens(sentence_subject(clauses)[1]) == "乙业"
    # A verb after the time: 于 goes with it (甲局于1月2日表示 -> 甲局表示).
    said = clauses_of(0, _tokens([("甲局", "nt"), ("于", "p"), ("1", "m"), ("月", "m"), ("表示", "v")]))
    assert said[0].text == "甲局表示"


def test_the_predicates_after_a_proposal_go_with_no_subject() -> None:
    # 甲党也建议以家庭为单位，实现相同收入的家庭缴纳相同的税: what is proposed, not done.
    pairs = [
        ("甲党", "nt"),
        ("也", "d"),
        ("建议", "n"),
        ("以", "p"),
        ("家庭", "n"),
        ("为", "p"),
        ("单位", "n"),
        ("，", "x"),
        ("实现", "v"),
        ("家庭", "n"),
        ("缴纳", "v"),
        ("相同", "a"),
        ("的", "uj"),
        ("税", "n"),
    ]
    assert "甲党实现家庭缴纳相同的税" not in candidate_texts(pairs)


def test_a_clause_never_ends_on_the_object_of_a_preposition_without_its_verb() -> None:
    # 个税只是按纳税人的收入水平[征收]: the verb 按 leads to is not in the clause.
    cut = [("个税", "n"), ("只是", "c"), ("按", "p"), ("纳税人", "n"), ("的", "uj"), ("收入", "n")]
    assert form_fault(_tokens(cut)) == "a preposition without the verb it leads to"
    # Other prepositions the tagger gives to verbs (在乡下: to be in), or before a verb it took
    # for a noun, are left alone; 为 is the copula.
    assert form_fault(_tokens([("母亲", "n"), ("一生", "m"), ("都", "d"), ("在", "p"), ("乡下", "n")])) == ""
    assert form_fault(_tokens([("成交额", "n"), ("为", "p"), ("37亿元", "m")])) == ""

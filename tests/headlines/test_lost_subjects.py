"""A predicate keeps its subject, on made-up sentences: the clauses after a semicolon go on
narrating the subject before it (no headline of them without it); a place phrase that is
deleted ends before the pronoun that names who acts (在家里 | 自己…); a verbal noun with the
quantity it reaches (突破/vn 500万人) is a predicate."""

from __future__ import annotations

import summarizer
from summarizer.document import Token
from summarizer.headline.candidates import deletable_phrases
from summarizer.headline.clauses import sentence_tokens
from summarizer.headline.form import form_fault

from .helpers import make_sentence


def tokens(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return sentence_tokens(make_sentence(pairs))


def test_the_predicates_after_a_semicolon_keep_the_subject_before_it() -> None:
    # One paragraph: the subject acts in the first part; the parts after each semicolon are
    # further acts of it, split into sentences of their own.
    text = (
        "江南镇持续开展人居环境整治行动，全年清理河道垃圾三百多吨；"
        "加强村庄绿化日常管理，新建口袋公园两个；"
        "坚持在田间地头为农户解决实际困难。"
    )
    headlines = [headline.text for headline in summarizer.analyze(text).headlines]
    assert headlines
    assert not [h for h in headlines if h.startswith(("加强", "坚持", "新建"))], headlines


def test_a_new_paragraph_or_a_full_stop_ends_the_narration() -> None:
    # After a full stop the next sentence is its own: a call line of it stays a candidate.
    text = (
        "江南镇持续开展人居环境整治行动，全年清理河道垃圾三百多吨。加强村庄绿化日常管理，新建口袋公园两个。"
    )
    headlines = [headline.text for headline in summarizer.analyze(text).headlines]
    assert any(h.startswith("加强") for h in headlines), headlines


def test_a_deleted_place_phrase_leaves_the_pronoun_that_acts() -> None:
    at_home = tokens(
        [
            ("在", "p"),
            ("家里", "s"),
            ("自己", "r"),
            ("动手", "v"),
            ("就", "d"),
            ("能", "v"),
            ("做出", "v"),
            ("美食", "n"),
        ]
    )
    # Deleting 在家里自己 would leave 动手就能做出美食, a condition with its subject cut off.
    assert (0, 3) not in deletable_phrases(at_home)
    # A demonstrative is a word of the place: 在北京这座城市 goes whole.
    in_city = tokens(
        [("在", "p"), ("北京", "ns"), ("这座", "r"), ("城市", "n"), ("举办", "v"), ("展览", "n")]
    )
    assert (0, 4) in deletable_phrases(in_city)


def test_a_verbal_noun_with_its_quantity_is_a_predicate() -> None:
    reached = tokens(
        [
            ("江南市", "ns"),
            ("常住", "b"),
            ("人口", "n"),
            ("首次", "m"),
            ("突破", "vn"),
            ("500", "m"),
            ("万人", "n"),
        ]
    )
    assert form_fault(reached) == ""
    # Without a quantity after it the verbal noun names an act: a noun phrase says nothing.
    named = tokens([("江南市", "ns"), ("人口", "n"), ("突破", "vn")])
    assert form_fault(named).startswith("says nothing")

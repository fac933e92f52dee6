"""The rules of form on made-up sentences: every forbidden opening and ending, a name with its
titles, a place, a time clause, a parenthetical, an attribution, and deletions that strand a word."""

from __future__ import annotations

import pytest

from summarizer.document import Token
from summarizer.headline.candidates import deletable_phrases
from summarizer.headline.clauses import clauses_of, sentence_tokens
from summarizer.headline.form import form_fault
from summarizer.headline.wordlists import NEEDS_AFTER, NEEDS_BEFORE

from .helpers import make_sentence

STATEMENT = [("江南市", "ns"), ("举办", "v"), ("农业", "n"), ("博览会", "n")]


def tokens(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return make_sentence(pairs).tokens


def test_a_plain_statement_is_good_form() -> None:
    assert form_fault(tokens(STATEMENT)) == ""


@pytest.mark.parametrize(
    "word", ["就", "也", "还", "并", "而", "但", "是", "把", "将", "对", "使", "该", "他们"]
)
def test_never_opens_on_a_word_that_needs_what_came_before(word: str) -> None:
    assert word in NEEDS_BEFORE
    assert form_fault(tokens([(word, "d"), *STATEMENT])) != ""


@pytest.mark.parametrize("modal", ["会", "能", "可以", "可能", "将会"])
def test_never_opens_on_a_modal_whose_subject_was_left_out(modal: str) -> None:
    # 会组织学生参观博览会: who will? The subject stayed with what came before.
    predicate = [(modal, "v"), ("组织", "v"), ("学生", "n"), ("参观", "v"), ("博览会", "n")]
    assert form_fault(tokens(predicate)) == "opens on a word that needs what came before"
    assert form_fault(tokens([("江南市", "ns"), *predicate])) == ""


@pytest.mark.parametrize(
    ("word", "pos"), [("的", "uj"), ("和", "c"), ("在", "p"), ("不会", "v"), ("能够", "v"), ("表示", "v")]
)
def test_never_ends_on_a_word_that_needs_what_follows(word: str, pos: str) -> None:
    assert word in NEEDS_AFTER
    assert form_fault(tokens([*STATEMENT, (word, pos)])) != ""


def test_a_verb_cut_off_from_its_object_is_refused() -> None:
    candidate = tokens([("江南市", "ns"), ("举办", "v")])
    object_word = Token("博览会", "n", candidate[-1].end)
    assert form_fault(candidate, object_word) == "cut inside a phrase"
    assert form_fault(candidate, Token("，", "x", candidate[-1].end)) == ""


@pytest.mark.parametrize("mark", ["？", "?"])
def test_a_question_is_refused_a_statement_before_a_comma_is_not(mark: str) -> None:
    candidate = tokens(STATEMENT)
    assert form_fault(candidate, Token(mark, "x", candidate[-1].end)) == "a question: a headline states"
    assert form_fault(candidate, Token("。", "x", candidate[-1].end)) == ""


@pytest.mark.parametrize(
    "pairs",
    [
        [("国家", "n"), ("主席", "n"), ("张三", "nr")],  # a name with its titles
        [("南山区", "ns"), ("文苑", "nr"), ("街道", "n")],  # a place
        [("2023年", "m"), ("春节", "t"), ("期间", "f")],  # a time
    ],
)
def test_a_name_a_place_or_a_time_says_nothing(pairs: list[tuple[str, str]]) -> None:
    assert form_fault(tokens(pairs)) != ""


def test_a_time_clause_is_refused() -> None:
    pairs = [("创建", "v"), ("活动", "vn"), ("开展", "v"), ("以来", "f")]
    assert form_fault(tokens(pairs)) != ""
    assert form_fault(tokens([("3月", "m"), *STATEMENT])) == "opens on a date or a time"


def test_object_fronting_without_its_verb_is_refused() -> None:
    pairs = [("不断", "d"), ("把", "p"), ("支部", "n"), ("创建", "vn"), ("工作", "vn")]
    assert form_fault(tokens(pairs)) != ""


def test_a_deletion_never_strands_a_preposition() -> None:
    kept = (Token("江南市", "ns", 0), Token("在", "p", 3), Token("举办", "v", 8), Token("博览会", "n", 10))
    assert form_fault(kept) == "a deletion leaves a word without what it governs"


def test_the_attribution_clause_is_no_headline_and_its_content_is() -> None:
    sentence = make_sentence([("张三", "nr"), ("表示", "v"), ("，", "x"), *STATEMENT, ("。", "x")])
    clauses = clauses_of(0, sentence_tokens(sentence))
    assert [form_fault(c.tokens) == "" for c in clauses] == [False, True]


def test_the_parenthetical_is_left_out() -> None:
    sentence = make_sentence(
        [
            ("江南市", "ns"),
            ("（", "x"),
            ("南方", "s"),
            ("城市", "n"),
            ("）", "x"),
            *STATEMENT[1:],
            ("。", "x"),
        ]
    )
    assert [c.text for c in clauses_of(0, sentence_tokens(sentence))] == ["江南市举办农业博览会"]


def test_deletable_phrases_of_place_titles_and_manner() -> None:
    pairs = [
        ("国家", "n"),
        ("主席", "n"),
        ("张三", "nr"),
        ("在", "p"),
        ("人民大会堂", "ns"),
        ("不断", "d"),
        ("会见", "v"),
        ("外宾", "n"),
    ]
    units = deletable_phrases(tokens(pairs))
    assert units == [(0, 2), (3, 5), (5, 6)]


def test_a_bare_quotation_or_title_says_nothing() -> None:
    pairs = [
        ("《", "x"),
        ("关于", "p"),
        ("农业", "n"),
        ("发展", "vn"),
        ("的", "uj"),
        ("意见", "n"),
        ("》", "x"),
    ]
    assert form_fault(tokens(pairs)) != ""
    assert form_fault(tokens([*pairs, ("发布", "v")])) == ""


@pytest.mark.parametrize(
    ("following", "pos"),
    [
        ("防治", "v"),  # the rest of a compound (污染防治)
        ("创新", "vn"),
        ("重要讲话", "l"),  # the rest of an object
        ("还", "d"),  # an adverb and the verb it leads to
        ("“", "x"),  # a quotation that goes on with the phrase
        ("、", "x"),  # the rest of a list
        ("而", "c"),  # 如约而至
        ("在", "p"),  # an adjunct: what comes before stands
        ("并", "c"),  # a second predicate
        ("和", "c"),
        ("，", "x"),  # the clause ends
    ],
)
def test_a_cut_inside_a_clause_keeps_only_what_stands_before_an_adjunct(following: str, pos: str) -> None:
    candidate = tokens(STATEMENT)
    fault = form_fault(candidate, Token(following, pos, candidate[-1].end))
    assert (fault == "cut inside a phrase") == (following not in ("在", "并", "和", "，"))


def test_a_person_with_titles_and_no_verb_says_nothing() -> None:
    pairs = [("浙江", "ns"), ("见义勇为", "i"), ("大学生", "n"), ("张三", "nr")]
    assert form_fault(tokens(pairs)) != ""
    assert form_fault(tokens([*pairs[:3], ("获", "v"), ("表彰", "vn")])) == ""


def test_a_time_word_the_tagger_took_for_a_name_opens_no_headline() -> None:
    assert form_fault(tokens([("昨天早上", "nr"), *STATEMENT])) != ""


def test_a_preposition_is_deleted_only_before_a_real_predicate() -> None:
    # 首都 tagged as an adverb: the phrase 在柬埔寨 does not end there.
    sentence = tokens(
        [("年会", "n"), ("在", "p"), ("柬埔寨", "ns"), ("首都", "d"), ("金边", "n"), ("开幕", "v")]
    )
    assert deletable_phrases(sentence) == []
    sentence = tokens([("年会", "n"), ("在", "p"), ("金边", "ns"), ("隆重", "d"), ("开幕", "v")])
    assert deletable_phrases(sentence) == [(1, 3), (3, 4)]  # and the manner adverb


def test_a_phrase_that_opens_a_frame_is_not_deleted() -> None:
    # 按照家庭为主体征收: without 按照家庭, 为 has nothing to close.
    sentence = tokens(
        [("个税", "n"), ("按照", "p"), ("家庭", "n"), ("为", "p"), ("主体", "n"), ("征收", "v")]
    )
    assert deletable_phrases(sentence) == []

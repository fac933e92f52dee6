"""Rules of form an editor applies that a clause cut alone does not show, on made-up tokens:
a piece of a quotation, an appositive after a dash, a cut inside a noun phrase, a pronoun, an
adverbial verb alone, a copula 即, a subject that a pronoun, a list of titles or an attribution
holds, an attribute that says which one, a verb of saying or an adverbial's localizer at the end."""

from __future__ import annotations

from summarizer.document import Token
from summarizer.headline.candidates import (
    holds_own_subject,
    narrating_subject,
    sentence_candidates,
    sentence_subject,
)
from summarizer.headline.clauses import clauses_of, join_tokens, sentence_tokens
from summarizer.headline.form import context_fault, form_fault, lost_subject, quotations

from .helpers import make_sentence


def tokens(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return make_sentence(pairs).tokens


def _context(sentence: tuple[Token, ...], first: int, last: int) -> str:
    """context_fault of sentence[first:last + 1] as a candidate."""
    candidate = sentence[first : last + 1]
    return context_fault(
        candidate,
        sentence,
        quotations(sentence),
        first,
        last,
        last + 1,
        holds_own_subject(candidate),
    )


# 晚会围绕“共享好时光，欢乐过新年”的主题，…
SLOGAN = tokens(
    [
        ("晚会", "n"),
        ("围绕", "v"),
        ("“", "x"),
        ("共享", "v"),
        ("好", "a"),
        ("时光", "n"),
        ("，", "x"),
        ("欢乐", "a"),
        ("过", "v"),
        ("新年", "t"),
        ("”", "x"),
        ("的", "uj"),
        ("主题", "n"),
    ]
)


def test_a_candidate_ending_inside_a_quotation_is_refused() -> None:
    assert quotations(SLOGAN) == [(2, 10)]
    assert _context(SLOGAN, 0, 5).startswith("ends inside a quotation")
    assert _context(SLOGAN, 0, 12) == ""  # the whole quotation


def test_a_piece_of_someone_s_words_needs_its_own_subject_or_a_call() -> None:
    # “我们的工厂正要扩建，苦于缺少资金不能动工，…”
    said = tokens(
        [
            ("“", "x"),
            ("工厂", "n"),
            ("正要", "d"),
            ("扩建", "v"),
            ("，", "x"),
            ("苦于", "v"),
            ("缺少", "v"),
            ("资金", "n"),
            ("，", "x"),
            ("要", "v"),
            ("加快", "v"),
            ("进度", "n"),
            ("，", "x"),
            ("银行", "n"),
            ("提供", "v"),
            ("贷款", "n"),
            ("，", "x"),
            ("工厂", "n"),
            ("开工", "v"),
            ("”", "x"),
        ]
    )
    assert _context(said, 5, 7).startswith("a piece of a quotation")
    assert _context(said, 9, 11) == ""  # a call stands without a subject
    assert _context(said, 13, 15) == ""  # a subject with its predicate


def test_the_end_of_a_quoted_name_with_what_it_does_stands() -> None:
    # “甲乙—丙丁文化年”开幕: the candidate holds the name's end and the verb after it
    sentence = tokens(
        [("“", "x"), ("甲乙", "ns"), ("—", "x"), ("丙丁", "ns"), ("文化年", "n"), ("”", "x"), ("开幕", "v")]
    )
    assert _context(sentence, 3, 6) == ""


def test_an_appositive_after_a_dash_is_no_statement() -> None:
    # …召开了一次大会——甲乙创新峰会
    sentence = tokens(
        [
            ("甲市", "ns"),
            ("召开", "v"),
            ("大会", "n"),
            ("—", "x"),
            ("—", "x"),
            ("甲乙", "nz"),
            ("创新", "v"),
            ("峰会", "n"),
        ]
    )
    assert _context(sentence, 5, 7).startswith("an appositive after a dash")
    assert _context(sentence, 0, 2) == ""
    # …——甲区把工作重心聚焦一线: a statement after the dash
    stated = tokens(
        [("转变", "v"), ("—", "x"), ("甲区", "ns"), ("把", "p"), ("重心", "n"), ("聚焦", "v"), ("基层", "n")]
    )
    assert _context(stated, 2, 6) == ""


def test_a_cut_before_a_preposition_whose_phrase_runs_into_de_cuts_a_noun_phrase() -> None:
    # 张三肯定甲国同各国的友好关系 -> not 张三肯定甲国
    sentence = tokens(
        [
            ("张三", "nr"),
            ("肯定", "v"),
            ("甲国", "ns"),
            ("同", "p"),
            ("各国", "r"),
            ("的", "uj"),
            ("友好", "a"),
            ("关系", "n"),
        ]
    )
    assert _context(sentence, 0, 2).startswith("cut inside a noun phrase")
    # 张三同李四会谈 -> 张三: the phrase leads to a verb (the cut is the rules' to judge otherwise)
    adjunct = tokens(
        [("张三", "nr"), ("会见", "v"), ("李四", "nr"), ("在", "p"), ("甲市", "ns"), ("举行", "v")]
    )
    assert _context(adjunct, 0, 2) == ""


def test_a_third_person_pronoun_refers_to_someone_named_before() -> None:
    pairs = [("调研", "vn"), ("让", "v"), ("他", "r"), ("了解", "v"), ("情况", "n")]
    assert form_fault(tokens(pairs)).startswith("refers back")
    assert (
        form_fault(tokens([("调研", "vn"), ("让", "v"), ("张三", "nr"), ("了解", "v"), ("情况", "n")])) == ""
    )


def test_an_adverbial_verb_with_its_object_alone_says_nothing() -> None:
    assert form_fault(tokens([("围绕", "v"), ("共同", "b"), ("目标", "n")])) != ""
    assert form_fault(tokens([("按照", "v"), ("部署", "n")])).startswith("only an adverbial")
    assert form_fault(tokens([("围绕", "v"), ("目标", "n"), ("开展", "v"), ("活动", "vn")])) == ""
    assert form_fault(tokens([("通过", "v"), ("了", "ul"), ("新", "a"), ("条例", "n")])) == ""


def test_a_copula_ji_makes_no_statement() -> None:
    pairs = [("甲乙", "ns"), ("大队", "n"), ("即", "v"), ("游击队", "n")]
    assert form_fault(tokens(pairs)) != ""


def test_a_noun_phrase_whose_modifier_is_a_run_of_predicates_is_no_statement() -> None:
    pairs = [("名声", "a"), ("远扬", "v"), ("的", "uj"), ("民间", "n"), ("队伍", "n")]
    assert form_fault(tokens(pairs)).startswith("a noun phrase")
    # a verb with the modifier of its object is a statement
    stated = [("张三", "nr"), ("发表", "v"), ("重要", "a"), ("的", "uj"), ("讲话", "n")]
    assert form_fault(tokens(stated)) == ""


def test_a_subject_with_a_list_of_titles_is_the_subject_of_the_later_predicates() -> None:
    # 甲委委员、乙委书记张三主持召开会议，学习乙项精神: 学习… narrates what 张三 did
    sentence = make_sentence(
        [
            ("甲委", "nt"),
            ("委员", "n"),
            ("、", "x"),
            ("乙委", "nt"),
            ("书记", "n"),
            ("张三", "nr"),
            ("主持", "v"),
            ("召开", "v"),
            ("会议", "n"),
            ("，", "x"),
            ("学习", "v"),
            ("乙项", "n"),
            ("精神", "n"),
            ("。", "x"),
        ]
    )
    clauses = clauses_of(0, sentence_tokens(sentence))
    _, subject = sentence_subject(clauses)
    assert join_tokens(subject) == "甲委委员、乙委书记张三"
    assert lost_subject(clauses[-1].tokens, sentence.tokens, subject, False)


def test_a_leading_place_or_occasion_with_a_verb_inside_is_passed_over() -> None:
    # 在甲市召开的会上，乙局局长张三表示，…
    sentence = make_sentence(
        [
            ("在", "p"),
            ("甲市", "ns"),
            ("召开", "v"),
            ("的", "uj"),
            ("会", "n"),
            ("上", "f"),
            ("，", "x"),
            ("局长", "n"),
            ("张三", "nr"),
            ("宣布", "v"),
            ("，", "x"),
            ("将", "d"),
            ("扩大", "v"),
            ("投资", "vn"),
            ("。", "x"),
        ]
    )
    _, subject = sentence_subject(clauses_of(0, sentence_tokens(sentence)))
    # 宣布，将…: what is said has no subject of its own, so it is the speaker's
    assert join_tokens(subject) == "局长张三"


def test_what_is_said_has_the_subject_of_the_words_said() -> None:
    # 张三表示，甲业将加强供给，满足需求: 满足需求 is 甲业's, not 张三's
    sentence = make_sentence(
        [
            ("张三", "nr"),
            ("表示", "v"),
            ("，", "x"),
            ("甲业", "n"),
            ("将", "d"),
            ("加强", "v"),
            ("供给", "vn"),
            ("，", "x"),
            ("满足", "v"),
            ("需求", "n"),
            ("。", "x"),
        ]
    )
    clauses = clauses_of(0, sentence_tokens(sentence))
    subject = sentence_subject(clauses)
    assert join_tokens(subject[1]) == "甲业"
    texts = {
        c.text
        for c in sentence_candidates(
            0,
            sentence_tokens(sentence),
            clauses,
            subject=subject,
            min_chars=2,
            max_chars=32,
            shorten_above=16,
        )
    }
    assert "甲业满足需求" in texts
    assert "张三满足需求" not in texts


def test_a_predicate_narrating_a_personal_pronoun_is_refused() -> None:
    # 我们在此欢聚，叙旧情、话题是家常，感到高兴: whoever 我们 are, the headline cannot say
    sentence = make_sentence(
        [
            ("我们", "r"),
            ("在", "p"),
            ("此", "r"),
            ("欢聚", "v"),
            ("，", "x"),
            ("叙", "ns"),
            ("旧情", "n"),
            ("、", "x"),
            ("话题", "n"),
            ("是", "v"),
            ("家常", "n"),
            ("，", "x"),
            ("感到", "v"),
            ("高兴", "a"),
            ("。", "x"),
        ]
    )
    clauses = clauses_of(0, sentence_tokens(sentence))
    subject = narrating_subject(clauses, sentence_subject(clauses))
    assert [t.text for t in subject] == ["我们"]
    words = sentence.tokens
    # 叙旧情、话题是家常，感到高兴: the nouns before 是 look like a subject with its predicate,
    # but the clause after them still goes without one
    joined = words[5:14]
    assert join_tokens(joined) == "叙旧情、话题是家常，感到高兴"
    assert holds_own_subject(joined)
    assert lost_subject(joined, words, subject, holds_own_subject(joined))
    assert lost_subject(words[12:14], words, subject, holds_own_subject(words[12:14]))
    assert not lost_subject(words[12:14], words, (), False)


def test_a_noun_phrase_alone_in_the_first_clause_is_the_subject_of_the_predicate_after_it() -> None:
    # 位于甲市的乙馆，举办了一场展览: 举办了… narrates what 乙馆 did
    sentence = make_sentence(
        [
            ("位于", "v"),
            ("甲市", "ns"),
            ("的", "uj"),
            ("乙馆", "n"),
            ("，", "x"),
            ("举办", "v"),
            ("了", "ul"),
            ("展览", "vn"),
            ("。", "x"),
        ]
    )
    clauses = clauses_of(0, sentence_tokens(sentence))
    subject = narrating_subject(clauses, sentence_subject(clauses))
    assert join_tokens(subject) == "位于甲市的乙馆"
    assert lost_subject(clauses[-1].tokens, sentence.tokens, subject, False)


def test_will_is_no_call_a_later_predicate_still_needs_its_subject() -> None:
    # 甲业将加强供给，满足需求: 将 narrates a plan, 满足需求 is still 甲业's
    sentence = tokens(
        [("甲业", "n"), ("将", "d"), ("加强", "v"), ("供给", "vn"), ("，", "x"), ("满足", "v"), ("需求", "n")]
    )
    assert lost_subject(sentence[5:], sentence, sentence[:1], False)
    called = tokens(
        [("甲业", "n"), ("要", "v"), ("加强", "v"), ("供给", "vn"), ("，", "x"), ("满足", "v"), ("需求", "n")]
    )
    assert not lost_subject(called[5:], called, called[:1], False)


def test_an_adjective_before_its_noun_says_nothing() -> None:
    # 江南新城区标杆项目: 新 modifies 城区, no predicate
    assert form_fault(
        tokens([("江南", "ns"), ("新", "a"), ("城区", "n"), ("标杆", "n"), ("项目", "n")])
    ).startswith("says nothing")
    assert form_fault(tokens([("江南", "ns"), ("城区", "n"), ("面貌", "n"), ("新", "a")])) == ""


def test_a_headline_never_ends_on_a_verb_of_saying_or_an_adverbial_localizer() -> None:
    assert form_fault(tokens([("甲国", "ns"), ("政府", "n"), ("宣布", "v")])) != ""
    assert form_fault(tokens([("甲国", "ns"), ("政府", "n"), ("宣布", "v"), ("禁令", "n")])) == ""
    assert form_fault(tokens([("村委", "n"), ("带领", "v"), ("下", "f")])).startswith("ends on the localizer")
    assert form_fault(tokens([("书", "n"), ("放", "v"), ("在", "p"), ("桌", "n"), ("上", "f")])) == ""


def test_a_place_pronoun_such_as_woguo_opens_a_subject() -> None:
    stated = make_sentence([("我国", "r"), ("资金", "n"), ("保持", "v"), ("稳定", "a"), ("。", "x")])
    assert holds_own_subject(clauses_of(0, sentence_tokens(stated))[0].tokens)
    speaker = make_sentence([("他们", "r"), ("资金", "n"), ("保持", "v"), ("稳定", "a"), ("。", "x")])
    assert not holds_own_subject(clauses_of(0, sentence_tokens(speaker))[0].tokens)


def test_a_time_word_before_the_subject_is_not_part_of_it() -> None:
    # 会上甲公司宣布启用新标识，同时启动了新业务: 启动了… narrates what 甲公司 did
    sentence = make_sentence(
        [
            ("会上", "t"),
            ("甲公司", "nt"),
            ("宣布", "v"),
            ("启用", "v"),
            ("新", "a"),
            ("标识", "n"),
            ("，", "x"),
            ("启动", "v"),
            ("了", "ul"),
            ("新", "a"),
            ("业务", "n"),
            ("。", "x"),
        ]
    )
    clauses = clauses_of(0, sentence_tokens(sentence))
    _, subject = sentence_subject(clauses)
    assert join_tokens(subject) == "甲公司"
    assert lost_subject(clauses[-1].tokens, sentence.tokens, subject, False)


def test_a_headline_never_ends_on_the_localizer_of_a_frame_opened_by_zai() -> None:
    # 会议在总结工作的基础上 leads to a verb it lacks; 红旗飘扬在广场上 says where it happened.
    frame = [("会议", "n"), ("在", "p"), ("总结", "v"), ("工作", "vn"), ("的", "uj"), ("基础", "n")]
    assert form_fault(tokens([*frame, ("上", "f")])) != ""
    assert form_fault(tokens([("红旗", "n"), ("飘扬", "v"), ("在", "p"), ("广场", "n"), ("上", "f")])) == ""


def test_a_headline_never_opens_on_an_example_marker() -> None:
    assert form_fault(tokens([("比如", "v"), ("，", "x"), ("散户", "n"), ("接盘", "v")])) != ""
    assert form_fault(tokens([("散户", "n"), ("接盘", "v")])) == ""

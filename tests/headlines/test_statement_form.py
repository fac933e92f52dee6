"""Rules of form that make a candidate a statement an editor could print, on made-up tokens:
a Latin name kept, no noun phrase, no quoted speech, no anaphor, no adjunct clause at the end,
no broken frame, no predicate that lost the subject its sentence gave it."""

from __future__ import annotations

from summarizer.document import Token
from summarizer.headline.candidates import narrating_subject, sentence_subject
from summarizer.headline.clauses import clauses_of, sentence_tokens
from summarizer.headline.form import form_fault, lost_subject

from .helpers import make_sentence


def tokens(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return make_sentence(pairs).tokens


def test_a_latin_name_opening_or_closing_a_clause_stays() -> None:
    # "eng" starts like "e" (an interjection, which dangles): a Latin name is no interjection.
    sentence = make_sentence(
        [("甲方", "n"), ("称", "v"), ("，", "x"), ("ACME", "eng"), ("收购", "v"), ("XYZ", "eng"), ("。", "x")]
    )
    texts = [c.text for c in clauses_of(0, sentence_tokens(sentence))]
    assert texts[-1] == "ACME收购XYZ"
    assert form_fault(tokens([("ACME", "eng"), ("收购", "v"), ("XYZ", "eng")])) == ""


def test_a_noun_phrase_whose_only_verb_is_in_its_modifier_is_no_statement() -> None:
    opens_on_modifier = [("发生", "v"), ("停电", "n"), ("的", "uj"), ("街区", "n")]
    verb_before_de = [("主席", "n"), ("张三", "nr"), ("发表", "v"), ("的", "uj"), ("贺词", "n")]
    assert form_fault(tokens(opens_on_modifier)).startswith("a noun phrase")
    assert form_fault(tokens(verb_before_de)).startswith("a noun phrase")
    # The main verb governs the phrase with 的, or a modifier has a predicate of its own.
    governs = [("张三", "nr"), ("承担", "v"), ("车队", "n"), ("的", "uj"), ("任务", "n")]
    two_predicates = [("江南市", "ns"), ("发布", "v"), ("重要", "a"), ("的", "uj"), ("规划", "n")]
    marked = [("发生", "v"), ("了", "ul"), ("停电", "n"), ("的", "uj"), ("街区", "n")]
    for pairs in (governs, two_predicates, marked):
        assert form_fault(tokens(pairs)) == ""


def test_a_person_speaking_is_no_statement_of_the_paper() -> None:
    speech = [("江南市", "ns"), ("为", "p"), ("我们", "r"), ("修建", "v"), ("道路", "n")]
    assert form_fault(tokens(speech)).startswith("a person's words")


def test_a_demonstrative_points_back_but_its_own_possessive_does_not() -> None:
    pointing = [("坐庄", "v"), ("困扰", "v"), ("这类", "r"), ("基金", "n")]
    assert form_fault(tokens(pointing)).startswith("points back")
    own = [("江南市", "ns"), ("召回", "v"), ("其", "r"), ("代表", "n")]
    assert form_fault(tokens(own)) == ""


def test_a_contrasting_adverb_after_the_subject_needs_what_came_before() -> None:
    pairs = [("村子", "n"), ("里", "f"), ("却", "d"), ("缺", "v"), ("舞台", "n")]
    assert form_fault(tokens(pairs)).startswith("an adverb after the subject")
    assert form_fault(tokens([("村子", "n"), ("里", "f"), ("缺", "v"), ("舞台", "n")])) == ""


def test_a_last_clause_of_only_an_adjunct_is_refused() -> None:
    adjunct = [*[("以", "p"), ("组织", "n"), ("建设", "vn"), ("为", "p"), ("基础", "n")]]
    statement = [("江南市", "ns"), ("举办", "v"), ("博览会", "n"), ("，", "x")]
    assert form_fault(tokens([*statement, *adjunct])).startswith("ends on an adjunct clause")
    with_verb = [("在", "p"), ("北京", "ns"), ("签约", "v")]
    assert form_fault(tokens([*statement, *with_verb])) == ""


def test_as_without_the_frame_it_closes_is_refused() -> None:
    broken = [("决胜", "v"), ("攻坚", "vn"), ("作为", "v"), ("硬任务", "n")]
    assert form_fault(tokens(broken)).startswith("作为 without")
    assert form_fault(tokens([("把", "p"), *broken])) != ""  # opens on 把: refused anyway
    whole = [("江南市", "ns"), ("把", "p"), *broken]
    assert form_fault(tokens(whole)) == ""


def test_a_predicate_without_the_subject_its_sentence_narrated_is_refused() -> None:
    sentence = tokens(
        [
            ("鼓楼区", "ns"),
            ("开展", "v"),
            ("走访", "vn"),
            ("活动", "vn"),
            ("，", "x"),
            ("慰问", "v"),
            ("环卫", "n"),
            ("工人", "n"),
        ]
    )
    subject = sentence[:1]
    assert lost_subject(sentence[5:], sentence, subject, False)
    assert not lost_subject(sentence[:4], sentence, subject, False)
    assert not lost_subject(sentence[5:], sentence, (), False)


def test_a_call_may_drop_its_subject() -> None:
    sentence = tokens([("各地", "n"), ("要", "v"), ("坚决", "ad"), ("打赢", "v"), ("攻坚战", "n")])
    assert not lost_subject(sentence[2:], sentence, sentence[:1], False)


def test_a_verb_of_commitment_is_a_call_over_its_own_clause_only() -> None:
    # 坚持 takes its object in its own clause; after the comma the subject's next predicate
    # narrates, and needs the subject (甲区坚持高位推动，不断把工作推进 -> not 不断把工作推进)
    sentence = tokens(
        [
            ("甲区", "ns"),
            ("坚持", "v"),
            ("高位", "n"),
            ("推动", "v"),
            ("，", "x"),
            ("不断", "d"),
            ("把", "p"),
            ("工作", "vn"),
            ("推进", "v"),
        ]
    )
    subject = sentence[:1]
    assert lost_subject(sentence[5:], sentence, subject, False)
    assert not lost_subject(sentence[3:4], sentence, subject, False)  # within 坚持's clause


def test_a_predicate_after_a_time_clause_needs_the_time_clause_subject() -> None:
    # 该局负责人了解困难后，积极帮助争取贷款: the sentence's own clauses name no subject, but
    # the time clause does, and 积极帮助争取贷款 narrates what that 负责人 did
    sentence = make_sentence(
        [
            ("该局", "r"),
            ("负责人", "n"),
            ("了解", "v"),
            ("困难", "n"),
            ("后", "f"),
            ("，", "x"),
            ("积极", "ad"),
            ("帮助", "v"),
            ("争取", "v"),
            ("贷款", "n"),
            ("。", "x"),
        ]
    )
    clauses = clauses_of(0, sentence_tokens(sentence))
    assert sentence_subject(clauses) == (-1, ())  # never paired with the later predicates
    subject = narrating_subject(clauses, sentence_subject(clauses))
    assert "".join(token.text for token in subject) == "该局负责人"
    assert lost_subject(clauses[-1].tokens, sentence.tokens, subject, False)

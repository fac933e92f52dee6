"""More rules that keep a headline a statement, on made-up tokens: the subject found past a
leading adverbial clause, no attribution left in, no name or title quoted from inside a
quotation, titles before a transliterated name deleted, no subject glued to a word that takes
the subject's modifier role."""

from __future__ import annotations

from summarizer.document import Token
from summarizer.headline.candidates import deletable_phrases, sentence_candidates, sentence_subject
from summarizer.headline.clauses import clauses_of, sentence_tokens
from summarizer.headline.form import form_fault, lost_subject

from .helpers import make_sentence


def _sentence(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return sentence_tokens(make_sentence(pairs))


def _subject_text(pairs: list[tuple[str, str]]) -> str:
    tokens = _sentence(pairs)
    _, subject = sentence_subject(clauses_of(0, tokens))
    return "".join(token.text for token in subject)


NARRATION = [("江南区", "ns"), ("开展", "v"), ("走访", "vn"), ("活动", "vn"), ("，", "x")]
PREDICATE = [("慰问", "v"), ("环卫", "n"), ("工人", "n"), ("。", "x")]


def test_the_subject_is_found_past_a_leading_time_or_place_clause() -> None:
    for adverbial in (
        [("年前", "t")],
        [("上", "f"), ("世纪", "n"), ("70", "m"), ("年代", "t")],
        [("在", "p"), ("江北", "ns"), ("广场", "n")],
    ):
        pairs = [*adverbial, ("，", "x"), *NARRATION, *PREDICATE]
        assert _subject_text(pairs) == "江南区", adverbial
        tokens = _sentence(pairs)
        _, subject = sentence_subject(clauses_of(0, tokens))
        predicate = tuple(token for token in tokens if token.text in ("慰问", "环卫", "工人"))
        assert lost_subject(predicate, tokens, subject, False)


def test_a_leading_clause_with_a_verb_or_a_name_is_no_adverbial() -> None:
    # A clause with a verb holds the subject or none; a name alone is no time or place adverbial.
    with_verb = [("为", "p"), ("保护", "v"), ("古籍", "n"), ("，", "x"), *NARRATION, *PREDICATE]
    assert _subject_text(with_verb) == ""
    name_only = [("江北", "ns"), ("，", "x"), *NARRATION, *PREDICATE]
    assert _subject_text(name_only) == ""


def test_an_attribution_is_no_part_of_a_headline() -> None:
    said = [("江南市", "ns"), ("将", "d"), ("修建", "v"), ("道路", "n")]
    for verb in ("表示", "指出", "说"):
        attributed = [("张三", "nr"), (verb, "v"), ("，", "x"), *said]
        assert form_fault(_sentence(attributed)).startswith("holds an attribution"), verb
    assert form_fault(_sentence(said)) == ""
    # A clause that ends on another verb is no attribution.
    two_clauses = [("张三", "nr"), ("到达", "v"), ("，", "x"), *said]
    assert form_fault(_sentence(two_clauses)) == ""


def test_titles_before_a_name_in_two_words_are_deletable() -> None:
    pairs = [("江南省", "ns"), ("省长", "n"), ("奥通", "nz"), ("巴耶娃", "nr"), ("访问", "v"), ("北京", "ns")]
    tokens = _sentence(pairs)
    assert deletable_phrases(tokens) == [(0, 2)]
    # A name in one word keeps working; a name that opens the statement has no titles to lose.
    one_word = [("省长", "n"), ("张三", "nr"), ("访问", "v"), ("北京", "ns")]
    assert deletable_phrases(_sentence(one_word)) == [(0, 1)]
    assert deletable_phrases(_sentence(pairs[2:])) == []


def _candidate_texts(pairs: list[tuple[str, str]]) -> list[str]:
    tokens = _sentence(pairs)
    clauses = clauses_of(0, tokens)
    found = sentence_candidates(
        0, tokens, clauses, subject=sentence_subject(clauses), min_chars=2, max_chars=32, shorten_above=16
    )
    return [candidate.text for candidate in found]


def test_the_subject_is_not_glued_to_a_verb_that_takes_a_modifier_role() -> None:
    opening = [("江南省", "ns"), ("举办", "v"), ("展会", "n"), ("，", "x")]
    listing = [("包括", "v"), ("书画", "n"), ("展览", "n"), ("。", "x")]
    acting = [("展出", "v"), ("书画", "n"), ("作品", "n"), ("。", "x")]
    assert "江南省包括书画展览" not in _candidate_texts([*opening, *listing])
    assert "江南省展出书画作品" in _candidate_texts([*opening, *acting])

"""Rules of form that make a candidate a statement an editor could print, on made-up tokens:
a Latin name kept, no noun phrase, no quoted speech, no anaphor, no adjunct clause at the end,
no broken frame, no predicate that lost the subject its sentence gave it."""

from __future__ import annotations

from summarizer.document import Token
from summarizer.headline.clauses import clauses_of, sentence_tokens
from summarizer.headline.form import form_fault

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

"""Headline candidates from a clause: the clause itself and shorter versions of a long one.

Shortening only ever removes whole tokens: an attributive opening up to its 的, or a tail
after a content word where the cut does not split a noun compound.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.document import Token
from summarizer.headline.clauses import Clause, join_tokens, trim

# A shortened headline ends on a noun: a cut after a verb would leave its object out.
_PREFIX_END_POS = ("n", "vn", "eng", "j", "i", "l")
# Cutting before these would strand a modifier (的, 之) or split a compound or number.
_BINDING_NEXT_POS = ("n", "u", "q", "m", "eng", "f", "k", "j")
_LIST_WORDS = frozenset(("、", "和", "与", "及", "以及", "或"))
_STRONG_SUBJECT_POS = ("nr", "ns", "nt", "nz")


@dataclass(frozen=True)
class Candidate:
    sentence_index: int
    clause_position: int
    tokens: tuple[Token, ...]
    text: str


def clause_candidates(
    clause: Clause, *, min_chars: int, max_chars: int, shorten_above: int
) -> tuple[Candidate, ...]:
    """The clause when it fits, plus shortened forms when it is longer than ``shorten_above``."""
    found: dict[str, Candidate] = {}

    def add(tokens: tuple[Token, ...]) -> None:
        tokens = trim(tokens)
        text = join_tokens(tokens)
        if min_chars <= len(text) <= max_chars and text not in found:
            found[text] = Candidate(clause.sentence_index, clause.position, tokens, text)

    add(clause.tokens)
    if len(clause.text) > shorten_above:
        for variant in _shorter_forms(clause.tokens, max_chars=min(max_chars, len(clause.text) - 1)):
            add(variant)
    return tuple(found.values())


def joined_candidate(first: Clause, second: Clause, *, max_chars: int) -> Candidate | None:
    """Two short neighbouring clauses read as one headline, "A，B"."""
    text = f"{first.text}，{second.text}"
    if len(text) > max_chars:
        return None
    comma = Token("，", "x", first.tokens[-1].start + len(first.tokens[-1].text))
    return Candidate(first.sentence_index, first.position, (*first.tokens, comma, *second.tokens), text)


def _shorter_forms(tokens: tuple[Token, ...], *, max_chars: int) -> list[tuple[Token, ...]]:
    forms: list[tuple[Token, ...]] = []
    without_attribute = _drop_leading_attribute(tokens)
    if without_attribute is not None:
        forms.append(without_attribute)
    for base in (tokens, *forms):
        prefix = _longest_prefix(base, max_chars=max_chars)
        if prefix is not None:
            forms.append(prefix)
    return forms


def _drop_leading_attribute(tokens: tuple[Token, ...]) -> tuple[Token, ...] | None:
    """ "期待已久的诺基亚游戏服务正式上线" -> "诺基亚游戏服务正式上线"; a named subject before 的 stays."""
    for index, token in enumerate(tokens[:-1]):
        if token.text == "的":
            head = tokens[:index]
            if not head or any(t.pos.startswith(_STRONG_SUBJECT_POS) for t in head):
                return None
            return tokens[index + 1 :]
    return None


def _longest_prefix(tokens: tuple[Token, ...], *, max_chars: int) -> tuple[Token, ...] | None:
    """The longest start of ``tokens`` within ``max_chars`` that still reads as a complete phrase."""
    length = 0
    best: tuple[Token, ...] | None = None
    open_preposition = False  # 在…, 以… waiting for the verb they modify
    for index, token in enumerate(tokens[:-1]):
        length += len(token.text)
        if length > max_chars:
            break
        if token.pos.startswith("p"):
            open_preposition = True
        elif token.pos.startswith("v") and not token.pos.startswith("vn"):
            open_preposition = False
        # A cut just after 、 or 和 would end in the middle of a list.
        in_list = any(t.text in _LIST_WORDS for t in tokens[max(0, index - 2) : index + 2])
        if (
            token.pos.startswith(_PREFIX_END_POS)
            and not tokens[index + 1].pos.startswith(_BINDING_NEXT_POS)
            and not in_list
            and not open_preposition
        ):
            best = tokens[: index + 1]
    return best

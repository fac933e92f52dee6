"""Headline candidates from a clause: the clause itself and shorter versions of a long one.
A candidate is a :class:`Clause` (trimmed tokens and their text) that keeps the place of the
clause it comes from.

Shortening only ever removes whole tokens: an attributive opening up to its 的, or a tail
after a content word where the cut does not split a noun compound.
"""

from __future__ import annotations

from typing import Final

from summarizer.document import Token
from summarizer.headline.clauses import Clause, join_tokens, trim

# The tag prefixes are typed as tuples of any length: the compiler keeps such a constant as
# one tuple object, where a fixed-length one is rebuilt at every ``startswith``.
# A shortened headline ends on a noun: a cut after a verb would leave its object out.
_PREFIX_END_POS: Final[tuple[str, ...]] = ("n", "vn", "eng", "j", "i", "l")
# Cutting before these would strand a modifier (的, 之) or split a compound or number.
_BINDING_NEXT_POS: Final[tuple[str, ...]] = ("n", "u", "q", "m", "eng", "f", "k", "j")
_LIST_WORDS: Final = frozenset(("、", "和", "与", "及", "以及", "或"))
_STRONG_SUBJECT_POS: Final[tuple[str, ...]] = ("nr", "ns", "nt", "nz")


def clause_candidates(
    clause: Clause, *, min_chars: int, max_chars: int, shorten_above: int
) -> tuple[Clause, ...]:
    """The clause when it fits, plus shortened forms when it is longer than ``shorten_above``."""
    # A clause is trimmed and joined already (trimming twice changes nothing): it is its own
    # candidate.
    fits = min_chars <= len(clause.text) <= max_chars
    if len(clause.text) <= shorten_above:  # the usual clause: itself or nothing
        return (clause,) if fits else ()
    found: dict[str, Clause] = {clause.text: clause} if fits else {}
    for variant in _shorter_forms(clause, max_chars=min(max_chars, len(clause.text) - 1)):
        tokens = trim(variant)
        text = join_tokens(tokens)
        if min_chars <= len(text) <= max_chars and text not in found:
            found[text] = Clause(clause.sentence_index, clause.position, tokens, text)
    return tuple(found.values())


def joined_candidate(first: Clause, second: Clause, *, max_chars: int) -> Clause | None:
    """Two short neighbouring clauses read as one headline, "A，B"."""
    if len(first.text) + 1 + len(second.text) > max_chars:
        return None
    text = f"{first.text}，{second.text}"
    comma = Token("，", "x", first.tokens[-1].start + len(first.tokens[-1].text))
    return Clause(first.sentence_index, first.position, (*first.tokens, comma, *second.tokens), text)


def _shorter_forms(clause: Clause, *, max_chars: int) -> list[tuple[Token, ...]]:
    forms: list[tuple[Token, ...]] = []
    # A clause without the character 的 holds no token 的: its text answers without a scan.
    without_attribute = _drop_leading_attribute(clause.tokens) if "的" in clause.text else None
    if without_attribute is not None:
        forms.append(without_attribute)
    for base in (clause.tokens, *forms):
        prefix = _longest_prefix(base, max_chars=max_chars)
        if prefix is not None:
            forms.append(prefix)
    return forms


def _drop_leading_attribute(tokens: tuple[Token, ...]) -> tuple[Token, ...] | None:
    """ "期待已久的诺基亚游戏服务正式上线" -> "诺基亚游戏服务正式上线"; a named subject before 的 stays."""
    index = _first_attribute_mark(tokens)
    if index < 0:
        return None
    head = tokens[:index]
    if not head or any(t.pos.startswith(_STRONG_SUBJECT_POS) for t in head):
        return None
    return tokens[index + 1 :]


def _first_attribute_mark(tokens: tuple[Token, ...]) -> int:
    """Index of the first 的 before the last token, or -1."""
    for index in range(len(tokens) - 1):
        if tokens[index].text == "的":
            return index
    return -1


def _longest_prefix(tokens: tuple[Token, ...], *, max_chars: int) -> tuple[Token, ...] | None:
    """The longest start of ``tokens`` within ``max_chars`` that still reads as a complete phrase."""
    # The cut may follow any token but the last whose end is within ``max_chars``; the longest
    # prefix is the last cut that reads well, so the cuts are tried from the end.
    fitting = 0
    length = 0
    for token in tokens:
        length += len(token.text)
        if length > max_chars:
            break
        fitting += 1
    for index in range(min(fitting, len(tokens) - 1) - 1, -1, -1):
        if (
            tokens[index].pos.startswith(_PREFIX_END_POS)
            and not tokens[index + 1].pos.startswith(_BINDING_NEXT_POS)
            # A cut just after 、 or 和 would end in the middle of a list.
            and not any(t.text in _LIST_WORDS for t in tokens[max(0, index - 2) : index + 2])
            and not _opens_preposition(tokens, index)
        ):
            return tokens[: index + 1]
    return None


def _opens_preposition(tokens: tuple[Token, ...], end: int) -> bool:
    """Whether a preposition (在…, 以…) up to ``tokens[end]`` still waits for the verb it modifies."""
    for token in reversed(tokens[: end + 1]):
        pos = token.pos
        if pos.startswith("p"):
            return True
        if pos.startswith("v") and not pos.startswith("vn"):
            return False
    return False

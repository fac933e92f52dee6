"""The deletion model: for each word of a sentence, how likely an editor keeps it in a headline.

Trained (``scripts/train/headline_deletion.py``) on real headlines aligned with the sentence they
compress: every token of that sentence is labelled kept or dropped as the editor did. The model
is a logistic regression over features of form, never of news vocabulary: the word's tag and its
neighbours' tags, the word itself only when it is a function word (a preposition, a conjunction,
an adverb, a particle, a pronoun, a localizer), its clause and place in the sentence, whether a
verb came before it in its clause, whether it lies inside a prepositional phrase or a quotation,
how far the next verb is, whether it belongs to a date or time phrase, and how salient it is.

:func:`token_feature_values` gives each token one value per template (``TEMPLATES``); the model
adds the weight of each (template, value) to its bias. The trainer reads the same function, so
training and use cannot drift apart.
"""

from __future__ import annotations

import math
from typing import Final

from summarizer.document import Token

TEMPLATES: Final[tuple[str, ...]] = (
    "pos",
    "prev_pos",
    "next_pos",
    "prev2_pos",
    "next2_pos",
    "prev_pair",
    "next_pair",
    "function_word",
    "clause_place",
    "sentence_place",
    "state",
    "next_verb",
    "time",
    "length",
    "salience",
)
# Function words are the closed classes: their identity says how they bind (在…下, 把…, 的).
_FUNCTION_POS: Final[tuple[str, ...]] = ("p", "c", "u", "d", "r", "f", "y", "q")
_BREAKS: Final = frozenset("，,。！？!?；;：:…—")
_QUOTE_OPEN: Final = frozenset("“‘《「『")
_QUOTE_CLOSE: Final = frozenset("”’》」』")
_NO_VALUE: Final = ""


def _is_verb(pos: str) -> bool:
    return pos.startswith("v") and not pos.startswith("vn")


def token_feature_values(
    tokens: tuple[Token, ...], time_flags: list[bool], weights: dict[str, float]
) -> list[list[str]]:
    """One value per template for each token of ``tokens`` (a sentence without its dateline
    and parentheticals); ``time_flags`` marks the tokens of date and time phrases and
    ``weights`` are the article's word weights (:mod:`summarizer.headline.salience`)."""
    count = len(tokens)
    tags = [token.pos for token in tokens]
    # Clause index of each token and the breaks, one pass.
    clause_of: list[int] = []
    clause = 0
    for token in tokens:
        clause_of.append(clause)
        if token.pos == "x" and token.text in _BREAKS:
            clause += 1
    # Distance to the next verb in the same clause, one backward pass.
    next_verb = [-1] * count
    distance = -1
    for index in range(count - 1, -1, -1):
        token = tokens[index]
        if token.pos == "x" and token.text in _BREAKS:
            distance = -1
        elif _is_verb(token.pos):
            distance = 0
        elif distance >= 0:
            distance += 1
        next_verb[index] = distance
    rows: list[list[str]] = []
    verb_seen = False
    in_phrase = False  # after a preposition, before the verb it leads to
    quote_depth = 0
    for index in range(count):
        token = tokens[index]
        text, pos = token.text, token.pos
        if index == 0 or clause_of[index] != clause_of[index - 1]:
            verb_seen = False
            in_phrase = False
        prev_pos = tags[index - 1] if index > 0 else "^"
        next_pos = tags[index + 1] if index + 1 < count else "$"
        first_in_clause = index == 0 or clause_of[index - 1] != clause_of[index]
        last_in_clause = index + 1 == count or clause_of[index + 1] != clause_of[index]
        place = "F" if first_in_clause else ("L" if last_in_clause else "M")
        distance = next_verb[index]
        weight = weights.get(text, 0.0)
        rows.append(
            [
                pos,
                prev_pos,
                next_pos,
                tags[index - 2] if index > 1 else "^",
                tags[index + 2] if index + 2 < count else "$",
                prev_pos + "|" + pos,
                pos + "|" + next_pos,
                text if pos.startswith(_FUNCTION_POS) or pos == "x" else _NO_VALUE,
                str(min(clause_of[index], 3)) + place,
                str(min(4, 5 * index // count)),
                ("V" if verb_seen else "-") + ("P" if in_phrase else "-") + ("Q" if quote_depth else "-"),
                "none" if distance < 0 else str(min(distance, 4)),
                "T" if time_flags[index] else _NO_VALUE,
                str(min(len(text), 4)),
                "0" if weight <= 0 else ("1" if weight < 0.2 else ("2" if weight < 0.5 else "3")),
            ]
        )
        if text in _QUOTE_OPEN:
            quote_depth += 1
        elif text in _QUOTE_CLOSE and quote_depth:
            quote_depth -= 1
        if pos.startswith("p"):
            in_phrase = True
        elif _is_verb(pos):
            verb_seen = True
            in_phrase = False
    return rows


class DeletionModel:
    """Weights of the deletion model: ``tables[k][value]`` for template ``TEMPLATES[k]``."""

    def __init__(self, bias: float, tables: list[dict[str, float]]) -> None:
        if len(tables) != len(TEMPLATES):
            raise ValueError(f"deletion model: {len(tables)} tables for {len(TEMPLATES)} templates")
        self.bias: Final[float] = bias
        self.tables: Final[list[dict[str, float]]] = tables

    def keep_probabilities(
        self, tokens: tuple[Token, ...], time_flags: list[bool], weights: dict[str, float]
    ) -> list[float]:
        """The probability that an editor keeps each token."""
        tables = self.tables
        found: list[float] = []
        for row in token_feature_values(tokens, time_flags, weights):
            total = self.bias
            for template, value in enumerate(row):
                if value:
                    total += tables[template].get(value, 0.0)
            found.append(_sigmoid(total))
        return found


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)

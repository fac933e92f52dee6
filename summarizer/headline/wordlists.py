"""The word lists of the headline rules are written as one space-separated string each; the
marks that part the clauses of a sentence are shared by the rules too."""

from __future__ import annotations

from typing import Final

# Marks inside a sentence between two of its clauses (not its end).
CLAUSE_MARKS: Final = frozenset("，,；;：:")
# The first characters of the pronouns that point at a noun after them or before the sentence
# (该区, 这款, 此次, 那家).
DEMONSTRATIVE_CHARACTERS: Final = frozenset("该这此那")


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, a space-separated list."""
    return frozenset(text.split())

"""The word lists of the headline rules are written as one space-separated string each; the
marks that part the clauses of a sentence are shared by the rules too."""

from __future__ import annotations

from typing import Final

# Marks inside a sentence between two of its clauses (not its end).
CLAUSE_MARKS: Final = frozenset("，,；;：:")


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, a space-separated list."""
    return frozenset(text.split())

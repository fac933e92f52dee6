"""The word lists of the headline rules are written as one space-separated string each."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, a space-separated list."""
    return frozenset(text.split())

"""CharacterSet answers the same whichever scan its text's length picks: a regular expression's
class for short texts, numpy's table of UTF-16 code units for long ones."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.charset import NUMPY_SCAN_CHARS, CharacterSet

_SET = CharacterSet("ＡＢ％　繁體")
# Characters of the set, near it, other planes (two surrogate units each) and lone surrogates.
_ALPHABET = st.sampled_from(
    ["Ａ", "％", "　", "體", "中", "，", "Ｚ", "a", "😀", "𠀀", chr(0xD800), chr(0xDFFF), "\uffff"]
)


@settings(max_examples=300)
@given(st.lists(_ALPHABET, max_size=40), st.integers(min_value=0, max_value=2 * NUMPY_SCAN_CHARS))
def test_both_scans_agree(pieces: list[str], padding: int) -> None:
    text = "中" * padding + "".join(pieces)
    expected = any(char in _SET.characters for char in text)
    assert _SET.occurs_in(text) == expected
    assert (_SET.pattern.search(text) is not None) == expected


def test_only_characters_of_the_basic_plane() -> None:
    for bad in ("😀", chr(0xD800), "ab", ""):
        with pytest.raises(ValueError, match="character"):
            CharacterSet([bad])

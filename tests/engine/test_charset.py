"""CharacterSet answers the same whichever scan its text's length picks: a regular expression's
class for short texts, numpy's table of code points for long ones; CharacterBits gives each
character's bits, and BEYOND_PLANE for a character beyond the plane or a lone surrogate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.charset import NUMPY_SCAN_CHARS, CharacterBits, CharacterSet

_SET = CharacterSet("ＡＢ％　繁體")
# Characters of the set, near it, other planes and lone surrogates.
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


_BITS = {"Ａ": 1, "％": 2, "體": 4, "\uffff": 8}


@settings(max_examples=300)
@given(st.lists(_ALPHABET, max_size=40), st.integers(min_value=0, max_value=2 * NUMPY_SCAN_CHARS))
def test_bits_are_those_of_the_characters(pieces: list[str], padding: int) -> None:
    text = "中" * padding + "".join(pieces)
    expected = 0
    for char in text:
        beyond = ord(char) >= 0x10000 or 0xD800 <= ord(char) < 0xE000
        expected |= CharacterBits.BEYOND_PLANE if beyond else _BITS.get(char, 0)
    assert CharacterBits(_BITS).of(text) == expected

"""Full-width to half-width folding that keeps every offset.

The folded text has exactly the length of the input, so offsets found in it (sentences,
tokens) are offsets of the original article: ``original[start:end]`` stays valid.
"""

from __future__ import annotations

from typing import Final

from summarizer.text.charset import NUMPY_SCAN_CHARS, CharacterBits, CharacterSet

_FULLWIDTH_FIRST: Final = 0xFF01
_FULLWIDTH_LAST: Final = 0xFF5E
_FULLWIDTH_OFFSET: Final = 0xFEE0

# Chinese punctuation is full width by nature and is what the splitter and jieba expect,
# so only letters, digits and a few symbols that belong to words or numbers are folded.
_KEEP_FULLWIDTH: Final = frozenset("！，。；：？（）［］｛｝＂＇｀～")


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {0x3000: " "}
    for code in range(_FULLWIDTH_FIRST, _FULLWIDTH_LAST + 1):
        if chr(code) not in _KEEP_FULLWIDTH:
            table[code] = chr(code - _FULLWIDTH_OFFSET)
    return table


_TABLE: Final = _build_table()
# Most articles hold nothing to fold: one scan for a foldable character is ten times cheaper
# than ``translate``, which looks every character up in the table.
_FOLDABLE: Final = CharacterSet(map(chr, _TABLE))


def normalize_width(text: str) -> str:
    """Fold full-width letters, digits and number symbols (％, ．, ＋) to ASCII; same length."""
    return text.translate(_TABLE) if _FOLDABLE.occurs_in(text) else text


# For :func:`fold_width_and_case`: a foldable character; a character that ``str.lower``
# changes once folded for sure (A-Z, and Ａ-Ｚ that fold to them); a character of a block
# that holds such characters (Latin beyond ASCII, Greek, Cyrillic, Armenian, Georgian,
# Cherokee, Glagolitic, Coptic, letter-like symbols...), which ``str.lower`` is asked about.
# The blocks hold every character of the plane that ``str.lower`` changes (a test checks
# them against the running Python's Unicode tables); they are ranges, so the table is made
# at import in well under a millisecond.
_FOLDS: Final = 1
_LOWERS: Final = 2
_MAY_LOWER: Final = 4
_CASED_BLOCKS: Final[tuple[tuple[int, int], ...]] = (
    (0x00C0, 0x024F),
    (0x0370, 0x058F),
    (0x10A0, 0x10FF),
    (0x13A0, 0x13FF),
    (0x1C80, 0x1CBF),
    (0x1E00, 0x1FFF),
    (0x2100, 0x218F),
    (0x24B6, 0x24E9),
    (0x2C00, 0x2D2F),
    (0xA640, 0xA7FF),
)


def _width_and_case_bits() -> dict[str, int]:
    bits: dict[str, int] = {}
    for code in _TABLE:
        bits[chr(code)] = _FOLDS
    for code in range(ord("A"), ord("Z") + 1):
        bits[chr(code)] = _LOWERS
        bits[chr(code + _FULLWIDTH_OFFSET)] |= _LOWERS  # Ａ-Ｚ, foldable
    for first, last in _CASED_BLOCKS:
        for code in range(first, last + 1):
            bits[chr(code)] = bits.get(chr(code), 0) | _MAY_LOWER
    return bits


_WIDTH_AND_CASE: Final = CharacterBits(_width_and_case_bits())


def fold_width_and_case(text: str) -> tuple[str, bool]:
    """``normalize_width(text)``, and whether ``str.lower`` changes that (an article without a
    capital letter needs no word lower-cased). An article is scanned once for both (numpy, see
    :mod:`summarizer.text.charset`) instead of once to fold and once more by ``lower``, which
    copies it; ``lower`` is asked only of a short text, or of one holding a character of the
    other cased blocks or beyond the Basic Multilingual Plane and no A-Z."""
    if len(text) < NUMPY_SCAN_CHARS:
        normalized = normalize_width(text)
        return normalized, normalized.lower() != normalized
    bits = _WIDTH_AND_CASE.of(text)
    normalized = text.translate(_TABLE) if bits & _FOLDS else text
    if bits & _LOWERS:
        return normalized, True
    if bits & (_MAY_LOWER | CharacterBits.BEYOND_PLANE):
        return normalized, normalized.lower() != normalized
    return normalized, False

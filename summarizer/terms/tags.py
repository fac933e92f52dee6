"""The classes of jieba's part-of-speech tags that names, keywords and key phrases test, as bits.

Each word is classed once per article (:func:`tag_flags`); the stages then test a bit instead
of looking a tag up in several sets per word (a set look-up costs some 110 instructions
compiled, a bit test a few).

A tag is found by its characters, not by hashing it (:func:`tag_number`): rjieba hands a new
string for every token's tag, and a dict look-up first hashes it and then compares it with
the key character by character, some 200 instructions a token compiled, where reading one or
two character codes costs a few dozen. A document's token keeps its tag's number and one
shared string per tag (:data:`TAGS`, :class:`summarizer.document.Token`), so that every later
set or dict look-up of a token's tag finds its hash made and its key by identity.
"""

from __future__ import annotations

import sys
from typing import Final

PUNCTUATION: Final = 1
# A noun, a name, a verbal noun, an abbreviation, an English word: a keyword's or a
# phrase head's tag.
NOMINAL: Final = 1 << 1
# An adjective or a distinguishing word (新, 省级): may open a noun phrase, not end it.
MODIFIER: Final = 1 << 2
PERSON: Final = 1 << 3
VERB: Final = 1 << 4
ADVERB: Final = 1 << 5
# 了, 着, 过 and their tags: the word before is a verb where it stands.
ASPECT: Final = 1 << 6
# What may follow a noun used as such: punctuation, 的, a localiser, a conjunction.
AFTER_NOMINAL: Final = 1 << 7
# A piece of a transliterated name (jieba tags them as names, places, abbreviations...).
NAME_PIECE: Final = 1 << 8
# What never opens a name's piece after a dot (a particle, a preposition, a number...).
NOT_A_NAME_PIECE: Final = 1 << 9
PLACE_PIECE: Final = 1 << 10  # jieba tags 博爱县 nr and 焦作 n
ORGANISATION_WORD: Final = 1 << 11  # a word of an organisation's name before its head
NOT_A_SURNAME: Final = 1 << 12
GIVEN_NAME: Final = 1 << 13
# What a quoted name may not start with (and, with a localiser, not end with).
FUNCTION: Final = 1 << 14
LOCALISER: Final = 1 << 15
# A time noun (春节, 除夕, 今年): a keyword's tag too, though never a phrase's word.
TIME: Final = 1 << 16
# A fixed expression of jieba's dictionary (对外开放, 个人所得税, 未成年人, 生态环境): mostly
# noun phrases held whole, a keyword's tag too (idioms, tagged i, are no keywords).
FIXED_EXPRESSION: Final = 1 << 17
# A suffix that makes a longer word of the word before (们, 者, 式, 型: jieba's k).
SUFFIX: Final = 1 << 18
# The tags an organisation's head may carry (公司 n, 委 j, 署 ng): the names test no other
# token's text against the heads.
ORGANISATION_HEAD: Final = 1 << 19

_CLASSES: Final[dict[int, frozenset[str]]] = {
    PUNCTUATION: frozenset({"x"}),
    NOMINAL: frozenset({"n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "vn", "eng", "j", "an"}),
    MODIFIER: frozenset({"a", "b"}),
    PERSON: frozenset({"nr", "nrfg", "nrt"}),
    VERB: frozenset({"v"}),
    ADVERB: frozenset({"d", "ad"}),
    ASPECT: frozenset({"ul", "uz", "ug"}),
    AFTER_NOMINAL: frozenset({"x", "uj", "f", "c"}),
    NAME_PIECE: frozenset({"nr", "nrt", "nrfg", "ns", "nz", "j", "eng"}),
    NOT_A_NAME_PIECE: frozenset({"x", "uj", "ul", "uz", "ug", "uv", "ud", "p", "c", "u", "y", "e", "m"}),
    PLACE_PIECE: frozenset({"ns", "n", "nr", "nz", "j", "nrt"}),
    ORGANISATION_WORD: frozenset({"n", "nr", "nrt", "nrfg", "ns", "nz", "nt", "j", "eng"}),
    NOT_A_SURNAME: frozenset({"x", "m", "p", "c", "uj", "ul", "d", "r", "f", "u"}),
    GIVEN_NAME: frozenset({"nr", "nrfg"}),
    FUNCTION: frozenset(
        {"x", "uj", "ul", "uz", "ug", "uv", "ud", "u", "p", "c", "d", "r", "y", "e", "o", "zg", "k"}
    ),
    LOCALISER: frozenset({"f"}),
    TIME: frozenset({"t"}),
    FIXED_EXPRESSION: frozenset({"l"}),
    SUFFIX: frozenset({"k"}),
    ORGANISATION_HEAD: frozenset({"n", "ng", "nt", "j", "nz"}),
}
# Every tag jieba uses that falls in a class (a tag in none has no bit set).
_FLAGS: Final[dict[str, int]] = {
    tag: sum(bit for bit, tags in _CLASSES.items() if tag in tags)
    for tag in sorted(set().union(*_CLASSES.values()))
}


# The tags :func:`tag_number` numbers: every tag of one or two lower-case letters (jieba's
# tags are, but for the three below, and a user dictionary's may be), each spelt by one
# shared (interned) string.
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_LONG_TAGS: Final[tuple[str, ...]] = ("eng", "nrt", "nrfg")
TAGS: Final[tuple[str, ...]] = tuple(
    sys.intern(tag)
    for tag in (
        *_LETTERS,
        *(first + second for first in _LETTERS for second in _LETTERS),
        *_LONG_TAGS,
    )
)
# A tag of one or two ASCII characters by its character codes: one character ``c`` at ``c``,
# two ``c d`` at ``128 + 128 * c + d``.
_ASCII: Final = 128
_CODES: Final = _ASCII + _ASCII * _ASCII


def _number_table() -> str:
    """Each code's number in :data:`TAGS` plus one (0: no tag of TAGS), as a character.

    Tables of small numbers here are strings: compiled, ``ord(table[i])`` reads the code unit
    in place, in a few instructions, where a list item is an object to check and unbox."""
    numbers = [0] * _CODES
    for number, tag in enumerate(TAGS):
        if len(tag) == 1:
            numbers[ord(tag[0])] = number + 1
        elif len(tag) == 2:
            numbers[_ASCII + _ASCII * ord(tag[0]) + ord(tag[1])] = number + 1
    return "".join(map(chr, numbers))


_NUMBERS: Final = _number_table()
_ENG: Final = TAGS.index("eng")
_NRT: Final = TAGS.index("nrt")
_NRFG: Final = TAGS.index("nrfg")
# The class bits of each tag of TAGS, by number, as characters (all bits < 2**20 < 0x110000).
_FLAGS_BY_NUMBER: Final = "".join(chr(_FLAGS.get(tag, 0)) for tag in TAGS)


def tag_number(tag: str) -> int:
    """The index of ``tag`` in :data:`TAGS`, or -1 for a tag outside it: read off the tag's
    character codes, without hashing it (see the module's docstring)."""
    size = len(tag)
    if size == 1:
        first = ord(tag[0])
        return ord(_NUMBERS[first]) - 1 if first < _ASCII else -1
    if size == 2:
        first = ord(tag[0])
        second = ord(tag[1])
        if first < _ASCII and second < _ASCII:
            return ord(_NUMBERS[_ASCII + _ASCII * first + second]) - 1
        return -1
    if tag == "eng":
        return _ENG
    if tag == "nrt":
        return _NRT
    if tag == "nrfg":
        return _NRFG
    return -1


def tag_flags(tag: str) -> int:
    """The class bits of one part-of-speech tag."""
    return numbered_tag_flags(tag_number(tag), tag)


def numbered_tag_flags(number: int, tag: str) -> int:
    """:func:`tag_flags` of ``tag`` whose :func:`tag_number` is known (a token's ``tag``): the
    number is not read again."""
    return ord(_FLAGS_BY_NUMBER[number]) if number >= 0 else _FLAGS.get(tag, 0)

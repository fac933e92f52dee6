"""The classes of jieba's part-of-speech tags that names, keywords and key phrases test, as bits.

Each word is classed once per article (one dict look-up of its tag, :func:`tag_flags`); the
stages then test a bit instead of looking a tag up in several sets per word (a set look-up
costs some 110 instructions compiled, a bit test a few).
"""

from __future__ import annotations

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
}
# Every tag jieba uses that falls in a class (a tag in none has no bit set).
_FLAGS: Final[dict[str, int]] = {
    tag: sum(bit for bit, tags in _CLASSES.items() if tag in tags)
    for tag in sorted(set().union(*_CLASSES.values()))
}


def tag_flags(tag: str) -> int:
    """The class bits of one part-of-speech tag."""
    return _FLAGS.get(tag, 0)

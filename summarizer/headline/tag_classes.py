"""The part-of-speech prefixes the headline rules test, as bits read by a token's tag number.

The rules ask "does this tag start with n / vn / one of c u y e o p …" of every token they
pass, some 3,000 times an article. ``str.startswith`` with a tuple of prefixes costs a few
hundred instructions compiled; reading a number from a table by the token's tag number
(:attr:`summarizer.document.Token.tag`) and testing a bit costs a few dozen. A class of
several prefixes (``startswith(("v", "d"))``) is the union of their bits, so one bit per
prefix answers every such test exactly as ``startswith`` does: ``eng`` holds the bit of ``e``
and ``nrt`` those of ``n`` and ``nr``, as the prefix tests always said.

The table is built here from the tag names rather than taken from
:mod:`summarizer.terms.tags`, whose classes are those of the names and keywords, not prefixes.
"""

from __future__ import annotations

from typing import Final

from summarizer.document import Token
from summarizer.headline.wordlists import NAME_TAGS
from summarizer.terms.tags import TAGS

# One bit per prefix of a tag that a headline rule tests.
N: Final = 1
NR: Final = 1 << 1
NS: Final = 1 << 2
NT: Final = 1 << 3
NZ: Final = 1 << 4
V: Final = 1 << 5
VN: Final = 1 << 6
D: Final = 1 << 7
A: Final = 1 << 8
I: Final = 1 << 9  # noqa: E741 (jieba's tag of an idiom: i)
L: Final = 1 << 10
U: Final = 1 << 11
Q: Final = 1 << 12
M: Final = 1 << 13
ENG: Final = 1 << 14
F: Final = 1 << 15
K: Final = 1 << 16
J: Final = 1 << 17
B: Final = 1 << 18
S: Final = 1 << 19
P: Final = 1 << 20
T: Final = 1 << 21
R: Final = 1 << 22
C: Final = 1 << 23
X: Final = 1 << 24
Y: Final = 1 << 25
E: Final = 1 << 26
O: Final = 1 << 27  # noqa: E741 (jieba's tag of an onomatopoeia: o)
ZG: Final = 1 << 28


_PREFIXES: Final[tuple[tuple[str, int], ...]] = (
    ("n", N),
    ("nr", NR),
    ("ns", NS),
    ("nt", NT),
    ("nz", NZ),
    ("v", V),
    ("vn", VN),
    ("d", D),
    ("a", A),
    ("i", I),
    ("l", L),
    ("u", U),
    ("q", Q),
    ("m", M),
    ("eng", ENG),
    ("f", F),
    ("k", K),
    ("j", J),
    ("b", B),
    ("s", S),
    ("p", P),
    ("t", T),
    ("r", R),
    ("c", C),
    ("x", X),
    ("y", Y),
    ("e", E),
    ("o", O),
    ("zg", ZG),
)


def prefix_classes(tag: str) -> int:
    """The bits of every prefix above that ``tag`` starts with."""
    bits = 0
    for prefix, bit in _PREFIXES:
        if tag.startswith(prefix):
            bits |= bit
    return bits


# The tags of names (:data:`~summarizer.headline.wordlists.NAME_TAGS`: nr, ns, nt, nz).
NAME: Final = sum(bit for prefix, bit in _PREFIXES if prefix in NAME_TAGS)

# :func:`prefix_classes` of each tag of TAGS, by the tag's number.
_BY_NUMBER: Final[tuple[int, ...]] = tuple(prefix_classes(tag) for tag in TAGS)


def classes(token: Token) -> int:
    """:func:`prefix_classes` of ``token``'s tag, read from the table by its number (a tag
    outside :data:`~summarizer.terms.tags.TAGS`, numbered -1, is read off its letters)."""
    number = token.tag
    if number >= 0:
        return _BY_NUMBER[number]
    return prefix_classes(token.pos)


def is_verb(token: Token) -> bool:
    """Whether ``token`` is tagged as a verb, not a verbal noun (vn)."""
    return classes(token) & (V | VN) == V

"""The headline rules' tag classes (bits by a token's tag number) answer every prefix test as
``str.startswith`` does, for every tag the tokenizer numbers and for a tag outside them."""

from __future__ import annotations

from summarizer.document import Token
from summarizer.headline import tag_classes as tc
from summarizer.terms.tags import TAGS

PREFIXES = {
    "n": tc.N, "nr": tc.NR, "ns": tc.NS, "nt": tc.NT, "nz": tc.NZ, "v": tc.V, "vn": tc.VN,
    "d": tc.D, "a": tc.A, "i": tc.I, "l": tc.L, "u": tc.U, "q": tc.Q, "m": tc.M, "eng": tc.ENG,
    "f": tc.F, "k": tc.K, "j": tc.J, "b": tc.B, "s": tc.S, "p": tc.P, "t": tc.T, "r": tc.R,
    "c": tc.C, "x": tc.X, "y": tc.Y, "e": tc.E, "o": tc.O, "zg": tc.ZG,
}  # fmt: skip


def test_bits_agree_with_startswith() -> None:
    # Every numbered tag is read from the table; the last four are numbered -1 and read off
    # their letters.
    for tag in (*TAGS, "engx", "Nr", "vnd", "标"):
        token = Token("词", tag, 0)
        bits = tc.classes(token)
        for prefix, bit in PREFIXES.items():
            assert bool(bits & bit) == tag.startswith(prefix), (tag, prefix)
    assert Token("词", "vnd", 0).tag == -1


def test_a_name_is_any_of_the_four_name_tags() -> None:
    for tag in ("nr", "nrt", "nrfg", "ns", "nt", "nz"):
        assert tc.classes(Token("张三", tag, 0)) & tc.NAME
    for tag in ("n", "eng", "j", "vn"):
        assert not tc.classes(Token("张三", tag, 0)) & tc.NAME


def test_a_verb_is_no_verbal_noun() -> None:
    assert tc.is_verb(Token("推进", "v", 0))
    assert tc.is_verb(Token("推进", "vd", 0))
    assert not tc.is_verb(Token("建设", "vn", 0))
    assert not tc.is_verb(Token("快", "a", 0))

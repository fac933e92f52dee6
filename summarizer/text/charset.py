"""Whether a text holds any of a set of characters: the one question width folding and script
detection ask of every article, answered by the cheaper of two scans for the text's length."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import numpy as np
import numpy.typing as npt

# From this length on, a text is scanned by numpy: its code points looked up in a table of the
# set's. For an article of 1,250 characters that costs 63 k instructions instead of the 98 k
# of a regular expression's class (callgrind, compiled), but some 25 k of it are fixed, which
# shorter texts (titles, respelt pieces, page lines) would not recoup.
NUMPY_SCAN_CHARS: Final = 512
_UNITS: Final = 0x10000
_SURROGATES: Final = range(0xD800, 0xE000)
# The tables' last entry stands for every character beyond the plane: ``take`` in "clip" mode
# reads it for any code point above (and spares checking the indices).
_BEYOND: Final = _UNITS


def _code_points(text: str) -> npt.NDArray[np.uint32]:
    """The code points of ``text``, by numpy. UTF-32 rather than UTF-16 code units: a scan of
    an article took a quarter less time (timeit; callgrind counts 0.004 M fewer instructions
    per article for its two scans), and a character beyond the plane is one code point.
    "surrogatepass": a lone surrogate (possible in a str) stays one code point, in no set."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


class CharacterSet:
    """Characters of the Basic Multilingual Plane (no surrogates), read-only."""

    def __init__(self, characters: Iterable[str]) -> None:
        distinct = sorted(set(characters))
        if not distinct:
            raise ValueError("a character set needs a character")
        for char in distinct:
            if len(char) != 1 or ord(char) >= _UNITS or _SURROGATES.start <= ord(char) < _SURROGATES.stop:
                raise ValueError(f"not a character of the Basic Multilingual Plane: {char!r}")
        self.characters: Final = "".join(distinct)
        self.pattern: Final = re.compile("[" + "".join(map(re.escape, distinct)) + "]")
        units = np.zeros(_BEYOND + 1, dtype=np.bool_)
        units[[ord(char) for char in distinct]] = True
        units.flags.writeable = False
        # Whether each code point is one of the characters: a character beyond the plane
        # (the last entry) and a lone surrogate are in no set.
        self._units: Final = units

    def occurs_in(self, text: str) -> bool:
        """Whether any of the characters occurs in ``text``."""
        if len(text) < NUMPY_SCAN_CHARS:
            return self.pattern.search(text) is not None
        return bool(np.logical_or.reduce(self._units.take(_code_points(text), None, None, "clip")))


class CharacterBits:
    """Bits given to characters of the Basic Multilingual Plane, read-only: which of several
    character sets a long text draws on, found by one numpy scan (:meth:`of`) instead of one
    per set. A character beyond the plane, and a lone surrogate, carry ``BEYOND_PLANE``, so
    that a caller can answer for such a text otherwise."""

    BEYOND_PLANE: Final = 0x80

    def __init__(self, bits: dict[str, int]) -> None:
        table = np.zeros(_BEYOND + 1, dtype=np.uint8)
        for char, bit in bits.items():
            if len(char) != 1 or ord(char) >= _UNITS or _SURROGATES.start <= ord(char) < _SURROGATES.stop:
                raise ValueError(f"not a character of the Basic Multilingual Plane: {char!r}")
            if not 0 < bit < self.BEYOND_PLANE:
                raise ValueError(f"a character's bits must lie in 1..0x7f, got {bit!r}")
            table[ord(char)] |= bit
        table[_SURROGATES.start : _SURROGATES.stop] = self.BEYOND_PLANE
        table[_BEYOND] = self.BEYOND_PLANE
        table.flags.writeable = False
        self._table: Final = table

    def of(self, text: str) -> int:
        """The bits of all the characters of ``text`` together (``BEYOND_PLANE`` included when
        it holds a character beyond the plane)."""
        return int(np.bitwise_or.reduce(self._table.take(_code_points(text), None, None, "clip")))

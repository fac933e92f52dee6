"""Whether a text holds any of a set of characters: the one question width folding and script
detection ask of every article, answered by the cheaper of two scans for the text's length."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import numpy as np

# From this length on, a text is scanned by numpy: its UTF-16 code units looked up in a table of
# the set's. For an article of 1,250 characters that costs 63 k instructions instead of the 98 k
# of a regular expression's class (callgrind, compiled), but some 25 k of it are fixed, which
# shorter texts (titles, respelt pieces, page lines) would not recoup.
NUMPY_SCAN_CHARS: Final = 512
_UNITS: Final = 0x10000
_SURROGATES: Final = range(0xD800, 0xE000)


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
        units = np.zeros(_UNITS, dtype=np.bool_)
        units[[ord(char) for char in distinct]] = True
        units.flags.writeable = False
        # Whether each UTF-16 code unit is one of the characters: a character outside the
        # plane is two surrogate units, and no surrogate is in the set.
        self._units: Final = units

    def occurs_in(self, text: str) -> bool:
        """Whether any of the characters occurs in ``text``."""
        if len(text) < NUMPY_SCAN_CHARS:
            return self.pattern.search(text) is not None
        # "surrogatepass": a lone surrogate (possible in a str) stays one unit, in no set.
        units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        return bool(np.logical_or.reduce(self._units.take(units)))


class CharacterBits:
    """Bits given to characters of the Basic Multilingual Plane, read-only: which of several
    character sets a long text draws on, found by one numpy scan (:meth:`of`) instead of one
    per set. Every surrogate code unit (a character beyond the plane is two) carries
    ``BEYOND_PLANE``, so that a caller can answer for such a text otherwise."""

    BEYOND_PLANE: Final = 0x80

    def __init__(self, bits: dict[str, int]) -> None:
        table = np.zeros(_UNITS, dtype=np.uint8)
        for char, bit in bits.items():
            if len(char) != 1 or ord(char) >= _UNITS or _SURROGATES.start <= ord(char) < _SURROGATES.stop:
                raise ValueError(f"not a character of the Basic Multilingual Plane: {char!r}")
            if not 0 < bit < self.BEYOND_PLANE:
                raise ValueError(f"a character's bits must lie in 1..0x7f, got {bit!r}")
            table[ord(char)] |= bit
        table[_SURROGATES.start : _SURROGATES.stop] = self.BEYOND_PLANE
        table.flags.writeable = False
        self._table: Final = table

    def of(self, text: str) -> int:
        """The bits of all the characters of ``text`` together (``BEYOND_PLANE`` included when
        it holds a character beyond the plane)."""
        units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
        return int(np.bitwise_or.reduce(self._table.take(units)))

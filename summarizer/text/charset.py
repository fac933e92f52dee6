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

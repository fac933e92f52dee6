"""Which script an input is written in: simplified, traditional, or a mix of both.

The characters that tell the scripts apart are read from OpenCC's own dictionaries by
``scripts/build_script_marks.py`` and shipped in ``summarizer/data/script_marks.json``, so that
detection needs no converter: a simplified article (no traditional mark) costs one scan
(:class:`~summarizer.text.charset.CharacterSet`), about 2 µs for 1,000 characters, and nothing is
loaded for it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Final, Literal

from summarizer.text.charset import CharacterSet

Script = Literal["simplified", "traditional", "mixed"]
SCRIPTS: Final[tuple[str, ...]] = ("simplified", "traditional", "mixed")
MARKS_FILE: Final = "script_marks.json"
# One script dominates when the other's marks are at most this share of its own, plus one: a
# simplified article naming a place written 於 or a traditional one quoting a mainland name
# keeps its script.
STRAY_SHARE: Final = 0.1


@dataclass(frozen=True)
class ScriptMarks:
    """The characters only one script writes, as compiled classes (Basic Multilingual Plane)."""

    traditional: re.Pattern[str]
    simplified: re.Pattern[str]
    # Hong Kong's own forms that Taiwan's conversion to simplified leaves as they are (説, 衞).
    hongkong: re.Pattern[str]
    # ``traditional`` as a set, for the one scan every article gets (see CharacterSet).
    traditional_set: CharacterSet

    def detect(self, text: str) -> Script:
        """``simplified`` when no traditional mark occurs (the text is analysed as it is);
        otherwise ``traditional`` or ``simplified`` when the other script's marks are strays,
        ``mixed`` when both scripts are really there."""
        if not self.traditional_set.occurs_in(text):
            return "simplified"
        # A traditional text holds next to no simplified mark: counted first, it spares the
        # count of the traditional ones (each match costs; a scan that finds none costs little).
        simplified = len(self.simplified.findall(text))
        if simplified <= 1:
            return "traditional"
        traditional = len(self.traditional.findall(text))
        if simplified <= STRAY_SHARE * traditional + 1:
            return "traditional"
        if traditional <= STRAY_SHARE * simplified + 1:
            return "simplified"
        return "mixed"


@functools.cache
def script_marks() -> ScriptMarks:
    """The shipped marks, read once per process (the file never changes)."""
    data = json.loads(resources.files("summarizer.data").joinpath(MARKS_FILE).read_text(encoding="utf-8"))
    return ScriptMarks(
        traditional=_character_class(data["traditional"]),
        simplified=_character_class(data["simplified"]),
        hongkong=_character_class(data["hongkong"]),
        traditional_set=CharacterSet(data["traditional"]),
    )


def _character_class(characters: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, characters)) + "]")


def detect_script(text: str) -> Script:
    """The script of ``text``: ``simplified``, ``traditional`` or ``mixed``."""
    return script_marks().detect(text)

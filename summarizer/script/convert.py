"""Conversion between the scripts with OpenCC, loaded once per engine and only when needed.

The converter is OpenCC's own C++ library (the ``opencc`` wheel, Apache-2.0, dictionaries
inside the wheel: nothing is downloaded), chosen over the pure-Python port
(opencc-python-reimplemented) on measure, 1,000 dev articles converted to Hong Kong script:

| converter | back to simplified, per article | characters differing from the original |
|---|---|---|
| ``opencc`` 1.4.2 (C++) | 0.05 ms per pass | 109 in 838,840 (tw2s then hk2s) |
| opencc-python-reimplemented 0.1.7 | 1.44 ms per pass | (not pursued: it nearly doubles an analysis) |

The two also share one import name, ``opencc``, so only one can be installed.

To simplified, an input goes through Taiwan's variants (tw2s: 著 as in 看著, 裡, 台) and then
Hong Kong's (hk2s: 衞, 敍, 綫), each followed by OpenCC's traditional-to-simplified phrases
and characters: either one alone leaves the other region's variants (1,519 and 381 characters
of the dev articles in 838,840), both leave 109 (想像 stays 想像, as OpenCC intends). None of
these dictionaries changes a length, so the view is aligned with its input character by
character (:mod:`summarizer.script.offsets` maps any that would).

Taiwan's vocabulary is not converted (tw2sp would make 網路 网络, 軟體 软件, 肯亞 肯尼亚): tried on a
quarter of the dev sets converted with s2twp (Taiwan's characters and vocabulary), it gained nothing
(headline_top1_rl 0.2513 against 0.2521 with tw2s; the simplified originals 0.2524), jieba's
dictionary knowing most Taiwanese words already. The offset map kept every output verbatim through
its length changes.

OpenCC stops at a NUL character and refuses lone surrogates: the runs between such characters
are converted one by one, and the characters themselves are kept as they are.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any, Final, Literal

from summarizer.script.detect import script_marks

OutputScript = Literal["original", "simplified", "traditional", "taiwan", "hongkong"]
OUTPUT_SCRIPTS: Final[tuple[str, ...]] = ("original", "simplified", "traditional", "taiwan", "hongkong")
# The OpenCC configurations that spell simplified text in each traditional standard (characters
# and variants, not vocabulary: a newsroom's words stay the article's words).
_FROM_SIMPLIFIED: Final = {"traditional": "s2t", "taiwan": "s2tw", "hongkong": "s2hk"}
_TO_SIMPLIFIED: Final = ("tw2s", "hk2s")  # in this order (to_simplified)
_UNSAFE: Final = re.compile("[\x00\ud800-\udfff]")

Target = Literal["simplified", "traditional", "taiwan", "hongkong"]


class ScriptConverter:
    """OpenCC converters, each built on first use under a lock and shared by every thread
    (a converter keeps no state between calls)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._converters: dict[str, Any] = {}

    def _converter(self, config: str) -> Callable[[str], str]:
        found = self._converters.get(config)
        if found is None:
            with self._lock:
                found = self._converters.get(config)
                if found is None:
                    import opencc  # only traditional inputs or re-spelt outputs need it

                    # Without the dictionaries that may give a character fonts lack (輖 to 𫐐):
                    # the view keeps a rare character as written, in the range the cues read.
                    found = self._converters[config] = opencc.OpenCC(
                        config, include_tofu_risk_dictionaries=False
                    )
        convert: Callable[[str], str] = found.convert
        return convert

    def to_simplified(self, text: str) -> str:
        """``text`` in simplified script (the view the engine analyses); same length. Hong
        Kong's pass only when Taiwan's left one of its forms: it changes nothing else of a
        simplified text, and each pass is some 5% of an analysis (callgrind)."""
        converted = _convert_safely(self._converter("tw2s"), text)
        if script_marks().hongkong.search(converted) is not None:
            converted = _convert_safely(self._converter("hk2s"), converted)
        return converted

    def from_simplified(self, text: str, target: Target) -> str:
        """Simplified ``text`` in the ``target`` script (``simplified``: as it is)."""
        if target == "simplified":
            return text
        return _convert_safely(self._converter(_FROM_SIMPLIFIED[target]), text)

    def preload_view(self) -> None:
        """Load the converters to the simplified view now (before a server forks its workers)."""
        for config in _TO_SIMPLIFIED:
            self._converter(config)


def _convert_safely(convert: Callable[[str], str], text: str) -> str:
    """``convert(text)``, with NUL and lone surrogates (which OpenCC cannot take) kept as they are."""
    if _UNSAFE.search(text) is None:
        return convert(text)
    pieces: list[str] = []
    start = 0
    for match in _UNSAFE.finditer(text):
        if match.start() > start:
            pieces.append(convert(text[start : match.start()]))
        pieces.append(match.group())
        start = match.end()
    if start < len(text):
        pieces.append(convert(text[start:]))
    return "".join(pieces)

"""The simplified view of an input: what the engine analyses, and how to get back to the input.

jieba's dictionary, the IDF table, the stop words and every cue of the engine are simplified
Chinese; a traditional input is analysed through its simplified view, and every output is then
taken from the input itself (:mod:`summarizer.script.respell`), so it stays the input's words in
the input's script.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.script.convert import ScriptConverter, Target
from summarizer.script.detect import Script, detect_script
from summarizer.script.offsets import ALIGNED, OffsetMap, aligned_conversion


@dataclass(frozen=True)
class ScriptView:
    """``text`` (the analysed, simplified view) of ``source`` (the input), with the map of
    the view's offsets to the source's. A simplified input is its own view."""

    source: str
    text: str
    script: Script
    offsets: OffsetMap = ALIGNED

    @property
    def is_source(self) -> bool:
        """The view is the input itself: nothing to map back."""
        return self.text is self.source

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span(start, end)

    def spelling(self, converter: ScriptConverter, target: Target | None) -> tuple[str, OffsetMap]:
        """The text outputs are cut from and the map of the view's offsets into it: the input
        itself (``None``: its own spelling), or the view in the ``target`` script."""
        if target is None:
            return self.source, self.offsets
        if target == "simplified":
            return self.text, ALIGNED
        spelt, to_view = aligned_conversion(self.text, lambda text: converter.from_simplified(text, target))
        return spelt, to_view.inverse()


def simplified_view(text: str, converter: ScriptConverter) -> ScriptView:
    """The view of ``text``: ``text`` itself when simplified, else its OpenCC conversion."""
    script = detect_script(text)
    if script == "simplified":
        return ScriptView(text, text, script)
    view, offsets = aligned_conversion(text, converter.to_simplified)
    return ScriptView(text, view, script, offsets)

"""Simplified and traditional Chinese: detection, the simplified view the engine analyses, and
the outputs taken back from the input (or spelt in the script a newsroom asks for).

    >>> view = simplified_view(text, ScriptConverter())    # view.script, view.text
    >>> respell(analysis_of_view, view, output_script="original", converter=converter)
"""

from __future__ import annotations

from summarizer.script.convert import OUTPUT_SCRIPTS, OutputScript, ScriptConverter
from summarizer.script.detect import SCRIPTS, Script, detect_script
from summarizer.script.offsets import ALIGNED, OffsetMap, aligned_conversion
from summarizer.script.respell import respell
from summarizer.script.view import ScriptView, simplified_view

__all__ = [
    "ALIGNED",
    "OUTPUT_SCRIPTS",
    "SCRIPTS",
    "OffsetMap",
    "OutputScript",
    "Script",
    "ScriptConverter",
    "ScriptView",
    "aligned_conversion",
    "detect_script",
    "respell",
    "simplified_view",
]

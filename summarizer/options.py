"""Per-call options of the engine, validated once, in one place.

Every interface (library, REST, CLI, Spark) builds an :class:`Options` through
:meth:`Options.from_mapping` or the constructor, so a bad value is rejected with the same
:class:`OptionsError` (a ``ValueError`` naming the field) wherever it comes from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

from summarizer.script.convert import OUTPUT_SCRIPTS, OutputScript

Similarity = Literal["textrank", "bm25"]
SIMILARITIES: tuple[str, ...] = ("textrank", "bm25")

MAX_COUNT = 100
MAX_CHARS_LIMIT = 100_000


class OptionsError(ValueError):
    """An option has a wrong type or value; ``field`` names it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, kw_only=True)
class Options:
    """What one analysis should produce and how it ranks.

    The summary is bounded by ``max_chars`` (characters, never exceeded) and, when
    ``sentences`` is set, also by a sentence count. Both ``None`` means three sentences.
    ``length``, a spec such as ``"3"``, ``"120c"`` or ``"20%"`` (see :func:`parse_length`),
    replaces both when given: a share of the sentences can only be counted on the article.
    """

    max_chars: int | None = 120
    sentences: int | None = None
    keywords: int = 10
    keyphrases: int = 5
    headlines: int = 3
    window: int = 2
    similarity: Similarity = "bm25"
    damping: float = 0.85
    position_weight: float = 0.5
    redundancy: float = 0.3
    max_sentences_ranked: int = 400
    length: str | int | None = None
    # The script of the texts given back: ``original`` (the input's own words, in its script),
    # ``simplified``, ``traditional`` (OpenCC's standard), ``taiwan`` or ``hongkong``.
    output_script: OutputScript = "original"

    def __post_init__(self) -> None:
        if self.length is not None:
            _length_spec(self.length)
        _check_optional_int(self, "max_chars", 1, MAX_CHARS_LIMIT)
        _check_optional_int(self, "sentences", 1, MAX_COUNT)
        for name in ("keywords", "keyphrases", "headlines"):
            _check_int(self, name, 0, MAX_COUNT)
        _check_int(self, "window", 2, 10)
        _check_int(self, "max_sentences_ranked", 2, 100_000)
        if self.similarity not in SIMILARITIES:
            raise OptionsError("similarity", f"must be one of {', '.join(SIMILARITIES)}")
        if self.output_script not in OUTPUT_SCRIPTS:
            raise OptionsError("output_script", f"must be one of {', '.join(OUTPUT_SCRIPTS)}")
        _check_float(self, "damping", 0.0, 1.0, open_low=True, open_high=True)
        _check_float(self, "position_weight", 0.0, 1.0)
        _check_float(self, "redundancy", 0.0, 1.0)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Options:
        """Build options from JSON-like data; unknown fields are errors, not ignored."""
        known = {f.name for f in fields(cls)}
        for name in values:
            if name not in known:
                raise OptionsError(str(name), "unknown option")
        return cls(**dict(values))

    def summary_bounds(self, total_sentences: int) -> tuple[int | None, int | None]:
        """``(max_chars, sentences)`` for an article of ``total_sentences`` sentences."""
        if self.length is None:
            return self.max_chars, self.sentences
        bounds = parse_length(self.length, total_sentences=total_sentences)
        return bounds["max_chars"], bounds["sentences"]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# A number (no leading zero, ASCII digits only) and a unit: s or none for sentences, c for
# characters, % for a share of the sentences. The ranges are checked after it. A final line
# break is let through because ``$`` in LENGTH_PATTERN lets it through in Python's validators.
_LENGTH_SPEC = re.compile(r"([1-9][0-9]{0,8})([sc%]?)\n?")
# The same language with its ranges, for the API document (JSON Schema, ECMA-262 syntax).
LENGTH_PATTERN = r"^(?:(?:100|[1-9][0-9]?)[s%]?|(?:100000|[1-9][0-9]{0,4})c)$"


def parse_length(spec: str | int, *, total_sentences: int | None = None) -> dict[str, int | None]:
    """Parse a summary length spec: ``"3"`` or ``"3s"`` sentences, ``"120c"`` characters,
    ``"20%"`` of the article's sentences (needs ``total_sentences``; at least one).

    Returns the keyword arguments for :class:`Options` (``sentences`` or ``max_chars``).
    """
    number, unit = _length_spec(spec)
    if unit == "%":
        if total_sentences is None:
            raise OptionsError("length", "a percentage needs the article's sentence count")
        return {"sentences": max(1, math.ceil(total_sentences * number / 100)), "max_chars": MAX_CHARS_LIMIT}
    if unit == "c":
        return {"max_chars": number, "sentences": None}
    return {"sentences": number, "max_chars": MAX_CHARS_LIMIT}


def _length_spec(spec: object) -> tuple[int, str]:
    """The number and unit ("s", "c" or "%") of a valid length spec (a bare integer counts
    sentences)."""
    if isinstance(spec, int) and not isinstance(spec, bool):
        spec = str(spec)
    if not isinstance(spec, str):
        raise OptionsError("length", f"must be a string such as 3, 120c or 20%, not {type(spec).__name__}")
    match = _LENGTH_SPEC.fullmatch(spec)
    if not match:
        raise OptionsError("length", f"cannot read {spec!r}; use e.g. 3, 120c or 20%")
    number, unit = int(match.group(1)), match.group(2) or "s"
    low, high = {"%": (1, 100), "c": (1, MAX_CHARS_LIMIT), "s": (1, MAX_COUNT)}[unit]
    if not low <= number <= high:
        what = {"%": "a percentage", "c": "a character budget", "s": "a sentence count"}[unit]
        raise OptionsError("length", f"{what} must be between {low} and {high}, got {number}")
    return number, unit


def _check_int(opts: Options, name: str, low: int, high: int) -> None:
    value = getattr(opts, name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise OptionsError(name, f"must be an integer, not {type(value).__name__}")
    if not low <= value <= high:
        raise OptionsError(name, f"must be between {low} and {high}, got {value}")


def _check_optional_int(opts: Options, name: str, low: int, high: int) -> None:
    if getattr(opts, name) is not None:
        _check_int(opts, name, low, high)


def _check_float(
    opts: Options, name: str, low: float, high: float, *, open_low: bool = False, open_high: bool = False
) -> None:
    value = getattr(opts, name)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise OptionsError(name, f"must be a number, not {type(value).__name__}")
    if not math.isfinite(value):
        raise OptionsError(name, "must be a finite number")
    too_low = value <= low if open_low else value < low
    too_high = value >= high if open_high else value > high
    if too_low or too_high:
        left, right = "(" if open_low else "[", ")" if open_high else "]"
        raise OptionsError(name, f"must be in {left}{low}, {high}{right}, got {value}")


DEFAULT_OPTIONS = Options()
__all__ = [
    "DEFAULT_OPTIONS",
    "LENGTH_PATTERN",
    "OUTPUT_SCRIPTS",
    "SIMILARITIES",
    "Options",
    "OptionsError",
    "OutputScript",
    "Similarity",
    "parse_length",
]

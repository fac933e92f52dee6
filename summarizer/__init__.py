"""Summaries, key phrases and headline suggestions for Chinese news.

    >>> import summarizer
    >>> result = summarizer.analyze(text, options=summarizer.Options(max_chars=120))
    >>> result.summary_text, [h.text for h in result.headlines]

``analyze`` uses one default :class:`Engine`, created on first use; build your own
``Engine(...)`` for a user dictionary, extra stop words or another tokenizer backend.
"""

from __future__ import annotations

import threading

from summarizer.deadline import Deadline, DeadlineExceeded
from summarizer.engine import Engine
from summarizer.options import DEFAULT_OPTIONS, Options, OptionsError, parse_length
from summarizer.result import Analysis, Headline, ScoredText, Sentence, StageTimes, Stats

__all__ = [
    "Analysis",
    "Deadline",
    "DeadlineExceeded",
    "Engine",
    "Headline",
    "Options",
    "OptionsError",
    "ScoredText",
    "Sentence",
    "StageTimes",
    "Stats",
    "analyze",
    "default_engine",
    "parse_length",
]

_default_engine: Engine | None = None
_default_engine_lock = threading.Lock()


def default_engine() -> Engine:
    """The shared engine, built once on first use (never at import)."""
    global _default_engine
    if _default_engine is None:
        with _default_engine_lock:
            if _default_engine is None:
                _default_engine = Engine()
    return _default_engine


def analyze(text: str, *, options: Options = DEFAULT_OPTIONS) -> Analysis:
    """Summarize one article with the default engine."""
    return default_engine().analyze(text, options=options)

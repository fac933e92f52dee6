"""Stop words shipped as package data (``summarizer/data``)."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Final

FUNCTION_WORDS_FILE: Final = "stopwords.txt"  # textrank4zh's list: its compatibility mode needs exactly it
NEWS_WORDS_FILE: Final = "news_stopwords.txt"  # reporting words (记者, 表示...) that name no topic


@functools.cache
def load_stop_words(filename: str) -> frozenset[str]:
    """The words of one data file; ``#`` lines are comments. Cached: the files never change."""
    text = resources.files("summarizer.data").joinpath(filename).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def default_stop_words() -> frozenset[str]:
    return load_stop_words(FUNCTION_WORDS_FILE) | load_stop_words(NEWS_WORDS_FILE)

"""Keyphraseness: how often editors use a word when an article holds it (KEA's statistic).

Some words an article holds are what editors put in a headline whenever they occur (a
ministry, a country, 脱贫), others hardly ever however salient (工作, 同志, 方面). For each
candidate keyword (a noun or name, :func:`summarizer.rank.keywords.keyword_candidates`) of
the training articles, ``scripts/train/keyphraseness.py`` counts the articles that hold it
and those whose kicker, title or subtitle hold it too, and ships the smoothed log-odds of the
words held by at least ``floor`` articles (``summarizer/data/keyphraseness.json``, made by
``make train``). A word the table does not hold gets the prior: the log-odds over all
candidates. Only single words are counted, never titles or sentences.

The keyword and key phrase scorers read it as one feature among their features of salience
and form; their trainers compute it for each training article without that article's fold
(cross-fitting), so that the weight it gets is the one it earns on articles it never saw.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Final

KEYPHRASENESS_FILE: Final = "keyphraseness.json"


@dataclass(frozen=True)
class KeyphrasenessTable:
    """Each counted word's smoothed log-odds of being in the editors' lines; ``prior`` for others."""

    log_odds: dict[str, float]
    prior: float

    def of(self, word: str) -> float:
        """The log-odds of ``word`` (lower-cased)."""
        return self.log_odds.get(word, self.prior)


def smoothed_log_odds(holding: int, used: int, *, prior_rate: float, smoothing: float) -> float:
    """log((used + a·p) / (holding − used + a·(1 − p))): the rate ``used / holding`` pulled
    towards the prior rate ``p`` by ``a`` imaginary articles."""
    return math.log((used + smoothing * prior_rate) / (holding - used + smoothing * (1.0 - prior_rate)))


def parse_keyphraseness(text: str) -> KeyphrasenessTable:
    data = json.loads(text)
    return KeyphrasenessTable(
        {str(word): float(value) for word, value in data["log_odds"].items()}, float(data["prior"])
    )


@functools.cache
def keyphraseness() -> KeyphrasenessTable:
    """The shipped table, read once per process (it never changes)."""
    text = resources.files("summarizer.data").joinpath(KEYPHRASENESS_FILE).read_text(encoding="utf-8")
    return parse_keyphraseness(text)

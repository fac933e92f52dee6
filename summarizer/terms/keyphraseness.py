"""Keyphraseness: how often editors use a word when an article holds it (KEA's statistic).

Some words an article holds are what editors put in a headline whenever they occur (a
ministry, a country, 脱贫), others hardly ever however salient (工作, 同志, 方面). For each
candidate keyword (a noun or name, :func:`summarizer.rank.keywords.keyword_candidates`) of
the training articles, ``scripts/train/keyphraseness.py`` counts the articles that hold it
and those whose kicker, title or subtitle hold it too, and ships the smoothed log-odds of the
words held by at least ``floor`` articles (``summarizer/data/keyphraseness.json``, made by
``make train``). A word the table does not hold gets the prior: the log-odds over all
candidates. Only single words are counted, never titles or sentences.

The table also holds, for the words most articles hold (``GENERIC_SHARE`` of the training
articles or more: 发展, 人民, 建设, 活动, 中国), the share of articles holding them. A word that
runs through many different stories says little about this one, however often this one says it:
the keyword ranking lowers it by ``GENERIC_WEIGHT`` times the log of its share over
``GENERIC_SHARE`` (:meth:`KeyphrasenessTable.genericness`). The learned score does not: its
labels are the words of titles, and titles use such words (a title is a sentence, a keyword a
tag). Measured (``scripts/eval_keywords.py``): training folds keywords_p5_in_ref 0.3699 ->
0.3690, People's Daily dev 0.3955 -> 0.3970, THUCNews validation 0.3509 -> 0.3513, while the
first five keywords held by 8% of articles or more fall from 19% to 14% on folds (24% to 19% and
7% to 5% on the dev sets); weights 0.5 and 0.75 and shares 0.1 and 0.2 lowered folds more or
such words less.

The keyword and key phrase scorers read it as one feature among their features of salience
and form; their trainers compute it for each training article without that article's fold
(cross-fitting), so that the weight it gets is the one it earns on articles it never saw.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from typing import Final

KEYPHRASENESS_FILE: Final = "keyphraseness.json"
# A word held by this share of articles or more is generic (see above), lowered by this weight
# times the log of its share over this one, in log-odds.
GENERIC_SHARE: Final = 0.04
GENERIC_WEIGHT: Final = 0.25


@dataclass(frozen=True)
class KeyphrasenessTable:
    """Each counted word's smoothed log-odds of being in the editors' lines; ``prior`` for
    others; ``shares``: the share of articles holding each generic word."""

    log_odds: dict[str, float]
    prior: float
    shares: dict[str, float] = field(default_factory=dict)

    def of(self, word: str) -> float:
        """The log-odds of ``word`` (lower-cased)."""
        return self.log_odds.get(word, self.prior)

    def genericness(self, word: str) -> float:
        """How much lower the keyword ranking puts ``word`` (lower-cased) for running through
        many stories, in log-odds: 0 for a word held by fewer than ``GENERIC_SHARE`` of them."""
        share = self.shares.get(word)
        if share is None or share <= GENERIC_SHARE:
            return 0.0
        return GENERIC_WEIGHT * math.log(share / GENERIC_SHARE)


def smoothed_log_odds(holding: int, used: int, *, prior_rate: float, smoothing: float) -> float:
    """log((used + a·p) / (holding − used + a·(1 − p))): the rate ``used / holding`` pulled
    towards the prior rate ``p`` by ``a`` imaginary articles."""
    return math.log((used + smoothing * prior_rate) / (holding - used + smoothing * (1.0 - prior_rate)))


def parse_keyphraseness(text: str) -> KeyphrasenessTable:
    data = json.loads(text)
    return KeyphrasenessTable(
        {str(word): float(value) for word, value in data["log_odds"].items()},
        float(data["prior"]),
        {str(word): float(value) for word, value in data["shares"].items()},
    )


@functools.cache
def keyphraseness() -> KeyphrasenessTable:
    """The shipped table, read once per process (it never changes)."""
    text = resources.files("summarizer.data").joinpath(KEYPHRASENESS_FILE).read_text(encoding="utf-8")
    return parse_keyphraseness(text)

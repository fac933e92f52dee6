"""A one-line heading between paragraphs: the title of a new article, or a section heading of the
current one?

Where the layout tells nothing (no wider gap, no size change, no kicker, byline or dateline), a
title set on one line looks like a section heading: both are short lines over running text. What
tells them apart is how the text around reads, the same in any paper:

- a section goes on with the words of its article; a new article brings its own (the share of
  the character pairs under the heading already seen in the article above it, and in the
  heading itself);
- section headings come in series of one shape (修好一条路，富了一村人 / 种好一片田，鼓了钱袋子), and
  often quote someone ("…"); a title differs from the headings before it;
- a new story opens with its news lead (近日，…; 当地时间3月5日，…), and comes after a whole
  article, not a few lines into one.

A logistic model weighs these cues; ``scripts/train/page_openings.py`` fits it on the training
corpus (section headings inside its articles against the title of the next article of the same
page) and writes ``summarizer/data/page_openings.json``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from importlib import resources

MODEL_FILE = "page_openings.json"
# How much text under the heading is compared with the article above: about a lead paragraph.
AFTER_CHARS = 200
HEADING_MAX_FEATURE_CHARS = 30
# Every pair of adjacent Chinese characters, overlapping (a lookahead: one scan in C).
_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
# A news lead: a time (and place) in the first clause: 近日，…, 当地时间3月5日，…, 今年入冬以来，…
_NEWS_LEAD = re.compile(
    r"^[^，。！？]{0,20}?(?:近日|日前|近期|当地时间|\d{1,2}月\d{1,2}日|\d{1,2}日|今年|去年|春节|年初|年底)"
)


def pairs(text: str) -> frozenset[str]:
    """The pairs of adjacent Chinese characters of ``text`` (not across punctuation)."""
    return frozenset(_PAIR.findall(text))


def _share(part: frozenset[str], whole: AbstractSet[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


@dataclass(frozen=True)
class Above:
    """The article so far (its headings and paragraphs, a line each): its character pairs and
    its length in characters."""

    pairs: AbstractSet[str]
    length: int


def above_of(text: str) -> Above:
    return Above(pairs(text), len(text))


def features(above: Above, heading: str, below: str, earlier_headings: Sequence[str]) -> dict[str, float]:
    """The cues of a heading line: ``above`` is the article so far, ``below`` the text under
    the heading, ``earlier_headings`` the article's section headings so far."""
    seen = above.pairs
    heading_pairs = pairs(heading)
    length = len(heading)
    return {
        "below_seen": _share(pairs(below[:AFTER_CHARS]), seen),
        "heading_seen": _share(heading_pairs, seen),
        "heading_below": _share(heading_pairs, pairs(below[: 2 * AFTER_CHARS])),
        "heading_length": min(length, HEADING_MAX_FEATURE_CHARS) / 10,
        "heading_comma": float("，" in heading),
        "heading_quoted": float(heading.startswith("“") and heading.endswith("”")),
        "earlier_headings": math.log1p(len(earlier_headings)),
        "series_length": float(any(abs(len(h) - length) <= 1 for h in earlier_headings)),
        "above_length": math.log1p(above.length),
        "news_lead": float(_NEWS_LEAD.match(below) is not None),
    }


FEATURES = tuple(features(above_of(""), "", "", ()))


@dataclass(frozen=True)
class OpeningModel:
    weights: Mapping[str, float]
    bias: float
    # The probability above which the heading opens an article: set for few false openings (a
    # section cut off its article costs more than a title left as a section heading).
    threshold: float

    def probability(self, cues: Mapping[str, float]) -> float:
        score = self.bias + sum(self.weights[name] * value for name, value in cues.items())
        return 1.0 / (1.0 + math.exp(-score))

    def opens_article(self, above: Above, heading: str, below: str, earlier_headings: Sequence[str]) -> bool:
        return self.probability(features(above, heading, below, earlier_headings)) > self.threshold


def model_from_record(record: Mapping[str, object]) -> OpeningModel:
    weights = record["weights"]
    assert isinstance(weights, Mapping)
    bias, threshold = record["bias"], record["threshold"]
    assert isinstance(bias, float) and isinstance(threshold, float)
    return OpeningModel({name: float(weights[name]) for name in FEATURES}, bias, threshold)


@functools.cache
def opening_model() -> OpeningModel:
    """The shipped model, read once per process (it never changes)."""
    text = resources.files("summarizer.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_record(json.loads(text))

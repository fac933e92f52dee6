"""Our textrank4zh mode against the real textrank4zh on 200 dev articles (100 of each file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from summarizer.compat import TextRank4Sentence

pytestmark = [pytest.mark.shared, pytest.mark.slow]

REQUIRED_AGREEMENT = 0.95


def test_top3_sentences_match_textrank4zh_on_95_percent_of_dev_articles(
    dev_articles: Callable[[str, int], list[dict[str, Any]]],
) -> None:
    textrank4zh = pytest.importorskip("textrank4zh", reason="textrank4zh (test dependency) is not installed")
    articles = dev_articles("peoples_daily.jsonl", 100) + dev_articles("thucnews.jsonl", 100)
    ours, theirs = TextRank4Sentence(), textrank4zh.TextRank4Sentence()
    agree = 0
    for article in articles:
        ours.analyze(article["text"])
        theirs.analyze(article["text"])
        expected = [item.sentence for item in theirs.get_key_sentences(num=3)]
        agree += [item.sentence for item in ours.get_key_sentences(num=3)] == expected
    assert agree / len(articles) >= REQUIRED_AGREEMENT, f"{agree} of {len(articles)} articles agree"

"""scripts/eval_keywords.py: its precision at five counts as score.py does, over the engine's
distinct keywords."""

from __future__ import annotations

import numpy as np

from scripts.eval_keywords import Article, _scores, precision_at_five


def _article(words: list[str], labels: list[float]) -> Article:
    return Article(
        np.zeros((len(words), 1)), np.array(labels), words, [False] * len(words), np.zeros(len(words))
    )


def test_precision_at_five_counts_the_first_five_distinct_keywords_shown() -> None:
    # 农产品博览会 first hides 博览会 (a word inside a better one): the five shown are the
    # six candidates less that one; three of them are in the editors' lines.
    article = _article(
        ["农产品博览会", "博览会", "北京", "开幕式", "企业", "展区", "农民"],
        [1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 1.0],
    )
    ranked = np.array([7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0])
    assert precision_at_five([article], [ranked]) == 3 / 5
    # The ceiling: positives first.
    assert precision_at_five([article], [article.labels]) == 4 / 5
    # Over articles, the share of all keywords shown (an article of two candidates counts two).
    short = _article(["上海", "会议"], [1.0, 0.0])
    assert precision_at_five([article, short], [ranked, np.array([2.0, 1.0])]) == 4 / 7


def test_the_scores_are_the_engines_less_each_words_genericness() -> None:
    """The fold scores rank as the engine does: the model's log-odds less genericness."""
    article = Article(
        np.array([[1.0], [0.5]]),
        np.array([0.0, 1.0]),
        ["发展", "禾湾"],
        [False, False],
        np.array([0.75, 0.0]),
    )
    (scores,) = _scores([article], np.array([1.0]), 0.0)
    assert scores.tolist() == [0.25, 0.5]

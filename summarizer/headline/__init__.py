"""Headline suggestion, one stage in one package: the article's own statements, compressed by
deletion only, each with the character spans of the source sentence it keeps.

- :mod:`~summarizer.headline.clauses`: cut a sentence into clauses, trim datelines, time
  phrases, parentheticals and dangling words;
- :mod:`~summarizer.headline.candidates`: candidates from a clause (itself, shorter forms);
- :mod:`~summarizer.headline.form`: the rules of form a candidate must keep;
- :mod:`~summarizer.headline.compression`: the learned deletion model;
- :mod:`~summarizer.headline.words`, :mod:`~summarizer.headline.ranking`: how much of the story
  a candidate says, and the learned ranker's features;
- :mod:`~summarizer.headline.wordlists`, :mod:`~summarizer.headline.tag_classes`: the closed
  word classes and the part-of-speech classes the rules share;
- :mod:`~summarizer.headline.suggest`: score the candidates and pick distinct ones
  (:func:`suggest_headlines`, the entry point).
"""

from summarizer.headline.suggest import (
    DEFAULT_WEIGHTS,
    SENTENCE_POSITION_WEIGHT,
    HeadlineWeights,
    suggest_headlines,
)

__all__ = ["DEFAULT_WEIGHTS", "SENTENCE_POSITION_WEIGHT", "HeadlineWeights", "suggest_headlines"]

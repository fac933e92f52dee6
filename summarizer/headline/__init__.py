"""Headline suggestion, one stage in one package: the article's own statements, compressed by
deletion only, each with the character spans of the source sentence it keeps.

- :mod:`~summarizer.headline.clauses`: cut a sentence into clauses, trim datelines, time
  phrases, parentheticals and dangling words;
- :mod:`~summarizer.headline.candidates`: candidates from a clause (itself, shorter forms);
- :mod:`~summarizer.headline.salience`: how much of the story a candidate says;
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

"""The verbs jieba tags as nouns (利用, 谋划, 对标), learned from where words stand in the
training articles (``scripts/train/phrase_verbs.py`` writes ``summarizer/data/keyphrase_verbs.json``).

jieba's dictionary gives each word one tag, so the key phrase grammar would read 利用连锁药店 as a
noun phrase and a headline clause opening on 计划/n 租赁/v as one with a subject. Both stages read
this lexicon: ``verbs``, the words that stand where verbs stand, and ``ambiguous``, those that
stand there about as often as where nouns do (verbs only where an occurrence's neighbours say so).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Final

VERBS_FILE: Final = "keyphrase_verbs.json"


@functools.cache
def noun_tagged_verbs() -> frozenset[str]:
    """The shipped lexicon of verbs jieba tags as nouns, read once."""
    return frozenset(str(word) for word in _verbs_file()["verbs"])


@functools.cache
def ambiguous_verbs() -> frozenset[str]:
    """The words jieba tags as nouns that stand about as often where verbs stand as where nouns
    do (对标, 感觉; the lexicon's ``ambiguous``), read once: verbs only where the words around an
    occurrence say so (:func:`opens_a_verb_run`)."""
    return frozenset(str(word) for word in _verbs_file()["ambiguous"])


def opens_a_verb_run(
    word: str, following: str, *, ambiguous: frozenset[str], lexicon: frozenset[str]
) -> bool:
    """Whether ``word``, a word of the ``ambiguous`` band, is a verb at this occurrence by the
    word after it: another verb of the band or of the ``lexicon``, the two in a run of verbs
    before their object (孟州市 | 对标 | 对表 | 省委). The key phrase grammar and the headline
    clauses both read the band this way; each checks with its own tags that an object follows."""
    return word in ambiguous and (following in ambiguous or following in lexicon)


@functools.cache
def _verbs_file() -> dict[str, list[str]]:
    text = resources.files("summarizer.data").joinpath(VERBS_FILE).read_text(encoding="utf-8")
    document: dict[str, list[str]] = json.loads(text)
    return document

"""Checks shared by the headline tests."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from summarizer.document import DocSentence, Token
from summarizer.headline.candidates import sentence_candidates, sentence_subject
from summarizer.headline.clauses import clauses_of, sentence_tokens

JOINER = "，"
# Opening words an editor never leaves at the start of a headline.
LEADING_TIME = re.compile(
    r"^(近日|日前|近期|今年以来|近年来|昨天|昨日|今天|今日|昨晚|当天|上午|下午|\d+[年月日号])"
)
# Marks of a dateline or byline: 本报讯, 新华社…电, 中新网3月5日电, （记者…）.
DATELINE = re.compile(r"本报|新华社|记者|通讯员|[日网社报]\s*[电讯]")
DANGLING_POS = ("c", "u", "y", "p")


def make_sentence(
    pairs: Sequence[tuple[str, str]], *, index: int = 0, start: int = 0, boilerplate: bool = False
) -> DocSentence:
    """A sentence from (word, part of speech) pairs, with offsets as a tokenizer would give."""
    tokens = []
    offset = start
    for word, pos in pairs:
        tokens.append(Token(word, pos, offset))
        offset += len(word)
    text = "".join(word for word, _ in pairs)
    return DocSentence(index, text, start, offset, tuple(tokens), boilerplate)


def candidate_texts(pairs: Sequence[tuple[str, str]]) -> set[str]:
    """The texts of the headline candidates of a sentence of (word, part of speech) pairs, of
    any length from two characters."""
    sentence = sentence_tokens(make_sentence(pairs))
    clauses = clauses_of(0, sentence)
    found = sentence_candidates(
        0, sentence, clauses, subject=sentence_subject(clauses), min_chars=2, max_chars=40, shorten_above=40
    )
    return {candidate.text for candidate in found}


def token_cover(text: str, tokens: Sequence[Token]) -> tuple[Token, ...] | None:
    """The tokens (in order, gaps allowed) whose texts concatenate to ``text``, or None.

    A headline built on token boundaries always has such a cover; one cut inside a word has none.
    Spaces and the clause joiner are not tokens of their own in a headline.
    """
    target = text.replace(" ", "")
    words = tuple(t.text.replace(" ", "") for t in tokens)

    @cache
    def cover(position: int, first_token: int) -> tuple[int, ...] | None:
        if position == len(target):
            return ()
        if target.startswith(JOINER, position):
            rest = cover(position + len(JOINER), first_token)
            if rest is not None:
                return rest
        for index in range(first_token, len(words)):
            word = words[index]
            if word and target.startswith(word, position):
                rest = cover(position + len(word), index + 1)
                if rest is not None:
                    return (index, *rest)
        return None

    indices = cover(0, 0)
    return None if indices is None else tuple(tokens[i] for i in indices)

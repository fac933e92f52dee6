"""Sentence splitting for Chinese news.

Rules: a sentence ends at 。！？；… (or their ASCII forms !?;) and at every line break; the
closing quotes and brackets that follow the end mark stay with the sentence; nothing splits
inside 《》 or inside a quotation that closes later on the same line (a quotation that
never closes is not trusted, so one stray “ cannot swallow a paragraph); a quotation whose
last sentence ends right before the closing quote ends the sentence there; text without a
final mark still ends a sentence. Spans index the text they were found in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, NamedTuple


def _any_of(chars: Iterable[str]) -> str:
    """A regular expression for any one of ``chars``."""
    return "[" + re.escape("".join(sorted(chars))) + "]"


_END_MARKS: Final = frozenset("。！？；!?;…")
_CLOSERS: Final = frozenset("”’」』》〉）)]】")
_QUOTE_CLOSERS: Final = frozenset("”’」』")
_PAIRS: Final = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉"}
# A quotation longer than this is a passage of several spoken sentences: splitting it keeps
# each sentence small enough for a summary.
_MAX_PROTECTED_SPAN: Final = 160
# Only these characters can end a sentence or open a protected span: the scans jump between
# them instead of stepping through every character in Python.
_ENDS_OR_CLOSES: Final = re.compile(_any_of(_END_MARKS | _QUOTE_CLOSERS))
_OPENERS: Final = re.compile(_any_of(_PAIRS))
# An end mark with the end marks and closers that stay with it.
_SENTENCE_END: Final = re.compile(_any_of(_END_MARKS) + _any_of(_END_MARKS | _CLOSERS) + "*")


class Span(NamedTuple):
    """A sentence's place in the text. A named tuple: an article has dozens, and a frozen
    dataclass costs four times as much to build."""

    start: int
    end: int
    paragraph: int


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split ``text`` into trimmed, non-empty sentence spans in reading order."""
    spans: list[Span] = []
    paragraph = 0
    line_start = 0
    for line in text.split("\n"):
        line_spans = _split_line(line, line_start, paragraph)
        if line_spans:
            spans.extend(line_spans)
            paragraph += 1
        line_start += len(line) + 1
    return tuple(spans)


def _protected_ranges(line: str) -> list[tuple[int, int]]:
    """The (opening, closing) positions of every closed 《》 or quotation of the line."""
    ranges: list[tuple[int, int]] = []
    position = 0
    while (opening := _OPENERS.search(line, position)) is not None:
        open_at = opening.start()
        close_at = _matching_close(line, open_at, line[open_at], _PAIRS[line[open_at]])
        if close_at < 0:
            position = open_at + 1
            continue
        ranges.append((open_at, close_at))
        position = close_at + 1
    return ranges


def _matching_close(line: str, open_at: int, opener: str, closer: str) -> int:
    """Index of the mark closing the one at ``open_at``; -1 when it does not close within
    ``_MAX_PROTECTED_SPAN`` characters (so an unclosed quote costs no scan of the whole line).
    The k-th closer after ``open_at`` closes it when k openers (its own included) precede it."""
    limit = min(len(line), open_at + _MAX_PROTECTED_SPAN + 1)
    closers = 0
    close_at = line.find(closer, open_at + 1, limit)
    while close_at >= 0:
        closers += 1
        if line.count(opener, open_at, close_at) == closers:
            return close_at
        close_at = line.find(closer, close_at + 1, limit)
    return -1


def _split_line(line: str, offset: int, paragraph: int) -> list[Span]:
    ranges = _protected_ranges(line)
    # Without a protected range every end mark ends a sentence and a quote closer never does.
    ends = [match.end() for match in _SENTENCE_END.finditer(line)] if not ranges else _ends(line, ranges)
    spans: list[Span] = []
    start = 0
    for end in [*ends, len(line)]:
        _append_trimmed(spans, line, start, end, offset, paragraph)
        start = end
    return spans


def _ends(line: str, ranges: list[tuple[int, int]]) -> list[int]:
    """Where the sentences of a line holding protected ranges end (the last one excepted)."""
    protected = [False] * len(line)
    for open_at, close_at in ranges:
        protected[open_at + 1 : close_at] = [True] * (close_at - open_at - 1)
    ends: list[int] = []
    index = 0
    length = len(line)
    while (candidate := _ENDS_OR_CLOSES.search(line, index)) is not None:
        index = candidate.start()
        char = line[index]
        ends_here = char in _END_MARKS and not protected[index]
        closes_quoted_sentence = (
            char in _QUOTE_CLOSERS and index > 0 and line[index - 1] in _END_MARKS and protected[index - 1]
        )
        if not (ends_here or closes_quoted_sentence):
            index += 1
            continue
        index += 1
        while index < length and (line[index] in _END_MARKS or line[index] in _CLOSERS):
            index += 1
        ends.append(index)
    return ends


def _append_trimmed(spans: list[Span], line: str, start: int, end: int, offset: int, paragraph: int) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(offset + start, offset + end, paragraph))

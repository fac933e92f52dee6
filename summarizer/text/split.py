"""Sentence splitting for Chinese news.

Rules: a sentence ends at 。！？；… (or their ASCII forms !?;) and at every line break; the
closing quotes and brackets that follow the end mark stay with the sentence; nothing splits
inside 《》 or inside a quotation that closes later on the same line (a quotation that
never closes is not trusted, so one stray “ cannot swallow a paragraph); a quotation whose
last sentence ends right before the closing quote ends the sentence there; text without a
final mark still ends a sentence. Spans index the text they were found in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from summarizer.text.punctuation import SENTENCE_ENDS

try:
    from mypy_extensions import mypyc_attr
except ImportError:
    # As in summarizer/document.py: only the compiler reads it.
    def _unchanged(*_attrs: object, **_settings: object) -> Callable[[type], type]:
        return lambda cls: cls

    mypyc_attr = _unchanged  # type: ignore[assignment]

_CLOSERS: Final = frozenset("”’」』》〉）)]】")
_QUOTE_CLOSERS: Final = frozenset("”’」』")
_PAIRS: Final = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉"}
# A quotation longer than this is a passage of several spoken sentences: splitting it keeps
# each sentence small enough for a summary.
_MAX_PROTECTED_SPAN: Final = 160
_LAST_SPACE: Final = 0x3000


@mypyc_attr(acyclic=True)
class Span:
    """A sentence's place in the text, read-only. A plain class, not a named tuple: an article
    has dozens, and compiled (setup.py) a named tuple is built by a call into Python, a plain
    class natively, several times faster. Acyclic (it holds ints only): compiled, untracked by
    the garbage collector, as :class:`summarizer.document.Token` is."""

    def __init__(self, start: int, end: int, paragraph: int) -> None:
        self.start: Final[int] = start
        self.end: Final[int] = end
        self.paragraph: Final[int] = paragraph  # index of the (non-empty) line holding the sentence

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return (self.start, self.end, self.paragraph) == (other.start, other.end, other.paragraph)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.paragraph))

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r}, paragraph={self.paragraph!r})"


def split_sentences(text: str) -> tuple[Span, ...]:
    """Split ``text`` into trimmed, non-empty sentence spans in reading order."""
    spans: list[Span] = []
    paragraph = 0
    line_start = 0
    # The end marks and the openers are found once in the whole text, and each line is
    # handed its own: a search per mark and per line cost most of the splitting.
    marks = _positions(text, SENTENCE_ENDS)
    openers = _positions(text, _PAIRS)
    next_mark = next_opener = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        line_marks: list[int] = []
        while next_mark < len(marks) and marks[next_mark] < line_end:
            line_marks.append(marks[next_mark] - line_start)
            next_mark += 1
        line_openers: list[int] = []
        while next_opener < len(openers) and openers[next_opener] < line_end:
            line_openers.append(openers[next_opener] - line_start)
            next_opener += 1
        line_spans = _split_line(line, line_start, paragraph, line_marks, line_openers)
        if line_spans:
            spans.extend(line_spans)
            paragraph += 1
        line_start = line_end + 1
    return tuple(spans)


def _positions(text: str, chars: Iterable[str]) -> list[int]:
    """Where any of ``chars`` occurs in ``text``, in order. Found by ``str.find``, which scans
    many times faster than a regular expression's class of CJK characters, and a text holds
    few of the marks sought."""
    positions: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            positions.append(at)
            at = text.find(char, at + 1)
    positions.sort()
    return positions


def _sentence_ends(line: str, marks: list[int]) -> list[tuple[int, int]]:
    """Each end mark (``marks``: where the line's are, in order) with the end marks and
    closers that stay with it, as (start, end)."""
    runs: list[tuple[int, int]] = []
    stop = 0
    for at in marks:
        if at < stop:
            continue  # already in the run of the mark before
        stop = at + 1
        while stop < len(line) and (line[stop] in SENTENCE_ENDS or line[stop] in _CLOSERS):
            stop += 1
        runs.append((at, stop))
    return runs


def _protected_ranges(line: str, openers: list[int]) -> list[tuple[int, int]]:
    """The (opening, closing) positions of every closed 《》 or quotation of the line
    (``openers``: where its opening marks are, in order)."""
    ranges: list[tuple[int, int]] = []
    position = 0
    for open_at in openers:
        if open_at < position:
            continue  # inside the range before
        close_at = _matching_close(line, open_at, line[open_at], _PAIRS[line[open_at]])
        if close_at >= 0:
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


def _split_line(line: str, offset: int, paragraph: int, marks: list[int], openers: list[int]) -> list[Span]:
    """The sentences of ``line``, which starts at ``offset``; ``marks`` and ``openers`` are
    where its end marks and opening marks are, in order."""
    ranges = _protected_ranges(line, openers) if openers else []
    runs = _sentence_ends(line, marks)
    # Without a protected range every end mark ends a sentence and a quote closer never does.
    ends = [end for _, end in runs] if not ranges else _ends(line, ranges, runs)
    spans: list[Span] = []
    start = 0
    for end in [*ends, len(line)]:
        _append_trimmed(spans, line, start, end, offset, paragraph)
        start = end
    return spans


def _ends(line: str, ranges: list[tuple[int, int]], runs: list[tuple[int, int]]) -> list[int]:
    """Where the sentences of a line holding protected ranges end (the last one excepted).
    Only a run of end marks and closers (``_sentence_ends``) can end a sentence, and one ends
    where the run does when the run holds an end mark outside every range, or a quote closer
    right after an end mark inside one (a quotation whose last sentence ends there)."""
    ends: list[int] = []
    for start, end in runs:
        for index in range(start, end):
            char = line[index]
            # A run opens with an end mark, so a quote closer in it has a mark before it.
            ends_here = char in SENTENCE_ENDS and not _protected(ranges, index)
            closes_quoted_sentence = (
                char in _QUOTE_CLOSERS and line[index - 1] in SENTENCE_ENDS and _protected(ranges, index - 1)
            )
            if ends_here or closes_quoted_sentence:
                ends.append(end)
                break
    return ends


def _protected(ranges: list[tuple[int, int]], index: int) -> bool:
    """Whether ``index`` lies inside one of ``ranges`` (between its marks): a line holds few
    ranges and fewer runs, so they are searched rather than a flag made per character."""
    return any(open_at < index < close_at for open_at, close_at in ranges)


def _append_trimmed(spans: list[Span], line: str, start: int, end: int, offset: int, paragraph: int) -> None:
    # No character past U+3000 (the last space character) is a space: the Chinese characters
    # that open and close most sentences are told so by their code, without a string made
    # of each to ask ``isspace``.
    while start < end and ord(line[start]) <= _LAST_SPACE and line[start].isspace():
        start += 1
    while end > start and ord(line[end - 1]) <= _LAST_SPACE and line[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(Span(offset + start, offset + end, paragraph))

"""Subheadings: the short lines and sentences that head the parts of a story in a series.

Papers head the parts of a story with short lines, or with short sentences that open their
paragraphs (run-in heads), and the heads of one story echo one another (标准创建聚合力。/
精品创建添动力。, 坚持抓…。/ 坚持以…。, 科技范儿 / 文艺范儿). One alone reads as a sentence; a
series of the same shape is the story's outline, which says nothing without the paragraphs it
heads: no summary takes it.
"""

from __future__ import annotations

import re
from typing import Final

from summarizer.document import Document
from summarizer.text.punctuation import FINAL_MARKS

_SUBHEADING_MIN_CHARS: Final = 4
_SUBHEADING_MAX_CHARS: Final = 20
# Two heads echo one another when their lengths differ by one character at most and a run of
# this many characters stands at the same places in both, counted from the start or from the
# end (标准创建聚合力 / 精品创建添动力; 敢于担当，以… / 勇于担当，以…; 科技范儿 / 文艺范儿).
_ECHO_CHARS: Final = 2
# How a run-in head echoes another (see ``_run_in_echo``).
_NO_ECHO: Final = 0
_ECHO_AT_START: Final = 1
_ECHO_INSIDE: Final = 2
_QUOTE_OPENINGS: Final = frozenset('“「‘"')
_QUOTE_CLOSINGS: Final = frozenset('”」’"')
# Run-in heads of one shape, three or more, are a series even when no characters echo: a
# paper's parallel phrasing, as many clauses and the first as long (项目为王添动力。/
# 文旅融合起高峰。/ 深化改革见实效。; 精准谋划，确定…。/ 项目为王，突出…。/ 一村一表，坚持…。).
# Up to this length (characters, its full stop aside): longer sentences alike are as often a
# writer's rhythm as an outline.
_SHAPE_MAX_CHARS: Final = 16
_SHAPE_SERIES: Final = 3  # the head itself included
_CLAUSE_MARK: Final = re.compile("[，、；：,;:]")
# A question, an exclamation or a lead-in is a line of dialogue or an introduction, not a head.
_NOT_HEAD_ENDINGS: Final = frozenset("：:？?！!")


def subheadings(document: Document) -> frozenset[int]:
    """The sentences that head parts of the story in a series: each opens its paragraph, is
    short, and echoes others of its kind. Two kinds, never mixed: a line alone without a final
    mark, and a run-in head, a sentence ending on 。 that the paragraph's text follows. Lines
    alone are headings by their form, and one echo makes a series of them. A run-in head may be
    a paragraph's short topic sentence instead, and topic sentences often open on the same
    subject (法国电商迅速发展… / 法国电商产业的发展…): a run-in series that echoes only at the
    start needs three heads, as one of heads of the same shape (``_SHAPE_MAX_CHARS``) does; an
    echo elsewhere (标准创建聚合力 / 精品创建添动力) makes one of two."""
    run_ins: list[tuple[str, int]] = []  # (text without its full stop, index)
    lines: list[tuple[str, int]] = []
    sentences = document.sentences
    # The first line heads the whole story (often its title, repeated), not a part of it.
    for sentence in document.content_sentences[1:]:
        # Most sentences are far longer than a head: skipped before anything else is read.
        if len(sentence.text) > 2 * _SUBHEADING_MAX_CHARS:
            continue
        index = sentence.index
        if sentences[index - 1].paragraph == sentence.paragraph:
            continue
        text = sentence.text.strip()
        if len(text) > _SUBHEADING_MAX_CHARS + 1:
            continue
        last = text[-1]
        followed = index + 1 < len(sentences) and sentences[index + 1].paragraph == sentence.paragraph
        if last == "。" and followed:
            heads, head = run_ins, text[:-1]
        elif last not in FINAL_MARKS and last not in _NOT_HEAD_ENDINGS and not followed:
            heads, head = lines, text
        else:
            continue
        if _SUBHEADING_MIN_CHARS <= len("".join(head.split())) <= _SUBHEADING_MAX_CHARS and not _is_quotation(
            head
        ):
            heads.append((head, index))
    found: set[int] = set()
    # Each head's characters and shape are read once. Most pairs differ in length and are no
    # echo, told before any character is compared.
    run_in_chars = [list(head) for head, _ in run_ins]
    shapes = [_shape(head) if len(head) <= _SHAPE_MAX_CHARS else None for head, _ in run_ins]
    for number, (_, index) in enumerate(run_ins):
        shape = shapes[number]
        if shape is not None and shapes.count(shape) >= _SHAPE_SERIES:
            found.add(index)
            continue
        chars = run_in_chars[number]
        at_start = 0
        for other in run_in_chars:
            if other is chars or abs(len(other) - len(chars)) > 1:
                continue
            echo = _run_in_echo(chars, other)
            at_start += echo == _ECHO_AT_START
            if echo == _ECHO_INSIDE or at_start >= 2:
                found.add(index)
                break
    line_chars = [list(head) for head, _ in lines]
    for number, (_, index) in enumerate(lines):
        chars = line_chars[number]
        for other in line_chars:
            if other is not chars and abs(len(other) - len(chars)) <= 1 and _lines_echo(chars, other):
                found.add(index)
                break
    return frozenset(found)


def _shape(head: str) -> tuple[int, int]:
    """How many clauses ``head`` has and how long the first is."""
    clauses = _CLAUSE_MARK.split(head)
    return len(clauses), len(clauses[0])


def _is_quotation(head: str) -> bool:
    """Whether ``head`` is one quotation whole (a line of dialogue), not a head that quotes a
    name (“创星”引领，…)."""
    if head[0] not in _QUOTE_OPENINGS or head[-1] not in _QUOTE_CLOSINGS:
        return False
    return not any(char in _QUOTE_CLOSINGS for char in head[1:-1])


def _lines_echo(head: list[str], other: list[str]) -> bool:
    """Whether two lines alone echo: this many characters at the same places, not necessarily
    together (一声腰鼓·记忆 / 一个灯笼·传承), counted from the start or from the end."""
    if head == other:
        return False
    for shift in (0, len(other) - len(head)):
        matches = 0
        for place in range(max(0, -shift), min(len(head), len(other) - shift)):
            if head[place] == other[place + shift]:
                matches += 1
                if matches >= _ECHO_CHARS:
                    return True
    return False


def _run_in_echo(head: list[str], other: list[str]) -> int:
    """How a run-in ``head`` echoes ``other``: not at all, by their first characters only, or
    by a run of this many characters at the same places elsewhere, the two aligned at their
    starts or at their ends. Sentences share scattered characters by chance; a run is the
    writer's."""
    if head == other:
        return _NO_ECHO
    echo = _NO_ECHO
    # ``shift``: where in ``other`` the character ``head[0]`` is compared, by either alignment
    # (one when the lengths are equal).
    for shift in (0, len(other) - len(head)) if len(other) != len(head) else (0,):
        run = 0
        for place in range(max(0, -shift), min(len(head), len(other) - shift)):
            run = run + 1 if head[place] == other[place + shift] else 0
            if run >= _ECHO_CHARS:
                if place + 1 > run or shift:
                    return _ECHO_INSIDE
                echo = _ECHO_AT_START
    return echo

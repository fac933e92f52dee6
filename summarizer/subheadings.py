"""Subheadings: the short lines and sentences that head the parts of a story in a series.

Papers head the parts of a story with short lines, or with short sentences that open their
paragraphs (run-in heads), and the heads of one story echo one another (标准创建聚合力。/
精品创建添动力。, 坚持抓…。/ 坚持以…。, 科技范儿 / 文艺范儿). One alone reads as a sentence; a
series of the same shape is the story's outline, which says nothing without the paragraphs it
heads: no summary takes it.
"""

from __future__ import annotations

from typing import Final

from summarizer.document import Document

# The marks that end a statement (a quotation's or a bracket's close included): a line without
# one is a label or a heading.
FINAL_MARKS: Final = frozenset("。！？；!?;…”’」』）)】》")
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
_CLAUSE_MARKS: Final = frozenset("，、；：,;:")
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
    heads: list[tuple[bool, str, int]] = []  # (run-in, text without its full stop, index)
    sentences = document.sentences
    # The first line heads the whole story (often its title, repeated), not a part of it.
    for sentence in document.content_sentences[1:]:
        index = sentence.index
        if sentences[index - 1].paragraph == sentence.paragraph:
            continue
        text = sentence.text.strip()
        # Most sentences are longer than a head with its full stop: skipped before any count.
        if len(text) > _SUBHEADING_MAX_CHARS + 1 or text[-1] in _NOT_HEAD_ENDINGS or _is_quotation(text):
            continue
        followed = index + 1 < len(sentences) and sentences[index + 1].paragraph == sentence.paragraph
        if text[-1] == "。" and followed:
            head = text[:-1]
        elif text[-1] not in FINAL_MARKS and not followed:
            head = text
        else:
            continue
        if _SUBHEADING_MIN_CHARS <= sum(not char.isspace() for char in head) <= _SUBHEADING_MAX_CHARS:
            heads.append((followed, head, index))
    found: set[int] = set()
    for run_in, head, index in heads:
        if run_in:
            echoes = [_run_in_echo(head, other) for other_run_in, other, _ in heads if other_run_in]
            is_series = (
                _ECHO_INSIDE in echoes
                or echoes.count(_ECHO_AT_START) >= 2
                or (
                    len(head) <= _SHAPE_MAX_CHARS
                    and sum(_shape(other) == _shape(head) for other_run_in, other, _ in heads if other_run_in)
                    >= _SHAPE_SERIES
                )
            )
        else:
            is_series = any(_lines_echo(head, other) for other_run_in, other, _ in heads if not other_run_in)
        if is_series:
            found.add(index)
    return frozenset(found)


def _shape(head: str) -> tuple[int, int]:
    """How many clauses ``head`` has and how long the first is."""
    clauses = 1
    first = len(head)
    for place, char in enumerate(head):
        if char in _CLAUSE_MARKS:
            if clauses == 1:
                first = place
            clauses += 1
    return clauses, first


def _is_quotation(text: str) -> bool:
    """Whether ``text`` is one quotation whole (a line of dialogue), not a head that quotes a
    name (“创星”引领，…)."""
    if text[0] not in _QUOTE_OPENINGS:
        return False
    body = text.rstrip("。")
    return body[-1] in _QUOTE_CLOSINGS and not any(char in _QUOTE_CLOSINGS for char in body[1:-1])


def _lines_echo(head: str, other: str) -> bool:
    """Whether two lines alone echo: this many characters at the same places, not necessarily
    together (一声腰鼓·记忆 / 一个灯笼·传承), counted from the start or from the end."""
    if head == other or abs(len(head) - len(other)) > 1:
        return False
    from_start = sum(a == b for a, b in zip(head, other, strict=False))
    from_end = sum(a == b for a, b in zip(reversed(head), reversed(other), strict=False))
    return max(from_start, from_end) >= _ECHO_CHARS


def _run_in_echo(head: str, other: str) -> int:
    """How a run-in ``head`` echoes ``other``: not at all, by their first characters only, or
    by a run of this many characters at the same places elsewhere, the two aligned at their
    starts or at their ends. Sentences share scattered characters by chance; a run is the
    writer's."""
    if head == other or abs(len(head) - len(other)) > 1:
        return _NO_ECHO
    echo = _NO_ECHO
    # ``shift``: where in ``other`` the character ``head[0]`` is compared, by either alignment
    # (one when the lengths are equal).
    for shift in sorted({0, len(other) - len(head)}):
        run = 0
        for place, char in enumerate(head):
            other_place = place + shift
            matched = 0 <= other_place < len(other) and other[other_place] == char
            run = run + 1 if matched else 0
            if run >= _ECHO_CHARS:
                if place + 1 > run or shift:
                    return _ECHO_INSIDE
                echo = _ECHO_AT_START
    return echo

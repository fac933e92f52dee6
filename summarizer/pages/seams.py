"""Does one block continue the sentence the previous block left open? The cues: how the
first block ends, how the second starts, and whether the tokenizer reads a word across
the seam (深入推 / 进 -> 推进)."""

from __future__ import annotations

import rjieba

from summarizer.pages.lines import Block, Kind
from summarizer.pages.text import (
    column_tag_start,
    ends_sentence,
    ends_with_colon,
    has_column_tag,
    is_finished,
    is_heading_like,
    open_quotes,
    starts_mid_sentence,
)

_SEAM_WINDOW = 4
BOUND_PARTICLES = frozenset("的地得了着过们之所")
_FRAME_GAP = 2
MIN_HEADING_CHARS = 3  # this many blank lines separate text frames, not the columns of one story


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _dictionary_words(text: str) -> list[str]:
    """Dictionary words only (no HMM guesses); a lone surrogate, which the tokenizer cannot
    encode, is read as one unknown character so that offsets stay aligned."""
    safe = text.encode("utf-8", "replace").decode("utf-8")
    return list(rjieba.cut(safe, False))


def word_across(head: str, tail: str) -> bool:
    """The tokenizer's dictionary (no guessing of unknown words, which pairs any two
    characters) holds one word spanning the end of ``head`` and the start of ``tail``:
    深入推 / 进… reads 推进, 立即有人办 / 前些日子 reads nothing across."""
    left, right = head.rstrip()[-_SEAM_WINDOW:], tail.lstrip()[:_SEAM_WINDOW]
    if not left or not right or not (_is_cjk(left[-1]) and _is_cjk(right[0])):
        return False
    position = 0
    for token in _dictionary_words(left + right):
        end = position + len(token)
        if position < len(left) < end:
            return True
        position = end
    return False


def seam_evidence(head: str, tail: str) -> bool:
    head, tail = head.rstrip(), tail.lstrip()
    return (
        _ascii_cut(head, tail)
        or starts_mid_sentence(tail)
        or word_across(head, tail)
        or _leading_particle(tail)
    )


def _leading_particle(tail: str) -> bool:
    """The tokenizer reads a bound particle (的, 地, 得, 们 ...) as the first word."""
    tokens = _dictionary_words(tail[:_SEAM_WINDOW])
    return bool(tokens) and tokens[0] in BOUND_PARTICLES


def _ascii_cut(head: str, tail: str) -> bool:
    """A number or a Latin word cut in two."""
    return (
        bool(head)
        and bool(tail)
        and head[-1].isascii()
        and head[-1].isalnum()
        and tail[0].isascii()
        and tail[0].isalnum()
    )


def _too_short_for_a_heading(text: str) -> bool:
    stripped = text.strip()
    return len(stripped[: column_tag_start(stripped)]) < MIN_HEADING_CHARS


def _whole_quote(text: str) -> bool:
    return text.startswith("“") and text.endswith("”") and text.count("“") == 1


def continues(head: Block, tail: Block) -> bool:
    """``tail`` is the rest of the paragraph ``head`` (a column or frame break between them)."""
    if head.kind is not Kind.BODY or tail.kind is not Kind.BODY or is_finished(head.text):
        return False
    if tail.blank_before >= _FRAME_GAP:
        # another text frame: only a tail that cannot open a sentence belongs to this one
        return starts_mid_sentence(tail.text)
    tail_is_heading = is_heading_like(tail.text)
    if tail_is_heading:
        # two headings can read as one word by chance: only punctuation, cut numbers and a
        # "heading" too short to be one (新进 / 展（权威发布）) count
        evidence = (
            starts_mid_sentence(tail.text)
            or _ascii_cut(head.text.rstrip(), tail.text.lstrip())
            or _too_short_for_a_heading(tail.text)
        )
    else:
        evidence = seam_evidence(head.text, tail.text)
    if (ends_sentence(head.text) and open_quotes(head.text) > 0) or ends_with_colon(head.text):
        return evidence  # a quotation or a list may go on in the next paragraph, or not
    if is_heading_like(head.text):
        return evidence and not (has_column_tag(head.text) or _whole_quote(head.text))
    return evidence or not tail_is_heading

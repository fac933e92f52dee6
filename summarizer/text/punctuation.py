"""The marks that end a statement, and how sentences taken out of their text read together again.

A sentence that ends without one of these marks stood on a line of its own in the text: a
heading, a lead-in over the story, an item of a list. Joined to the next sentence as it is, the
two read as one (…社会变迁从历史的风云中…); a line break between them keeps them apart as the text
had them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

# The marks a sentence ends at (:mod:`summarizer.text.split`).
SENTENCE_ENDS: Final = frozenset("。！？；!?;…")
# The marks that end a statement (a quotation's or a bracket's close after one included): a line
# without one is a label, a heading or a lead-in.
FINAL_MARKS: Final = SENTENCE_ENDS | frozenset("”’」』）)】》")
# What follows a sentence without a final mark when sentences are joined (one character: a
# summary's budget counts it).
LINE_BREAK: Final = "\n"


def ends_a_statement(text: str) -> bool:
    """Whether ``text`` ends on a final mark (white space after it aside)."""
    if text and text[-1] in FINAL_MARKS:  # a sentence as the splitter cuts it: no copy made
        return True
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in FINAL_MARKS


def join_sentences(texts: Iterable[str]) -> str:
    """``texts``, sentences of one text in their order, as one string: a :data:`LINE_BREAK`
    after each that ends without a final mark and is followed by another."""
    joined: list[str] = []
    for text in texts:
        if joined and not ends_a_statement(joined[-1]):
            joined.append(LINE_BREAK)
        joined.append(text)
    return "".join(joined)

"""What the engine hands to the headline stage for each training article, and the alignment of a
real headline with the sentence it compresses: shared by the headline trainers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from unittest import mock

import summarizer.engine as engine_module
from scripts.train.data import TrainingRecord
from summarizer import Engine
from summarizer.document import Document, Token
from summarizer.result import Headline, ScoredText

# Sentences of an article searched for the one its headline compresses.
SEARCHED_SENTENCES = 12
_BLANKS = re.compile(r"\s+")


@dataclass(frozen=True)
class HeadlineInput:
    record: TrainingRecord
    document: Document
    sentence_scores: tuple[float, ...]
    keywords: tuple[ScoredText, ...]


def headline_inputs(records: Iterable[TrainingRecord]) -> list[HeadlineInput]:
    """Each record analysed by a fresh engine, with ``suggest_headlines``'s arguments captured
    (the engine's own document, sentence scores and keywords; nothing is recomputed here)."""
    engine = Engine()
    captured: list[tuple[Document, tuple[float, ...], tuple[ScoredText, ...]]] = []

    def recording(
        document: Document, scores: Sequence[float], keywords: Sequence[ScoredText], *, count: int
    ) -> tuple[Headline, ...]:
        captured.append((document, tuple(scores), tuple(keywords)))
        return ()

    inputs: list[HeadlineInput] = []
    with mock.patch.object(engine_module, "suggest_headlines", recording):
        for record in records:
            captured.clear()
            engine.analyze(record.text)
            if len(captured) != 1:
                raise RuntimeError("the engine did not call suggest_headlines exactly once")
            inputs.append(HeadlineInput(record, *captured[0]))
    return inputs


def aligned_keep(tokens: Sequence[Token], title: str) -> tuple[float, list[bool]]:
    """How much of ``title`` the tokens' text holds as a subsequence (the longest common one, as a
    share of the title's characters), and for each token whether the editor kept it: at least
    half of its characters are in that common subsequence."""
    reference = _BLANKS.sub("", title).lower()
    text = "".join(token.text for token in tokens).lower()
    if not reference or not text:
        return 0.0, [False] * len(tokens)
    matched = _lcs_matches(text, reference)
    keep: list[bool] = []
    offset = 0
    for token in tokens:
        size = len(token.text)
        hits = sum(1 for index in range(offset, offset + size) if matched[index])
        keep.append(size > 0 and 2 * hits >= size)
        offset += size
    return sum(matched) / len(reference), keep


def _lcs_matches(text: str, reference: str) -> list[bool]:
    """Which characters of ``text`` a longest common subsequence with ``reference`` uses."""
    rows, columns = len(text), len(reference)
    table = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(columns - 1, -1, -1):
            row[j] = below[j + 1] + 1 if text[i] == reference[j] else max(below[j], row[j + 1])
    matched = [False] * rows
    i = j = 0
    while i < rows and j < columns:
        if text[i] == reference[j]:
            matched[i] = True
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return matched

"""What the engine hands to the headline stage for each training article: shared by the
headline trainers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from unittest import mock

import summarizer.engine as engine_module
from scripts.train.data import TrainingRecord
from summarizer import Engine
from summarizer.document import Document
from summarizer.result import Headline, ScoredText


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
        document: Document,
        scores: Sequence[float],
        keywords: Sequence[ScoredText],
        *,
        count: int,
        heads: frozenset[int] | None = None,
    ) -> tuple[Headline, ...]:
        # (``heads``, the subheadings the engine found, are found again from the document.)
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

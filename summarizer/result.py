"""The one result type of the engine, and its JSON record.

The record produced by :meth:`Analysis.to_record` is the same in the REST API,
``summarizer batch`` and ``summarizer summarize --json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarizer.text.punctuation import join_sentences


@dataclass(frozen=True)
class Sentence:
    """A sentence of the input: ``text == input[start:end]``."""

    index: int
    text: str
    start: int
    end: int
    score: float

    def __init__(self, index: int, text: str, start: int, end: int, score: float) -> None:
        # The __init__ a frozen dataclass is given sets each field by a call of
        # object.__setattr__; an analysis makes one Sentence per sentence of the article, and
        # filling the instance's dictionary, which is all those calls do, takes half the time
        # (-0.15 M of 13 M instructions per article, callgrind). Still frozen: assignment
        # raises FrozenInstanceError, as the dataclass's __setattr__ is untouched.
        fields = self.__dict__
        fields["index"] = index
        fields["text"] = text
        fields["start"] = start
        fields["end"] = end
        fields["score"] = score


@dataclass(frozen=True)
class ScoredText:
    """A keyword or key phrase with its weight."""

    text: str
    score: float


@dataclass(frozen=True)
class Headline:
    """A headline made of the article's own words, by deletion only.

    ``spans`` are the ascending, non-overlapping ``(start, end)`` character offsets, in the text
    given to the engine, of the pieces of sentence ``sentence_index`` that the headline keeps;
    ``text`` is those pieces joined, with a single space only where two ASCII letters or digits
    of different pieces meet.
    """

    text: str
    score: float
    sentence_index: int
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class StageTimes:
    """Milliseconds each step of the pipeline took, measured like ``elapsed_ms`` (what the
    service's metrics show by stage). Not part of the record. ``ranking`` is the sentence and
    keyword graphs (steps 3-4), ``document`` normalisation, splitting and tokenization."""

    document: float = 0.0
    ranking: float = 0.0
    keyphrases: float = 0.0
    summary: float = 0.0
    headlines: float = 0.0


@dataclass(frozen=True)
class Stats:
    characters: int
    sentences: int
    tokens: int
    elapsed_ms: float
    stages: StageTimes = field(default_factory=StageTimes)
    # The input's script: simplified, traditional or mixed (summarizer.script.detect).
    script: str = "simplified"


@dataclass(frozen=True)
class Analysis:
    """Everything the engine says about one text.

    ``summary`` holds the chosen sentences in reading order; a sentence cut to fit the
    character budget keeps its index and start offset, with a shorter ``text``/``end``.
    ``notes`` explains degenerate inputs (empty text, one sentence, no graph edges...).
    """

    sentences: tuple[Sentence, ...]
    summary: tuple[Sentence, ...]
    keywords: tuple[ScoredText, ...]
    keyphrases: tuple[ScoredText, ...]
    headlines: tuple[Headline, ...]
    stats: Stats
    notes: tuple[str, ...] = field(default=())

    @property
    def summary_text(self) -> str:
        """The summary's sentences joined, a line break after one that ends without a final mark
        (a heading or a lead-in of the text), within the summary's budget."""
        return join_sentences(s.text for s in self.summary)

    def to_record(self, record_id: Any = None) -> dict[str, Any]:
        return {
            "id": record_id,
            "summary": [{"text": s.text, "index": s.index, "score": _round(s.score)} for s in self.summary],
            "keywords": [{"text": k.text, "score": _round(k.score)} for k in self.keywords],
            "keyphrases": [{"text": k.text, "score": _round(k.score)} for k in self.keyphrases],
            "headlines": [
                {
                    "text": h.text,
                    "score": _round(h.score),
                    "sentence_index": h.sentence_index,
                    "spans": [[start, end] for start, end in h.spans],
                }
                for h in self.headlines
            ],
            # Every sentence with its offsets and score: what the web page shades, and what a
            # client needs to show the summary in its context.
            "sentences": [
                {"index": s.index, "text": s.text, "start": s.start, "end": s.end, "score": _round(s.score)}
                for s in self.sentences
            ],
            "stats": {
                "characters": self.stats.characters,
                "sentences": self.stats.sentences,
                "tokens": self.stats.tokens,
                "elapsed_ms": round(self.stats.elapsed_ms, 3),
                "script": self.stats.script,
                "notes": list(self.notes),
            },
        }


def _round(value: float) -> float:
    return round(float(value), 6)

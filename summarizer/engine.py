"""The engine: one object holding the read-only resources (tokenizer, stop words) and the
analysis pipeline. Safe to share between threads: ``analyze`` keeps no state on ``self``.

STUB: a lead-sentence placeholder until the TextRank pipeline lands.
"""

from __future__ import annotations

import re
import time

from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.result import Analysis, Headline, ScoredText, Sentence, Stats

_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]*")


class Engine:
    def __init__(self) -> None:
        pass

    def analyze(self, text: str, *, options: Options = DEFAULT_OPTIONS) -> Analysis:
        started = time.perf_counter()
        sentences = tuple(
            Sentence(i, m.group().strip(), m.start(), m.end(), 1.0 / (i + 1))
            for i, m in enumerate(m for m in _SENTENCE.finditer(text) if m.group().strip())
        )
        budget = options.max_chars or 10**9
        summary: list[Sentence] = []
        used = 0
        for s in sentences:
            if used + len(s.text) > budget:
                break
            summary.append(s)
            used += len(s.text)
        headlines = tuple(Headline(s.text[:20], s.score, s.index) for s in sentences[: options.headlines])
        return Analysis(
            sentences=sentences,
            summary=tuple(summary),
            keywords=tuple(ScoredText(w, 1.0) for w in []),
            keyphrases=(),
            headlines=headlines,
            stats=Stats(len(text), len(sentences), 0, (time.perf_counter() - started) * 1000),
        )

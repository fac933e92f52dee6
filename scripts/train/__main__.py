"""``python -m scripts.train``: train every model of the engine, in a fixed order (``make train``)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from scripts.train import (
    headline_compression,
    headline_ranker,
    headline_words,
    keyphraseness,
    keyphrases,
    keywords,
    page_headings,
    page_openings,
)
from scripts.train.data import SHARED, TrainingRecord, training_records

PACKAGE_DATA = Path(__file__).resolve().parents[2] / "summarizer" / "data"
# Each trainer reads the training records and writes its parameters file into the package data.
Trainer = Callable[[list[TrainingRecord], Path], Path]
# The key phrase scorer reads the keyword scores: the keyword trainer runs first. (Both count
# their own cross-fitted keyphraseness; the shipped table is for the engine.)
TRAINERS: list[tuple[str, Trainer]] = [
    ("page headings", page_headings.train),
    ("page openings", page_openings.train),
    ("keyphraseness", keyphraseness.train),
    ("keywords", keywords.train),
    ("keyphrases", keyphrases.train),
    # The ranker reads the title word model and the deletion model the lines before write.
    ("headline_words", headline_words.train),
    ("headline_compression", headline_compression.train),
    ("headline_ranker", headline_ranker.train),
]


def main() -> int:
    if not (SHARED / "eval").is_dir():
        sys.stderr.write(f"error: the training data ({SHARED / 'eval'}) is not there\n")
        return 1
    records = list(training_records())
    for name, trainer in TRAINERS:
        written = trainer(records, PACKAGE_DATA)
        sys.stdout.write(f"{name}: wrote {written}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The kicker/title splitter of the page parser (``summarizer/pages/headings.py``).

Every People's Daily training article gives one line as a block extractor would give it: its
kicker run into its title (or the title alone, which must stay whole), with the split the editors
made. A softmax over "no split" and every candidate boundary is fitted by stochastic gradient
ascent. The boundary-word statistics (how often a word starts or ends a headline) come from all
training headlines: kickers, titles, subtitles and the THUCNews titles; while fitting, an
article's own features read statistics counted without its fold, so that the weights learn how
far such counts generalise, not how well they remember.

Deterministic: fixed fold assignment, a seeded shuffle, rounded weights, sorted keys.
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import rjieba

from scripts.train.data import TrainingRecord, off_dev_pages
from summarizer.pages.headings import (
    MODEL_FILE,
    BoundaryWords,
    HeadingModel,
    Option,
    log_ratio,
    options,
    squash_spaces,
)
from summarizer.pages.text import column_tag_start

FOLDS = 5
EPOCHS = 10
LEARNING_RATE = 0.1
DECAY = 0.8
SEED = 0
DIGITS = 4
MIN_OCCURRENCES = 2
MIN_WEIGHT = 0.05


def _strip_tag(title: str) -> str:
    line = squash_spaces(title)
    return line[: column_tag_start(line)].rstrip()


def _headlines(record: TrainingRecord) -> list[str]:
    lines = [_strip_tag(record.title)]
    if record.kicker:
        lines.append(squash_spaces(record.kicker).rstrip("—：:"))
    if record.subtitle:
        lines.append(squash_spaces(record.subtitle).lstrip("—").strip())
    return [line for line in lines if line]


def boundary_words(headlines: Iterable[str]) -> BoundaryWords:
    starts: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    occurrences: Counter[str] = Counter()
    for line in headlines:
        words = [word for word in rjieba.cut(line, True) if word.strip()]
        if not words:
            continue
        starts[words[0]] += 1
        ends[words[-1]] += 1
        occurrences.update(words)
    kept = sorted(word for word, count in occurrences.items() if count >= MIN_OCCURRENCES)
    return BoundaryWords(
        {word: log_ratio(starts[word], occurrences[word]) for word in kept},
        {word: log_ratio(ends[word], occurrences[word]) for word in kept},
        log_ratio(0, 1),
    )


def _example(record: TrainingRecord, words: BoundaryWords) -> tuple[int, list[Option]] | None:
    kicker = squash_spaces(record.kicker or "")
    line = kicker + _strip_tag(record.title)
    found = options(line, words, over_subtitle=record.subtitle is not None)
    gold = len(kicker)
    return (gold, found) if any(option.start == gold for option in found) else None


def _fit(examples: Sequence[tuple[int, list[Option]]]) -> dict[str, float]:
    weights: dict[str, float] = {}
    order = list(range(len(examples)))
    shuffle = random.Random(SEED)
    rate = LEARNING_RATE
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for index in order:
            gold, found = examples[index]
            scores = [sum(weights.get(n, 0.0) * v for n, v in option.features) for option in found]
            top = max(scores)
            exps = [math.exp(score - top) for score in scores]
            total = sum(exps)
            for option, weight in zip(found, exps, strict=True):
                gradient = (1.0 if option.start == gold else 0.0) - weight / total
                if abs(gradient) < 1e-9:
                    continue
                for name, value in option.features:
                    weights[name] = weights.get(name, 0.0) + rate * gradient * value
        rate *= DECAY
    return weights


def train_model(records: Sequence[TrainingRecord]) -> HeadingModel:
    papers = [record for record in records if record.source == "peoples_daily"]
    others = [line for record in records if record.source != "peoples_daily" for line in _headlines(record)]
    examples = []
    for fold in range(FOLDS):
        counted = [record for n, record in enumerate(papers) if n % FOLDS != fold]
        words = boundary_words(others + [line for record in counted for line in _headlines(record)])
        for n, record in enumerate(papers):
            if n % FOLDS == fold and (example := _example(record, words)) is not None:
                examples.append((n, example))
    examples.sort(key=lambda item: item[0])
    weights = _fit([example for _, example in examples])
    words = boundary_words(others + [line for record in papers for line in _headlines(record)])
    return HeadingModel(weights, words)


def model_record(model: HeadingModel) -> dict[str, object]:
    def rounded(values: Mapping[str, float]) -> dict[str, float]:
        return {key: round(value, DIGITS) for key, value in sorted(values.items())}

    words = model.boundary_words
    # Words and characters seen a few times get tiny weights that change no decision: kept out.
    weights = {name: weight for name, weight in rounded(model.weights).items() if abs(weight) >= MIN_WEIGHT}
    return {
        "about": "summarizer/pages/headings.py's kicker/title splitter, by scripts/train/page_headings.py",
        "weights": weights,
        "boundary_words": {
            "starts": rounded(words.starts),
            "ends": rounded(words.ends),
            "unseen": round(words.unseen, DIGITS),
        },
    }


def model_text(model: HeadingModel) -> str:
    """The parameters file's text: sorted keys, one entry a line."""
    return json.dumps(model_record(model), ensure_ascii=False, sort_keys=True, indent=0) + "\n"


def train(records: list[TrainingRecord], package_data: Path) -> Path:
    """Fitted on the records less the articles of the dev pages, which measure the parser."""
    path = package_data / MODEL_FILE
    path.write_text(model_text(train_model(off_dev_pages(records))), encoding="utf-8")
    return path

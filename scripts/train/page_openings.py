"""The page parser's test of a one-line heading: a new article's title or a section heading
(``summarizer/pages/openings.py``).

Examples from the People's Daily training articles, as the parser meets them on a page: every
heading-like line inside an article's text is a section heading (the article above it so far,
the text under it); the title of the next article of the same page (by the order on the page in
the record's id; with its kicker run in, as block extractors give it) opens an article (the whole
article above it, its own text under it). A logistic regression (``logistic.fit_logistic``) fits
the cues. The threshold is the lowest at which few section headings out of fold (pages apart in five
folds) would open an article: a section cut off its article costs more than a title left as a
section heading.

Deterministic: fixed folds, exact Newton steps, rounded numbers, sorted keys.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from scripts.train.data import TrainingRecord, off_dev_pages
from scripts.train.logistic import fit_logistic, rounded
from summarizer.pages.lines import Kind, classify, is_box_label
from summarizer.pages.openings import FEATURES, MODEL_FILE, OpeningModel, above_of, features
from summarizer.pages.segment import ARTICLE_OPENERS
from summarizer.pages.text import DATELINE, ends_sentence, is_heading_like

L2 = 1.0
FOLDS = 5
# Out-of-fold section headings read as titles: an article of four sections is cut in two once
# in twenty at this rate.
MAX_FALSE_OPENINGS = 0.015
THRESHOLDS = tuple(k / 20 for k in range(10, 20))  # 0.50 .. 0.95
# A record titled by a column label (速览, 微阅读, 数读) holds briefs under titles of their own,
# which are not section headings.
LABEL_MAX_CHARS = 4
_PLACE = re.compile(r"^rmrb-(\d{8})-(\d{2})-(\d+)$")

Example = tuple[list[float], float, str]  # features, label, page


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _section_under(paragraphs: list[str], k: int) -> list[str]:
    """The paragraphs under heading ``k``, up to the next heading."""
    below = []
    for paragraph in paragraphs[k + 1 :]:
        if is_heading_like(paragraph):
            break
        below.append(paragraph)
    return below


def _weighed(heading: str, below: list[str]) -> bool:
    """A line the parser asks the model about (``segment._reads_as_new_story``): a plain
    heading, not a credit, byline, bracketed note or box label, over finished text that does
    not open with a byline or dateline (which open an article without the model)."""
    plain = classify(heading) is Kind.BODY and not is_box_label(heading) and heading[0] not in "（("
    if not plain or not below or classify(below[0]) in ARTICLE_OPENERS or DATELINE.match(below[0]):
        return False
    return any(ends_sentence(paragraph) for paragraph in below)


def _head(record: TrainingRecord) -> str:
    return (record.kicker or "") + record.title


def _examples(records: Sequence[TrainingRecord]) -> list[Example]:
    examples: list[Example] = []
    pages: dict[str, list[tuple[int, TrainingRecord]]] = defaultdict(list)
    for record in records:
        place = _PLACE.match(record.id)
        if record.source != "peoples_daily" or place is None:
            continue
        page = f"{place.group(1)}-{place.group(2)}"
        pages[page].append((int(place.group(3)), record))
        paragraphs = _paragraphs(record.text)
        earlier: list[str] = []
        for k in range(1, len(paragraphs) - 1):
            if not is_heading_like(paragraphs[k]):
                continue
            below = _section_under(paragraphs, k)
            if len(record.title) > LABEL_MAX_CHARS and _weighed(paragraphs[k], below):
                above = "\n".join([_head(record), *paragraphs[:k]])
                cues = features(above_of(above), paragraphs[k], "\n".join(below), earlier)
                examples.append(([cues[name] for name in FEATURES], 0.0, page))
            earlier.append(paragraphs[k])
    for page, stories in sorted(pages.items()):
        stories.sort(key=lambda item: item[0])
        for (_, first), (_, second) in itertools.pairwise(stories):
            paragraphs = _paragraphs(first.text)
            earlier = [p for p in paragraphs[1:-1] if is_heading_like(p)]
            under = _paragraphs(second.text)
            if not _weighed(_head(second), _section_under(["", *under], 0)):
                continue
            above = "\n".join([_head(first), *paragraphs])
            cues = features(above_of(above), _head(second), second.text, earlier)
            examples.append(([cues[name] for name in FEATURES], 1.0, page))
    return examples


def _probabilities(
    weights: npt.NDArray[np.float64], bias: float, rows: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    result: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-(rows @ weights + bias)))
    return result


def _threshold(rows: npt.NDArray[np.float64], labels: npt.NDArray[np.float64], pages: list[str]) -> float:
    """The lowest threshold at which at most ``MAX_FALSE_OPENINGS`` of the section headings,
    out of fold, open an article."""
    names = sorted(set(pages))
    fold_of = {name: k % FOLDS for k, name in enumerate(names)}
    folds = np.array([fold_of[page] for page in pages])
    held_out = np.zeros(len(labels))
    for fold in range(FOLDS):
        train = folds != fold
        weights, bias = fit_logistic(rows[train], labels[train], l2=L2)
        held_out[~train] = _probabilities(weights, bias, rows[~train])
    for threshold in THRESHOLDS:
        false_openings = (held_out > threshold) & (labels == 0.0)
        if false_openings.sum() <= MAX_FALSE_OPENINGS * (labels == 0.0).sum():
            return threshold
    return THRESHOLDS[-1]


def train_model(records: Sequence[TrainingRecord]) -> OpeningModel:
    examples = _examples(records)
    rows = np.array([row for row, _, _ in examples], dtype=np.float64)
    labels = np.array([label for _, label, _ in examples], dtype=np.float64)
    pages = [page for _, _, page in examples]
    weights, bias = fit_logistic(rows, labels, l2=L2)
    return OpeningModel(
        {name: rounded(float(weight)) for name, weight in zip(FEATURES, weights, strict=True)},
        rounded(bias),
        _threshold(rows, labels, pages),
    )


def model_text(model: OpeningModel) -> str:
    record = {
        "about": "summarizer/pages/openings.py's heading test, by scripts/train/page_openings.py",
        "weights": dict(sorted(model.weights.items())),
        "bias": model.bias,
        "threshold": model.threshold,
    }
    return json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def train(records: list[TrainingRecord], package_data: Path) -> Path:
    """Fitted on the records less the articles of the dev pages, which measure the parser."""
    path = package_data / MODEL_FILE
    path.write_text(model_text(train_model(off_dev_pages(records))), encoding="utf-8")
    return path

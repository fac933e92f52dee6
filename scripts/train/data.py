"""The training records: what every trainer reads, and nothing else.

- ``../shared/eval/train/peoples_daily_train.jsonl.gz``: 2,676 People's Daily articles with
  kicker, title and subtitle (none of them in ``dev/peoples_daily.jsonl``);
- ``../shared/eval/dev/thucnews.jsonl`` less its validation part
  (:func:`summarizer.evaluation.is_thucnews_validation`).

``dev/peoples_daily.jsonl`` and the THUCNews validation part are never read here: they are what
the learned models are measured on.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.evaluation import is_thucnews_validation

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PEOPLES_DAILY_TRAIN = Path("eval/train/peoples_daily_train.jsonl.gz")
THUCNEWS_DEV = Path("eval/dev/thucnews.jsonl")
# A column tag closing a print headline, （钟声）, (新春走基层): not part of the headline itself.
_COLUMN_TAG = re.compile(r"\s*[（(][^（）()]{1,12}[）)]\s*$")


@dataclass(frozen=True)
class TrainingRecord:
    id: str
    source: str  # "peoples_daily" or "thucnews"
    text: str
    title: str  # the headline without a trailing column tag
    kicker: str | None
    subtitle: str | None

    @property
    def editors_lines(self) -> str:
        """Kicker, title and subtitle: the lines an editor wrote for the article."""
        return " ".join(line for line in (self.kicker, self.title, self.subtitle) if line)


def title_core(title: str) -> str:
    return _COLUMN_TAG.sub("", title).strip() or title.strip()


def training_records(shared: Path = SHARED) -> Iterator[TrainingRecord]:
    """Every training record, in file order (People's Daily first)."""
    with gzip.open(shared / PEOPLES_DAILY_TRAIN, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield TrainingRecord(
                str(record["id"]),
                "peoples_daily",
                record["text"],
                title_core(record["title"]),
                record.get("kicker") or None,
                record.get("subtitle") or None,
            )
    with (shared / THUCNEWS_DEV).open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if is_thucnews_validation(record["id"]):
                continue
            yield TrainingRecord(
                str(record["id"]), "thucnews", record["text"], record["title"].strip(), None, None
            )

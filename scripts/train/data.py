"""The training records: what every trainer reads, and nothing else.

- ``../shared/eval/train/peoples_daily_train.jsonl.gz``: 2,676 People's Daily articles with
  kicker, title and subtitle (none of them in ``dev/peoples_daily.jsonl``);
- ``../shared/eval/dev/thucnews.jsonl`` less its validation part
  (:func:`summarizer.evaluation.is_thucnews_validation`).

``dev/peoples_daily.jsonl`` and the THUCNews validation part are never read here: they are what
the learned models are measured on. The page models measured on the dev pages (``dev/pages.jsonl``,
``dev/pdfpages.jsonl``: People's Daily pages of the training months) leave out the articles printed
on those pages (:func:`off_dev_pages`).
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
DEV_PAGES = (Path("eval/dev/pages.jsonl"), Path("eval/dev/pdfpages.jsonl"))
# A dev page's id ends in its date and page number (page-20200103-03); a People's Daily article's
# id holds them before its place on the page (rmrb-20200103-03-2).
_DEV_PAGE_PLACE = re.compile(r"(\d{8})-(\d{2})$")
_ARTICLE_PLACE = re.compile(r"^rmrb-(\d{8})-(\d{2})-\d+$")
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


def dev_page_places(shared: Path = SHARED) -> frozenset[tuple[str, str]]:
    """The (date, page) of every dev page, read from the dev page files' ids."""
    places = set()
    for name in DEV_PAGES:
        with (shared / name).open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip() and (place := _DEV_PAGE_PLACE.search(json.loads(line)["id"])):
                    places.add((place.group(1), place.group(2)))
    return frozenset(places)


def off_dev_pages(records: list[TrainingRecord], shared: Path = SHARED) -> list[TrainingRecord]:
    """The records less the articles printed on a dev page (same date and page number): a page
    model must not have read the articles of the pages it is measured on."""
    places = dev_page_places(shared)
    return [
        record
        for record in records
        if not ((place := _ARTICLE_PLACE.match(record.id)) and (place.group(1), place.group(2)) in places)
    ]

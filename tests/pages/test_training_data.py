"""The page models' training records leave out the articles printed on a dev page
(``scripts/train/data.off_dev_pages``): the parser is measured on those pages."""

from __future__ import annotations

import json
from pathlib import Path

from scripts.train.data import DEV_PAGES, TrainingRecord, off_dev_pages


def _record(record_id: str, source: str = "peoples_daily") -> TrainingRecord:
    return TrainingRecord(record_id, source, "正文。", "标题", None, None)


def test_articles_of_a_dev_page_are_left_out_by_date_and_page(tmp_path: Path) -> None:
    for name, page in zip(DEV_PAGES, ("page-20200103-03", "pdfpage-20190202-04"), strict=True):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(json.dumps({"id": page, "text": "…"}) + "\n", encoding="utf-8")
    records = [
        _record("rmrb-20200103-03-1"),  # on the first dev page
        _record("rmrb-20200103-04-1"),  # same day, another page
        _record("rmrb-20190202-04-12"),  # on the second dev page
        _record("rmrb-20190203-04-1"),  # same page number, another day
        _record("20200103-03", "thucnews"),  # not a People's Daily article
    ]
    kept = [record.id for record in off_dev_pages(records, tmp_path)]
    assert kept == ["rmrb-20200103-04-1", "rmrb-20190203-04-1", "20200103-03"]

"""Keywords and key phrases on the validation records, scored by ``../shared/tools/score.py``
(120-character summaries, as ``make eval``): People's Daily dev and the THUCNews validation
part, which no trainer reads. Floors sit at the issue's required values; where the engine does
not reach one yet, the test is an expected failure stating the measured figure, and a
regression floor just under the measured figure guards what it does reach."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from summarizer import Engine, Options
from summarizer.evaluation import is_thucnews_validation, load_jsonl, load_reference_scorer

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SETS = ("peoples_daily", "thucnews_validation")
# The issue's required values (People's Daily dev, THUCNews validation).
REQUIRED = {
    "keywords_p5_in_ref": {"peoples_daily": 0.45, "thucnews_validation": 0.40},
    "keyphrases_p5_in_ref": {"peoples_daily": 0.16, "thucnews_validation": 0.11},
    "keywords_bigram_recall": {"peoples_daily": 0.30, "thucnews_validation": 0.30},
}
# Measured on this engine (see BENCHMARKS.md), less a small margin: a regression fails.
MEASURED = {
    # Stop 25 (0.3962 / 0.3500 before): forms of address and stems of longer words are no
    # keywords (机动 of 机动式, which a kicker held, left the first five). Stop 26 (0.3958 /
    # 0.3502 before): a place pointed back to (该市, 该区) counts as said again, which puts the
    # story's place first (孟州市, 山阳区 on the seed page) and reorders other lists a little.
    # Stop 28 (0.3950 / 0.3505 before): a word most articles hold is lowered (发展, 人民, 建设:
    # terms.keyphraseness.GENERIC_SHARE).
    "keywords_p5_in_ref": {"peoples_daily": 0.3965, "thucnews_validation": 0.3509},
    # Stop 25 (0.1088 / 0.0729 before): of two phrases that cross, only the better one stays
    # (店长坐镇 beside 美女店长), which also drops pieces that partly matched titles (教育改革 of
    # 职业教育改革).
    # Stop 26 (0.1058 before): words of the ambiguous band are verbs in a run of verbs before
    # their object (对标对表省委 gone); the retrained model moves one phrase in 6,000.
    # Stop 27 (0.1057 / 0.0721 before): organisations' names whole (上海合作组织, not 上海合作).
    # Stop 28 (0.1063 / 0.0723 before): a place's head jieba cut from its name opens and ends
    # no phrase (no 街道返村, no 朝阳区望京), and the retrained model reorders some lists; a
    # name whole takes its piece's place (中国文化国际传播研究院, not 中国文化).
    "keyphrases_p5_in_ref": {"peoples_daily": 0.1063, "thucnews_validation": 0.0721},
    "keywords_bigram_recall": {"peoples_daily": 0.2445, "thucnews_validation": 0.2374},
}
MARGIN = 0.005


@functools.cache
def _scores(name: str) -> dict[str, Any]:
    dev = SHARED / "eval" / "dev"
    if not (SHARED / "tools" / "score.py").is_file() or not dev.is_dir():
        pytest.skip(f"needs ../shared (the dev sets and tools/score.py beside the repository): {SHARED}")
    if name == "peoples_daily":
        records = load_jsonl(dev / "peoples_daily.jsonl")
    else:
        records = [
            record for record in load_jsonl(dev / "thucnews.jsonl") if is_thucnews_validation(record["id"])
        ]
    engine = Engine()
    options = Options(max_chars=120)
    predictions = {
        str(record["id"]): engine.analyze(record["text"], options=options).to_record(record["id"])
        for record in records
    }
    scorer = load_reference_scorer(SHARED / "tools" / "score.py")
    result: dict[str, Any] = scorer.score_articles(records, predictions, 120)
    return result


@pytest.mark.parametrize("name", SETS)
@pytest.mark.parametrize("metric", sorted(MEASURED))
def test_no_regression_below_the_measured_figure(metric: str, name: str) -> None:
    assert _scores(name)[metric] >= MEASURED[metric][name] - MARGIN


def _required_cases() -> list[Any]:
    cases = []
    for metric in sorted(REQUIRED):
        for name in SETS:
            measured, required = MEASURED[metric][name], REQUIRED[metric][name]
            marks = (
                [
                    pytest.mark.xfail(
                        strict=True, reason=f"not reached: measured {measured}, required {required}"
                    )
                ]
                if measured < required
                else []
            )
            cases.append(pytest.param(metric, name, marks=marks, id=f"{metric}-{name}"))
    return cases


@pytest.mark.parametrize(("metric", "name"), _required_cases())
def test_the_issues_required_value(metric: str, name: str) -> None:
    assert _scores(name)[metric] >= REQUIRED[metric][name]

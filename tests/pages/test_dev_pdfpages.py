"""The text path on ../shared/eval/dev/pdfpages.jsonl: real pages typeset into a multi-column
PDF and extracted with PyMuPDF's text blocks (a kicker run into its title, credits glued to
captions, a column break in nearly every column), at the targets of issue 17."""

from __future__ import annotations

from typing import Any

import pytest

from .scoring import TEXT_PATH_TARGETS, dev_records, score_pages

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def metrics() -> dict[str, Any]:
    return score_pages(dev_records("pdfpages.jsonl"), lambda record: str(record["text"]))


# Figures under the target, with the reason: metric -> why.
SHORT_OF_TARGET = {
    "title_f1": (
        "0.8499: the kicker/title splitter (page_headings) no longer learns from the articles of "
        "the dev pages (scripts/train/data.off_dev_pages); with them it read 0.916. Held out on "
        "five training folds it splits 0.891 of 2,308 kicker+title lines right, but only 0.675 of "
        "the 624 with a kicker: a kicker that is a whole clause (规范采砂取土 + 青海明确…) reads like "
        "the title's first clause once its type size is gone. Of the 31 dev titles missed, 18 keep "
        "their kicker (the whole line scores higher), 7 are split a word or two off the kicker's "
        "end, 2 without a kicker are split, 4 are not found as titles. No cue tried raised the "
        "held-out figure: word classes of each part, clause ends of running text, class boundary "
        "statistics, made-up kicker+title pairs (stop 27); the kicker's closing colon or dash kept "
        "in the boundary-word counts (0.891 / 0.673), how much more often the two characters "
        "across the split stand together in headlines than by chance (0.890 / 0.673), the line's "
        "length against the other headlines of its page (a training page's longer line has no "
        "more kickers once its own length is known: 0.27 against 0.20 at 17-19 characters, 0.54 "
        "against 0.62 at 20-24), and the weights of the boundary's own words and characters are "
        "needed (without them 0.880). Where an extractor keeps the printed lines, their widths "
        "tell the kickers that PyMuPDF's blocks lose (reflow.title_frame_changes)"
    ),
}


def _case(metric: str, target: float) -> Any:
    reason = SHORT_OF_TARGET.get(metric)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(metric, target, marks=marks, id=f"{metric}-{target}")


@pytest.mark.parametrize(
    ("metric", "target"), [_case(metric, target) for metric, target in sorted(TEXT_PATH_TARGETS.items())]
)
def test_pdfpages_target(metrics: dict[str, Any], metric: str, target: float) -> None:
    assert metrics["missing"] == 0.0
    assert metrics[metric] >= target, metrics

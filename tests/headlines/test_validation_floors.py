"""Quality floors on the validation records, which no training reads: People's Daily dev (1,200)
and the THUCNews validation part (1,108, :func:`summarizer.evaluation.is_thucnews_validation`).
Computed with ``../shared/tools/score.py``'s own functions on the engine's records, 120-character
summaries, as ``make eval`` does.

- Summaries: recall of the editors' lines no lower than before the headline work (issue 16).
- Headlines: issue 16 requires top-1 ROUGE-L >= 0.27 / 0.29 and best-of-3 >= 0.37 / 0.38. The
  engine does not reach them (measured below; the best candidate the engine makes scores 0.383 /
  0.371, so best-of-3 >= 0.38 is above what any ranking of its candidates could give on
  THUCNews): those floors are strict expected failures, so the day they pass the test says so.
  Until then the floors just under the measured values (all well above the first-clause
  baseline, 0.147 / 0.172 top-1 on these records) catch a regression.
- Form: no first headline opens on a word that needs what came before or ends on one that
  needs what follows. The rules filter every candidate (:mod:`summarizer.headline.form`), so
  the ceiling is zero: any headline that breaks them came by a path around the filter.
"""

from __future__ import annotations

import functools
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from summarizer import Engine, Options
from summarizer.evaluation import is_thucnews_validation, load_jsonl, load_reference_scorer
from summarizer.headline.form import form_fault

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
pytestmark = pytest.mark.shared

# set: (summary_r1_recall, summary_r2_recall) before issue 16's headline work. Since stop 27 the
# subheadings of a series stay out of summaries (summarizer/subheadings.py): THUCNews validation
# 0.6248 / 0.3803, at issue 16's floor of 0.380 for r2 (a product sheet's or a guide's heads
# share the title's words, but they say nothing without the paragraphs they head).
SUMMARY_FLOORS = {"peoples_daily": (0.5786, 0.3636), "thucnews_validation": (0.6242, 0.3800)}
REQUIRED_HEADLINES = {"peoples_daily": (0.27, 0.37), "thucnews_validation": (0.29, 0.38)}
# measured (make eval) with the learned deletion model's candidates of the lead sentence and the
# ranker retrained on them, the pick among the 15 best, keywords with whole units: top-1 0.2295 /
# 0.2595, best-of-3 0.2988 / 0.3198 (the form rules refuse noun phrases, speech, attributions,
# anaphors, lost subjects, questions; since stop 24 also pieces of quotations, appositives after
# a dash, cuts inside a noun phrase, 他/她, an adverbial verb alone, predicates of a subject that a
# pronoun, a list of titles or an attribution holds, an open 在… frame at the end. Those refusals
# cost 0.005 / 0.002 top-1 and 0.012 / 0.006 best-of-3 against 0.2345 / 0.2614 and 0.3104 /
# 0.3256 before: the candidates they refuse share words with the titles but do not read as
# headlines.)
# Stop 25, merged: a predicate of its own (no destination or coverb's adverbial alone, no clause
# of result, no object of a lost preposition, no deletion after 拟于/已于 or inside a date, no
# opening on 接下来/此后, no 才 after the subject, an occasion clause …会上 is no subject) and a
# speaker's call as an imperative; the ranker retrained on the merged candidates and key
# phrases: 0.2287 / 0.2582 and 0.2991 / 0.3187 (0.2295 / 0.2595 and 0.2988 / 0.3198 before).
# First headlines read usable 51 / 60 (49 before); the speeches narrated by 我们 now get one.
# Stop 26: no joined candidate keeps a leading time or place clause (…开展以来，甲区…) or a
# subjectless predicate before a clause with its own subject (同比增长…，外贸实现…); a verb the
# tagger writes as a noun (计划/n 租赁/v) takes the sentence's subject; no subject goes with the
# predicates after a proposal (甲建议…，实现…); 在 stays with an occasion frame after a time; a
# phrase of basis (按…) does not end a clause without its verb; the ranker retrained:
# 0.2283 / 0.2578 and 0.2989 / 0.3180 (0.2287 / 0.2582 and 0.2991 / 0.3187 before). The rule on
# time clauses alone cost 0.0008 of THUCNews top-1 (the titles share words with the time clause
# an editor deletes). First headlines read usable 52 / 60 (51 before; seed 0 no longer leads
# with a clause without its subject). Merged with the newsroom lines of stop 26 (⊙记者 X ○编辑 Y,
# X/文, 图库供稿 out of the documents, so sentence positions move in 71 THUCNews articles) and
# every model retrained: 0.2280 / 0.2563 and 0.2989 / 0.3180. The first headlines that changed
# read neither better nor worse (a re-ordering of the same candidates in most).
# Stop 27: a predicate of a subject the sentence points to (该市…) and a run-in subheading rank
# below the statements with their subject; a thing in a state (现有税率不变) goes with no later
# predicate; no proposal without its proposer, no date left after 截至; a fixed expression
# (个人所得税/l) opens a subject of its own; the calls and scopes read every word of obligation;
# the ranker retrained: 0.2282 / 0.2574 and 0.2995 / 0.3178 (0.2280 / 0.2563 and 0.2989 /
# 0.3180 before). First headlines read usable 55 / 60 (52 before: seeds 1 and 4, THUCNews 46).
# Merged with the summary's subheadings (the one detector the demotion reads) and a modal
# (会, 能, 可以, 可能 …) opening no headline, the ranker retrained: 0.2280 / 0.2584 and 0.2994 /
# 0.3173.
# Stop 28: the predicates after a semicolon keep the subject before it (no headline of them
# without it), a deleted place phrase ends before the pronoun that acts, a verbal noun with its
# quantity is a predicate: 0.2278 / 0.2587 and 0.2994 / 0.3179; the ranker retrained on them:
# 0.2283 / 0.2584 and 0.2989 / 0.3184. The PD best-of-3 floor moves to 0.298 (-0.0005, the
# retrain's reshuffle of later headlines): the refused predicates without their subject
# (坚持在项目…考核党员, 加强党员日常管理) were later headlines that shared words with titles.
REGRESSION_HEADLINES = {"peoples_daily": (0.227, 0.298), "thucnews_validation": (0.257, 0.317)}
FORBIDDEN_OPENINGS = frozenset(["就", "也", "还", "并", "而", "但", "是", "把", "将", "对", "使"])
FORBIDDEN_ENDINGS = frozenset(["的", "和", "不会", "能够", "能", "会", "可以"])


def _shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared beside the repository)")
    return path


@functools.cache
def _validation(name: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    file = "peoples_daily.jsonl" if name == "peoples_daily" else "thucnews.jsonl"
    records = load_jsonl(_shared("eval", "dev", file))
    if name == "thucnews_validation":
        records = [r for r in records if is_thucnews_validation(r["id"])]
    engine = Engine()
    options = Options(max_chars=120)
    predictions = {
        str(r["id"]): engine.analyze(r["text"], options=options).to_record(r["id"]) for r in records
    }
    return records, predictions


def _scorer() -> ModuleType:
    return load_reference_scorer(_shared("tools", "score.py"))


def _metrics(name: str) -> dict[str, Any]:
    records, predictions = _validation(name)
    metrics: dict[str, Any] = _scorer().score_articles(records, predictions, 120)
    return metrics


@pytest.mark.parametrize("name", sorted(SUMMARY_FLOORS))
def test_summaries_recall_no_less_than_before(name: str) -> None:
    metrics = _metrics(name)
    r1, r2 = SUMMARY_FLOORS[name]
    assert metrics["summary_r1_recall"] >= r1
    assert metrics["summary_r2_recall"] >= r2
    assert metrics["summary_over_budget"] == 0


@pytest.mark.parametrize("name", sorted(REGRESSION_HEADLINES))
def test_headlines_hold_their_level(name: str) -> None:
    metrics = _metrics(name)
    top1, best3 = REGRESSION_HEADLINES[name]
    assert metrics["headline_top1_rl"] >= top1
    assert metrics["headline_best3_rl"] >= best3


@pytest.mark.xfail(strict=True, reason="issue 16's headline targets are not reached yet (see the report)")
@pytest.mark.parametrize("name", sorted(REQUIRED_HEADLINES))
def test_headlines_reach_the_required_floors(name: str) -> None:
    metrics = _metrics(name)
    top1, best3 = REQUIRED_HEADLINES[name]
    assert metrics["headline_top1_rl"] >= top1
    assert metrics["headline_best3_rl"] >= best3


@pytest.mark.parametrize("name", sorted(SUMMARY_FLOORS))
def test_first_headlines_never_open_or_end_on_a_forbidden_word(name: str) -> None:
    records, predictions = _validation(name)
    engine = Engine()
    broken: list[str] = []
    for record in records:
        headlines = predictions[str(record["id"])]["headlines"]
        if not headlines:
            continue
        first = headlines[0]
        spans = first["spans"]
        sentence = engine.document(record["text"]).sentences[first["sentence_index"]]
        covered = tuple(
            token for token in sentence.tokens if any(start <= token.start < end for start, end in spans)
        )
        kept = tuple(token for token in covered if token.pos != "x")
        if (
            kept[0].text in FORBIDDEN_OPENINGS
            or kept[0].pos.startswith(("c", "u", "p"))
            or kept[-1].text in FORBIDDEN_ENDINGS
            or (kept[-1].pos.startswith(("c", "u", "p")) and kept[-1].text != "了")
            or form_fault(covered)
        ):
            broken.append(first["text"])
    assert broken == [], f"{len(broken)} of {len(records)}: {broken[:5]}"

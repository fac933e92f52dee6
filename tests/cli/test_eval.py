"""``summarizer eval``: score.py's article metrics through rouge-score with a character tokenizer."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import Options
from summarizer.cli import main
from summarizer.evaluation import CharacterTokenizer, predict, score_articles

TOLERANCE = 0.005
SAMPLE_PER_SET = 25


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("新华社电：GDP增长3.5%！", ["新", "华", "社", "电", "gdp", "增", "长", "3.5"]),
        ("  ，。、  ", []),
        ("iPhone 15 Pro发布", ["iphone", "15", "pro", "发", "布"]),
        ("㐀丽\uf900", ["㐀", "丽", "\uf900"]),
    ],
)
def test_tokenizer_units(text: str, units: list[str]) -> None:
    assert CharacterTokenizer().tokenize(text) == units


def _prediction(headlines: list[str], summary: str, keywords: list[str]) -> dict[str, Any]:
    return {
        "headlines": [{"text": h} for h in headlines],
        "summary": [{"text": summary}],
        "keywords": [{"text": k} for k in keywords],
        "keyphrases": [],
    }


def test_hand_computed_metrics() -> None:
    data = [
        {"id": 1, "title": "江南建温室", "text": "..."},
        {"id": 2, "title": "老街完工", "kicker": "城东", "text": "..."},
        {"id": 3, "title": "没有预测", "text": "..."},
    ]
    predictions = {
        "1": _prediction(["江南建温室", "温室"], "江南市建了温室。", ["江南", "温室"]),
        "2": _prediction(["老街改造", "街完工"], "城东老街改造工程完工了，居民高兴。", ["老街"]),
    }
    metrics = score_articles(data, predictions, max_chars=10)
    # record 2: top 老街改造 vs 老街完工 shares 2 of 4 units, 1 of 3 bigrams;
    # the best of three, 街完工, has an LCS of 3 (P 1, R 0.75, F 6/7)
    assert metrics["n"] == 3 and metrics["missing"] == round(1 / 3, 4)
    assert metrics["headline_top1_r1"] == pytest.approx((1.0 + 0.5) / 2)
    assert metrics["headline_top1_r2"] == pytest.approx((1.0 + 1 / 3) / 2, abs=1e-4)
    assert metrics["headline_best3_rl"] == pytest.approx((1.0 + 6 / 7) / 2, abs=1e-4)
    # the summaries hold every unit of kicker + title (江南建温室; 城东 老街完工)
    assert metrics["summary_r1_recall"] == 1.0
    assert metrics["summary_over_budget"] == 0.5  # the second summary has 17 characters > 10
    # title bigrams found in keywords: 江南建温室 -> 江南, 温室 of 4 bigrams; 老街完工 -> 老街 of 3
    assert metrics["keywords_bigram_recall"] == pytest.approx((2 / 4 + 1 / 3) / 2, abs=1e-4)


def test_error_records_count_as_missing() -> None:
    data = [{"id": "a", "title": "标题", "text": "正文。"}]
    metrics = score_articles(data, {"a": {"id": "a", "error": {"code": "x"}}}, max_chars=120)
    assert metrics["missing"] == 1.0 and metrics["headline_top1_rl"] is None


def _sample(shared_dir: Path, tmp_path: Path) -> Path:
    """A few dev articles of each set, copied to a temporary file (never into the repository)."""
    sample = tmp_path / "sample.jsonl"
    with sample.open("w", encoding="utf-8") as out:
        for name in ("peoples_daily.jsonl", "thucnews.jsonl"):
            with (shared_dir / "eval" / "dev" / name).open(encoding="utf-8") as handle:
                out.writelines(islice(handle, SAMPLE_PER_SET))
    return sample


def test_agrees_with_score_py_on_dev_articles(shared_dir: Path, tmp_path: Path, runner: CliRunner) -> None:
    sample = _sample(shared_dir, tmp_path)
    predictions = predict(sample, options=Options(max_chars=120), workers=1)
    ids = [json.loads(line)["id"] for line in sample.read_text(encoding="utf-8").splitlines()]
    # One missing prediction and one error record, so the missing share is exercised too.
    predictions.pop(str(ids[0]))
    predictions[str(ids[1])] = {"id": ids[1], "error": {"code": "invalid_text", "message": "m"}}
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions.values()), "utf-8")

    score_py = shared_dir / "tools" / "score.py"
    reference = subprocess.run(
        [sys.executable, str(score_py), "articles", str(sample), str(pred), "--max-chars", "120"],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = json.loads(reference.stdout)
    result = runner.invoke(main, ["eval", str(sample), "--pred", str(pred), "--max-chars", "120"])
    assert result.exit_code == 0, result.output
    ours = json.loads(result.stdout)
    assert set(ours) == set(expected)
    assert ours["n"] == expected["n"] == 2 * SAMPLE_PER_SET
    for name, value in expected.items():
        assert ours[name] == pytest.approx(value, abs=TOLERANCE), name


def test_eval_runs_the_engine_when_no_predictions_are_given(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data.jsonl"
    records = [
        {
            "id": 1,
            "title": "江南市新建智能温室",
            "text": "江南市今年新建智能温室五百亩。农民说种地更轻松了。",
        },
        {"id": 2, "title": "老街改造完工", "text": "城东老街改造工程日前完工。居民们很高兴。"},
    ]
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(main, ["eval", str(data)])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["n"] == 2 and metrics["missing"] == 0.0
    assert 0.0 < metrics["headline_top1_r1"] <= 1.0


@pytest.mark.parametrize("content", ['{"id": 1, "text": "没有标题"}\n', "not json\n"])
def test_eval_data_without_titles_exits_1(runner: CliRunner, tmp_path: Path, content: str) -> None:
    data = tmp_path / "data.jsonl"
    data.write_text(content, encoding="utf-8")
    result = runner.invoke(main, ["eval", str(data)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1

"""``summarizer eval``: the article metrics of ``../shared/tools/score.py``, computed with the
maintained ``rouge-score`` package configured for Chinese characters.

Units are those of score.py: each CJK character is one unit, an ASCII word or a number is one
unit, punctuation and white space are dropped; text is lower-cased first. With that tokenizer
rouge-score's ROUGE-1/2 (n-gram overlap) and ROUGE-L (LCS) equal score.py's.

    python -m summarizer.evaluation ../shared      # both article dev sets, as `make eval` does
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from rouge_score import rouge_scorer

from summarizer.options import Options

_UNIT = re.compile(r"[A-Za-z]+|[0-9]+(?:\.[0-9]+)?|[\u3400-\u9fff\uf900-\ufaff]")
HEADLINES_JUDGED = 3
KEYWORDS_JUDGED = 10
KEYPHRASES_JUDGED = 5
IN_REFERENCE_JUDGED = 5
DEV_ARTICLE_SETS = ("peoples_daily.jsonl", "thucnews.jsonl")
THUCNEWS_VALIDATION = "thucnews_validation"

Metrics = dict[str, float | int | None]


class CharacterTokenizer:
    """rouge-score tokenizer: the units of score.py (see the module docstring)."""

    def tokenize(self, text: str | None) -> list[str]:
        return _UNIT.findall((text or "").lower())


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _texts(items: Any, limit: int) -> list[str]:
    return [item["text"] if isinstance(item, dict) else str(item) for item in (items or [])[:limit]]


def _bigrams(units: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(units))


def score_articles(
    data: Iterable[Mapping[str, Any]], predictions: Mapping[str, Mapping[str, Any]], *, max_chars: int | None
) -> Metrics:
    """Headline ROUGE against ``title_core`` (else ``title``), summary recall of kicker + title
    + subtitle, over-budget share, key-phrase bigram recall of the title, the share of the first
    five keywords and key phrases found verbatim in kicker + title + subtitle, missing share."""
    tokenizer = CharacterTokenizer()
    all_types = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=tokenizer)
    lcs = rouge_scorer.RougeScorer(["rougeL"], tokenizer=tokenizer)
    ngrams = rouge_scorer.RougeScorer(["rouge1", "rouge2"], tokenizer=tokenizer)
    columns: dict[str, list[float]] = {
        k: [] for k in ("h1", "h2", "hl", "hb", "s1", "s2", "over", "kw", "kwp", "kpp")
    }
    records = list(data)
    missing = 0
    for record in records:
        prediction = predictions.get(str(record["id"]))
        if prediction is None or prediction.get("error"):
            missing += 1
            continue
        reference = record.get("title_core") or record["title"]
        headlines = _texts(prediction.get("headlines"), HEADLINES_JUDGED)
        top = all_types.score(reference, headlines[0] if headlines else "")
        columns["h1"].append(top["rouge1"].fmeasure)
        columns["h2"].append(top["rouge2"].fmeasure)
        columns["hl"].append(top["rougeL"].fmeasure)
        columns["hb"].append(
            max((lcs.score(reference, h)["rougeL"].fmeasure for h in headlines), default=0.0)
        )
        summary = "".join(_texts(prediction.get("summary"), 1000))
        long_reference = " ".join(
            x for x in (record.get("kicker"), record["title"], record.get("subtitle")) if x
        )
        recall = ngrams.score(long_reference, summary)
        columns["s1"].append(recall["rouge1"].recall)
        columns["s2"].append(recall["rouge2"].recall)
        columns["over"].append(1.0 if max_chars and len(summary) > max_chars else 0.0)
        # Form: the share of the first five keywords / key phrases an editor wrote verbatim.
        verbatim = "".join(tokenizer.tokenize(long_reference))
        for column, name in (("kwp", "keywords"), ("kpp", "keyphrases")):
            for item in _texts(prediction.get(name), IN_REFERENCE_JUDGED):
                units = "".join(tokenizer.tokenize(item))
                columns[column].append(1.0 if units and units in verbatim else 0.0)
        wanted = _bigrams(tokenizer.tokenize(reference))
        if wanted:
            found = _texts(prediction.get("keywords"), KEYWORDS_JUDGED)
            found += _texts(prediction.get("keyphrases"), KEYPHRASES_JUDGED)
            got = set().union(*(_bigrams(tokenizer.tokenize(k)) for k in found))
            columns["kw"].append(len(wanted & got) / len(wanted))
    return {
        "n": len(records),
        "missing": round(missing / max(1, len(records)), 4),
        "headline_top1_r1": _mean(columns["h1"]),
        "headline_top1_r2": _mean(columns["h2"]),
        "headline_top1_rl": _mean(columns["hl"]),
        "headline_best3_rl": _mean(columns["hb"]),
        "summary_r1_recall": _mean(columns["s1"]),
        "summary_r2_recall": _mean(columns["s2"]),
        "summary_over_budget": _mean(columns["over"]),
        "keywords_bigram_recall": _mean(columns["kw"]),
        "keywords_p5_in_ref": _mean(columns["kwp"]),
        "keyphrases_p5_in_ref": _mean(columns["kpp"]),
    }


def is_thucnews_validation(record_id: object) -> bool:
    """Whether a THUCNews dev record belongs to the validation part, which no training reads:
    the records whose id ends in an even number (``thucnews-train-0004``; 1,108 of the 2,209,
    every category). The rest of THUCNews dev, the People's Daily training corpus and nothing
    else may train a model; ``dev/peoples_daily.jsonl`` is validation as a whole."""
    number = str(record_id).rsplit("-", 1)[-1]
    return number.isdigit() and int(number) % 2 == 0


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from None
    return records


def load_reference_scorer(path: Path) -> ModuleType:
    """The project's ruler, ``../shared/tools/score.py``, imported from its file (it is no package)."""
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(data_path: Path, *, options: Options, workers: int) -> dict[str, dict[str, Any]]:
    """The records `summarizer batch` would write for ``data_path``, keyed by ``str(id)``."""
    from summarizer.batch import count_records, numbered_lines, output_chunks

    lines, count = numbered_lines(data_path), count_records(data_path)
    chunks = output_chunks(lines, count=count, options=options, pages=False, workers=workers)
    predictions = {}
    for chunk in chunks:
        for line in chunk.data.splitlines():
            record = json.loads(line)
            predictions[str(record["id"])] = record
    return predictions


def evaluate_file(data_path: Path, pred_path: Path | None, *, options: Options, workers: int = 1) -> Metrics:
    data = load_jsonl(data_path)
    for number, record in enumerate(data, start=1):
        if not isinstance(record, dict) or "id" not in record or "title" not in record:
            raise ValueError(f"{data_path}: record {number} has no 'id' and 'title' to score against")
    if pred_path is None:
        predictions = predict(data_path, options=options, workers=workers)
    else:
        predictions = {str(p.get("id")): p for p in load_jsonl(pred_path) if isinstance(p, dict)}
    return score_articles(data, predictions, max_chars=options.max_chars)


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate both article dev sets of a shared folder (``make eval``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        sys.stderr.write("usage: python -m summarizer.evaluation SHARED_DIR\n")
        return 2
    dev = Path(args[0]) / "eval" / "dev"
    for name in DEV_ARTICLE_SETS:
        if not (dev / name).is_file():
            sys.stderr.write(f"error: {dev / name} not found\n")
            return 1
    options = Options(max_chars=120)
    for name in DEV_ARTICLE_SETS:
        data = load_jsonl(dev / name)
        predictions = predict(dev / name, options=options, workers=2)
        metrics = score_articles(data, predictions, max_chars=options.max_chars)
        sys.stdout.write(json.dumps({"set": name, **metrics}, ensure_ascii=False) + "\n")
        if name == "thucnews.jsonl":
            held_out = [record for record in data if is_thucnews_validation(record["id"])]
            metrics = score_articles(held_out, predictions, max_chars=options.max_chars)
            sys.stdout.write(json.dumps({"set": THUCNEWS_VALIDATION, **metrics}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a valid result is, checked the same way for every interface.

These checks state the contracts of ``summarizer.result`` and the record format: offsets
that point into the input, finite scores, counts and the character budget that hold,
summaries in reading order, records that are strict JSON.
"""

from __future__ import annotations

import json
import math
from typing import Any

from summarizer import Analysis, Options
from summarizer.pages import Page
from summarizer.script import SCRIPTS
from summarizer.text.normalize import normalize_width

RECORD_KEYS = {"id", "summary", "keywords", "keyphrases", "headlines", "sentences", "stats"}
ERROR_KEYS = {"code", "message", "field"}


def check_analysis(analysis: Analysis, text: str, options: Options) -> None:
    assert isinstance(analysis, Analysis)
    indices = [s.index for s in analysis.sentences]
    assert indices == sorted(set(indices)), "sentence indices are unique and in reading order"
    original = options.output_script == "original"
    for sentence in (*analysis.sentences, *analysis.summary):
        assert 0 <= sentence.start <= sentence.end <= len(text)
        if original:
            assert text[sentence.start : sentence.end] == sentence.text, "a sentence is a slice of the input"
        else:  # re-spelt, character for character: the offsets still index the input
            assert len(sentence.text) == sentence.end - sentence.start
        assert math.isfinite(sentence.score)
    summary_indices = [s.index for s in analysis.summary]
    assert summary_indices == sorted(set(summary_indices)), "the summary is in reading order"
    assert set(summary_indices) <= set(indices)
    _check_limits(
        summary_lengths=[len(s.text) for s in analysis.summary],
        counts={
            "keywords": len(analysis.keywords),
            "keyphrases": len(analysis.keyphrases),
            "headlines": len(analysis.headlines),
        },
        options=options,
    )
    for item in (*analysis.keywords, *analysis.keyphrases, *analysis.headlines):
        assert item.text.strip(), "no blank keyword, key phrase or headline"
        assert math.isfinite(item.score)
    for headline in analysis.headlines:
        assert headline.sentence_index in indices
    if options.output_script == "original":
        _check_verbatim(analysis, text)
    assert analysis.stats.script in SCRIPTS
    assert analysis.stats.characters >= 0 and analysis.stats.sentences >= 0 and analysis.stats.tokens >= 0
    assert math.isfinite(analysis.stats.elapsed_ms) and analysis.stats.elapsed_ms >= 0
    check_record(strict_json_round_trip(analysis.to_record("x")), text=text, options=options)


def _check_verbatim(analysis: Analysis, text: str) -> None:
    """Keywords, key phrases and headlines are the input's own words, in its own script (read
    with full-width letters and digits folded, as the engine reads them)."""
    folded = normalize_width(text)
    for item in (*analysis.keywords, *analysis.keyphrases):
        assert normalize_width(item.text) in folded, "a keyword or key phrase is a piece of the input"
    for headline in analysis.headlines:
        # A headline keeps the input's own characters, full-width ones too.
        rest = headline.text
        for start, end in headline.spans:
            assert 0 <= start < end <= len(text), "a headline's pieces lie in the input"
            piece = text[start:end]
            assert piece in rest, "a headline is made of its pieces"
            rest = rest[rest.index(piece) + len(piece) :]


def check_page(page: Page, text: str, options: Options) -> None:
    record = strict_json_round_trip(page.to_record("p"))
    assert record["id"] == "p"
    assert isinstance(record["articles"], list)
    for article in page.articles:
        body = "\n".join(article.paragraphs)
        for paragraph in article.paragraphs:
            assert paragraph.strip(), "no blank paragraph"
        # The analysis runs on the clean body (a subset of the paragraphs).
        for sentence in article.analysis.summary:
            assert sentence.text in body
        _check_limits(
            summary_lengths=[len(s.text) for s in article.analysis.summary],
            counts={
                "keywords": len(article.analysis.keywords),
                "keyphrases": len(article.analysis.keyphrases),
                "headlines": len(article.analysis.headlines),
            },
            options=options,
        )
    if not text.strip():
        assert page.articles == ()


def check_record(record: Any, *, text: str | None, options: Options, record_id: Any = "x") -> None:
    """A summary record as the API, ``summarize --json`` and ``batch`` give it."""
    assert isinstance(record, dict) and set(record) == RECORD_KEYS, sorted(record)
    assert record["id"] == record_id
    for key in ("summary", "keywords", "keyphrases", "headlines"):
        assert isinstance(record[key], list)
        for item in record[key]:
            assert isinstance(item["text"], str) and item["text"].strip()
            assert isinstance(item["score"], (int, float)) and math.isfinite(item["score"])
    if text is not None and options.output_script == "original":
        for sentence in record["summary"]:
            assert sentence["text"] in text
    _check_limits(
        summary_lengths=[len(s["text"]) for s in record["summary"]],
        counts={key: len(record[key]) for key in ("keywords", "keyphrases", "headlines")},
        options=options,
    )
    stats = record["stats"]
    assert isinstance(stats, dict) and {"characters", "sentences", "tokens", "elapsed_ms"} <= set(stats)
    assert stats.get("script") in SCRIPTS


def check_error(body: Any, *, code: str | None = None, field: str | None = None) -> None:
    assert isinstance(body, dict) and set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == ERROR_KEYS, error
    assert isinstance(error["code"], str) and isinstance(error["message"], str) and error["message"]
    assert "Traceback" not in error["message"]
    if code is not None:
        assert error["code"] == code, error
    if field is not None:
        assert error["field"] == field, error


def strict_json_round_trip(record: dict[str, Any]) -> Any:
    """The record as strict JSON would carry it: no NaN or infinity, only JSON types."""
    return json.loads(json.dumps(record, allow_nan=False, ensure_ascii=False))


def _check_limits(*, summary_lengths: list[int], counts: dict[str, int], options: Options) -> None:
    if options.max_chars is not None:
        assert sum(summary_lengths) <= options.max_chars, "the character budget is never exceeded"
    if options.sentences is not None:
        assert len(summary_lengths) <= options.sentences
    for key, count in counts.items():
        assert count <= getattr(options, key), key

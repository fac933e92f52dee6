"""``summarizer batch``: order, error records with line numbers, workers, resume, progress.

Records are compared without ``stats.elapsed_ms``: it is a measured time, different in any
two runs; everything else must be identical.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import Options, default_engine
from summarizer.batch import (
    CHUNK_MAX,
    CHUNK_MIN,
    JsonInputError,
    _chunked,
    chunk_size,
    format_progress,
    parse_json_strict,
)
from summarizer.cli import main
from summarizer.records import analyze_record, without_elapsed

TEXTS = [
    "江南市今年新建智能温室五百亩。农民说种地更轻松了。",
    "城东老街改造工程日前完工。街道两侧新装了路灯和座椅。居民们很高兴。",
    "市图书馆推出夜间开放服务。每天开放到晚上十点。读者纷纷点赞。",
]


def read_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_input(path: Path, count: int) -> list[dict[str, Any]]:
    records = [{"id": f"n{i}", "text": f"第{i}号消息。" + TEXTS[i % len(TEXTS)]} for i in range(count)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return records


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(main, ["batch", *args, "--no-progress"])
    assert result.exit_code == 0, result.output
    return result


def test_one_record_per_non_blank_line_in_order_with_line_numbers(runner: CliRunner, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": TEXTS[0], "title": "答案不可读"}, ensure_ascii=False),  # 1
        "",  # 2: blank, no record
        "this is not json",  # 3
        json.dumps({"id": 42, "text": TEXTS[1]}, ensure_ascii=False),  # 4: numeric id
        json.dumps({"id": "no-text"}),  # 5
        json.dumps({"id": "null-text", "text": None}),  # 6
        json.dumps({"id": "number-text", "text": 17}),  # 7
        '{"id": "dup", "text": "a", "text": "b"}',  # 8
        "[1, 2]",  # 9
        "   \t",  # 10: blank
        json.dumps({"text": TEXTS[2]}, ensure_ascii=False),  # 11: no id
        '{"id": "cut", "text": "半行',  # 12: truncated line
    ]
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "bytes", "text": "\xff"}\n')  # 13
    result = run(runner, str(source), "-o", str(output))
    records = read_records(output)
    assert [r["id"] for r in records] == [
        "a",
        None,
        42,
        "no-text",
        "null-text",
        "number-text",
        None,
        None,
        None,
        None,
        None,
    ]
    errors = {index: r["error"] for index, r in enumerate(records) if "error" in r}
    assert {i: (e["code"], e["line"]) for i, e in errors.items()} == {
        1: ("invalid_json", 3),
        3: ("missing_text", 5),
        4: ("missing_text", 6),
        5: ("invalid_text", 7),
        6: ("invalid_json", 8),
        7: ("invalid_record", 9),
        9: ("invalid_json", 12),
        10: ("invalid_utf8", 13),
    }
    engine, options = default_engine(), Options()
    assert without_elapsed(records[0]) == without_elapsed(
        analyze_record({"id": "a", "text": TEXTS[0]}, engine=engine, options=options)
    )
    assert without_elapsed(records[2]) == without_elapsed(
        analyze_record({"id": 42, "text": TEXTS[1]}, engine=engine, options=options)
    )
    assert "summary" in records[8]
    assert "11 records (8 errors)" in result.stderr


def test_options_reach_every_record(runner: CliRunner, tmp_path: Path) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inputs = write_input(source, 4)
    run(runner, str(source), "-o", str(output), "--max-chars", "20", "--keywords", "2", "--headlines", "1")
    options = Options(max_chars=20, keywords=2, headlines=1)
    expected = [analyze_record(r, engine=default_engine(), options=options) for r in inputs]
    assert without_elapsed(read_records(output)) == without_elapsed(expected)


def test_pages_mode_gives_page_records(runner: CliRunner, tmp_path: Path, page_text: str) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(
        json.dumps({"id": "p1", "text": page_text}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    run(runner, str(source), "-o", str(output), "--pages")
    expected = analyze_record(
        {"id": "p1", "text": page_text}, engine=default_engine(), options=Options(), pages=True
    )
    assert without_elapsed(read_records(output)) == [without_elapsed(expected)]


def test_worker_processes_give_the_same_records_in_order(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_input(source, 30)
    with source.open("a", encoding="utf-8") as handle:
        handle.write("broken\n")
    run(runner, str(source), "-o", str(tmp_path / "one.jsonl"))
    run(runner, str(source), "-o", str(tmp_path / "two.jsonl"), "--workers", "2")
    one, two = read_records(tmp_path / "one.jsonl"), read_records(tmp_path / "two.jsonl")
    assert len(one) == 31
    assert without_elapsed(one) == without_elapsed(two)


@pytest.mark.parametrize(
    ("remaining", "workers", "expected"),
    [
        (1200, 2, CHUNK_MAX),  # a long run: few large chunks, few messages and writes
        (200, 2, 25),  # a quarter of each worker's share
        (20, 2, CHUNK_MIN),  # the end: small chunks, so that the workers finish together
        (0, 2, CHUNK_MIN),
        (200, 1, 50),
    ],
)
def test_chunks_shrink_toward_the_end_within_bounds(remaining: int, workers: int, expected: int) -> None:
    assert chunk_size(remaining, workers) == expected


@pytest.mark.parametrize("count", [0, 1, 7, 300, 1000])
def test_chunking_keeps_every_line_once_in_order(count: int) -> None:
    lines = [(number, b"{}") for number in range(1, count + 1)]
    chunks = list(_chunked(iter(lines), count=count, workers=2))
    assert [line for chunk in chunks for line in chunk] == lines
    sizes = [len(chunk) for chunk in chunks]
    assert sizes == sorted(sizes, reverse=True)
    assert all(size <= CHUNK_MAX for size in sizes)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_resume_repairs_a_cut_line_and_adds_only_the_missing_records(
    runner: CliRunner, tmp_path: Path, workers: str
) -> None:
    source, full, resumed = tmp_path / "in.jsonl", tmp_path / "full.jsonl", tmp_path / "resumed.jsonl"
    write_input(source, 12)
    run(runner, str(source), "-o", str(full))
    lines = full.read_bytes().splitlines(keepends=True)
    resumed.write_bytes(b"".join(lines[:5]) + lines[5][: len(lines[5]) // 2])  # a crash mid-write
    result = run(runner, str(source), "-o", str(resumed), "--resume", "--workers", workers)
    assert "5 already there" in result.stderr
    assert without_elapsed(read_records(resumed)) == without_elapsed(read_records(full))
    assert read_records(resumed)[:5] == read_records(full)[:5]  # kept as they were, not redone


def test_resume_of_a_finished_run_changes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(source, 3)
    run(runner, str(source), "-o", str(output))
    before = output.read_bytes()
    run(runner, str(source), "-o", str(output), "--resume")
    assert output.read_bytes() == before


def test_resume_without_output_starts_from_scratch(runner: CliRunner, tmp_path: Path) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(source, 3)
    run(runner, str(source), "-o", str(output), "--resume")
    assert [r["id"] for r in read_records(output)] == ["n0", "n1", "n2"]


def test_without_resume_the_output_is_replaced(runner: CliRunner, tmp_path: Path) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(source, 2)
    output.write_text('{"id": "old"}\n' * 5, encoding="utf-8")
    run(runner, str(source), "-o", str(output))
    assert [r["id"] for r in read_records(output)] == ["n0", "n1"]


@pytest.mark.parametrize(
    "existing",
    ['{"id": "other"}\n', "garbage\n", '{"id": "n0"}\n' * 4],
    ids=["wrong-id", "not-json", "more-than-input"],
)
def test_resume_refuses_an_output_of_another_input(runner: CliRunner, tmp_path: Path, existing: str) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(source, 3)
    output.write_text(existing, encoding="utf-8")
    result = runner.invoke(main, ["batch", str(source), "-o", str(output), "--resume"])
    assert result.exit_code == 1
    assert result.stderr.startswith("summarizer: error: cannot resume") and result.stderr.count("\n") == 1


def test_progress_bar_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(source, 3)
    result = runner.invoke(main, ["batch", str(source), "-o", str(output), "--progress"])
    assert result.exit_code == 0
    assert "3/3 100%" in result.stderr and "rec/s" in result.stderr and "ETA" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "expected"),
    [
        (0, 10, 0.0, "[..........] 0/10   0% 0.0 rec/s ETA --:--"),
        (5, 10, 2.5, "[#####.....] 5/10  50% 2.0 rec/s ETA 0:03"),
        (100, 7300, 1.0, "[..........] 100/7300   1% 100.0 rec/s ETA 1:12"),
        (1, 3601, 1.0, "[..........] 1/3601   0% 1.0 rec/s ETA 1:00:00"),
        (4, 4, 2.0, "[##########] 4/4 100% 2.0 rec/s ETA 0:00"),
        (0, 0, 0.0, "[##########] 0/0 100% 0.0 rec/s ETA --:--"),
    ],
)
def test_format_progress(done: int, total: int, elapsed: float, expected: str) -> None:
    assert format_progress(done, total, elapsed, width=10) == expected


def test_progress_rate_counts_only_this_runs_records() -> None:
    assert "4.0 rec/s" in format_progress(90, 100, 2.0, counted=8)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"\xff", "invalid_utf8"),
        (b"{", "invalid_json"),
        (b'{"a": 1, "a": 2}', "invalid_json"),
        (b'{"a": NaN}', "invalid_json"),
        (b'{"a": -Infinity}', "invalid_json"),
        (b'{"a": "\\udc00"}', "invalid_unicode"),
        (b'{"\\ud800": 1}', "invalid_unicode"),
        (b"[" * 65 + b"]" * 65, "invalid_json"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
        (b'{"id": ' + b"9" * 5000 + b"}", "invalid_json"),
    ],
)
def test_strict_json_rejections(raw: bytes, code: str) -> None:
    with pytest.raises(JsonInputError) as raised:
        parse_json_strict(raw)
    assert raised.value.code == code


def test_strict_json_skips_a_byte_order_mark() -> None:
    assert parse_json_strict("\ufeff{}".encode()) == {}


def test_strict_json_accepts_what_json_means() -> None:
    assert parse_json_strict('{"id": 1, "text": "😀\\u4e2d", "x": [[1.5e3]]}') == {
        "id": 1,
        "text": "😀中",
        "x": [[1500.0]],
    }


def test_a_record_the_engine_fails_on_becomes_an_error_record(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.engine import Engine

    real = Engine.analyze

    def fragile(self: Engine, text: str, **kwargs: Any) -> Any:
        if "故障" in text:
            raise RuntimeError("engine bug")
        return real(self, text, **kwargs)

    monkeypatch.setattr(Engine, "analyze", fragile)
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    rows = [{"id": 1, "text": TEXTS[0]}, {"id": 2, "text": "这里有故障。"}, {"id": 3, "text": TEXTS[1]}]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    run(runner, str(source), "-o", str(output))
    records = read_records(output)
    assert [r["id"] for r in records] == [1, 2, 3]
    assert records[1]["error"] == {
        "code": "analysis_failed",
        "message": "the analysis failed (RuntimeError)",
        "line": 2,
    }
    assert "summary" in records[0] and "summary" in records[2]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_article_over_its_budget_gets_an_error_record_and_the_batch_goes_on(
    runner: CliRunner, tmp_path: Path, workers: str
) -> None:
    source = tmp_path / "in.jsonl"
    records = write_input(source, 5)
    # A nanosecond is over before the first check: every analysis stops, none fails otherwise.
    run(
        runner,
        str(source),
        "-o",
        str(tmp_path / "out.jsonl"),
        "--article-budget",
        "1e-9",
        "--workers",
        workers,
    )
    written = read_records(tmp_path / "out.jsonl")
    assert [r["id"] for r in written] == [r["id"] for r in records]
    assert {r["error"]["code"] for r in written} == {"over_budget"}
    assert [r["error"]["line"] for r in written] == [1, 2, 3, 4, 5]


def test_a_budget_the_articles_keep_changes_no_record(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_input(source, 4)
    run(runner, str(source), "-o", str(tmp_path / "plain.jsonl"))
    run(runner, str(source), "-o", str(tmp_path / "budget.jsonl"), "--article-budget", "3600")
    plain, budgeted = read_records(tmp_path / "plain.jsonl"), read_records(tmp_path / "budget.jsonl")
    assert without_elapsed(budgeted) == without_elapsed(plain)


def test_the_article_budget_must_be_positive(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_input(source, 1)
    result = runner.invoke(
        main, ["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--article-budget", "0"]
    )
    assert result.exit_code == 2

"""``summarizer summarize``, ``page``, usage and exit codes, through click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import Options, default_engine
from summarizer.cli import main
from summarizer.pages import parse


def without_elapsed(record: dict[str, object]) -> str:
    """A record as text minus ``stats.elapsed_ms``, the one field that differs between runs."""
    return json.dumps(record, ensure_ascii=False).split('"elapsed_ms"')[0]


def test_summarize_json_from_stdin_is_the_library_record(runner: CliRunner, article: str) -> None:
    result = runner.invoke(
        main, ["summarize", "--json", "--max-chars", "60", "--headlines", "2"], input=article
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    expected = default_engine().analyze(article, options=Options(max_chars=60, headlines=2)).to_record(None)
    assert without_elapsed(record) == without_elapsed(expected)


def test_summarize_readable_from_a_file(runner: CliRunner, article: str, tmp_path: Path) -> None:
    source = tmp_path / "article.txt"
    source.write_text(article, encoding="utf-8")
    result = runner.invoke(main, ["summarize", str(source), "--sentences", "1", "--max-chars", "none"])
    assert result.exit_code == 0, result.output
    record = default_engine().analyze(article, options=Options(sentences=1, max_chars=None)).to_record(None)
    lines = result.stdout.splitlines()
    assert lines[0] == "Headlines:"
    assert lines[1] == f"  1. {record['headlines'][0]['text']}"
    assert f"  {record['summary'][0]['text']}" in lines


def test_summarize_readable_keeps_a_lead_in_on_its_own_line(runner: CliRunner, tmp_path: Path) -> None:
    # Invented: a lead-in without a final mark over the story's first sentence.
    lead_in = "江南市把智慧农业作为乡村振兴的主攻方向"
    first = "江南市首届智慧农业博览会昨日开幕，两百多家企业参展。"
    source = tmp_path / "article.txt"
    source.write_text(f"{lead_in}\n{first}\n不少参观的农民说，新技术让种地变得更轻松了。", encoding="utf-8")
    result = runner.invoke(main, ["summarize", str(source), "--sentences", "2", "--max-chars", "none"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    summary = lines.index("Summary:")
    assert lines[summary + 1 : summary + 3] == [f"  {lead_in}", f"  {first}"]


def test_page_json_is_the_page_record(runner: CliRunner, page_text: str, tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text(page_text, encoding="utf-8")
    result = runner.invoke(main, ["page", str(source), "--json"])
    assert result.exit_code == 0, result.output
    expected = parse(page_text, engine=default_engine(), options=Options()).to_record(None)
    assert without_elapsed(json.loads(result.stdout)) == without_elapsed(expected)


def test_page_readable_has_one_section_per_article(runner: CliRunner, page_text: str, tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text(page_text, encoding="utf-8")
    result = runner.invoke(main, ["page", str(source)])
    assert result.exit_code == 0, result.output
    articles = parse(page_text, engine=default_engine()).to_record(None)["articles"]
    assert result.stdout.count("== Article ") == len(articles)


def test_page_readable_shows_what_the_page_printed_around_each_title(
    runner: CliRunner, tmp_path: Path
) -> None:
    source = tmp_path / "page.txt"
    story = [
        "全镇今年共建成便民桥十座，惠及沿河群众两万余人，受到广泛好评，群众出行更加方便了。",
        "镇里还组织党员志愿者定期检查桥面，发现问题及时维修，确保群众出行安全。",
    ]
    heads = ["各地多措并举改善群众出行", "河湾镇新建十座便民桥", "——沿河两岸群众出行更方便", "本报记者 张三"]
    source.write_text("\n".join(heads + story) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["page", str(source)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:5] == [
        "== Article 1: 河湾镇新建十座便民桥",
        "Kicker: 各地多措并举改善群众出行",
        "Subtitle: ——沿河两岸群众出行更方便",
        "By: 本报记者 张三",
        "Headlines:",
    ]


def test_page_readable_says_when_no_article_is_found(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text("新华社记者 张三摄\n", encoding="utf-8")  # a photo credit alone
    result = runner.invoke(main, ["page", str(source)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "(no article found on this page)\n"


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["summarize"], b"\xff\xfe\x00", "not UTF-8"),
        (["summarize"], b"", "is empty"),
        (["summarize"], " \n\u3000\n".encode(), "is empty"),
        (["page", "-"], b"\xc3", "not UTF-8"),
    ],
)
def test_bad_input_data_exits_1_with_one_line(
    runner: CliRunner, args: list[str], stdin: bytes, message: str
) -> None:
    result = runner.invoke(main, args, input=stdin)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert result.stderr.startswith("summarizer: error: ")
    assert "Traceback" not in result.output


def test_summarize_takes_a_length_spec(runner: CliRunner, article: str) -> None:
    result = runner.invoke(main, ["summarize", "--json", "--length", "50%"], input=article)
    assert result.exit_code == 0, result.output
    expected = default_engine().analyze(article, options=Options(length="50%")).to_record(None)
    assert without_elapsed(json.loads(result.stdout)) == without_elapsed(expected)


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["summarize", "--max-chars", "0"], "--max-chars"),
        (["summarize", "--max-chars", "many"], "--max-chars"),
        (["summarize", "--keywords", "-1"], "--keywords"),
        (["summarize", "--damping", "1"], "--damping"),
        (["summarize", "--similarity", "cosine"], "--similarity"),
        (["summarize", "--length", "200%"], "--length"),
        (["summarize", "--headlines", "1000"], "--headlines"),
        (["summarize", "--no-such-flag"], "--no-such-flag"),
        (["summarize", "/no/such/file.txt"], "/no/such/file.txt"),
        (["batch", "/no/such/in.jsonl", "-o", "out.jsonl"], "/no/such/in.jsonl"),
        (["batch", "in.jsonl"], "--output"),
        (["batch", "in.jsonl", "-o", "out.jsonl", "--workers", "0"], "--workers"),
        (["batch", "in.jsonl", "-o", "out.jsonl", "--master", "local[2]"], "--master"),
        (["batch", "in.jsonl", "-o", "out.jsonl", "--engine", "spark", "--resume"], "--resume"),
        (["batch", "in.jsonl", "-o", "in.jsonl"], "input"),
        (["serve", "--port", "70000"], "--port"),
        (["serve", "--workers", "0"], "--workers"),
        (["nonsense"], "nonsense"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    runner: CliRunner, args: list[str], flag: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in.jsonl").write_text('{"id": 1, "text": "今天天气很好。"}\n', encoding="utf-8")
    result = runner.invoke(main, args, input="今天天气很好。")
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert flag in result.stderr
    assert "Traceback" not in result.output and "Usage:" not in result.output


def test_serve_settings_come_from_the_environment(runner: CliRunner) -> None:
    result = runner.invoke(main, ["serve"], env={"SUMMARIZER_PORT": "not-a-port"})
    assert result.exit_code == 2
    assert "SUMMARIZER_PORT" in result.stderr or "port" in result.stderr.lower()


def test_serve_rejects_a_blank_api_key(runner: CliRunner) -> None:
    result = runner.invoke(main, ["serve"], env={"SUMMARIZER_API_KEY": " "})
    assert result.exit_code == 2
    assert "SUMMARIZER_API_KEY" in result.stderr


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("summarize", "page", "batch", "serve", "eval"):
        assert command in result.stdout


def test_spark_engine_is_called_lazily_with_the_options(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import types

    calls: list[tuple[str, str, dict[str, object]]] = []
    fake = types.ModuleType("summarizer.spark")
    fake.run_batch = lambda i, o, **kwargs: calls.append((i, o, kwargs))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "summarizer.spark", fake)
    source = tmp_path / "in.parquet"
    source.write_bytes(b"PAR1")
    args = ["batch", str(source), "-o", str(tmp_path / "out.parquet"), "--engine", "spark", "--pages"]
    result = runner.invoke(main, [*args, "--master", "spark://h:7077", "--max-chars", "80"])
    assert result.exit_code == 0, result.output
    assert calls == [
        (
            str(source),
            str(tmp_path / "out.parquet"),
            {"options": Options(max_chars=80), "pages": True, "master": "spark://h:7077"},
        )
    ]


def test_an_unexpected_failure_is_still_one_line(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.engine import Engine

    def broken(self: Engine, text: str, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(Engine, "analyze", broken)
    result = runner.invoke(main, ["summarize"], input="今天天气很好。")
    assert result.exit_code == 1
    assert result.stderr == "summarizer: error: internal error: RuntimeError: boom\n"


def test_every_engine_option_has_its_flag(runner: CliRunner) -> None:
    from dataclasses import fields

    help_text = runner.invoke(main, ["batch", "--help"]).stdout
    for field in fields(Options):
        assert "--" + field.name.replace("_", "-") in help_text, field.name


def test_summarize_takes_the_output_script(runner: CliRunner, article: str) -> None:
    """A traditional article (converted here) answered in simplified script, and its script said."""
    import opencc

    traditional = opencc.OpenCC("s2hk").convert(article)
    result = runner.invoke(main, ["summarize", "--json", "--output-script", "simplified"], input=traditional)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    expected = default_engine().analyze(article).to_record(None)
    assert record["stats"]["script"] == "traditional"
    assert record["summary"] == expected["summary"]
    assert [h["text"] for h in record["headlines"]] == [h["text"] for h in expected["headlines"]]

    refused = runner.invoke(main, ["summarize", "--output-script", "klingon"], input=traditional)
    assert refused.exit_code == 2
    assert "--output-script" in refused.output

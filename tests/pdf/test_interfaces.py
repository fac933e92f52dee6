"""PDF files through every interface: ``summarizer page``, ``summarizer batch --pages``,
``POST /v1/pages`` with ``application/pdf`` (its answers checked against the OpenAPI
document), all giving the library's records."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from api import ApiConfig, create_app
from api.openapi import build_openapi
from summarizer import Engine, Options
from summarizer.cli import main
from summarizer.pages import parse_pdf
from summarizer.records import without_elapsed

from . import broken
from .typeset import galley, make_story

PDF = {"Content-Type": "application/pdf"}


@pytest.fixture(scope="module")
def two_page_pdf() -> bytes:
    rng = random.Random(21)
    data, truth = galley([make_story(rng, paragraphs=8, sentences=5) for _ in range(6)], columns=3)
    assert truth.pages == 2
    return data


def library_records(data: bytes, name: str, engine: Engine, options: Options | None = None) -> list[Any]:
    pages = parse_pdf(data, engine=engine, options=options or Options())
    return [without_elapsed(page.to_record(f"{name}#{page.number}")) for page in pages]


def test_cli_page_json_is_one_library_record_per_pdf_page(
    engine: Engine, two_page_pdf: bytes, tmp_path: Path
) -> None:
    source = tmp_path / "issue.pdf"
    source.write_bytes(two_page_pdf)
    result = CliRunner().invoke(main, ["page", str(source), "--json", "--max-chars", "50"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    records = [without_elapsed(json.loads(line)) for line in lines]
    assert records == library_records(two_page_pdf, "issue.pdf", engine, Options(max_chars=50))
    assert [r["page"] for r in records] == [1, 2]


def test_cli_page_readable_heads_each_pdf_page(two_page_pdf: bytes, tmp_path: Path) -> None:
    source = tmp_path / "issue.pdf"
    source.write_bytes(two_page_pdf)
    result = CliRunner().invoke(main, ["page", str(source)])
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if line.startswith("=== ")] == [
        "=== Page 1",
        "=== Page 2",
    ]
    assert result.stdout.count("== Article ") == 6
    # page 2 opens with the end of page 1's last story: its text is not printed twice, and
    # the page says where it went
    page_two = result.stdout.split("=== Page 2\n")[1].splitlines()
    assert page_two[0].startswith("(lines ") and page_two[0].endswith(": summarized there)")
    assert " continue article 4 of page 1, " in page_two[0]


def test_cli_batch_over_a_folder_names_each_page(engine: Engine, two_page_pdf: bytes, tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "2019").mkdir(parents=True)
    (folder / "2019" / "b.pdf").write_bytes(two_page_pdf)
    (folder / "a.pdf").write_bytes(broken.good_pdf())
    (folder / "notes.txt").write_text("不是PDF", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", "--pages", str(folder), "-o", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    records = [without_elapsed(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    # sorted by path: the folder 2019/ before a.pdf
    expected = library_records(two_page_pdf, "2019/b.pdf", engine)
    expected += library_records(broken.good_pdf(), "a.pdf", engine)
    assert records == expected


def test_cli_batch_of_one_file_resumes_without_loss_or_duplicate(two_page_pdf: bytes, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf", "c.pdf"):
        (folder / name).write_bytes(two_page_pdf)
    whole, cut = tmp_path / "whole.jsonl", tmp_path / "cut.jsonl"
    assert CliRunner().invoke(main, ["batch", "--pages", str(folder), "-o", str(whole)]).exit_code == 0
    data = whole.read_bytes()
    cut.write_bytes(data[: data.index(b'"b.pdf#2"') + 20])  # killed while writing b.pdf's page 2
    result = CliRunner().invoke(main, ["batch", "--pages", str(folder), "-o", str(cut), "--resume"])
    assert result.exit_code == 0, result.output
    assert [without_elapsed(json.loads(x)) for x in cut.read_text(encoding="utf-8").splitlines()] == [
        without_elapsed(json.loads(x)) for x in whole.read_text(encoding="utf-8").splitlines()
    ]


def test_cli_batch_of_pdfs_needs_pages(tmp_path: Path) -> None:
    source = tmp_path / "a.pdf"
    source.write_bytes(broken.good_pdf())
    result = CliRunner().invoke(main, ["batch", str(source), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2
    assert "PDF input needs --pages" in result.stderr


def conforms(document: dict[str, Any], response: Any) -> list[str]:
    operation = document["paths"]["/v1/pages"]["post"]
    schema = operation["responses"][str(response.status_code)]["content"][response.mimetype]["schema"]
    validator = Draft202012Validator({**schema, "components": document["components"]})
    return [error.message for error in validator.iter_errors(response.json)]


def test_api_answers_a_pdf_with_its_pages(engine: Engine, two_page_pdf: bytes) -> None:
    config = ApiConfig()
    client = create_app(config, engine=engine).test_client()
    response = client.post("/v1/pages?max_chars=40&headlines=2", data=two_page_pdf, headers=PDF)
    assert response.status_code == 200
    expected = [
        without_elapsed(r)
        for r in library_records(two_page_pdf, "x", engine, Options(max_chars=40, headlines=2))
    ]
    for record in expected:
        record["id"] = None
    assert [without_elapsed(page) for page in response.json["pages"]] == expected
    assert not conforms(build_openapi(config), response)


def test_api_pdf_errors_conform_to_the_document(engine: Engine) -> None:
    config = ApiConfig(max_pdf_pages=3)
    client = create_app(config, engine=engine).test_client()
    document = build_openapi(config)
    for data in (broken.not_a_pdf(), broken.encrypted(), broken.scan(), broken.thousands_of_pages(10)):
        response = client.post("/v1/pages", data=data, headers=PDF)
        assert response.status_code in (413, 422)
        assert not conforms(document, response), response.json


def test_api_pdf_options_are_checked_like_any_other(engine: Engine) -> None:
    client = create_app(ApiConfig(), engine=engine).test_client()
    response = client.post("/v1/pages?max_chars=0", data=broken.good_pdf(), headers=PDF)
    assert (response.status_code, response.json["error"]["field"]) == (422, "max_chars")


def test_the_document_states_the_pdf_limits() -> None:
    config = ApiConfig(max_pdf_bytes=12345, max_pdf_pages=7, pdf_timeout_ms=1500, pdf_memory_mb=300)
    document = build_openapi(config)
    validate(document)
    operation = document["paths"]["/v1/pages"]["post"]
    assert operation["requestBody"]["content"]["application/pdf"]["schema"]["maxLength"] == 12345
    assert "7 pages" in operation["description"] and "1500 ms" in operation["description"]
    codes_413 = operation["responses"]["413"]["content"]["application/json"]["schema"]["allOf"][1]
    assert "too_many_pages" in codes_413["properties"]["error"]["properties"]["code"]["enum"]


def test_pdf_limits_come_from_the_environment() -> None:
    config = ApiConfig.from_env({"SUMMARIZER_MAX_PDF_PAGES": "3", "SUMMARIZER_PDF_TIMEOUT_MS": "900"})
    assert (config.pdf_limits.max_pages, config.pdf_limits.timeout_s) == (3, 0.9)
    with pytest.raises(ValueError, match="pdf_memory_mb"):
        ApiConfig(pdf_memory_mb=0)

"""The broken-PDF corpus through the library, the CLI, the REST API and a real server:
every file gets its one clear answer, never a traceback, a 500 or a hang."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from api import ApiConfig, create_app
from summarizer import Engine
from summarizer.cli import main
from summarizer.pages import PdfError, PdfLimits, parse_pdf
from summarizer.pages.pdf import ERROR_STATUS

from . import broken

# (builder, limits for the library, code) of every file that is refused.
REFUSED: dict[str, tuple[Callable[[], bytes], PdfLimits, str]] = {
    "not a PDF": (broken.not_a_pdf, PdfLimits(), "not_pdf"),
    "empty": (lambda: b"", PdfLimits(), "not_pdf"),
    "truncated": (broken.truncated, PdfLimits(), "invalid_pdf"),
    "encrypted": (broken.encrypted, PdfLimits(), "encrypted_pdf"),
    "scan without text": (broken.scan, PdfLimits(), "no_text_layer"),
    "blank": (broken.blank, PdfLimits(), "no_text_layer"),
    "5,000 pages": (broken.thousands_of_pages, PdfLimits(), "too_many_pages"),
    "over the byte limit": (broken.good_pdf, PdfLimits(max_bytes=1000), "pdf_too_large"),
    "endless page": (broken.endless_page, PdfLimits(timeout_s=0.5), "pdf_too_complex"),
}
# The reading budgets a decompression bomb exhausts: memory first, or time.
BOMB_LIMITS = {"memory": PdfLimits(memory_mb=64, timeout_s=20), "time": PdfLimits(timeout_s=0.3)}
SLACK_S = 5.0  # beyond a time limit: forking, killing, reaping on a loaded machine


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_library_refuses_with_its_code(engine: Engine, name: str) -> None:
    build, limits, code = REFUSED[name]
    started = time.monotonic()
    with pytest.raises(PdfError) as refused:
        parse_pdf(build(), engine=engine, limits=limits)
    assert refused.value.code == code
    assert refused.value.message and "Traceback" not in refused.value.message
    assert time.monotonic() - started < limits.timeout_s + SLACK_S


@pytest.mark.parametrize("budget", sorted(BOMB_LIMITS))
def test_a_decompression_bomb_costs_one_refusal(engine: Engine, bomb: bytes, budget: str) -> None:
    limits = BOMB_LIMITS[budget]
    started = time.monotonic()
    with pytest.raises(PdfError) as refused:
        parse_pdf(bomb, engine=engine, limits=limits)
    assert refused.value.code == "pdf_too_complex"
    assert ("MB" if budget == "memory" else "limit of 0.3 s") in refused.value.message
    assert time.monotonic() - started < limits.timeout_s + SLACK_S


def test_deeply_nested_objects_are_read_past(engine: Engine) -> None:
    # PDFium stops descending at its own depth limit: the page's text is read as usual.
    (page,) = parse_pdf(broken.deeply_nested(), engine=engine)
    assert [a.paragraphs for a in page.articles] == [("x",)]


def test_text_without_unicode_map_is_flagged_not_summarized(engine: Engine) -> None:
    (page,) = parse_pdf(broken.without_unicode_map(), engine=engine)
    assert page.articles == ()
    assert page.fragments
    assert {f.reason for f in page.fragments} == {"garbled text: its font has no Unicode map"}
    assert any("without a Unicode map" in note for note in page.notes)


def test_a_scan_page_among_text_pages_says_so_in_its_notes(engine: Engine) -> None:
    first, second = parse_pdf(broken.text_then_scan(), engine=engine)
    assert first.articles and first.notes == ()
    assert second.articles == ()
    assert second.notes == (
        "no text layer: the page is an image (a scan?); no OCR is done, so it has no articles",
    )


# PDFium with no system font to stand in for a font the PDF does not embed (a server without
# Chinese fonts). Run in a process of its own: the font table is PDFium's, process-wide.
WITHOUT_SYSTEM_FONTS = """
import sys
from summarizer.pages import PdfLimits, parse_pdf
from summarizer.pages.pdf.reader import _raw
from tests.pdf.broken import good_pdf

pdfium = _raw()
info = pdfium.FPDF_SYSFONTINFO()
info.version = 1
nothing = {
    "Release": lambda this: None, "EnumFonts": lambda this, mapper: None,
    "MapFont": lambda this, weight, italic, charset, pitch, face, exact: None,
    "GetFont": lambda this, face: None, "GetFontData": lambda this, font, table, buffer, size: 0,
    "GetFaceName": lambda this, font, buffer, size: 0, "GetFontCharset": lambda this, font: 0,
    "DeleteFont": lambda this, font: None,
}
for name, function in nothing.items():
    setattr(info, name, type(getattr(info, name))(function))
pdfium.FPDF_SetSystemFontInfo(info)
for page in parse_pdf(good_pdf(), limits=PdfLimits(isolated=False)):
    print(*page.notes, sep="\\n")
"""


def test_fonts_neither_embedded_nor_installed_are_noted() -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_SYSTEM_FONTS], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "fonts neither embedded nor installed" in result.stdout
    assert "fonts-noto-cjk" in result.stdout


@pytest.mark.parametrize("name", sorted(n for n, (_, limits, _) in REFUSED.items() if limits == PdfLimits()))
def test_cli_page_prints_one_error_line_and_exits_1(tmp_path: Path, name: str) -> None:
    build, _, code = REFUSED[name]  # the CLI reads with the library's default limits
    source = tmp_path / "page.pdf"
    source.write_bytes(build())
    result = CliRunner().invoke(main, ["page", str(source), "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("summarizer: error: page.pdf: ")
    assert result.stderr.rstrip().endswith(f"({code})")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_batch_gives_an_error_record_per_bad_file_and_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.pdf").write_bytes(broken.good_pdf())
    (folder / "b_encrypted.pdf").write_bytes(broken.encrypted())
    (folder / "c_not.pdf").write_bytes(broken.not_a_pdf())
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["batch", "--pages", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a_good.pdf#1", "b_encrypted.pdf", "c_not.pdf"]
    assert records[0]["articles"]
    assert [r["error"]["code"] for r in records[1:]] == ["encrypted_pdf", "not_pdf"]
    assert [r["error"]["file"] for r in records[1:]] == ["b_encrypted.pdf", "c_not.pdf"]


def api_limits(limits: PdfLimits) -> ApiConfig:
    return ApiConfig(
        max_pdf_pages=min(limits.max_pages, 50),
        pdf_timeout_ms=int(limits.timeout_s * 1000),
        pdf_memory_mb=limits.memory_mb,
        max_pdf_bytes=limits.max_bytes,
    )


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_api_answers_each_bad_pdf_with_its_status_and_code(engine: Engine, name: str) -> None:
    build, limits, code = REFUSED[name]
    client = create_app(api_limits(limits), engine=engine).test_client()
    response = client.post("/v1/pages", data=build(), headers={"Content-Type": "application/pdf"})
    expected = "body_too_large" if code == "pdf_too_large" else code  # the body limit comes first
    assert (response.status_code, response.json["error"]["code"]) == (ERROR_STATUS[code], expected)
    assert response.json["error"]["message"]


@pytest.mark.slow
def test_a_real_server_refuses_bad_pdfs_and_keeps_serving(
    harness: ModuleType, pdf_server: object, bomb: bytes
) -> None:
    def post_pdf(data: bytes, *, length: int | None = None) -> tuple[int, dict[str, object]]:
        headers = {"Content-Type": "application/pdf"}
        if length is not None:  # announce a body the server refuses before reading it
            headers["Content-Length"] = str(length)
        status, _, body = harness.request(
            pdf_server, "POST", "/v1/pages", body=data, headers=headers, timeout_s=60
        )
        return status, json.loads(body)

    cases = {
        "not_pdf": broken.not_a_pdf(),
        "invalid_pdf": broken.truncated(),
        "encrypted_pdf": broken.encrypted(),
        "no_text_layer": broken.scan(),
        "too_many_pages": broken.thousands_of_pages(),
        "pdf_too_complex": bomb,  # 256 MB inflated, over the server's 256 MB budget or its 2 s
    }
    for code, data in cases.items():
        status, answer = post_pdf(data)
        assert answer["error"]["code"] == code, (code, answer)  # type: ignore[index]
        assert status == ERROR_STATUS[code]
    status, answer = post_pdf(b"", length=5 * 1024 * 1024)
    assert (status, answer["error"]["code"]) == (413, "body_too_large")  # type: ignore[index]
    status, answer = post_pdf(broken.good_pdf())
    assert status == 200
    assert [page["page"] for page in answer["pages"]] == [1]  # type: ignore[index]

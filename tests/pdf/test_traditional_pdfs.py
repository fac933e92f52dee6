"""PDF pages in traditional script: the same stories typeset in simplified and, converted with
OpenCC, in traditional script (``s2t``, Taiwan's ``s2tw``, Hong Kong's ``s2hk``) give the same
records (articles, kickers, titles, subtitles, bylines, datelines, captions and credits,
column breaks joined, labels, analyses), each text a piece of the PDF's own characters; and
``output_script`` spells a PDF's records in the script asked for, in the library, the CLI and
the API."""

from __future__ import annotations

import dataclasses
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import opencc
import pytest
from click.testing import CliRunner

from api import ApiConfig, create_app
from summarizer import Engine, Options
from summarizer.cli import main
from summarizer.pages import parse_pdf
from summarizer.records import without_elapsed, without_key
from summarizer.script import ScriptConverter, detect_script

from .conftest import stories
from .typeset import Placed, Story, Style, Truth, blocks, galley, make_story, paragraph

CONFIGS = ("s2t", "s2tw", "s2hk")
STYLE = Style(running_head="新闻日报 2024年3月5日 星期二 第四版 要闻", folio=True)
_SPACE = re.compile(r"\s+")


def _stories() -> list[Story]:
    """Stories with kickers, subtitles, bylines (a reporter and a correspondent), datelines
    (本报讯, 新华社…电) and captions with credits, enough to run onto a second page."""
    given = stories(11, 12)
    for number, story in enumerate(given):
        if number % 3 == 0:
            story.paragraphs[0] = "本报讯（记者王强）" + story.paragraphs[0]
        elif number % 3 == 1:
            story.paragraphs[0] = "新华社北京3月4日电（记者赵刚）" + story.paragraphs[0]
        if number % 4 == 3:
            story.byline = "本报记者 张明 通讯员 李华"
        if story.caption and number % 2:
            story.caption = (story.caption[0], "新华社记者 陈静摄")
    return given


def _in_script(story: Story, convert: Callable[[str], str]) -> Story:
    values = {field.name: getattr(story, field.name) for field in dataclasses.fields(story)}
    for name, value in values.items():
        if isinstance(value, str):
            values[name] = convert(value)
        elif isinstance(value, list | tuple):
            values[name] = type(value)(convert(item) for item in value)
    return Story(**values)


def _galley(given: list[Story], convert: Callable[[str], str]) -> tuple[bytes, Truth, str]:
    """The stories set in ``convert``'s script, the truth, and every text the PDF holds."""
    style = dataclasses.replace(STYLE, running_head=convert(STYLE.running_head or ""))
    converted = [_in_script(story, convert) for story in given]
    data, truth = galley(converted, columns=4, style=style)
    return data, truth, _printed(converted, style, truth.pages)


def _printed(given: list[Story], style: Style, pages: int) -> str:
    texts = [style.running_head or "", *(str(page) for page in range(1, pages + 1))]  # head, folios
    for story in given:
        texts += [story.kicker or "", story.title, f"——{story.subtitle}" if story.subtitle else ""]
        texts += [story.byline or "", *story.paragraphs, *(story.caption or ())]
    return _compact("".join(texts))


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def _records(data: bytes, engine: Engine, options: Options | None = None) -> list[dict[str, Any]]:
    pages = parse_pdf(data, engine=engine, options=options or Options())
    return [without_elapsed(page.to_record()) for page in pages]


def _without_script(record: Any) -> Any:
    """The record less ``stats.script``, which says which script the input was in."""
    return without_key(record, "script")


def _simplified(record: Any, engine: Engine) -> Any:
    """Every text of a record spelt back in simplified script (the made-up stories convert
    back to their simplified words exactly)."""
    return json.loads(engine.scripts.to_simplified(json.dumps(_without_script(record), ensure_ascii=False)))


def _texts(page: dict[str, Any]) -> Iterator[str]:
    """The texts of a page record that are printed on the page as they are."""
    for article in page["articles"]:
        for name in ("kicker", "title", "subtitle", "dateline"):
            if article[name]:
                yield article[name]
        yield from article["bylines"]
        yield from article["paragraphs"]
        for name in ("summary", "sentences", "keywords", "keyphrases"):
            yield from (item["text"] for item in article[name])
    for caption in page["captions"]:
        yield caption["text"]
        yield caption["credit"] or ""
    yield from page["page_labels"]


def _body_pieces_are_verbatim(page: dict[str, Any]) -> None:
    """Each article's sentences and headlines are cut from its body, as analysed."""
    for article in page["articles"]:
        body = "\n".join(article["paragraphs"])
        for sentence in article["sentences"]:
            assert body[sentence["start"] : sentence["end"]] == sentence["text"]
        for headline in article["headlines"]:
            pieces = [body[start:end] for start, end in headline["spans"]]
            assert pieces and all(piece in headline["text"] for piece in pieces)


@pytest.fixture(scope="module")
def simplified_pdf() -> tuple[bytes, Truth]:
    data, truth, _ = _galley(_stories(), str)
    return data, truth


@pytest.fixture(scope="module")
def simplified_records(engine: Engine, simplified_pdf: tuple[bytes, Truth]) -> list[dict[str, Any]]:
    return _records(simplified_pdf[0], engine)


def test_the_simplified_pages_hold_every_case(
    simplified_pdf: tuple[bytes, Truth], simplified_records: list[dict[str, Any]]
) -> None:
    """The simplified records the traditional ones are compared with: two pages, every
    story with its heading, byline, dateline and caption, every column break joined."""
    truth = simplified_pdf[1]
    articles = [article for page in simplified_records for article in page["articles"]]
    given = _stories()
    assert truth.pages == 2 and len(truth.column_breaks) >= 3
    assert [a["title"] for a in articles] == [s.title for s in given]
    assert [a["kicker"] for a in articles] == [s.kicker for s in given]
    assert [a["subtitle"] for a in articles] == [f"——{s.subtitle}" if s.subtitle else None for s in given]
    assert [a["bylines"] for a in articles] == [[s.byline] if s.byline else [] for s in given]
    assert [a["dateline"] for a in articles] == [
        ("本报讯（记者王强）", "新华社北京3月4日电（记者赵刚）", None)[n % 3] for n in range(len(given))
    ]
    captions = [(c["text"], c["credit"]) for page in simplified_records for c in page["captions"]]
    assert captions == [s.caption for s in given if s.caption]
    repairs = [r for a in articles for r in a["repairs"]]
    assert len(repairs) == len(truth.column_breaks)


@pytest.mark.parametrize("config", CONFIGS)
def test_a_traditional_pdf_gives_the_simplified_records_in_its_own_words(
    engine: Engine, simplified_records: list[dict[str, Any]], config: str
) -> None:
    data, _, printed = _galley(_stories(), opencc.OpenCC(config).convert)
    records = _records(data, engine)

    assert _simplified(records, engine) == _without_script(simplified_records)
    assert {a["stats"]["script"] for page in records for a in page["articles"]} == {"traditional"}
    for page in records:
        for text in _texts(page):
            assert _compact(text) in printed, text
        _body_pieces_are_verbatim(page)
    assert records[0]["articles"][0]["dateline"] == "本報訊（記者王強）"
    bylines = [byline for page in records for article in page["articles"] for byline in article["bylines"]]
    assert "本報記者 張明 通訊員 李華" in bylines


def test_a_pdf_mixing_the_scripts_gives_each_text_as_printed(
    engine: Engine, simplified_records: list[dict[str, Any]]
) -> None:
    """Wire copy in traditional script among simplified stories: the stories in traditional
    script come back as printed, the others as they were."""
    hongkong = opencc.OpenCC("s2hk").convert
    given = _stories()
    mixed = [_in_script(story, hongkong) if number % 2 else story for number, story in enumerate(given)]
    data, truth = galley(mixed, columns=4, style=STYLE)
    records = _records(data, engine)

    assert _simplified(records, engine) == _without_script(simplified_records)
    printed = _printed(mixed, STYLE, truth.pages)
    articles = [article for page in records for article in page["articles"]]
    assert [a["title"] for a in articles] == [s.title for s in mixed]
    for page in records:
        for text in _texts(page):
            assert _compact(text) in printed, text


def test_a_modular_traditional_page_reads_like_the_simplified_one(engine: Engine) -> None:
    """Blocks of columns with a picture above its story, its caption and credit."""
    rng = random.Random(8)
    given = [
        make_story(rng, paragraphs=5, sentences=4, kicker="关于东湖街道的新变化", byline="本报记者 张三"),
        make_story(rng, paragraphs=6, sentences=3, caption=(paragraph(rng, 2), "王五 摄")),
        make_story(rng, paragraphs=3, sentences=3, subtitle="西山社区的一天"),
    ]
    given[2].paragraphs[0] = "本报讯（通讯员李四）" + given[2].paragraphs[0]
    placed = [(0, 3, 0, 420, False), (3, 2, 0, 800, True), (0, 3, 460, 800, False)]

    def typeset(convert: Callable[[str], str]) -> bytes:
        stories = [_in_script(story, convert) for story in given]
        return blocks([Placed(s, *where) for s, where in zip(stories, placed, strict=True)], columns=5)[0]

    hongkong = opencc.OpenCC("s2hk").convert
    simplified = _records(typeset(str), engine)
    traditional = _records(typeset(hongkong), engine)
    assert _simplified(traditional, engine) == _without_script(simplified)
    datelines = {a["title"]: a["dateline"] for a in traditional[0]["articles"]}
    assert datelines == {hongkong(s.title): "本報訊（通訊員李四）" if s is given[2] else None for s in given}
    caption = given[1].caption
    assert caption is not None
    assert [(c["text"], c["credit"]) for c in traditional[0]["captions"]] == [
        (hongkong(caption[0]), "王五 攝")
    ]


def test_output_script_spells_a_pdf_in_the_script_asked_for(
    engine: Engine, simplified_pdf: tuple[bytes, Truth], simplified_records: list[dict[str, Any]]
) -> None:
    data = simplified_pdf[0]
    hongkong = _records(data, engine, Options(output_script="hongkong"))
    assert _simplified(hongkong, engine) == _without_script(simplified_records)
    for page in hongkong:
        assert detect_script("".join(_texts(page))) == "traditional"
        assert {a["stats"]["script"] for a in page["articles"]} == {"simplified"}  # the input's
    assert hongkong[0]["articles"][0]["dateline"] == "本報訊（記者王強）"

    traditional_pdf, _, _ = _galley(_stories(), opencc.OpenCC("s2tw").convert)
    simplified = _records(traditional_pdf, engine, Options(output_script="simplified"))
    assert _without_script(simplified) == _without_script(simplified_records)


def test_the_cli_and_the_api_take_the_output_script_for_a_pdf(engine: Engine, tmp_path: Path) -> None:
    data, _, _ = _galley(_stories()[:3], opencc.OpenCC("s2hk").convert)
    expected = _records(data, engine, Options(output_script="simplified"))
    for number, record in enumerate(expected, start=1):
        record["id"] = f"page.pdf#{number}"
    assert detect_script(json.dumps(expected, ensure_ascii=False)) == "simplified"

    source = tmp_path / "page.pdf"
    source.write_bytes(data)
    result = CliRunner().invoke(main, ["page", str(source), "--json", "--output-script", "simplified"])
    assert result.exit_code == 0, result.output
    assert [without_elapsed(json.loads(line)) for line in result.stdout.splitlines()] == expected

    client = create_app(ApiConfig(), engine=engine).test_client()
    response = client.post(
        "/v1/pages?output_script=simplified", data=data, headers={"Content-Type": "application/pdf"}
    )
    answer = response.get_json()
    assert response.status_code == 200 and answer is not None, answer
    for record in expected:
        record["id"] = None
    assert [without_elapsed(page) for page in answer["pages"]] == expected


class _PhraseConverter(ScriptConverter):
    """OpenCC's conversion, and a vocabulary table that changes lengths (Taiwan's 肯亞 is 肯尼亚
    in mainland usage), as a phrase dictionary may."""

    def to_simplified(self, text: str) -> str:
        return super().to_simplified(text).replace("肯亚", "肯尼亚")


def test_a_line_whose_view_changes_length_is_given_back_as_printed() -> None:
    engine = Engine()
    engine.scripts = _PhraseConverter()
    rng = random.Random(4)
    given = [make_story(rng, paragraphs=4, sentences=3, byline="本报记者 王小明") for _ in range(3)]
    for story in given:
        story.paragraphs[1] = "代表团访问了肯亚。" + story.paragraphs[1]
    data, _, printed = _galley(given, opencc.OpenCC("s2tw").convert)
    records = _records(data, engine)

    paragraphs = [p for page in records for article in page["articles"] for p in article["paragraphs"]]
    assert sum("代表團訪問了肯亞。" in paragraph for paragraph in paragraphs) == len(given)
    for page in records:
        for text in _texts(page):
            assert _compact(text) in printed, text
        _body_pieces_are_verbatim(page)

"""Dumps that keep the page's layout (pdftotext -layout, pdfplumber's layout=True), made up here
by setting invented stories in columns side by side on a grid of character places: the parser
reads the columns one after another (``summarizer/pages/side_by_side.py``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.pages import parse
from summarizer.pages.side_by_side import is_side_by_side, read_columns

from .conftest import RecordingEngine
from .test_printed_lines import FIRST, SECOND, THIRD, _set

BRIDGE_TITLE = "河湾镇建设便民桥"
SCHOOL_TITLE = "山区小学用上新操场"
SCHOOL = (
    "今年秋季开学，山区小学的孩子们终于在平整的塑胶跑道上上体育课了，老师们也很高兴。",
    "学校负责人介绍，新操场由县里统一规划建设，还配备了篮球架和乒乓球台，课间活动更丰富了。",
)


def _grid(*columns: tuple[int, list[str]]) -> str:
    """Columns set side by side: each ``(place, lines)`` puts its lines at that character place,
    one grid line each, as a layout-keeping extractor gives them."""
    rows = max(len(lines) for _, lines in columns)
    grid = []
    for row in range(rows):
        line = ""
        for place, lines in columns:
            if row < len(lines) and lines[row]:
                line = line.ljust(place) + lines[row]
        grid.append(line.rstrip())
    return "\n".join(grid) + "\n"


def _story(title: str, paragraphs: tuple[str, ...] | list[str], byline: str) -> list[str]:
    return [title, "", byline, *[line for paragraph in paragraphs for line in _set(paragraph, 12)]]


def test_two_stories_side_by_side_are_read_one_after_the_other() -> None:
    text = _grid(
        (0, _story(BRIDGE_TITLE, [FIRST, SECOND, THIRD], "本报记者 张华")),
        (18, _story(SCHOOL_TITLE, SCHOOL, "本报记者 李明")),
    )
    assert is_side_by_side(text)
    page = parse(text, engine=RecordingEngine())  # type: ignore[arg-type]
    assert [(a.title, a.paragraphs) for a in page.articles] == [
        (BRIDGE_TITLE, (FIRST, SECOND, THIRD)),
        (SCHOOL_TITLE, SCHOOL),
    ]


def test_lines_keep_their_numbers_in_the_dump() -> None:
    text = _grid((0, ["左栏第一行", "左栏第二行"]), (18, ["右栏第一行", "右栏第二行"]))
    lines = read_columns(text)
    assert [(line.text, line.numbers) for line in lines] == [
        ("左栏第一行", (1,)),
        ("左栏第二行", (2,)),
        ("右栏第一行", (1,)),
        ("右栏第二行", (2,)),
    ]


def test_a_column_goes_on_where_another_column_holds_the_grid_line() -> None:
    # The columns' lines sit at other heights, so that each takes every other grid line: a gap
    # of one grid line inside a column is no space between stories.
    left = ["左栏第一行文字", "", "左栏第二行文字", "", "左栏第三行文字"]
    right = ["", "右栏第一行文字", "", "右栏第二行文字", "", "右栏第三行文字"]
    lines = read_columns(_grid((0, left), (18, right)))
    assert [line.text for line in lines] == [
        "左栏第一行文字",
        "左栏第二行文字",
        "左栏第三行文字",
        "右栏第一行文字",
        "右栏第二行文字",
        "右栏第三行文字",
    ]


def test_a_printed_line_spaced_out_stays_one_line() -> None:
    # a credit set with wide spaces under a column, beside the next column's lines
    left = ["左栏第一行文字", "左栏第二行文字", "新华社记者 王  明摄"]
    right = ["右栏第一行文字", "右栏第二行文字", "右栏第三行文字"]
    texts = [line.text for line in read_columns(_grid((0, left), (24, right)))]
    assert "新华社记者 王\u3000明摄" in texts


def test_titles_in_large_type_one_place_apart_are_two_columns() -> None:
    # large type takes a grid place a character, so two titles side by side may be one space
    # apart on every line they share; the body columns under them are wider apart
    left = ["加快建设乡村", "快递服务站", "", "正文一行", "正文二行"]
    right = ["推动老旧小区", "加装电梯", "", "正文一行", "正文二行"]
    lines = read_columns(_grid((0, left), (7, right)))
    assert [line.text for line in lines][:2] == ["加快建设乡村", "快递服务站"]


def test_a_page_of_one_column_is_not_side_by_side() -> None:
    text = "\n".join(_story(BRIDGE_TITLE, [FIRST, SECOND, THIRD], "本报记者 张华")) + "\n"
    assert not is_side_by_side(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="新闻 稿件 ，。\f", max_size=40), min_size=1, max_size=30))
def test_every_printed_character_is_read_once(rows: list[str]) -> None:
    text = "\n".join(rows)
    read = "".join(line.text for line in read_columns(text))
    assert sorted(read.replace(" ", "").replace("\u3000", "")) == sorted("".join(text.split()))

"""Dumps that keep every printed line (pdfminer.six, pypdfium2, pdftotext), made up here by
setting invented paragraphs in columns of a given width: the parser joins the lines of each
paragraph again (``summarizer/pages/reflow.py``)."""

from __future__ import annotations

from summarizer.pages import Page, parse
from summarizer.pages.lines import read_blocks
from summarizer.pages.reflow import em_width, size_changes, title_frame_changes

from .conftest import RecordingEngine

FIRST = "全镇今年共建成便民桥十座，惠及沿河群众两万余人，受到广泛好评，群众出行更加方便了。"
SECOND = "“以前过河要绕很远的路，现在走几步就到了。”村民王大爷笑着说，他每天都要去对岸的菜地。"
THIRD = "镇里还组织党员志愿者定期检查桥面，发现问题及时维修，确保群众出行安全。"


def _set(paragraph: str, width: int, *, indent: int = 2) -> list[str]:
    """The printed lines of ``paragraph`` in a column ``width`` characters wide, its first line
    indented (the indent itself is lost, as most extractors lose it)."""
    lines, line, room = [], "", width - indent
    for char in paragraph:
        if em_width(line + char) > room:
            lines.append(line)
            line, room = "", width
        line += char
    return [*lines, line] if line else lines


def _page(lines: list[str], engine: RecordingEngine) -> Page:
    return parse("\n".join(lines) + "\n", engine=engine)  # type: ignore[arg-type]


def test_the_printed_lines_of_each_paragraph_are_joined(engine: RecordingEngine) -> None:
    lines = ["河湾镇建设", "便民桥", *_set(FIRST, 12), *_set(SECOND, 12), *_set(THIRD, 12)]
    (article,) = _page(lines, engine).articles
    assert article.title == "河湾镇建设便民桥"
    assert article.paragraphs == (FIRST, SECOND, THIRD)


def test_a_sentence_ending_at_a_full_line_goes_on_only_into_a_full_line(engine: RecordingEngine) -> None:
    # a column ten characters wide: the first paragraph ends a sentence at the end of its
    # second line and goes on in a full line; the next paragraph starts on an indented line
    lines = [
        "河湾镇建设便民桥",
        "全镇共建成便民桥",
        "十座，今年全部完工。",
        "全镇群众出行更加方便",
        "了。",
        "镇里组织党员定期",
        "检查桥面，确保安全。",
        *_set(FIRST, 10),
        *_set(SECOND, 10),
    ]
    (article,) = _page(lines, engine).articles
    assert article.paragraphs == (
        "全镇共建成便民桥十座，今年全部完工。全镇群众出行更加方便了。",
        "镇里组织党员定期检查桥面，确保安全。",
        FIRST,
        SECOND,
    )


def test_punctuation_starting_a_line_continues_the_line_above(engine: RecordingEngine) -> None:
    lines = ["河湾镇建设便民桥", "全镇今年共建成便", "民桥十座，方便了群众", "。", *_set(THIRD, 10)]
    (article,) = _page(lines, engine).articles
    assert article.paragraphs == ("全镇今年共建成便民桥十座，方便了群众。", THIRD)


def test_a_kicker_and_its_title_in_two_type_sizes_come_apart(engine: RecordingEngine) -> None:
    # a one-line kicker over a title set larger (narrower lines), then the body
    lines = [
        "上一篇的最后一段到此结束了。",
        "各地多措并举改善群众出行",
        "河湾镇新建",
        "十座桥",
        *_set(FIRST, 13),
    ]
    page = _page(lines, engine)
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, None),
        ("各地多措并举改善群众出行", "河湾镇新建十座桥"),
    ]
    assert page.articles[1].paragraphs == (FIRST,)


def test_a_title_line_ending_in_a_comma_goes_on_into_the_next(engine: RecordingEngine) -> None:
    # a kicker wrapped in its own box, then a title of two clauses set larger: no headline ends
    # in a comma, so the title's first line goes on into its second; a full line of running
    # text ending in a comma over a narrower title line stays running text
    lines = ["上一篇的最后一段到此结束了。", "", "各地多措并举改善", "群众出行条件——", ""]
    lines += ["以前绕远路，", "如今几步到", *_set(FIRST, 13)]
    page = _page(lines, engine)
    kicker, title = "各地多措并举改善群众出行条件——", "以前绕远路，如今几步到"
    assert [(a.kicker, a.title) for a in page.articles][-1] == (kicker, title)
    assert page.articles[-1].paragraphs == (FIRST,)

    lines = ["河湾镇建设便民桥", "全镇今年共建成便民桥十座", "惠及沿河两岸群众两万人，", ""]
    lines += ["以前绕远路", "如今几步到", *_set(FIRST, 13)]
    assert _page(lines, engine).articles[-1].title == "以前绕远路如今几步到"


def test_a_kicker_in_a_text_box_of_its_own_comes_apart_from_its_title(engine: RecordingEngine) -> None:
    # an extractor that parts text boxes by a blank line (pdftotext, pdfminer.six) gives the
    # kicker its own box, as wide as the title's line: the box end tells the two apart
    lines = ["上一篇的最后一段到此结束了。", "", "全镇出行更方便", "", "河湾镇新建十座桥", ""]
    lines += _set(FIRST, 13)
    page = _page(lines, engine)
    assert [(a.kicker, a.title) for a in page.articles][-1] == ("全镇出行更方便", "河湾镇新建十座桥")
    assert page.articles[-1].paragraphs == (FIRST,)


def test_a_sentence_ending_at_a_column_foot_goes_on_in_a_box_without_indent(engine: RecordingEngine) -> None:
    # the column ends after a full line that ends a sentence; the next column's first line has
    # no indent, so it goes on with the paragraph; the indented line after it starts another
    lines = [
        "河湾镇建设便民桥",
        "全镇今年共建成便民桥",
        "十座，惠及沿河群众两万余",
        "人，受到沿河群众的好评。",
        "",
        "镇里还组织党员志愿者定期",
        "检查桥面，发现问题及时维",
        "修。",
        *_set(THIRD, 12),
    ]
    (article,) = _page(lines, engine).articles
    assert article.paragraphs == (
        "全镇今年共建成便民桥十座，惠及沿河群众两万余人，受到沿河群众的好评。"
        "镇里还组织党员志愿者定期检查桥面，发现问题及时维修。",
        THIRD,
    )


def test_bylines_and_credits_are_never_joined_to_a_neighbour(engine: RecordingEngine) -> None:
    caption = "村民在新建成的便民桥上行走，桥下河水清澈。"
    lines = [
        "河湾镇建设便民桥",
        "本报记者 李明",
        *_set(FIRST, 12),
        *_set(caption, 16, indent=0),
        "本报记者 赵红摄",
        "山前村办起",
        "农家书屋",
        *_set(THIRD, 12),
    ]
    page = _page(lines, engine)
    assert [(a.title, a.bylines) for a in page.articles] == [
        ("河湾镇建设便民桥", ("本报记者 李明",)),
        ("山前村办起农家书屋", ()),
    ]
    assert [(c.text, c.credit) for c in page.captions] == [(caption, "本报记者 赵红摄")]


def test_a_credit_split_at_its_wide_spaces_is_whole_again(engine: RecordingEngine) -> None:
    caption = "村民在新建成的便民桥上行走，桥下河水清澈。"
    lines = ["河湾镇建设便民桥", *_set(FIRST, 12), *_set(caption, 16, indent=0), "新华社记者", "赵", "红摄"]
    page = _page(lines, engine)
    assert [(c.text, c.credit) for c in page.captions] == [(caption, "新华社记者\u3000赵\u3000红摄")]
    assert page.articles[0].paragraphs == (FIRST,)


def test_a_dateline_set_apart_by_a_wide_space_stays_with_its_paragraph(engine: RecordingEngine) -> None:
    lines = [
        "河湾镇建设便民桥",
        "新华社河湾3月1日电",
        "全镇",
        *_set("今年共建成便民桥十座，方便了沿河群众出行。", 14, indent=0),
    ]
    (article,) = _page(lines, engine).articles
    assert article.dateline == "新华社河湾3月1日电"
    assert article.paragraphs == ("全镇今年共建成便民桥十座，方便了沿河群众出行。",)


def test_one_blank_line_is_a_box_end_two_part_frames() -> None:
    # pdfminer.six closes a box at an indented first line: one blank line is read as a line end
    first_line, *rest = _set(FIRST, 12)
    blocks = read_blocks("\n\n".join(["河湾镇建设便民桥", first_line, "\n".join(rest)]) + "\n").blocks
    assert [b.text for b in blocks] == ["河湾镇建设便民桥", FIRST]
    # two blank lines part text frames: the column-break stage decides with its own evidence
    blocks = read_blocks("\n\n\n".join(["河湾镇建设便民桥", first_line, "\n".join(rest)]) + "\n").blocks
    assert [b.text for b in blocks] == ["河湾镇建设便民桥", first_line, "".join(rest)]


def test_a_page_of_paragraph_lines_is_left_as_it_is() -> None:
    text = f"河湾镇建设便民桥\n\n{FIRST}\n\n全镇干部群众一起动手，修好的桥已有\n\n十座。\n"
    page = read_blocks(text)
    assert page.printed_lines is False
    assert [b.text for b in page.blocks] == [
        "河湾镇建设便民桥",
        FIRST,
        "全镇干部群众一起动手，修好的桥已有",
        "十座。",
    ]


def test_where_the_type_size_changes_in_a_heading() -> None:
    assert size_changes([13, 7, 4]) == [1]  # one-line kicker over a two-line title
    assert size_changes([10, 10, 5.5, 6, 6, 3]) == [3]  # two runs, each with a short last line
    assert size_changes([9, 9, 9, 5]) == []  # one title over four lines
    assert size_changes([7, 5]) == []


def _breaks(*lines: str) -> tuple[str, list[int]]:
    offsets, end = [], 0
    for line in lines[:-1]:
        end += len(line)
        offsets.append(end)
    return "".join(lines), offsets


def test_a_heading_line_off_its_title_s_frame_by_one_character() -> None:
    # a line narrower than the line under it stopped short of the frame: a kicker's end
    assert title_frame_changes(*_breaks("河湾镇修桥", "全镇群众出行更", "方便了"))
    # a first line one character wider than the equal lines wrapped under it
    assert title_frame_changes(*_breaks("河湾镇新建十座便桥", "全镇群众出行", "更加方便快捷", "了"))
    # a title wrapped at its frame, its last line shorter: one frame
    assert not title_frame_changes(*_breaks("全镇群众出行更", "加方便快捷了", "吗"))
    assert not title_frame_changes(*_breaks("全镇群众出行更", "加方便"))
    # half a character (a space between halves) is no whole character
    assert not title_frame_changes(*_breaks("共建便民桥 群", "众出行更方便", "了"))
    # Latin letters and digits: their printed width is not told by the count
    assert not title_frame_changes(*_breaks("河湾镇新建十座", "便民桥3.26万米"))
    # a closing column tag is set smaller: not a line of the title's frame
    assert not title_frame_changes(*_breaks("河湾镇新建", "十座桥（民生", "观察·出行篇）"))


def test_a_kicker_line_short_of_the_title_s_frame_comes_apart(engine: RecordingEngine) -> None:
    # a one-line kicker narrower than the title's lines under it (all in the grid's places of
    # a layout-keeping dump, where every character takes one place whatever its size)
    lines = ["上一篇的最后一段到此结束了。", "", "", "修好十座桥", "河湾镇群众出行", "更加方便"]
    lines += _set(FIRST, 13)
    page = _page(lines, engine)
    assert [(a.kicker, a.title) for a in page.articles][-1] == ("修好十座桥", "河湾镇群众出行更加方便")
    assert page.articles[-1].paragraphs == (FIRST,)

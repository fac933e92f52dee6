"""The layout steps of the PDF path on synthetic pages whose truth is known: galley and
modular layouts, indented and spaced paragraphs, type sizes, captions, pages that continue."""

from __future__ import annotations

import random

import pytest

from summarizer import Engine
from summarizer.pages import Page, parse_pdf
from summarizer.pages.pdf import DEFAULT_LIMITS
from summarizer.pages.pdf.lines import build_lines
from summarizer.pages.pdf.order import reading_order
from summarizer.pages.pdf.reader import read_pages
from summarizer.pages.text import ends_sentence

from .broken import CJK_FONT, show_text, stream, write_pdf
from .conftest import stories
from .typeset import Placed, Style, Truth, blocks, galley, make_story, paragraph

STYLES = {
    "indented": Style(),
    "spaced, no indent": Style(indent=False, paragraph_space=0.8),
    "small type, narrow gutter": Style(body=9.0, title=16.0, kicker=11.0, gutter=9.0),
}


def articles(pages: tuple[Page, ...]) -> dict[str, object]:
    return {a.title: a for page in pages for a in page.articles if a.title}


def assert_breaks_rejoined(pages: tuple[Page, ...], truth: Truth) -> None:
    """Both sides of every column break the typesetter made stand in one paragraph, and the
    article says so in its repairs."""
    paragraphs = [p for page in pages for a in page.articles for p in a.paragraphs]
    for end, start in truth.column_breaks:
        assert any(end + start in p for p in paragraphs), (end, start)
    repairs = [r for page in pages for a in page.articles for rs in a.paragraph_repairs for r in rs]
    assert len(repairs) == len(truth.column_breaks)
    assert all(r.kind == "column_break" and "|" in r.detail for r in repairs)


@pytest.mark.parametrize("style", STYLES.values(), ids=list(STYLES))
def test_a_galley_page_gives_every_story_whole(engine: Engine, style: Style) -> None:
    given = stories(seed=7, count=9)
    data, truth = galley(given, columns=5, style=style)
    pages = parse_pdf(data, engine=engine)

    assert [page.number for page in pages] == list(range(1, truth.pages + 1))
    found = [a for page in pages for a in page.articles]
    assert [a.title for a in found] == [s.title for s in given]
    for article, story in zip(found, given, strict=True):
        assert list(article.paragraphs) == story.paragraphs
        assert article.kicker == story.kicker
        assert article.subtitle == (f"——{story.subtitle}" if story.subtitle else None)
        assert list(article.bylines) == ([story.byline] if story.byline else [])
    captions = [(c.text, c.credit) for page in pages for c in page.captions]
    assert captions == [s.caption for s in given if s.caption]
    assert_breaks_rejoined(pages, truth)


@pytest.mark.parametrize(
    "style", [Style(), Style(indent=False, paragraph_space=0.8)], ids=["indented", "spaced"]
)
def test_a_modular_page_reads_each_block_with_its_spanning_title(engine: Engine, style: Style) -> None:
    rng = random.Random(3)
    given = [
        make_story(rng, paragraphs=5, sentences=4, kicker="关于东湖街道的新变化", byline="本报记者 张三"),
        make_story(rng, paragraphs=6, sentences=3, caption=(paragraph(rng, 2), "王五 摄")),
        make_story(rng, paragraphs=3, sentences=3),
        make_story(rng, paragraphs=3, sentences=2, byline="本报通讯员 李四"),
    ]
    placed = [
        Placed(given[0], 0, 3, 0, 420),  # title over three columns, body in the first two
        Placed(given[1], 3, 2, 0, 800, picture_above=True),
        Placed(given[2], 0, 2, 460, 800),
        Placed(given[3], 2, 1, 460, 800),
    ]
    data, truth = blocks(placed, columns=5, style=style)
    pages = parse_pdf(data, engine=engine)

    found = articles(pages)
    assert sorted(found) == sorted(s.title for s in given)
    assert len([a for page in pages for a in page.articles]) == len(given)
    for story in given:
        assert list(found[story.title].paragraphs) == story.paragraphs  # type: ignore[attr-defined]
        assert found[story.title].kicker == story.kicker  # type: ignore[attr-defined]
    assert [(c.text, c.credit) for c in pages[0].captions] == [given[1].caption]
    assert_breaks_rejoined(pages, truth)


def two_columns(first: list[str], second: list[str], *, indented_second: bool) -> bytes:
    """A title, then ten-character lines down column one and on into column two."""
    size, left, second_left, top = 10.0, 60.0, 200.0, 760.0
    lines = [("测试用的标题", left, top, 20.0)]
    for row, text in enumerate(first):
        indent = 2 * size if row == 0 else 0.0
        lines.append((text, left + indent, top - 30 - row * 14, size))
    for row, text in enumerate(second):
        indent = 2 * size if row == 0 and indented_second else 0.0
        lines.append((text, second_left + indent, top - 30 - row * 14, size))
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(show_text(lines)),
            CJK_FONT,
        ]
    )


# Full lines of ten characters (the first one eight, after its two-em indent).
COLUMN_ONE = [
    "今年春天社区居民",
    "在空地上种下一排果树",
    "孩子们有了读书的去处",
    "附近的生意也热闹起来",
    "大家出门方便了许多。",
]


def test_a_column_break_is_joined_because_the_next_column_has_no_indent(engine: Engine) -> None:
    # The first column ends with a finished sentence on a full line: the words say nothing,
    # the missing indent at the top of the next column says the paragraph goes on.
    data = two_columns(COLUMN_ONE, ["邻里之间的来往多了。", "志愿者整理了步道。"], indented_second=False)
    (page,) = parse_pdf(data, engine=engine)
    (article,) = page.articles
    assert article.paragraphs == ("".join(COLUMN_ONE) + "邻里之间的来往多了。志愿者整理了步道。",)
    (repair,) = article.paragraph_repairs[0]
    assert repair.kind == "column_break"
    assert repair.detail == "大家出门方便了许多。"[-8:] + "|" + "邻里之间的来往多了。"[:8]


def test_characters_set_one_by_one_read_as_the_same_page(engine: Engine) -> None:
    # Some producers position every character with its own text object.
    lines = [("测试用的标题", 60.0, 760.0, 20.0)]
    lines += [
        (text, 60.0 + (20.0 if row == 0 else 0.0), 730.0 - row * 14, 10.0)
        for row, text in enumerate(COLUMN_ONE)
    ]
    one_by_one = [
        (char, x + 10.0 * i * (size / 10.0), y, size)
        for text, x, y, size in lines
        for i, char in enumerate(text)
    ]
    whole, apart = (
        write_pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(show_text(spec)),
                CJK_FONT,
            ]
        )
        for spec in (lines, one_by_one)
    )
    (page_whole,) = parse_pdf(whole, engine=engine)
    (page_apart,) = parse_pdf(apart, engine=engine)
    assert [a.paragraphs for a in page_apart.articles] == [("".join(COLUMN_ONE),)]
    assert (
        page_apart.to_record(None)["articles"][0]["title"]
        == page_whole.to_record(None)["articles"][0]["title"]
    )


def test_an_indented_column_top_starts_a_paragraph_though_the_words_run_on(engine: Engine) -> None:
    unfinished = [*COLUMN_ONE[:-1], "大家出门方便了许多，"]
    data = two_columns(unfinished, ["邻里之间的来往", "多了。"], indented_second=True)
    (page,) = parse_pdf(data, engine=engine)
    (article,) = page.articles
    assert article.paragraphs == ("".join(unfinished), "邻里之间的来往多了。")
    assert article.paragraph_repairs == ((), ())
    assert not ends_sentence(article.paragraphs[0])


def test_briefs_with_titles_little_larger_than_the_body_are_stories(engine: Engine) -> None:
    # Titles at 1.1 times the body size: a dateline or a byline under them says "story",
    # where a heading of that size with neither is a section heading of the story before.
    rng = random.Random(5)
    given = [
        make_story(rng, paragraphs=2),
        make_story(rng, paragraphs=2, byline="本报记者 王小明"),
        make_story(rng, paragraphs=2),
    ]
    given[2].paragraphs[0] = "本报北京3月1日电  " + given[2].paragraphs[0]
    section = make_story(rng, paragraphs=1)  # a heading and one paragraph, dateline-free
    data, _ = galley([*given, section], columns=4, style=Style(title=11.0, kicker=10.5))
    pages = parse_pdf(data, engine=engine)

    found = [a for page in pages for a in page.articles]
    assert [a.title for a in found] == [given[0].title, given[1].title, given[2].title]
    assert found[2].dateline == "本报北京3月1日电"
    assert found[2].section_headings == (section.title,)


def test_a_running_head_and_folio_are_page_labels_not_text(engine: Engine) -> None:
    rng = random.Random(11)
    given = [make_story(rng, paragraphs=8, sentences=5) for _ in range(6)]
    style = Style(running_head="人民日报 第4版 要闻", folio=True)
    data, truth = galley(given, columns=3, style=style)
    pages = parse_pdf(data, engine=engine)

    head = "人民日报 第4版 要闻"
    assert [page.page_labels for page in pages] == [(head, "1"), (head, "2")]
    found = [a for page in pages for a in page.articles]
    assert [a.title for a in found] == [s.title for s in given]
    assert [list(a.paragraphs) for a in found] == [s.paragraphs for s in given]
    assert_breaks_rejoined(pages, truth)


def test_a_story_ending_in_two_lines_atop_the_next_page_is_not_its_running_head(engine: Engine) -> None:
    rng = random.Random(2)
    story = make_story(rng, paragraphs=1, sentences=2)
    tail = "邻里之间的来往多了。"
    lines_one = [("测试用的标题", 60.0, 780.0, 20.0)]
    lines_one += [
        (text, 60.0 + (20.0 if row == 0 else 0.0), 750.0 - row * 14, 10.0)
        for row, text in enumerate(COLUMN_ONE[:-1])
    ]
    lines_one += [(COLUMN_ONE[-1][:-1] + "，", 60.0, 750.0 - 4 * 14, 10.0)]
    lines_one += [("尾" * 10, 60.0, 60.0, 10.0)]  # the column runs to the foot of the page
    lines_two = [
        (tail, 60.0, 820.0, 10.0),
        ("另一个标题", 60.0, 760.0, 20.0),
        (story.paragraphs[0][:10], 80.0, 730.0, 10.0),
    ]
    data = write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(show_text(lines_one)),
            CJK_FONT,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(show_text(lines_two)),
        ]
    )
    one, two = parse_pdf(data, engine=engine)
    assert two.page_labels == ()
    assert one.articles[0].paragraphs[-1].endswith("尾" * 10 + tail)


def test_a_story_continued_on_the_next_pdf_page_stays_in_the_page_where_it_starts(engine: Engine) -> None:
    rng = random.Random(11)
    given = [make_story(rng, paragraphs=8, sentences=5) for _ in range(6)]
    data, truth = galley(given, columns=3)
    pages = parse_pdf(data, engine=engine)
    assert truth.pages == len(pages) == 2

    first, second = pages
    page_one_titles = [a.title for a in first.articles]
    crossing = page_one_titles[-1]
    assert crossing not in [a.title for a in second.articles]
    story = next(s for s in given if s.title == crossing)
    article = next(a for a in first.articles if a.title == crossing)
    assert list(article.paragraphs) == story.paragraphs
    assert [a.title for a in first.articles + second.articles] == [s.title for s in given]
    records = [page.to_record(None) for page in pages]
    assert [r["page"] for r in records] == [1, 2]
    # the second page's record says where its first lines went, and holds none of their text
    assert records[0]["continued"] == []
    (continued,) = records[1]["continued"]
    assert continued["page"] == 1
    assert continued["article"] == page_one_titles.index(crossing)
    assert continued["title"] == crossing
    first_line, last_line = continued["lines"]
    assert first_line <= last_line < min(a["lines"][0] for a in records[1]["articles"])
    assert article.lines[-1] == last_line
    assert story.paragraphs[-1] not in [p for a in second.articles for p in a.paragraphs]


def test_body_type_under_a_picture_ending_in_a_credit_is_its_caption(engine: Engine) -> None:
    body = ["今年春天社区居民在空地", "上种下一排果树，孩子们", "有了读书的去处。"]
    lines = [("测试用的标题", 60.0, 780.0, 20.0)]
    lines += [(text, 60.0, 750.0 - row * 14, 10.0) for row, text in enumerate(body)]
    caption = ["图为居民在空地上种树。", "张三 摄"]
    lines += [(text, 60.0, 560.0 - row * 14, 10.0) for row, text in enumerate(caption)]
    content = b"q 120 0 0 120 60 580 cm /Im1 Do Q\n" + show_text(lines)
    data = write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
            stream(content),
            CJK_FONT,
            stream(
                b"\x80",
                b"/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 ",
            ),
        ]
    )
    (page,) = parse_pdf(data, engine=engine)
    (article,) = page.articles
    assert article.paragraphs == ("".join(body),)
    assert [(c.text, c.credit) for c in page.captions] == [("图为居民在空地上种树。", "张三 摄")]


def test_lines_are_cut_at_gutters_and_joined_across_pieces() -> None:
    # Column one's line is drawn in two pieces (a digit run set apart by the producer),
    # column two's line shares the baseline 16 points to the right.
    pieces = [("社区新建", 60.0, 700.0, 10.0), ("12", 100.0, 700.0, 10.0), ("座公园", 120.0, 700.0, 10.0)]
    neighbour = [("另一栏的文字", 166.0, 700.0, 10.0)]
    data = write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(show_text(pieces + neighbour)),
            CJK_FONT,
        ]
    )
    (content,) = read_pages(data, DEFAULT_LIMITS)
    lines = build_lines(content.glyphs, 1)
    assert [line.text for line in lines] == ["社区新建12座公园", "另一栏的文字"]
    assert lines[0].size == lines[1].size == 10.0


def test_reading_order_reads_a_banner_then_each_column_down() -> None:
    data, _ = galley(stories(seed=5, count=6), columns=4)
    (content, *_) = read_pages(data, DEFAULT_LIMITS)
    lines = build_lines(content.glyphs, 1)
    columns = reading_order(lines, content.images, page=1, body_size=10.0)
    lefts = [round(column.lines[0].left) for column in columns if column.lines]
    assert lefts == sorted(lefts)  # a galley: columns left to right
    for column in columns:
        tops = [line.top for line in column.lines]
        assert tops == sorted(tops)  # each read top to bottom

"""Dumps that join the lines of each text block (PyMuPDF's blocks, among others), on invented
mini pages: a kicker run into its title, a credit glued to its caption, a dateline run into its
text, a heading cut inside its column tag, a package of stories."""

from __future__ import annotations

import pytest

from summarizer.pages import Page, parse
from summarizer.pages.captions import glued_credit
from summarizer.pages.headings import heading_model, options, split_kicker

from .conftest import RecordingEngine

BODY = "全镇今年共建成便民桥十座，惠及沿河群众两万余人，受到广泛好评。"
MORE = "镇里还组织党员志愿者定期检查桥面，发现问题及时维修，确保群众出行安全。"


def _page(blocks: list[str], engine: RecordingEngine) -> Page:
    return parse("\n\n".join(blocks) + "\n", engine=engine)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("村民在新建成的便民桥上行走，桥下河水清澈。新华社记者张三摄", "新华社记者张三摄"),
        ("村民在新建成的便民桥上行走，桥下河水清澈。李四摄（影像河湾）", "李四摄（影像河湾）"),
        ("村民在新建成的便民桥上行走，桥下河水清澈。王五摄（新华社发）", "王五摄（新华社发）"),
        ("村民在新建成的便民桥上行走。图为新桥一角。本报记者赵红文孙亮摄", "本报记者赵红文孙亮摄"),
        ("新桥建成，群众出行不再难。这正是：一桥连两岸，百姓笑开颜。钱六图周七文", "钱六图周七文"),
        ("村民在新建成的便民桥上行走，桥下河水清澈。吴八（河湾视觉）", "吴八（河湾视觉）"),
    ],
)
def test_a_credit_glued_to_its_caption(text: str, credit: str) -> None:
    start = glued_credit(text)
    assert start is not None and text[start:] == credit


@pytest.mark.parametrize(
    "text",
    [
        "用制度为“居有所安”护航（河湾时评）",  # a title with its column tag
        "镇里的老人都说，这座桥是他们看着建起来的。",  # a sentence
        "他对着新桥连拍了好几张。一张张都是用心拍摄",  # no name runs into 摄
    ],
)
def test_no_credit_where_none_is_glued(text: str) -> None:
    assert glued_credit(text) is None


def test_caption_with_a_glued_credit_stays_out_of_the_body(engine: RecordingEngine) -> None:
    caption = "村民在新建成的便民桥上行走，桥下河水清澈。"
    page = _page(["河湾镇建设便民桥", BODY, f"{caption}新华社记者张三摄", MORE], engine)
    assert [(c.text, c.credit) for c in page.captions] == [(caption, "新华社记者张三摄")]
    assert all("河水清澈" not in text for text in engine.texts)


def test_a_kicker_ending_in_a_dash_run_into_its_title(engine: RecordingEngine) -> None:
    # after a finished paragraph and over plain text, the dash says this is no section heading
    page = _page(["河湾镇建设便民桥", BODY, "山前村支部书记王明——把致富路修到村民家门口", MORE], engine)
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "河湾镇建设便民桥"),
        ("山前村支部书记王明——", "把致富路修到村民家门口"),
    ]


def test_a_kicker_does_not_end_inside_an_open_prepositional_phrase() -> None:
    # 以…推动…: the clause the preposition opens needs a verb after it, so a split before one
    # is scored down (the model learnt the weight from the training corpus)
    model = heading_model()
    line = "全县以乡村建设新成效推动农业发展再上台阶"
    by_start = {option.start: option for option in options(line, model.boundary_words)}
    inside = by_start[len("全县以乡村")]
    after_the_verb = by_start[len("全县以乡村建设新成效推动")]
    assert ("left_open_preposition", 1.0) in inside.features
    assert ("left_open_preposition", 1.0) not in after_the_verb.features
    assert model.weights["left_open_preposition"] < 0


def test_a_column_tag_stays_with_the_title() -> None:
    kicker, title = split_kicker("山前村支部书记王明——把致富路修到村民家门口（走基层）")
    assert (kicker, title) == ("山前村支部书记王明——", "把致富路修到村民家门口（走基层）")


def test_where_the_type_changed_the_line_end_wins_over_a_word_read_across_it() -> None:
    # the tokenizer reads 米苏 as one word, but the printed line ended there and the type changed
    line = "全省田径赛男子60米苏城小将夺冠"
    kicker_end = len("全省田径赛男子60米")
    assert split_kicker(line, at=(kicker_end,)) == (None, line)
    assert split_kicker(line, at=(kicker_end,), size_changed=True) == ("全省田径赛男子60米", "苏城小将夺冠")


def test_a_dateline_run_into_its_text(engine: RecordingEngine) -> None:
    (article,) = _page(["河湾镇建设便民桥", f"新华社河湾3月1日电{BODY}", MORE], engine).articles
    assert article.dateline == "新华社河湾3月1日电"
    assert article.paragraphs == (BODY, MORE)


def test_a_heading_cut_inside_its_column_tag_is_joined(engine: RecordingEngine) -> None:
    page = _page([BODY, "河湾镇建设便民桥（", "乡村振兴）", MORE], engine)
    assert [a.title for a in page.articles] == [None, "河湾镇建设便民桥（乡村振兴）"]


def test_a_heading_piece_too_short_to_be_one_is_joined(engine: RecordingEngine) -> None:
    page = _page([BODY, "河湾镇建设便民", "桥（乡村振兴）", MORE], engine)
    assert [a.title for a in page.articles] == [None, "河湾镇建设便民桥（乡村振兴）"]


@pytest.mark.parametrize(
    "closing",
    [
        "（本报记者李明采访整理）",
        "（作者分别为河湾镇党委书记、河湾大学（河湾学院）教授）",
        "（执笔：李明）",
        "本版责编：赵红",
        "制图：孙亮",
    ],
)
def test_closing_notes_end_the_article(engine: RecordingEngine, closing: str) -> None:
    page = _page(["河湾镇建设便民桥", BODY, closing, "山前村办起农家书屋", MORE], engine)
    assert [a.title for a in page.articles] == ["河湾镇建设便民桥", "山前村办起农家书屋"]
    assert all(closing not in text for text in engine.texts)


def test_a_midline_ellipsis_ends_a_sentence(engine: RecordingEngine) -> None:
    # a paragraph ending in ⋯⋯ is finished: the heading after it is no continuation
    (article,) = _page(["河湾镇建设便民桥", "桥修好了，路也通了⋯⋯", "党员带头干在前", MORE], engine).articles
    assert article.section_headings == ("党员带头干在前",)


def test_a_package_of_stories_is_one_article(engine: RecordingEngine) -> None:
    page = _page(
        [
            "家门口的新变化（新春见闻）",
            "一座桥，一条路，都是乡亲们的期盼。",
            "便民桥通了",
            "——河湾镇村民的春节",
            "本报记者 李明",
            BODY,
            "致富路宽了",
            "——山前村村民的春节",
            "本报记者 赵红",
            MORE,
        ],
        engine,
    )
    (article,) = page.articles
    assert article.title == "家门口的新变化（新春见闻）"
    assert article.bylines == ("本报记者 李明", "本报记者 赵红")
    assert article.section_headings == (
        "便民桥通了",
        "——河湾镇村民的春节",
        "致富路宽了",
        "——山前村村民的春节",
    )
    assert article.paragraphs[-1] == MORE

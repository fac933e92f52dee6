"""A one-line heading where the layout tells nothing (one blank line around it, as PyMuPDF's
blocks and pdftotext give every heading): a new article when the text under it brings words of
its own, a section heading when it goes on with its article's (``summarizer/pages/openings.py``,
its parameters ``summarizer/data/page_openings.json``). The page text is invented."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from scripts.train import page_openings
from scripts.train.data import training_records
from summarizer.pages import parse
from summarizer.pages.openings import MODEL_FILE, model_from_record, opening_model

from .conftest import RecordingEngine, shared_file

SOLAR = [
    "山区小镇建起光伏电站",
    "本报记者 张明",
    "在西部山区的一座小镇上，一座新建的光伏电站日前并网发电。电站建在荒坡上，一排排光伏板在阳光下闪闪发亮。",
    "镇长介绍，电站每年可发电三千万千瓦时，收益的一部分用于村里的公益岗位和道路养护。",
    "光伏板下的空地也没有闲着。村民在板下种上了耐阴的中药材，养起了土鸡，一块地有了两份收入。",
    "电站由县里的能源公司运营维护，还为村里培训了十多名年轻的电工，他们每天巡检线路、清洗光伏板。",
    "“以前这片荒坡长满杂草，现在成了聚宝盆。”一位老村民笑着说，电站让村里的年轻人愿意留下来了。",
]
BIRDS = [
    "湖畔候鸟数量创新高",
    "近日，湖区保护站公布的监测数据显示，今年冬季来湖畔越冬的候鸟达到十二万只，其中白鹤、东方白鹳等珍稀鸟类数量明显增加。",
    "保护站工作人员说，湖区退耕还湿后，浅滩和草洲面积扩大，鱼虾和水草丰富，为候鸟提供了充足的食物。",
    "每天清晨，观鸟爱好者架起望远镜，记录下成群的天鹅掠过湖面的景象。",
]
LIBRARY = [
    "社区图书室开到深夜",
    "本报讯 城南社区的图书室从本月起延长开放时间，每天开到晚上十点，方便下班后的居民借书。",
    "图书室还开设了儿童绘本角，周末有志愿者给孩子们讲故事。",
]
SECTION = [
    "板下种药材，一地两份收",
    "光伏板下种药材的做法，最早是几户村民试出来的。电站建成后，镇里请来技术员，教村民在光伏板下选种耐阴的药材。",
    "如今，光伏板下的药材已种了两百亩，村民每亩地一年多收入两千元，电站的收益也更稳定了。",
]


def _blocks(*paragraphs: list[str]) -> str:
    """Paragraphs apart by one blank line, as a block extractor gives them."""
    return "\n\n".join(line for group in paragraphs for line in group)


def test_a_heading_over_a_new_story_opens_an_article(engine: RecordingEngine) -> None:
    page = parse(_blocks(SOLAR, BIRDS), engine=engine)
    assert [a.title for a in page.articles] == [SOLAR[0], BIRDS[0]]
    assert page.articles[1].paragraphs == tuple(BIRDS[1:])
    assert all("候鸟" not in paragraph for paragraph in page.articles[0].paragraphs)


def test_a_heading_that_goes_on_with_its_article_stays_a_section(engine: RecordingEngine) -> None:
    page = parse(_blocks(SOLAR, SECTION), engine=engine)
    assert [a.title for a in page.articles] == [SOLAR[0]]
    assert page.articles[0].section_headings == (SECTION[0],)


def test_where_wider_gaps_part_the_frames_a_single_gap_is_trusted(engine: RecordingEngine) -> None:
    """An extraction that parts text frames by two blank lines (pages.jsonl, the seed) tells
    where stories part; a heading after one blank line is in the frame of the text above."""
    text = _blocks(LIBRARY) + "\n\n\n" + _blocks(SOLAR, BIRDS)
    page = parse(text, engine=engine)
    assert [a.title for a in page.articles] == [LIBRARY[0], SOLAR[0]]
    assert BIRDS[0] in page.articles[1].section_headings


def test_the_shipped_model_reads_back() -> None:
    record = json.loads(resources.files("summarizer.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    model = model_from_record(record)
    assert model == opening_model()
    # the cues weigh as an editor reads a page: words new to the article open a story, a
    # heading like those before it or quoting someone heads a section
    assert model.weights["below_seen"] < 0
    assert model.weights["series_length"] < 0
    assert model.weights["heading_quoted"] < 0
    assert model.weights["news_lead"] > 0
    assert 0.5 <= model.threshold < 1.0


@pytest.mark.shared
@pytest.mark.slow
def test_training_writes_the_shipped_model_byte_for_byte(tmp_path: Path) -> None:
    shared = shared_file("eval", "train", "peoples_daily_train.jsonl.gz").parents[2]
    written = page_openings.train(list(training_records(shared)), tmp_path).read_text(encoding="utf-8")
    assert written == resources.files("summarizer.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")


def test_a_bracketed_sign_off_closes_the_story_above(engine: RecordingEngine) -> None:
    """（李明）, （摘编自…）: the note under a story, never the kicker of the next one."""
    note = "（摘编自1月5日《某某晚报》）"
    page = parse(_blocks(SOLAR, [note], LIBRARY), engine=engine)
    assert [(a.kicker, a.title) for a in page.articles] == [(None, SOLAR[0]), (None, LIBRARY[0])]
    assert page.articles[0].paragraphs[-1] == note

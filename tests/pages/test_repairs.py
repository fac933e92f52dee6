"""Each repair on hand-written mini pages (invented text, no dev data)."""

from __future__ import annotations

from summarizer.pages import Page, parse
from summarizer.pages.breaks import join_blocks
from summarizer.pages.lines import Block, Kind

from .conftest import RecordingEngine


def _page(text: str, engine: RecordingEngine) -> Page:
    return parse(text, engine=engine)  # type: ignore[arg-type]


NEWS = """

河湾镇新建十座便民桥

本报记者 李 明

本报讯（记者李明）今年以来，河湾镇投入资金修建便民桥，方便群众出行。

“以前过河要绕很远的路，现在走几步就到了。”村民王大爷笑着说，他每天都要去对岸的菜地，

现在来回只要十分钟。

镇里还组织党员志愿者定期检查桥面，确保安全。
"""


def test_column_break_after_a_comma_is_joined(engine: RecordingEngine) -> None:
    page = _page(NEWS, engine)
    (article,) = page.articles
    joined = [p for p in article.paragraphs if "对岸的菜地，现在来回只要十分钟。" in p]
    assert len(joined) == 1
    repairs = article.paragraph_repairs[article.paragraphs.index(joined[0])]
    assert [r.kind for r in repairs] == ["column_break"]


def test_byline_and_dateline_are_fields_not_body(engine: RecordingEngine) -> None:
    (article,) = _page(NEWS, engine).articles
    assert article.title == "河湾镇新建十座便民桥"
    assert article.bylines == ("本报记者 李明",)
    assert article.dateline == "本报讯（记者李明）"
    assert article.paragraphs[0].startswith("今年以来")
    assert all("本报" not in p for p in article.paragraphs)
    assert "本报" not in engine.texts[0]


def test_word_broken_across_columns_is_joined_by_the_tokenizer(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n各村积极推\n\n进工程建设，群众十分满意。\n\n下一步，全镇将继续改善交通条件。\n"
    )
    (article,) = _page(text, engine).articles
    assert "各村积极推进工程建设，群众十分满意。" in article.paragraphs
    assert article.section_headings == ()


def test_short_heading_before_a_new_sentence_stays_a_heading(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n镇里修桥的故事很多。\n\n党员带头干在前\n\n“我们先把材料运过去。”党员张强说。\n"
    )
    (article,) = _page(text, engine).articles
    assert article.section_headings == ("党员带头干在前",)
    assert "党员带头干在前" in article.paragraphs


def test_repeated_paragraph_is_kept_once(engine: RecordingEngine) -> None:
    paragraph = "全镇今年共建成便民桥十座，惠及群众两万余人，受到广泛好评。"
    text = f"河湾镇建设便民桥\n\n{paragraph}\n\n{paragraph}\n\n下一步还将继续推进相关工作。\n"
    (article,) = _page(text, engine).articles
    assert article.paragraphs.count(paragraph) == 1
    repairs = article.paragraph_repairs[article.paragraphs.index(paragraph)]
    assert [(r.kind, r.lines) for r in repairs] == [("repeat", (5,))]


def test_caption_and_credit_are_kept_out_of_bodies(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n"
        "昨日，村民在新建成的便民桥上行走。\n\n本报记者 赵 红 摄\n\n\n"
        "山前村办起农家书屋\n\n本报讯 山前村的农家书屋近日开放，吸引了许多村民。\n"
    )
    page = _page(text, engine)
    assert [(c.text, c.credit) for c in page.captions] == [
        ("昨日，村民在新建成的便民桥上行走。", "本报记者 赵 红 摄")
    ]
    assert [a.title for a in page.articles] == ["河湾镇建设便民桥", "山前村办起农家书屋"]
    assert all("村民在新建成" not in t and "摄" not in t for t in engine.texts)


def test_fragment_starting_mid_sentence_is_flagged(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n"
        "、道路养护”等工作一线锻炼，多名干部得到提拔。\n\n下一步还将继续推进相关工作。\n"
    )
    page = _page(text, engine)
    assert [f.lines for f in page.fragments] == [(5,)]
    assert page.fragments[0].article == 0
    assert all("道路养护" not in p for p in page.articles[0].paragraphs)
    assert "道路养护" not in engine.texts[0]


def test_stray_copy_of_another_paragraph_is_flagged(engine: RecordingEngine) -> None:
    shared_tail = "，采取分片包干的办法，开展安全检查十余次，下发整改通知三份，督促各村落实“整改"
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n"
        f"坚持用督查推动落实。该县组织干部培训{shared_tail}\n\n"
        "镇里还组织党员志愿者定期检查桥面。\n\n\n"
        "山前县加强安全管理\n\n本报讯 近日，山前县召开安全工作会议。\n\n"
        f"坚持以检查促安全。该县紧盯重点行业{shared_tail}\n\n"
        "到位”，确保不留死角。\n"
    )
    page = _page(text, engine)
    assert [f.lines for f in page.fragments] == [(5,)]
    second = page.articles[1]
    assert any(p.endswith("落实“整改到位”，确保不留死角。") for p in second.paragraphs)


def test_label_at_the_page_end_and_truncated_article(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n□张 三\n\n全镇今年共建成便民桥十座，方便了沿河群众出行，同时\n\n"
        "（作者为河湾镇党委书记）\n\n便民动态----\n"
    )
    page = _page(text, engine)
    (article,) = page.articles
    assert page.page_labels == ("便民动态",)
    assert article.title == "河湾镇建设便民桥"
    assert article.author == "张三"
    assert article.author_note == "（作者为河湾镇党委书记）"
    assert article.truncated is True
    assert "作者为" not in engine.texts[0]


def test_kicker_title_and_subtitle(engine: RecordingEngine) -> None:
    text = "修桥铺路惠民生——\n河湾镇新建十座便民桥\n——记河湾镇的一年\n\n全镇今年共建成便民桥十座。\n"
    (article,) = _page(text, engine).articles
    assert (article.kicker, article.title, article.subtitle) == (
        "修桥铺路惠民生——",
        "河湾镇新建十座便民桥",
        "——记河湾镇的一年",
    )


def test_page_record_lists_repairs_by_paragraph(engine: RecordingEngine) -> None:
    record = _page(NEWS, engine).to_record("p1")
    (article,) = record["articles"]
    assert [r["kind"] for r in article["repairs"]] == ["column_break"]
    assert article["paragraphs"][article["repairs"][0]["paragraph"]].endswith("现在来回只要十分钟。")


def test_near_exact_repeat_is_kept_once(engine: RecordingEngine) -> None:
    paragraph = "全镇今年共建成便民桥十座，惠及沿河群众两万余人，受到广泛好评，群众纷纷点赞。"
    variant = paragraph.replace("纷纷", "都")
    text = f"河湾镇建设便民桥\n\n{paragraph}\n\n下一步还将继续推进相关工作。\n\n{variant}\n"
    (article,) = _page(text, engine).articles
    assert article.paragraphs == (paragraph, "下一步还将继续推进相关工作。")
    assert [r.kind for r in article.paragraph_repairs[0]] == ["repeat"]


def test_heading_and_paragraph_read_as_one_word_only_by_guessing_stay_apart(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n"
        "百姓有困难 立即有人办\n\n前些日子，村民老张家的院墙倒了，村干部当天就上门帮忙。\n"
    )
    (article,) = _page(text, engine).articles
    assert "百姓有困难 立即有人办" in article.paragraphs
    assert article.section_headings == ("百姓有困难 立即有人办",)


def test_closing_dateline_stays_last_but_is_not_summarized(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n（本报河湾电）\n\n\n"
        "山前村办起农家书屋\n\n书屋近日开放。\n"
    )
    page = _page(text, engine)
    first, second = page.articles
    assert first.paragraphs[-1] == "（本报河湾电）"
    assert "本报河湾电" not in engine.texts[0]
    assert second.title == "山前村办起农家书屋"


def test_article_after_a_finished_article_opens_on_a_kicker(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n"
        "各地多措并举改善农村群众出行条件\n\n山前村修通致富路\n\n"
        "山前村今年修通了一条通往镇上的水泥路。\n"
    )
    page = _page(text, engine)
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "河湾镇建设便民桥"),
        ("各地多措并举改善农村群众出行条件", "山前村修通致富路"),
    ]


def test_upper_and_lower_section_headings_stay_in_the_article(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n"
        "修桥\n\n党员带头，群众出力，一年建成十座桥\n\n"
        "镇里组织党员先锋队，分片包干推进工程。\n"
    )
    (article,) = _page(text, engine).articles
    assert article.section_headings == ("修桥", "党员带头，群众出力，一年建成十座桥")


def test_box_label_under_a_title_is_body(engine: RecordingEngine) -> None:
    text = "河湾镇建设便民桥\n\n核心阅读\n\n一年建成十座桥，群众出行更方便。\n\n全镇今年共建成便民桥十座。\n"
    (article,) = _page(text, engine).articles
    assert article.title == "河湾镇建设便民桥"
    assert article.paragraphs[0] == "核心阅读"


def test_label_under_a_caption(engine: RecordingEngine) -> None:
    text = (
        "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n"
        "图为村民在新建成的便民桥上行走。\n\n影像河湾\n\n\n山前村办起农家书屋\n\n书屋近日开放。\n"
    )
    page = _page(text, engine)
    assert [c.text for c in page.captions] == ["图为村民在新建成的便民桥上行走。"]
    assert page.page_labels == ("影像河湾",)
    assert [a.title for a in page.articles] == ["河湾镇建设便民桥", "山前村办起农家书屋"]


def test_page_opening_with_body_text_gives_an_untitled_article(engine: RecordingEngine) -> None:
    text = "上接第一版）全镇还将继续改善交通条件。\n\n\n山前村办起农家书屋\n\n书屋近日开放。\n"
    page = _page(text, engine)
    assert [a.title for a in page.articles] == [None, "山前村办起农家书屋"]


def test_whole_copy_of_a_broken_paragraph_confirms_the_break(engine: RecordingEngine) -> None:
    # no punctuation or dictionary word tells that these two lines are one paragraph ...
    head, tail = "全镇干部群众一起动手，修好的桥已有", "十座，工程进度比计划提前了一个月。"
    text = f"河湾镇建设便民桥\n\n{head}\n\n{tail}\n\n{head}{tail}\n\n下一步还将继续推进相关工作。\n"
    (article,) = _page(text, engine).articles
    assert article.paragraphs == (head + tail, "下一步还将继续推进相关工作。")
    # ... but the copy printed in one piece does
    kinds = [(r.kind, r.lines, r.detail) for r in article.paragraph_repairs[0]]
    assert ("column_break", (3, 5), "confirmed by a whole copy") in kinds
    assert ("repeat", (7,), "repeated paragraph kept once") in kinds


def test_page_wide_picture_source_takes_no_paragraph(engine: RecordingEngine) -> None:
    text = "河湾镇建设便民桥\n\n全镇今年共建成便民桥十座。\n\n本版图片来源：河湾图片社\n"
    page = _page(text, engine)
    assert [(c.text, c.credit) for c in page.captions] == [("", "本版图片来源：河湾图片社")]
    assert page.articles[0].paragraphs == ("全镇今年共建成便民桥十座。",)


def test_a_join_across_a_column_end_keeps_where_the_printed_lines_ended() -> None:
    # a title's last lines cut off by a column end: the joined heading still knows its printed
    # line ends (and where the type changed size), at which a kicker may end (segment._draft)
    head = Block("河湾镇修桥——便民桥变幸", (1, 2), Kind.BODY, 2, breaks=(7,), size_changes=(7,))
    tail = Block("福桥（民生观察）", (9, 10), Kind.BODY, 1, breaks=(3,))
    joined = join_blocks(head, tail)
    assert joined.text == "河湾镇修桥——便民桥变幸福桥（民生观察）"
    assert joined.breaks == (7, 12, 15)
    assert joined.size_changes == (7,)
    assert [r.kind for r in joined.repairs] == ["column_break"]
    # paragraphs of one printed line each (a paragraph-per-line extraction) have none
    one_line = join_blocks(Block("河湾镇新建", (1,), Kind.BODY, 0), Block("十座桥", (2,), Kind.BODY, 0))
    assert one_line.breaks == ()

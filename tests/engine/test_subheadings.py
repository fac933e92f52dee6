"""Subheadings in a series (summarizer/subheadings.py): the story's outline stays out of the
summary; a short topic sentence, a line of dialogue and the first line stay in. Invented text."""

from __future__ import annotations

import pytest

from summarizer import Engine, Options
from summarizer.subheadings import subheadings

# Run-in heads that echo inside (…创建…力), three that echo only at their start (坚持…), and
# three of one short length that share no characters (parallel phrasing).
RUN_IN_HEADS = (
    "江南区今年全面推进社区服务提质工作，群众满意度明显提升。\n"
    "制度创建聚合力。该区建立了区、街道、社区三级联动机制，每月召开一次调度会。\n"
    "精品创建添动力。该区打造了十个示范社区，总结推广了一批好做法。\n"
    "坚持抓学习明方向。该区组织干部集中学习二十余次。\n"
    "坚持以实干提能力。该区选派五十名干部到一线蹲点。\n"
    "坚持用督查转作风。该区开展专项督查十二次，整改问题八十个。\n"
    "项目为王添活力。该区新开工项目三十个。\n"
    "文旅融合起高峰。该区举办文化节吸引游客十万人次。\n"
    "深化改革见实效。该区办事时间缩短一半。"
)
HEADS = (
    "制度创建聚合力。",
    "精品创建添动力。",
    "坚持抓学习明方向。",
    "坚持以实干提能力。",
    "坚持用督查转作风。",
    "项目为王添活力。",
    "文旅融合起高峰。",
    "深化改革见实效。",
)


def test_run_in_heads_in_a_series_are_found(engine: Engine) -> None:
    document = engine.document(RUN_IN_HEADS)
    found = {document.sentences[index].text for index in subheadings(document)}
    assert found == set(HEADS)


def test_run_in_heads_stay_out_of_the_summary(engine: Engine) -> None:
    result = engine.analyze(RUN_IN_HEADS, options=Options(max_chars=2000))
    summary = {sentence.text for sentence in result.summary}
    assert not summary & set(HEADS)
    assert "该区开展专项督查十二次，整改问题八十个。" in summary


# Lines alone without a final mark that echo (…担当，以…), and the article's first line, which
# heads the whole story, not a part of it, however alike.
HEADED_LINES = (
    "敢于担当，以作风建设开新局\n"
    "今年以来，江南区扎实开展作风建设年活动，干部队伍面貌一新。\n"
    "敢于担当，以学促干提升能力\n"
    "该区举办专题培训班八期，培训干部一千余人次。\n"
    "勇于担当，以急难险重练本领\n"
    "该区选派青年干部到信访、拆迁一线锻炼。\n"
    "善于担当，以工作实绩见成效\n"
    "该区今年完成重点项目投资五十亿元。"
)


def test_headed_lines_that_echo_are_found_but_not_the_first_line(engine: Engine) -> None:
    document = engine.document(HEADED_LINES)
    found = {document.sentences[index].text for index in subheadings(document)}
    assert found == {"敢于担当，以学促干提升能力", "勇于担当，以急难险重练本领", "善于担当，以工作实绩见成效"}


@pytest.mark.parametrize(
    "text",
    [
        # Two short topic sentences opening on the same subject: a pair that echoes only at the
        # start is no series.
        "江南区发布了电商发展报告。\n江南电商这几年发展很快。去年交易额增长两成。\n江南电商的物流短板不少。运费依然偏高。",
        # Lines of dialogue, however alike.
        "“今天来了多少人？”\n老李数了数人头。\n“明天还来多少人？”\n老李摇了摇头。",
        "“修好一条路”。老李说这是全村的心愿。\n“建好一座桥”。老李说这是全乡的心愿。\n"
        "“种好一片林”。老李说这是子孙的心愿。",
        # A single short opening sentence.
        "林毅夫很忙。他一天要开三个会。\n会后他还要接待来访的学生。",
    ],
)
def test_topic_sentences_and_dialogue_are_no_subheadings(engine: Engine, text: str) -> None:
    assert subheadings(engine.document(text)) == frozenset()

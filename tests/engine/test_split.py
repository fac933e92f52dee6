"""Sentence splitting, width normalisation and boilerplate detection."""

from __future__ import annotations

import pytest

from summarizer.text import (
    BoilerplateKind,
    find_dateline,
    is_boilerplate_line,
    normalize_width,
    split_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天下雨。明天晴天！后天呢？", ["今天下雨。", "明天晴天！", "后天呢？"]),
        ("第一句；第二句……第三句", ["第一句；", "第二句……", "第三句"]),
        ("第一行\n第二行\n\n第三行", ["第一行", "第二行", "第三行"]),
        ("他说：“我们赢了。”大家都笑了。", ["他说：“我们赢了。”", "大家都笑了。"]),
        ("他说：“我们赢了。明天再战。”然后离开。", ["他说：“我们赢了。明天再战。”", "然后离开。"]),
        ("“我们赢了，”他说，“明天再战。”", ["“我们赢了，”他说，“明天再战。”"]),
        ("他读过《你好！世界。》这本书。很好看。", ["他读过《你好！世界。》这本书。", "很好看。"]),
        ("没有结尾标点的最后一句", ["没有结尾标点的最后一句"]),
        ("iPhone 5s售价3.5万元。Mr. Smith came!", ["iPhone 5s售价3.5万元。", "Mr. Smith came!"]),
        ("他说“半个引号。后面还有。", ["他说“半个引号。", "后面还有。"]),
        ("真的吗？！当然。", ["真的吗？！", "当然。"]),
        ("  前后有空格。  \u3000", ["前后有空格。"]),
        ("（完）", ["（完）"]),
        ("", []),
        ("\n \n", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_record_paragraphs() -> None:
    spans = split_sentences("一。二。\n三。")
    assert [span.paragraph for span in spans] == [0, 0, 1]


def test_normalize_width_folds_letters_and_digits_and_keeps_length() -> None:
    text = "ＧＤＰ增长２０．５％，　ｉＰｈｏｎｅ！"
    folded = normalize_width(text)
    assert folded == "GDP增长20.5%， iPhone！"
    assert len(folded) == len(text)


@pytest.mark.parametrize(
    ("sentence", "dateline"),
    [
        ("本报讯（记者张三）昨天，市里开会。", "本报讯（记者张三）"),
        ("本报北京1月31日电（记者王五）国务院今天发布通知。", "本报北京1月31日电（记者王五）"),
        ("据新华社金边1月30日电 （记者李四）活动在金边开幕。", "据新华社金边1月30日电 （记者李四）"),
        ("新华社北京2月3日电 国家统计局发布数据。", "新华社北京2月3日电 "),
        ("新浪体育讯\u3000北京时间3月1日消息，比赛结束。", "新浪体育讯\u3000"),
        ("电视台报道说比赛结束。", ""),
        ("今年社会保障水平提高。", ""),
        ("本报通讯员 马强", ""),  # 本报通讯 is not 本报…讯
    ],
)
def test_find_dateline(sentence: str, dateline: str) -> None:
    assert sentence[: find_dateline(sentence)] == dateline


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("本报记者 张三", BoilerplateKind.BYLINE),
        ("□本报记者 黄某某 北京报道", BoilerplateKind.BYLINE),
        ("本报通讯员 马 强", BoilerplateKind.BYLINE),  # a name spaced out by the e-paper layout
        ("本报记者\xa0\xa0马\xa0\xa0强", BoilerplateKind.BYLINE),  # spaced out by two
        ("版式设计：王五", BoilerplateKind.CREDIT),
        ("制图：王五", BoilerplateKind.CREDIT),
        ("本版制图：王五", BoilerplateKind.CREDIT),
        ("统筹：王五", BoilerplateKind.CREDIT),
        ("——王小五", BoilerplateKind.CREDIT),  # a sign-off under a quotation or a column
        ("——编\xa0者", BoilerplateKind.CREDIT),
        ("新华社记者 李四摄", BoilerplateKind.BYLINE),
        ("本报记者 张三、李四", BoilerplateKind.BYLINE),
        ("（作者为北京大学教授）", BoilerplateKind.CREDIT),
        ("（责任编辑：王五）", BoilerplateKind.CREDIT),
        ("责任编辑：王五", BoilerplateKind.CREDIT),
        ("（完）", BoilerplateKind.CREDIT),
        ("新华社北京1月30日电", BoilerplateKind.DATELINE),
        # Several roles, a paper's short name before the role, marks of the page before it.
        ("⊙记者 张三 ○编辑 李四", BoilerplateKind.BYLINE),
        ("□  首席记者 张三 实习生 李四", BoilerplateKind.BYLINE),
        ("晚报记者 张三 北京报道", BoilerplateKind.BYLINE),
        ("本报记者 张三 本报通讯员 李四", BoilerplateKind.BYLINE),
        ("■记者 张三 实习生 李四/报道 王五/摄", BoilerplateKind.BYLINE),
        ("（参与记者：张三、李四）", BoilerplateKind.BYLINE),
        ("见习记者 张三", BoilerplateKind.BYLINE),
        # Credits by a slash, names alone before what they did, a supplier.
        ("(小五/文)", BoilerplateKind.CREDIT),
        ("ABC/文并图", BoilerplateKind.CREDIT),
        ("文/张三 摄影/李四", BoilerplateKind.CREDIT),
        ("张  三  李  四摄影报道", BoilerplateKind.CREDIT),
        ("（张三整理）", BoilerplateKind.CREDIT),
        ("图库供稿", BoilerplateKind.CREDIT),
        ("数据来源：某某统计局", BoilerplateKind.CREDIT),
        ("本报记者近日从省里获悉，工程已完工。", None),
        ("编辑部的故事", None),
        ("市长接受记者采访", None),
        ("文艺工作者表演了精彩的节目", None),
        ("2019/1/1", None),
        ("新华社记者从有关部门获悉", None),
        ("作家张三的新书出版了。", None),
        ("统筹推进乡村振兴", None),
        ("版式设计精美", None),
        ("——这是大家的心里话", None),
    ],
)
def test_is_boilerplate_line(line: str, kind: BoilerplateKind | None) -> None:
    assert is_boilerplate_line(line) is kind

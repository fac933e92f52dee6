"""Datelines, bylines and credits: text of the newsroom, not of the news.

A dateline (本报北京1月31日电（记者…）, 据新华社…电, 新浪体育讯) opens the first sentence
of an article: :func:`find_dateline` gives its length so the sentence keeps its content.
A byline or credit (本报记者 X, ⊙记者 X ○编辑 Y, 新华社记者 X摄, 俐俐/文, 图库供稿,
（作者为…）, （责任编辑：…）, 版式设计：X, ——X) stands alone: :func:`is_boilerplate_line`
recognises the whole sentence.
"""

from __future__ import annotations

import enum
import re
from typing import Final


class BoilerplateKind(enum.Enum):
    DATELINE = "dateline"
    BYLINE = "byline"
    CREDIT = "credit"


_HAN: Final = r"\u4e00-\u9fff"
_REPORTER_NOTE: Final = r"(?:\s*[（(][^（）()\n]{0,40}[)）])?"
_DATE: Final = r"(?:\d{1,2}月\d{1,2}日|\d{1,2}日)?"
_AGENCY: Final = (
    rf"(?:本报|本刊|本台|新华社|中新社|中新网|新华网|人民网|央视网|光明网|[{_HAN}]{{2,6}}?(?:社|报|网|台)"
    rf"|新浪[{_HAN}]{{0,2}}|搜狐[{_HAN}]{{0,2}}|腾讯[{_HAN}]{{0,2}}|网易[{_HAN}]{{0,2}})"
)
_DATELINE: Final = re.compile(
    rf"^[□■●【\[]?据?{_AGENCY}(?:[{_HAN}]{{0,10}}?{_DATE})(?:专?电|讯(?!员)|消息)[】\]]?"
    rf"{_REPORTER_NOTE}(?:\s*(?:——|—|-|\|))?[\s　：:]*"
)
_STANDALONE_REPORTER_NOTE: Final = re.compile(
    r"^[（(](?:本报)?(?:特约|实习)?(?:记者|通讯员)[^（）()\n]{0,40}[)）][\s　]*"
)

# E-paper text often spaces out a two-character name to the width of a three-character one (马 强).
_NAME: Final = rf"(?:[{_HAN}·](?:[\s　]{{0,2}}[{_HAN}·]){{1,3}}|[A-Za-z][A-Za-z .]{{0,30}})"
_NAMES: Final = rf"{_NAME}(?:[、\s　]+{_NAME}){{0,6}}"
_DID: Final = rf"(?:[\s　/／]*[{_HAN}]{{0,6}}?(?:报道|摄影?|发自[{_HAN}]{{1,8}}|供图|整理|编译))"
_NAME_LIST: Final = rf"(?:[\s　]*{_NAMES})?{_DID}?"
_ROLE: Final = (
    rf"(?:首席|见习|实习|特约|高级|参与|(?:特派|驻)[{_HAN}]{{0,6}}?)?"
    r"(?:摄影记者|记者|通讯员|特约撰稿人|撰稿人|作者)"
)
# An editor or an intern is named after a reporter, never first (编辑部 opens news lines).
_LATER_ROLE: Final = rf"(?:{_ROLE}|编辑|实习生)"
# The paper before a role: its name or short name ends on 报, 经, 都, 网, 社, 台 or 刊 (本报,
# 商报记者, 每经记者, 南都记者, 21世纪经济报道记者, 综合本报记者).
_DESK: Final = rf"(?:本报|本刊|新华社|中新社|人民日报|[{_HAN}\dA-Za-z]{{0,8}}(?:报道|报|经|都|网|社|台|刊))"
# A byline names its people after their roles, one role or several (⊙记者 X ○编辑 Y, 本报记者 X
# 本报通讯员 Y, 记者 X 实习生 Y/报道 Z/摄).
# Each further role's group holds a name, so that a run of spaces has one reading (no pattern
# here backtracks: benchmarks/regex_backtracking.py).
_BYLINE: Final = re.compile(
    rf"^[□■●⊙◎]?\s*(?:[（(]\s*)?{_DESK}?{_ROLE}[：:]?{_NAME_LIST}"
    rf"(?:[\s　○⊙●■□/／]+{_DESK}?(?:{_LATER_ROLE}[：:]?[\s　]*)?{_NAMES}{_DID}?)*"
    r"\s*[)）]?$"
)
# A credit of the writer or the photographer by a slash (俐俐/文, 文/张三 摄影/李四, X/文并图), of
# names alone before what they did (张 三 李 四摄影报道, （张三整理）), or of the one who supplied a
# text or a picture (图库供稿).
_SLASH_CREDIT: Final = re.compile(
    rf"^[（(]?\s*(?:{_NAME}(?:[、\s　]+{_NAME}){{0,4}}\s*[/／]\s*(?:文并图|文|图|摄影?)"
    rf"|(?:文|图|摄影?)\s*[/／]\s*{_NAME}(?:[、\s　]+{_NAME}){{0,4}})"
    rf"(?:[\s　]+(?:{_NAME}\s*[/／]\s*(?:文|图|摄影?)|(?:图|摄影?)\s*[/／]\s*{_NAME}))*\s*[)）]?$"
    rf"|^[（(]?\s*{_NAME}(?:[、\s　]+{_NAME}){{0,4}}\s*(?:摄影报道|摄影|整理|编译)\s*[)）]?$"
    r"|^[（(]?[^\s。！？，,：:]{1,12}(?:供稿|供图)[)）]?$"
)
_CREDIT: Final = re.compile(
    r"^[（(【\[]?\s*(?:责任编辑|责编|编辑|校对|审核|(?:数据|资料|图片|信息|新闻)?来源|作者|摄影|图片来源|编译|翻译|本文来源|稿件来源)"
    r"\s*[：:/为系\s][^。！？\n]{0,40}[)）】\]]?$"
    # The page's makers, always with a colon: 版式设计：…, 制图：…, 统筹：…
    r"|^(?:本版|本期)?(?:版式设计|版面设计|制图|美编|统筹)\s*[：:][^。！？\n]{0,40}[)）】\]]?$"
)
# A dash and a name alone on a line signs off a quotation or a column (——习近平, ——编者).
_SIGN_OFF: Final = re.compile(rf"^——[\s　]*{_NAME}$")
_ENDING_MARK: Final = re.compile(r"^[（(【\[]?\s*(?:完|全文完|END|end)\s*[)）】\]]?$")
_PARENTHESISED_AUTHOR: Final = re.compile(r"^[（(]\s*(?:作者|本文作者)[^（）()]{0,80}[)）]$")


# Every pattern above needs one of these words: a credit one of its titles (编辑, 来源, 作者...,
# 设计, 制图, 统筹), a slash (俐俐/文), 整理, 编译, 供稿 or 供图, or a sign-off's dash, an ending
# mark 完 or END, a byline 记者, 通讯员, 撰稿人 or 作者, a dateline 电, 讯 or 消息 (or 记者,
# 通讯员 in its reporter's note). One search for them rules out most sentences before the
# patterns are tried one by one.
_NEWSROOM_WORD: Final = re.compile(
    "编辑|责编|校对|审核|来源|作者|摄影|编译|翻译|完|END|end|记者|通讯员|撰稿人|电|讯|消息|设计|制图|美编|统筹|——"
    "|整理|供稿|供图|/|／"
)


def newsroom_words(text: str) -> list[tuple[int, int]]:
    """Where the words every pattern needs occur in ``text``, as (start, end), leftmost first.
    A sentence of ``text`` that none of them overlaps holds no such word (one inside it would
    have been found, or else a match overlapping it): it is no newsroom line and opens with
    no dateline. One search over the article spares one per sentence."""
    return [match.span() for match in _NEWSROOM_WORD.finditer(text)]


def find_dateline(sentence: str) -> int:
    """Length of the dateline opening ``sentence`` (0 when it has none)."""
    return 0 if _NEWSROOM_WORD.search(sentence) is None else _dateline_length(sentence)


def is_boilerplate_line(sentence: str) -> BoilerplateKind | None:
    """What kind of newsroom line the whole ``sentence`` is, or None for news text."""
    text = sentence.strip()
    if not text or _NEWSROOM_WORD.search(text) is None:
        return None
    return _line_kind(text)


def _line_kind(text: str) -> BoilerplateKind | None:
    """:func:`is_boilerplate_line` of a stripped, non-empty ``text``, every pattern tried."""
    if (
        _CREDIT.match(text)
        or _ENDING_MARK.match(text)
        or _PARENTHESISED_AUTHOR.match(text)
        or _SIGN_OFF.match(text)
        or (len(text) <= 40 and _SLASH_CREDIT.match(text))
    ):
        return BoilerplateKind.CREDIT
    if len(text) <= 40 and _BYLINE.match(text):
        return BoilerplateKind.BYLINE
    if _dateline_length(text) == len(text):
        return BoilerplateKind.DATELINE
    return None


def _dateline_length(sentence: str) -> int:
    """:func:`find_dateline`, every pattern tried."""
    match = _DATELINE.match(sentence) or _STANDALONE_REPORTER_NOTE.match(sentence)
    return match.end() if match else 0

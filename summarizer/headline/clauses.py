"""Cut a sentence into headline-sized clauses and trim each one the way an editor would.

Everything works on whole tokens, so a clause never starts or ends inside a word. A clause
loses its dateline, parenthetical remarks, date and time phrases, and any conjunction,
particle or preposition left dangling at either end; its subject stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.document import DocSentence, Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Agency datelines and source credits that open news sentences: 本报讯（记者…）, 本报北京1月31日电,
# 据新华社金边1月30日电 （记者…）, 新浪财经讯 8月18日消息, 红网12月12日讯（…记者 …）.
_AGENCY = (
    r"(?:本报|新华社|中新社|中新网|人民网|新浪[\u4e00-\u9fff]{0,4}"
    r"|[\u4e00-\u9fff]{1,6}?(?:网|社|报|电视台|日报|晚报))"
)
_PLACE_DATE = r"[\u4e00-\u9fff]{0,8}?(?:\d{1,2}月)?(?:\d{1,2}日)?"
_CREDIT = r"(?:\s*[（(][^）)]{0,60}[）)])?"
_DATELINE = re.compile(
    r"^\s*(?:[□■●◆]\s*)?(?:"
    rf"据?{_AGENCY}{_PLACE_DATE}\s*(?:电|讯|消息)"
    r"|据?[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日\s*(?:电|讯|消息)"
    rf"){_CREDIT}[\s，,:：]*"
)
# A clause that only frames the report (记者从…获悉, 据悉) or credits people says nothing to headline.
_REPORTING_FRAME = re.compile(
    r"记者|通讯员|获悉|据悉|据了解|据介绍|据报道|编者|责任编辑|本报|新华社|图片来源|供图|摄影"
)

_CLAUSE_BREAKS = frozenset("，,。！？!?；;：:…—\n")
_OPENING_BRACKETS = {"（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"}
_BRACKETS = frozenset(_OPENING_BRACKETS) | frozenset(_OPENING_BRACKETS.values())
_PAIRED_MARKS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
_CLOSER_OF = {closer: opener for opener, closer in _PAIRED_MARKS.items()}
_CLOSING_MARKS = frozenset(_CLOSER_OF)
_ALL_MARKS = _CLOSING_MARKS | frozenset(_PAIRED_MARKS)
_OPENING_MARKS = frozenset(_PAIRED_MARKS)

_RELATIVE_TIME = _words(
    "近日 日前 近期 目前 当前 此前 此后 随后 今年以来 近年来 近些年来 近些年 多年来 长期以来 一直以来 "
    "昨 昨天 昨日 今天 今日 明天 明日 前天 当天 当日 当晚 当时 同日 届时 日内 昨晚 今晚 今晨 昨夜 "
    "上午 下午 中午 晚上 晚间 凌晨 早上 傍晚 夜间 "
    "今年 去年 明年 前年 本月 上月 下月 本周 上周 下周 周末 "
    "周一 周二 周三 周四 周五 周六 周日 周末 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 "
    "上周一 上周二 上周三 上周四 上周五 上周六 上周日 下周一 下周二 下周三 下周四 下周五 "
    "北京时间 当地时间"
)
_DATE = re.compile(
    r"(?:北京时间|当地时间)?(?:(?:\d{2,4}|[一二三四五六七八九〇零]{4})年)?(?:\d{1,2}月(?:份|初|中旬|下旬|底)?)?"
    r"(?:\d{1,2}[日号])?(?:上午|下午|中午|晚上|晚间|凌晨|早上|傍晚|夜间|晚)?(?:以来|前后|左右|起)?"
)
_TIME_OPENERS = frozenset("北当一二三四五六七八九〇零")
_TIME_PREPOSITIONS = _words("于 在 从 自 截至 截止 到 至")
_LEADING_WORDS = _words(
    "而 但 但是 并 并且 且 同时 此外 另外 另据 然而 因此 所以 于是 而且 不过 其中 其实 此次 这次"
)

_DANGLING_START_POS = ("c", "u", "y", "e", "o")
_DANGLING_END_POS = ("c", "u", "y", "e", "o", "p")
_TRAILING_WORDS = _words("等 等等 之一 的 了 着 过 地 得 和 与 及 以及 或 对 向 将 也 还 都 就 又 才 并")
_MAX_TIME_TOKENS = 6
# Signs that belong to the number before them: "增长80%" keeps its %.
_UNIT_SIGNS = frozenset("%％‰℃°")


@dataclass(frozen=True)
class Clause:
    """Trimmed tokens of one clause: ``position`` counts clauses within the sentence."""

    sentence_index: int
    position: int
    tokens: tuple[Token, ...]
    text: str


def sentence_clauses(sentence: DocSentence) -> tuple[Clause, ...]:
    """The usable clauses of a sentence, each trimmed; reporting frames and empty clauses dropped."""
    if sentence.is_boilerplate:
        return ()
    tokens = _without_parentheticals(_without_dateline(sentence))
    clauses: list[Clause] = []
    for position, raw in enumerate(_split(tokens)):
        trimmed = trim(_without_time_phrases(raw))
        if not trimmed:
            continue
        text = join_tokens(trimmed)
        if _REPORTING_FRAME.search(text):
            continue
        clauses.append(Clause(sentence.index, position, trimmed, text))
    return tuple(clauses)


def dateline_length(text: str) -> int:
    """Characters of the dateline or source credit opening ``text`` (0 when there is none)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


def trim(tokens: Sequence[Token]) -> tuple[Token, ...]:
    """Drop dangling words at both ends and unpaired quotation marks, until nothing changes."""
    kept = tuple(tokens)
    while True:
        kept = _trim_end(_trim_start(kept))
        balanced = _balance_quotes(kept)
        if len(balanced) == len(kept):
            return kept
        kept = balanced


def join_tokens(tokens: Sequence[Token]) -> str:
    """Concatenate tokens; a space reappears between Latin words that stood apart in the text."""
    joined = "".join(token.text for token in tokens)
    if not tokens or tokens[-1].start + len(tokens[-1].text) - tokens[0].start == len(joined):
        return joined.strip()  # contiguous in the article: nothing was cut out between them
    parts: list[str] = []
    previous: Token | None = None
    for token in tokens:
        if (
            previous is not None
            and previous.start + len(previous.text) != token.start
            and previous.text[-1:].isascii()
            and previous.text[-1:].isalnum()
            and token.text[:1].isascii()
            and token.text[:1].isalnum()
        ):
            parts.append(" ")
        parts.append(token.text)
        previous = token
    return "".join(parts).strip()


def _without_dateline(sentence: DocSentence) -> tuple[Token, ...]:
    cut = sentence.start + dateline_length(sentence.text)
    # A token straddling the end of the dateline (日电, 日讯) belongs to it.
    return tuple(t for t in sentence.tokens if t.start >= cut)


def _without_parentheticals(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    if not any(token.text in _BRACKETS for token in tokens):
        return tokens
    kept: list[Token] = []
    closers: list[str] = []
    for token in tokens:
        text = token.text.strip()
        if text in _OPENING_BRACKETS:
            closers.append(_OPENING_BRACKETS[text])
        elif closers and text == closers[-1]:
            closers.pop()
        elif not closers and text not in _OPENING_BRACKETS.values():
            kept.append(token)
    return tuple(kept)


def _split(tokens: Sequence[Token]) -> list[tuple[Token, ...]]:
    """Clauses between breaks; a title in 《》 is never split, whatever punctuation it holds."""
    clauses: list[tuple[Token, ...]] = []
    current: list[Token] = []
    in_title = 0
    for token in tokens:
        mark = token.text
        if mark == "《":
            in_title += 1
        elif mark == "》" and in_title:
            in_title -= 1
        if not in_title and token.pos == "x" and _is_break(mark):
            if current:
                clauses.append(tuple(current))
            current = []
        else:
            current.append(token)
    if current:
        clauses.append(tuple(current))
    return clauses


def _is_break(mark: str) -> bool:
    stripped = mark.strip()
    return bool(stripped) and all(ch in _CLAUSE_BREAKS for ch in stripped)


def _time_run(tokens: Sequence[Token], start: int) -> int:
    """Number of tokens from ``start`` that together form one date or time phrase (0 if none)."""
    first = tokens[start].text
    if first in _RELATIVE_TIME:
        return 1 if start + 1 == len(tokens) or tokens[start + 1].text not in _RELATIVE_TIME else 2
    if not (first[:1].isdigit() or first[:1] in _TIME_OPENERS):
        return 0
    best = 0
    text = ""
    for length in range(1, min(_MAX_TIME_TOKENS, len(tokens) - start) + 1):
        text += tokens[start + length - 1].text
        if text in _RELATIVE_TIME or (any(ch.isdigit() for ch in text) and _is_date(text)):
            best = length
        elif not _could_grow_into_time(text):
            break
    return best


_TIME_PREFIX = re.compile(r"(?:北京时间|当地时间)?[\d年月日号份初中旬下底一二三四五六七八九〇零]*")


def _is_date(text: str) -> bool:
    match = _DATE.fullmatch(text)
    # A bare number is not a date: it needs one of 年, 月, 日/号.
    return match is not None and any(unit in text for unit in "年月日号")


def _could_grow_into_time(text: str) -> bool:
    return _TIME_PREFIX.fullmatch(text) is not None


def _without_time_phrases(tokens: Sequence[Token]) -> tuple[Token, ...]:
    kept: list[Token] = []
    index = 0
    while index < len(tokens):
        run = _time_run(tokens, index)
        # "8月前", "年底前": the time phrase carries the meaning of its postposition, keep both.
        if run and not (index + run < len(tokens) and tokens[index + run].pos.startswith("f")):
            # 于/在 + a dropped time phrase would dangle: "于周一表示" -> "表示".
            if kept and kept[-1].text in _TIME_PREPOSITIONS:
                kept.pop()
            index += run
            continue
        kept.append(tokens[index])
        index += 1
    return tuple(kept)


def _is_blank_or_punct(token: Token) -> bool:
    text = token.text.strip()
    if not text or text in _UNIT_SIGNS:
        return not text
    return token.pos.startswith("x") and not any(ch.isalnum() for ch in text)


def _trim_start(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if (
            (_is_blank_or_punct(token) and token.text.strip() not in _OPENING_MARKS)
            or token.pos.startswith(_DANGLING_START_POS)
            or token.text in _LEADING_WORDS
        ):
            index += 1
        else:
            break
    return tokens[index:]


def _trim_end(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    end = len(tokens)
    while end > 0:
        token = tokens[end - 1]
        if (
            (_is_blank_or_punct(token) and token.text.strip() not in _CLOSING_MARKS)
            or token.pos.startswith(_DANGLING_END_POS)
            or token.text in _TRAILING_WORDS
        ):
            end -= 1
        else:
            break
    return tokens[:end]


def _balance_quotes(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Drop quotation and title marks left without their partner by a clause break."""
    if not any(token.text in _ALL_MARKS for token in tokens):
        return tokens
    open_at: dict[str, list[int]] = {}
    stray: set[int] = set()
    for index, token in enumerate(tokens):
        mark = token.text.strip()
        if mark in _PAIRED_MARKS:
            open_at.setdefault(mark, []).append(index)
        elif mark in _CLOSER_OF:
            opened = open_at.get(_CLOSER_OF[mark])
            if opened:
                opened.pop()
            else:
                stray.add(index)
    stray.update(index for indices in open_at.values() for index in indices)
    if not stray:
        return tokens
    return tuple(token for index, token in enumerate(tokens) if index not in stray)

"""Cut a sentence into headline-sized clauses and trim each one the way an editor would.

Everything works on whole tokens, so a clause never starts or ends inside a word. A clause
loses its dateline, parenthetical remarks, date and time phrases, and any conjunction,
particle or preposition left dangling at either end; its subject stays.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

from summarizer.document import DocSentence, Token
from summarizer.headline import tag_classes as tc
from summarizer.headline.wordlists import (
    ASPECT_MARKS,
    CLAUSE_BREAKS,
    CLOSING_QUOTES,
    FRAME_PREPOSITIONS,
    LINKS_BACK,
    LIST_CONJUNCTIONS,
    OPENING_QUOTES,
    QUOTE_PAIRS,
    QUOTES,
    RELATIVE_TIME,
    TIME_PREPOSITIONS,
    word_set,
)

# Agency datelines and source credits that open news sentences: 本报讯（记者…）, 本报北京1月31日电,
# 据新华社金边1月30日电 （记者…）, 新浪财经讯 8月18日消息, 红网12月12日讯（…记者 …）.
_AGENCY: Final = (
    r"(?:本报|新华社|中新社|中新网|人民网|新浪[\u4e00-\u9fff]{0,4}"
    r"|[\u4e00-\u9fff]{1,6}?(?:网|社|报|电视台|日报|晚报))"
)
_PLACE_DATE: Final = r"[\u4e00-\u9fff]{0,8}?(?:\d{1,2}月)?(?:\d{1,2}日)?"
_CREDIT: Final = r"(?:\s*[（(][^）)]{0,60}[）)])?"
_DATELINE: Final = re.compile(
    r"^\s*(?:[□■●◆]\s*)?(?:"
    rf"据?{_AGENCY}{_PLACE_DATE}\s*(?:电|讯|消息)"
    r"|据?[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日\s*(?:电|讯|消息)"
    rf"){_CREDIT}[\s，,:：]*"
)
# A clause that only frames the report (记者从…获悉, 据悉) or credits people says nothing to headline.
_REPORTING_FRAME: Final = re.compile(
    r"记者|通讯员|获悉|据悉|据了解|据介绍|据报道|编者|责任编辑|本报|新华社|图片来源|供图|摄影"
)

# The marks that end a clause, and a new line.
_CLAUSE_BREAKS: Final = CLAUSE_BREAKS | frozenset("\n")
_PARAGRAPH_BLANKS: Final = frozenset("\u3000\n")
_OPENING_BRACKETS: Final = {"（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"}
_BRACKETS: Final = frozenset(_OPENING_BRACKETS) | frozenset(_OPENING_BRACKETS.values())
_CLOSER_OF: Final = {closer: opener for opener, closer in QUOTE_PAIRS.items()}
_BRACKET_CHARACTER: Final = re.compile(f"[{re.escape(''.join(sorted(_BRACKETS)))}]")

_DATE: Final = re.compile(
    r"(?:北京时间|当地时间)?(?:(?:\d{2,4}|[一二三四五六七八九〇零]{4})年)?(?:\d{1,2}月(?:份|初|中旬|下旬|底)?)?"
    r"(?:\d{1,2}[日号])?(?:上午|下午|中午|晚上|晚间|凌晨|早上|傍晚|夜间|晚)?(?:以来|前后|左右|起)?"
)
_CHINESE_NUMERALS: Final = frozenset("一二三四五六七八九〇零")
_TIME_OPENERS: Final = _CHINESE_NUMERALS | frozenset("北当")
# The first character of a date or time phrase that is not a relative time word. (A decimal
# digit, not any ``str.isdigit`` one: ① or ² open no phrase ``_DATE`` or ``_TIME_PREFIX`` matches.)
_TIME_START: Final = re.compile(rf"[\d{''.join(sorted(_TIME_OPENERS))}]")
# What opens a noun phrase: a noun, a name, an abbreviation, a Latin word, a place word.
_NOMINAL_POS: Final = tc.N | tc.J | tc.ENG | tc.S
_LEADING_WORDS: Final = LINKS_BACK | word_set("且 另据")

# Classes of tag prefixes, as bits of :mod:`summarizer.headline.tag_classes`.
_DANGLING_START_POS: Final = tc.C | tc.U | tc.Y | tc.E | tc.O
_DANGLING_END_POS: Final = tc.C | tc.U | tc.Y | tc.E | tc.O | tc.P
_TRAILING_WORDS: Final = (
    LIST_CONJUNCTIONS | ASPECT_MARKS | word_set("等 等等 之一 的 地 得 对 向 将 也 还 都 就 又 才 并")
)
_MAX_TIME_TOKENS: Final = 6
_CHINESE_YEAR: Final = re.compile("[一二三四五六七八九〇零]{4}年")
# Every start of a relative time word (近, 近日, 一, 一直, 一直以 …).
_RELATIVE_PREFIXES: Final = frozenset(word[:end] for word in RELATIVE_TIME for end in range(1, len(word) + 1))
# Signs that belong to the number before them: "增长80%" keeps its %.
_UNIT_SIGNS: Final = frozenset("%％‰℃°")


class Clause:
    """Trimmed tokens of one clause, read-only: ``position`` counts clauses within the sentence.

    ``tokens`` are as :func:`trim` leaves them and ``text`` is their :func:`join_tokens`. A
    headline candidate is a clause too: the clause, a shorter form of it or two clauses joined,
    in the place of the clause it comes from (:mod:`summarizer.headline.candidates`). A plain
    class for the reason :class:`~summarizer.document.Token` is one: compiled, it is built an
    order of magnitude faster than a named tuple, whose constructor is Python code.
    """

    def __init__(self, sentence_index: int, position: int, tokens: tuple[Token, ...], text: str) -> None:
        self.sentence_index: Final[int] = sentence_index
        self.position: Final[int] = position
        self.tokens: Final[tuple[Token, ...]] = tokens
        self.text: Final[str] = text

    def __repr__(self) -> str:
        return (
            f"Clause(sentence_index={self.sentence_index!r}, position={self.position!r}, "
            f"tokens={self.tokens!r}, text={self.text!r})"
        )


def sentence_clauses(sentence: DocSentence) -> tuple[Clause, ...]:
    """The usable clauses of a sentence, each trimmed; reporting frames and empty clauses dropped."""
    if sentence.is_boilerplate:
        return ()
    return clauses_of(sentence.index, sentence_tokens(sentence))


def sentence_tokens(sentence: DocSentence) -> tuple[Token, ...]:
    """The tokens of a sentence that a headline may keep: without its dateline and its
    parenthetical remarks (in brackets)."""
    tokens = _without_dateline(sentence)
    # Most sentences hold no bracket at all: one scan of the text in C says so.
    if _BRACKET_CHARACTER.search(sentence.text):
        tokens = _without_parentheticals(tokens)
    return tokens


def clauses_of(sentence_index: int, tokens: tuple[Token, ...]) -> tuple[Clause, ...]:
    """The trimmed clauses of ``tokens`` (:func:`sentence_tokens` of sentence ``sentence_index``)."""
    texts = [token.text for token in tokens]
    time_starts = _possible_time_starts(texts, _first_characters(texts))
    clauses: list[Clause] = []
    for position, (begin, end) in enumerate(_clause_spans(tokens)):
        raw = tokens[begin:end]
        # A sentence has a few possible time starts: a scan is cheaper than two bisections.
        starts = [start - begin for start in time_starts if begin <= start < end]
        if starts:
            raw = _without_time_phrases(raw, starts)
        trimmed = trim(raw)
        if not trimmed:
            continue
        text = join_tokens(trimmed)
        if _REPORTING_FRAME.search(text):
            continue
        clauses.append(Clause(sentence_index, position, trimmed, text))
    return tuple(clauses)


def is_reporting_frame(text: str) -> bool:
    """Whether ``text`` only frames the report (记者…获悉, 据悉) or credits people."""
    return _REPORTING_FRAME.search(text) is not None


def _first_characters(texts: list[str]) -> str:
    """One character per token, the first of its text: the few tokens that can open a time
    phrase or a parenthetical are found by a regex scan of this string (in C), not by a test
    of every token."""
    firsts = "".join([text[:1] for text in texts])
    if len(firsts) < len(texts):  # an empty token (jieba makes none) would shift the positions
        firsts = "".join([text[:1] or " " for text in texts])
    return firsts


def dateline_length(text: str) -> int:
    """Characters of the dateline or source credit opening ``text`` (0 when there is none)."""
    # Every dateline ends on 电, 讯 or 消息: most sentences hold none and skip the regex.
    if "电" not in text and "讯" not in text and "消息" not in text:
        return 0
    match = _DATELINE.match(text)
    return match.end() if match else 0


def trim(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Drop dangling words at both ends and unpaired quotation marks, until nothing changes."""
    if (
        tokens
        and not _dangles_at_start(tokens[0])
        and not _dangles_at_end(tokens[-1])
        and not _holds_mark(tokens)
    ):
        return tokens  # the usual clause: nothing to trim
    kept = tokens
    while True:
        kept = _trim_end(_trim_start(kept))
        balanced = _balance_quotes(kept)
        if len(balanced) == len(kept):
            return kept
        kept = balanced


def _holds_mark(tokens: tuple[Token, ...]) -> bool:
    """Whether a token is a quotation or title mark."""
    return any(token.text in QUOTES for token in tokens)


def join_tokens(tokens: tuple[Token, ...]) -> str:
    """Concatenate tokens; a space reappears between Latin words that stood apart in the text."""
    joined = "".join([token.text for token in tokens])
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
    tokens = sentence.tokens
    if not tokens or tokens[0].start >= cut:
        return tokens  # no dateline: tokens are in reading order, so all of them start after the cut
    # A token straddling the end of the dateline (日电, 日讯) belongs to it.
    return tuple(t for t in tokens if t.start >= cut)


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


def _clause_spans(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges of the clauses between breaks; a title in 《》 is never split, whatever
    punctuation it holds."""
    spans: list[tuple[int, int]] = []
    begin = 0
    in_title = 0
    for index, token in enumerate(tokens):
        mark = token.text
        if mark == "《":
            in_title += 1
        elif mark == "》" and in_title:
            in_title -= 1
        if not in_title and token.pos == "x" and _is_break(mark):
            if index > begin:
                spans.append((begin, index))
            begin = index + 1
    if len(tokens) > begin:
        spans.append((begin, len(tokens)))
    return spans


def _is_break(mark: str) -> bool:
    """Whether a punctuation token ends a clause: a run of breaks (，。！？…), or blanks holding
    an ideographic space or a line break (a paragraph's indent left inside a sentence, between
    a heading and the text that follows it)."""
    if len(mark) == 1:  # the usual break, a comma or a full stop: one look-up
        return mark in CLAUSE_BREAKS or mark in _PARAGRAPH_BLANKS
    stripped = mark.strip()
    if not stripped:
        return not _PARAGRAPH_BLANKS.isdisjoint(mark)
    return _CLAUSE_BREAKS.issuperset(stripped)


def _time_run(tokens: tuple[Token, ...], start: int) -> int:
    """Number of tokens from ``start`` that together form one date or time phrase (0 if none)."""
    first = tokens[start].text
    if first in RELATIVE_TIME:
        # Not ``len(...) == start + 1 or tokens[start + 1].text not in ...`` inside a conditional
        # expression: mypyc 2.4.1 compiles that form to code that crashes (a reference released
        # that was never taken; gcc warns "may be used uninitialized").
        following = tokens[start + 1].text if start + 1 < len(tokens) else ""
        return 2 if following in RELATIVE_TIME else 1
    if not _TIME_START.match(first):
        return 0
    best = 0
    text = ""
    for length in range(1, min(_MAX_TIME_TOKENS, len(tokens) - start) + 1):
        text += tokens[start + length - 1].text
        if text in RELATIVE_TIME or (any(map(str.isdigit, text)) and _is_date(text)):
            best = length
        elif not _could_grow_into_time(text):
            break
    return best


_DATE_UNIT: Final = re.compile("[年月日号]")
_TIME_PREFIX: Final = re.compile(r"(?:北京时间|当地时间)?[\d年月日号份初中旬下底一二三四五六七八九〇零]*")


def _is_date(text: str) -> bool:
    match = _DATE.fullmatch(text)
    # A bare number is not a date: it needs one of 年, 月, 日/号.
    return match is not None and _DATE_UNIT.search(text) is not None


def _could_grow_into_time(text: str) -> bool:
    return _TIME_PREFIX.fullmatch(text) is not None


def _without_time_phrases(tokens: tuple[Token, ...], starts: list[int]) -> tuple[Token, ...]:
    """``tokens`` less their date and time phrases; ``starts`` are the only positions where one
    can begin (see :func:`_possible_time_starts`)."""
    kept: list[Token] = []
    index = 0  # the first token not yet kept or dropped
    for start in starts:
        if start < index:
            continue  # inside the time phrase just dropped
        run = _time_run(tokens, start)
        # "8月前", "年底前": the time phrase carries the meaning of its postposition, keep both.
        if run and not (start + run < len(tokens) and tc.classes(tokens[start + run]) & tc.F):
            kept.extend(tokens[index:start])
            # 于/在 + a dropped time phrase would dangle: "于周一表示" -> "表示". A 在 frame that
            # goes on past the time with a noun is an occasion, and keeps its 在
            # (在[1月2日]国务院新闻办召开的吹风会上), which tells it from the subject.
            if (
                kept
                and kept[-1].text in TIME_PREPOSITIONS
                and not (kept[-1].text in FRAME_PREPOSITIONS and _is_nominal_at(tokens, start + run))
            ):
                kept.pop()
            index = start + run
    kept.extend(tokens[index:])
    return tuple(kept)


def _is_nominal_at(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether ``tokens[index]`` is a noun or a name."""
    return index < len(tokens) and tc.classes(tokens[index]) & _NOMINAL_POS != 0


def _possible_time_starts(texts: list[str], firsts: str) -> list[int]:
    """Positions (in order) where :func:`_time_run` may find a phrase; it finds none elsewhere.
    ``firsts`` holds the first character of each text."""
    opening = [
        match.start() for match in _TIME_START.finditer(firsts) if _may_open_time(texts, match.start())
    ]
    if RELATIVE_TIME.isdisjoint(texts):
        return opening
    relative = itertools.compress(itertools.count(), map(RELATIVE_TIME.__contains__, texts))
    return sorted({*opening, *relative})


def _may_open_time(texts: list[str], start: int) -> bool:
    """Whether a time phrase may begin at ``texts[start]``, whose first character opens one
    (``_TIME_START``). A Chinese numeral (一, 二 … — the first character of many words: 一些,
    一直) opens only a relative time word (一直以来) or a year in numerals (二〇二四年): any
    other word it opens is passed over here rather than tried by :func:`_time_run`."""
    first = texts[start][:1]
    if first not in _CHINESE_NUMERALS:
        return True
    if texts[start] in _RELATIVE_PREFIXES:
        return True
    return _CHINESE_YEAR.match("".join(texts[start : start + _MAX_TIME_TOKENS])) is not None


def _is_blank_or_punct(token: Token) -> bool:
    text = token.text.strip()
    if not text:
        return True
    return tc.classes(token) & tc.X != 0 and text not in _UNIT_SIGNS and not any(map(str.isalnum, text))


# The cheap word tests come first in both: nearly every clause already starts and ends on a word.
def _dangles_at_start(token: Token) -> bool:
    text = token.text
    bits = tc.classes(token)
    # "eng" (a Latin word: CVS, iPhone) shares its first letter with "e" (an interjection).
    if text in _LEADING_WORDS or (bits & _DANGLING_START_POS and token.pos != "eng"):
        return True
    if not bits & tc.X:
        return not text.strip()  # all _is_blank_or_punct can find in a token not tagged x
    return _is_blank_or_punct(token) and text.strip() not in OPENING_QUOTES


def _dangles_at_end(token: Token) -> bool:
    text = token.text
    bits = tc.classes(token)
    if text in _TRAILING_WORDS or (bits & _DANGLING_END_POS and token.pos != "eng"):
        return True
    if not bits & tc.X:
        return not text.strip()
    return _is_blank_or_punct(token) and text.strip() not in CLOSING_QUOTES


def _trim_start(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    index = 0
    while index < len(tokens) and _dangles_at_start(tokens[index]):
        index += 1
    return tokens[index:]


def _trim_end(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    end = len(tokens)
    while end > 0 and _dangles_at_end(tokens[end - 1]):
        end -= 1
    return tokens[:end]


def _balance_quotes(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Drop quotation and title marks left without their partner by a clause break."""
    if not _holds_mark(tokens):
        return tokens
    open_at: dict[str, list[int]] = {}
    stray: set[int] = set()
    for index, token in enumerate(tokens):
        mark = token.text.strip()
        if mark in QUOTE_PAIRS:
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

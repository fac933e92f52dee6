"""Line-level cues shared by the page stages: how a line ends, how it starts, whether it
can be a heading. They read punctuation, quotation marks and a few function words and
dateline shapes of Chinese news writing, never what a page is about.
"""

from __future__ import annotations

import re

from summarizer.text.speech import SPEECH_VERBS

SENTENCE_END = "。！？!?…⋯"
# Marks that may follow a finished sentence without continuing it.
TRAILING_CLOSERS = "”’」』）)》】"
# A line ending in one of these stops inside a clause.
CLAUSE_MARKS = "，、；,;“‘「『（(《【—"
# A line starting with one of these cannot start a sentence.
CONTINUATION_STARTS = "，。、；：！？,.;:!?）)》」』”’】…"
HEADING_MAX_CHARS = 50
# A heading closed by a column tag may be longer: a long kicker run into its title.
TAGGED_HEADING_MAX_CHARS = 80
FIGURE_MAX_CJK = 3
SUMMARY_BULLETS = "■●◆"  # lead-in points under a title are sentences of the body
# Function words that need a continuation: a line ending in one stops mid-sentence.
DANGLING_ENDS = "的是在从对把被将和与及并而还也就都又向让使给于"
# Reported speech ("X认为，") belongs to sentences, not headings: the verbs of saying the
# engine knows, before a comma or colon.
_SPEECH = re.compile(
    "(?:" + "|".join(sorted(SPEECH_VERBS, key=lambda verb: (-len(verb), verb))) + ")[，：,:]"
)

_COLUMN_TAG = re.compile(r"[（(][^（）()]{1,40}(?:[（(][^（）()]*[）)][^（）()]*)?[）)]$")
_CJK = re.compile(r"[\u3400-\u9fff]")
# An opening dateline at the head of a paragraph: 本报讯（记者…）, 本报北京1月6日电（记者…）;
# extraction may drop the space after a dated one (新华社北京2月1日电中共中央…).
DATELINE = re.compile(
    r"^(?:据)?(?:本报|新华社|人民日报|中新社)"
    r"(?:讯|[\u4e00-\u9fff]{0,12}?\d{1,2}月\d{1,2}日电|[\u4e00-\u9fff]{0,12}?电(?=[\s　（(\d]|$))"
    r"[\s　]*(?:[（(][^（）()“”]{1,40}[）)])?[\s　]*"
)


def open_quotes(text: str) -> int:
    """Double quotation marks opened and not closed (negative: closed before opening)."""
    return text.count("“") - text.count("”")


def closes_before_opening(text: str) -> bool:
    """The text closes a quotation it never opened (it starts inside someone else's quote),
    or is the end of a bracket opened elsewhere (医学资讯）, the rest of 标题（医学资讯）)."""
    if text.endswith("）") and "（" not in text:
        return True
    close = text.find("”")
    if close < 0:
        return False
    opening = text.find("“")
    return opening < 0 or close < opening


def ends_sentence(text: str) -> bool:
    """Final punctuation, possibly followed by closing quotes or brackets."""
    core = text.rstrip().rstrip(TRAILING_CLOSERS)
    return bool(core) and core[-1] in SENTENCE_END


def ends_in_clause(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in CLAUSE_MARKS and not stripped.endswith("——")


def ends_with_colon(text: str) -> bool:
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in "：:"


def is_finished(text: str) -> bool:
    """A complete paragraph: ends a sentence and leaves no quotation open."""
    return ends_sentence(text) and open_quotes(text) <= 0


def starts_mid_sentence(text: str) -> bool:
    """Strong signs that the text is the tail of a sentence begun elsewhere."""
    stripped = text.lstrip()
    if not stripped:
        return False
    if stripped.startswith("——"):
        return False
    return stripped[0] in CONTINUATION_STARTS or closes_before_opening(stripped)


def column_tag_start(text: str) -> int:
    """Where a parenthesised column name closing ``text`` starts (标题（人民论坛）), else its length."""
    match = _COLUMN_TAG.search(text)
    return match.start() if match is not None and match.start() > 0 else len(text)


def has_column_tag(text: str) -> bool:
    """A heading ending in a parenthesised column name, as in 标题（人民论坛）."""
    stripped = text.strip()
    return column_tag_start(stripped) < len(stripped)


def is_bracketed_note(text: str) -> bool:
    """A line wholly in brackets, （李明）, （摘编自…）, （本报记者…）: the note or sign-off that
    closes the text above it, never a heading of what follows."""
    stripped = text.strip()
    if len(stripped) < 2 or stripped[0] not in "（(" or stripped[-1] not in "）)":
        return False
    depth = 0
    for position, char in enumerate(stripped):
        depth += (char in "（(") - (char in "）)")
        if depth == 0:
            return position == len(stripped) - 1
    return False


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def is_heading_like(text: str) -> bool:
    """Short, no sentence inside, no final or clause punctuation at the end: a title,
    kicker, section heading or label (or the short head of a broken paragraph)."""
    stripped = text.strip()
    limit = TAGGED_HEADING_MAX_CHARS if has_column_tag(stripped) else HEADING_MAX_CHARS
    if not stripped or len(stripped) > limit or cjk_count(stripped) < 2:
        return False
    if cjk_count(stripped) <= FIGURE_MAX_CJK and any(c.isdigit() for c in stripped):
        return False  # a figure set large (13.95亿人次), read as body
    if stripped[0] in SUMMARY_BULLETS:
        return False
    if "。" in stripped or "；" in stripped or DATELINE.match(stripped) or _SPEECH.search(stripped):
        return False
    if stripped[-1] in DANGLING_ENDS or open_quotes(stripped) != 0:
        return False
    if ends_sentence(stripped) or ends_with_colon(stripped):
        return False
    return not ends_in_clause(stripped)

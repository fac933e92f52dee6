"""Verbs that attribute words to a speaker (…表示, …说, …告诉记者): a headline must not end on
one, and a sentence that is only a speaker and one of them is no summary material."""

from __future__ import annotations

from typing import Final

SPEECH_VERBS: Final = frozenset(
    [
        "表示",
        "说",
        "称",
        "指出",
        "认为",
        "强调",
        "透露",
        "表明",
        "坦言",
        "介绍",
        "说道",
        "告诉",
        "提到",
        "宣布",
        "预计",
    ]
)

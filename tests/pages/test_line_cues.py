"""Line cues of the page parser (``summarizer/pages/text.py``) on invented lines."""

from __future__ import annotations

import pytest

from summarizer.pages.text import is_heading_like
from summarizer.text.speech import SPEECH_VERBS


@pytest.mark.parametrize("verb", sorted(SPEECH_VERBS))
def test_reported_speech_is_no_heading(verb: str) -> None:
    # every verb of saying the engine knows, before a comma: a sentence, not a title
    assert not is_heading_like(f"发言人{verb}，合作前景广阔")


def test_a_speech_verb_inside_a_title_is_no_speech() -> None:
    assert is_heading_like("发言人表示合作前景广阔")

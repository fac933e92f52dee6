"""``build_document`` walks the article once where it could ask each sentence: it hands each
token to its sentence in one walk over tokens and spans, and looks for the newsroom words
once in the whole text. Both agree with the plain computations: a sentence holds exactly the
tokens that lie wholly inside it (a token straddling a sentence's edge, or lying between two
sentences, belongs to none), and a sentence is marked as the patterns tried on it say."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import Deadline, Engine
from summarizer.document import DocSentence, Token, _mark_boilerplate, build_document
from summarizer.text import find_dateline, is_boilerplate_line, normalize_width, split_sentences
from summarizer.text.split import Span


@dataclass(frozen=True)
class _ChunkTokenizer:
    """Cuts the text into pieces of ``size`` characters, whatever the sentences: pieces then
    straddle sentence edges and the whitespace between sentences."""

    size: int
    name: str = "chunks"

    def tag(self, text: str, *, deadline: Deadline | None = None) -> list[tuple[str, str]]:
        pieces = [text[start : start + self.size] for start in range(0, len(text), self.size)]
        return [(piece, "x" if piece in "，。" else "n") for piece in pieces]


def _plain_sentences(text: str, tokenizer: _ChunkTokenizer | Engine) -> tuple[DocSentence, ...]:
    """Every token of the article made, then each sentence's tokens picked by their offsets."""
    normalized = normalize_width(text)
    spans = _mark_boilerplate(normalized, split_sentences(normalized))
    tagger = tokenizer.tokenizer if isinstance(tokenizer, Engine) else tokenizer
    tokens: list[Token] = []
    offset = 0
    for word, pos in tagger.tag(normalized):
        tokens.append(Token(word, pos, offset))
        offset += len(word)
    return tuple(
        DocSentence(
            index,
            text[span.start : span.end],
            span.start,
            span.end,
            tuple(token for token in tokens if token.start >= span.start and token.end <= span.end),
            boilerplate,
            span.paragraph,
        )
        for index, (span, boilerplate) in enumerate(spans)
    )


def _assert_same(document_sentences: tuple[DocSentence, ...], plain: tuple[DocSentence, ...]) -> None:
    assert document_sentences == plain
    for sentence, expected in zip(document_sentences, plain, strict=True):
        assert (sentence.lowered, sentence.lowered_words) == (expected.lowered, expected.lowered_words)


_PIECES = st.sampled_from(
    ["新闻", "GDP", "Ab", "。", "，", "！", "”", "“", " ", "\u3000", "\n", "本报讯", "（完）"]
)


@given(st.lists(_PIECES, max_size=25).map("".join), st.integers(1, 4))
def test_each_sentence_holds_the_tokens_wholly_inside_it(text: str, size: int) -> None:
    tokenizer = _ChunkTokenizer(size)
    _assert_same(build_document(text, tokenizer=tokenizer).sentences, _plain_sentences(text, tokenizer))


@pytest.mark.parametrize(
    "text",
    [
        "本报北京1月31日电（记者 王强）国务院召开常务会议。\n\n  会议指出，GDP增长。  \n（责任编辑：李明）",
        "Apple发布iPhone。他说：“我们赢了！明天再战。”\n\n\n没有标点的一行",
        "   \n  一。  二。\n",
    ],
)
def test_the_walk_agrees_with_the_definition_on_real_tokens(engine: Engine, text: str) -> None:
    _assert_same(build_document(text, tokenizer=engine.tokenizer).sentences, _plain_sentences(text, engine))


def _plain_marks(text: str) -> list[tuple[Span, bool]]:
    """Every sentence tried against the patterns, a dateline cut off as ``_mark_boilerplate``
    does."""
    marked: list[tuple[Span, bool]] = []
    previous_paragraph = -1
    for span in split_sentences(text):
        sentence = text[span.start : span.end]
        opens_paragraph = span.paragraph != previous_paragraph
        previous_paragraph = span.paragraph
        cut = find_dateline(sentence) if opens_paragraph else 0
        if is_boilerplate_line(sentence) is not None:
            marked.append((span, True))
        elif cut:
            dateline = sentence[:cut].rstrip()
            marked.append((Span(span.start, span.start + len(dateline), span.paragraph), True))
            rest = sentence[cut:].lstrip()
            if rest:
                marked.append((Span(span.end - len(rest), span.end, span.paragraph), False))
        else:
            marked.append((span, False))
    return marked


_NEWSROOM_PIECES = st.sampled_from(
    [
        "本报", "北京", "1月31日", "电", "讯", "新华社", "记者", "王强", "（", "）", "责任编辑", "编",
        "辑", "责", "来源", "：", "完", "END", "会议", "。", "！", "\n", " ", "\u3000",
    ]
)  # fmt: skip


@given(st.lists(_NEWSROOM_PIECES, max_size=20).map("".join))
def test_sentences_are_marked_as_the_patterns_tried_on_each_say(text: str) -> None:
    assert _mark_boilerplate(text, split_sentences(text)) == _plain_marks(text)

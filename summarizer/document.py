"""The tokenized view of one article that every stage of the pipeline shares.

The text is normalised, split and tokenized once (:func:`build_document`); ranking, key
phrases and headlines all read the same :class:`Document`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from dataclasses import dataclass
from typing import Final, NamedTuple

from summarizer.text import find_dateline, is_boilerplate_line, normalize_width, split_sentences
from summarizer.text.split import Span
from summarizer.tokenizer import PUNCTUATION_POS, Tokenizer

_LOWERED_WORDS: Final = operator.attrgetter("lowered_words")


class Token:
    """One word as jieba cut it, read-only. A plain class, not a named tuple or a frozen
    dataclass: an article has hundreds, and compiled (setup.py) such a class is made four
    times faster than either, which saved some 6% of the analysis."""

    def __init__(self, text: str, pos: str, start: int) -> None:
        # Width-normalised (ＧＤＰ reads GDP); ``start`` indexes the original article.
        self.text: Final[str] = text
        self.pos: Final[str] = pos  # jieba part-of-speech tag: n, nr, ns, nt, v, vn, a, m, x ...
        self.start: Final[int] = start  # offset in the article text

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_word(self) -> bool:
        return self.pos != PUNCTUATION_POS and not self.text.isspace()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Token):
            return NotImplemented
        return (self.text, self.pos, self.start) == (other.text, other.pos, other.start)

    def __hash__(self) -> int:
        return hash((self.text, self.pos, self.start))

    def __repr__(self) -> str:
        return f"Token(text={self.text!r}, pos={self.pos!r}, start={self.start!r})"


class DocSentence:
    """One sentence of the article and its tokens, read-only. A plain class for the reason
    :class:`Token` is one: built compiled, a frozen dataclass took several times as long."""

    def __init__(
        self,
        index: int,
        text: str,
        start: int,
        end: int,
        tokens: tuple[Token, ...],
        is_boilerplate: bool = False,
        paragraph: int = 0,
        *,
        lowered: tuple[str, ...] | None = None,
        lowered_words: tuple[str, ...] | None = None,
    ) -> None:
        self.index: Final[int] = index
        self.text: Final[str] = text  # ``document.text[start:end]``
        self.start: Final[int] = start
        self.end: Final[int] = end
        self.tokens: Final[tuple[Token, ...]] = tokens
        # Dateline, byline, credit: never in summary or headline.
        self.is_boilerplate: Final[bool] = is_boilerplate
        self.paragraph: Final[int] = paragraph  # index of the line (non-empty) the sentence belongs to
        # Every token's text lower-cased, aligned with ``tokens``: keywords, key phrases and
        # similarity all compare lower-cased words, so each is lowered once per article
        # (``build_document`` passes slices of views it made for the whole article at once).
        self.lowered: Final[tuple[str, ...]] = (
            tuple(token.text.lower() for token in tokens) if lowered is None else lowered
        )
        # ``lowered`` of the tokens that are words: what ranking and the summary compare.
        self.lowered_words: Final[tuple[str, ...]] = (
            tuple(token.text.lower() for token in tokens if token.is_word)
            if lowered_words is None
            else lowered_words
        )

    def _key(self) -> tuple[int, str, int, int, tuple[Token, ...], bool, int]:
        # The lower-cased views follow from the tokens: they take no part in equality.
        return (self.index, self.text, self.start, self.end, self.tokens, self.is_boilerplate, self.paragraph)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DocSentence):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"DocSentence(index={self.index!r}, text={self.text!r}, start={self.start!r}, end={self.end!r}, "
            f"tokens={self.tokens!r}, is_boilerplate={self.is_boilerplate!r}, paragraph={self.paragraph!r})"
        )

    @property
    def words(self) -> tuple[Token, ...]:
        """The tokens that are words (no stage of the analysis reads it)."""
        return tuple(token for token in self.tokens if token.is_word)


@dataclass(frozen=True)
class Document:
    text: str
    sentences: tuple[DocSentence, ...]

    @functools.cached_property
    def content_sentences(self) -> tuple[DocSentence, ...]:
        """The sentences that may be summarised or quoted (no datelines, bylines, credits);
        cached, as every stage reads it."""
        return tuple(sentence for sentence in self.sentences if not sentence.is_boilerplate)

    @property
    def token_count(self) -> int:
        """How many words the sentences hold, counted on ``lowered_words`` (aligned with
        ``words``), which ``build_document`` sets with each sentence."""
        return sum(map(len, map(_LOWERED_WORDS, self.sentences)))


def build_document(text: str, *, tokenizer: Tokenizer | None = None) -> Document:
    """Split and tokenize ``text`` once. Without ``tokenizer`` the default engine's is used."""
    if tokenizer is None:
        from summarizer import default_engine

        tokenizer = default_engine().tokenizer
    normalized = normalize_width(text)
    spans = _mark_boilerplate(normalized, split_sentences(normalized))
    if not spans:
        return Document(text, ())
    article = _tokenize(normalized, tokenizer)
    # Tokens tile the text, so both their starts and their ends are sorted.
    starts, ends = article.offsets[:-1], article.offsets[1:]
    sentences = []
    for index, (span, boilerplate) in enumerate(spans):
        first = bisect.bisect_left(starts, span.start)
        last = bisect.bisect_right(ends, span.end)
        lowered = article.lowered[first:last]
        sentence = DocSentence(
            index,
            text[span.start : span.end],
            span.start,
            span.end,
            article.tokens[first:last],
            boilerplate,
            span.paragraph,
            lowered=lowered,
            lowered_words=tuple(itertools.compress(lowered, article.is_word[first:last])),
        )
        sentences.append(sentence)
    return Document(text, tuple(sentences))


def _mark_boilerplate(text: str, spans: tuple[Span, ...]) -> list[tuple[Span, bool]]:
    """Flag newsroom lines, and cut a leading dateline off the first sentence of a paragraph
    into a sentence of its own so the news that follows it stays usable."""
    marked: list[tuple[Span, bool]] = []
    previous_paragraph = -1
    for span in spans:
        sentence = text[span.start : span.end]
        opens_paragraph = span.paragraph != previous_paragraph
        previous_paragraph = span.paragraph
        if is_boilerplate_line(sentence) is not None:
            marked.append((span, True))
            continue
        cut = find_dateline(sentence) if opens_paragraph else 0
        if cut:
            rest = span.start + cut
            dateline_end = rest
            while dateline_end > span.start and text[dateline_end - 1].isspace():
                dateline_end -= 1
            marked.append((Span(span.start, dateline_end, span.paragraph), True))
            while rest < span.end and text[rest].isspace():
                rest += 1
            if rest < span.end:
                marked.append((Span(rest, span.end, span.paragraph), False))
            continue
        marked.append((span, False))
    return marked


class _ArticleTokens(NamedTuple):
    """The article's tokens and, aligned with them, what every stage asks of each token."""

    tokens: tuple[Token, ...]
    offsets: list[int]  # each token's start, then the end of the text
    lowered: tuple[str, ...]
    is_word: list[bool]


def _tokenize(text: str, tokenizer: Tokenizer) -> _ArticleTokens:
    tagged = tokenizer.tag(text)
    tokens: list[Token] = []
    offsets = [0]
    is_word: list[bool] = []
    offset = 0
    for word, pos in tagged:
        tokens.append(Token(word, pos, offset))
        offset += len(word)
        offsets.append(offset)
        is_word.append(pos != PUNCTUATION_POS and not word.isspace())
    # Most articles hold no capital letter, and then every token is its own lower case: one
    # pass over the text instead of a call per token (and the same strings, hashed once).
    if text.lower() == text:
        lowered = tuple([word for word, _ in tagged])
    else:
        lowered = tuple([word.lower() for word, _ in tagged])
    return _ArticleTokens(tuple(tokens), offsets, lowered, is_word)

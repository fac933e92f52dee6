"""The tokenized view of one article that every stage of the pipeline shares.

The text is normalised, split and tokenized once (:func:`build_document`); ranking, key
phrases and headlines all read the same :class:`Document`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

try:
    from mypy_extensions import mypyc_attr
except ImportError:
    # mypyc reads ``mypyc_attr`` when it compiles (mypy_extensions comes with mypy) and calls
    # nothing at run time; the source build needs a decorator that changes nothing, which is
    # all ``mypy_extensions.mypyc_attr`` does there. So an install without mypy runs too.
    def _unchanged(*_attrs: object, **_settings: object) -> Callable[[type], type]:
        return lambda cls: cls

    mypyc_attr = _unchanged  # type: ignore[assignment]

from summarizer.deadline import Deadline
from summarizer.terms.tags import TAGS, tag_number
from summarizer.text import (
    find_dateline,
    is_boilerplate_line,
    newsroom_words,
    split_sentences,
)
from summarizer.text.normalize import fold_width_and_case
from summarizer.text.split import Span
from summarizer.tokenizer import PUNCTUATION_POS, Tokenizer

# The number of the punctuation tag among terms.tags.TAGS, and the last character that
# ``str.isspace`` holds a space (the ideographic space).
_PUNCTUATION_NUMBER: Final = TAGS.index(PUNCTUATION_POS)
_LAST_SPACE: Final = 0x3000
# No character from U+3000 to U+A63F (CJK symbols, kana, Hangul, the unified ideographs, Yi,
# Lisu, Vai) has a lower case of its own: a word of them alone is its own lower case
# (tests/engine/test_document_fast_paths.py asks every one of them).
_CASELESS_FIRST: Final = 0x3000
_CASELESS_END: Final = 0xA640


# ``acyclic``: compiled, the instances are left out of the garbage collector's tracking. A
# token holds strings and an int, a sentence tuples of tokens and strings: neither can be in
# a reference cycle, which is all the collector looks for. Tracked, an article's ~700 tokens
# set off a collection of everything young at about every article (the collector's
# threshold is 700 allocations); untracked, one every ten articles or so (-0.4 M of 13.6 M
# instructions per article, callgrind). The source build ignores the attribute.
@mypyc_attr(acyclic=True)
class Token:
    """One word as jieba cut it, read-only. A plain class, not a named tuple or a frozen
    dataclass: an article has hundreds, and compiled (setup.py) such a class is made four
    times faster than either, which saved some 6% of the analysis; acyclic (see above)."""

    def __init__(self, text: str, pos: str, start: int) -> None:
        # Width-normalised (ＧＤＰ reads GDP); ``start`` indexes the original article.
        self.text: Final[str] = text
        # The tag's number in :data:`summarizer.terms.tags.TAGS` (-1: a tag outside it), read
        # off its characters once here; the stages index tables by it.
        number = tag_number(pos)
        self.tag: Final[int] = number
        # jieba part-of-speech tag: n, nr, ns, nt, v, vn, a, m, x ... One shared string per
        # tag (tokenizers hand a new one per token): the stages' set and dict look-ups of it
        # then find its hash made and their key by identity.
        self.pos: Final[str] = TAGS[number] if number >= 0 else pos
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


@mypyc_attr(acyclic=True)
class DocSentence:
    """One sentence of the article and its tokens, read-only. A plain class for the reason
    :class:`Token` is one: built compiled, a frozen dataclass took several times as long;
    acyclic as a token is."""

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
        # (``build_document`` passes the views it builds as it hands out the tokens).
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


@mypyc_attr(acyclic=True)
class Document:
    """The article as every stage reads it, read-only. A plain class for the reason
    :class:`DocSentence` is one, and so that ``content_sentences`` is made once: compiled, a
    dataclass's ``functools.cached_property`` is a plain property, which made the tuple anew
    at each of the ten reads of an analysis."""

    def __init__(self, text: str, sentences: tuple[DocSentence, ...]) -> None:
        self.text: Final[str] = text
        self.sentences: Final[tuple[DocSentence, ...]] = sentences
        # The sentences that may be summarised or quoted (no datelines, bylines, credits).
        self.content_sentences: Final[tuple[DocSentence, ...]] = tuple(
            sentence for sentence in sentences if not sentence.is_boilerplate
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (self.text, self.sentences) == (other.text, other.sentences)

    def __hash__(self) -> int:
        return hash((self.text, self.sentences))

    def __repr__(self) -> str:
        return f"Document(text={self.text!r}, sentences={self.sentences!r})"

    @property
    def token_count(self) -> int:
        """How many words the sentences hold, counted on ``lowered_words`` (aligned with
        ``words``), which ``build_document`` sets with each sentence."""
        count = 0
        for sentence in self.sentences:
            count += len(sentence.lowered_words)
        return count


def build_document(
    text: str, *, tokenizer: Tokenizer | None = None, deadline: Deadline | None = None
) -> Document:
    """Split and tokenize ``text`` once. Without ``tokenizer`` the default engine's is used;
    the tokenizer checks ``deadline`` as it goes (see :meth:`Tokenizer.tag`)."""
    if tokenizer is None:
        from summarizer import default_engine

        tokenizer = default_engine().tokenizer
    # Most articles hold no capital letter, and then every token is its own lower case: told
    # by the scan that finds what to fold to half width, instead of a call per token (and the
    # same strings, hashed once).
    normalized, fold_case = fold_width_and_case(text)
    spans = _mark_boilerplate(normalized, split_sentences(normalized))
    if not spans:
        return Document(text, ())
    return Document(
        text, _sentences(text, spans, tokenizer.tag(normalized, deadline=deadline), fold_case=fold_case)
    )


def _mark_boilerplate(text: str, spans: tuple[Span, ...]) -> list[tuple[Span, bool]]:
    """Flag newsroom lines, and cut a leading dateline off the first sentence of a paragraph
    into a sentence of its own so the news that follows it stays usable."""
    marked: list[tuple[Span, bool]] = []
    previous_paragraph = -1
    # Most sentences overlap no newsroom word, and then need no pattern tried.
    hits = newsroom_words(text)
    hit = 0  # the first hit that does not end before the sentence
    for span in spans:
        opens_paragraph = span.paragraph != previous_paragraph
        previous_paragraph = span.paragraph
        while hit < len(hits) and hits[hit][1] <= span.start:
            hit += 1
        if hit == len(hits) or hits[hit][0] >= span.end:
            marked.append((span, False))
            continue
        sentence = text[span.start : span.end]
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


def _sentences(
    text: str, spans: list[tuple[Span, bool]], tagged: list[tuple[str, str]], *, fold_case: bool
) -> tuple[DocSentence, ...]:
    """One sentence per span, holding the tokens that lie wholly inside it. Tokens tile the
    text and the spans are sorted and disjoint, so one walk over both hands each token to its
    sentence: no token table of the whole article to search and slice, and no token made for
    the whitespace between sentences, which no sentence holds."""
    sentences: list[DocSentence] = []
    tokens: list[Token] = []
    lowered: list[str] = []
    words: list[str] = []  # ``lowered`` of the tokens that are words
    span, boilerplate = spans[0]
    last_end = spans[-1][0].end
    end = 0
    for word, pos in tagged:
        start = end
        end += len(word)
        if end > last_end:
            break  # this token and every later one end past the last sentence
        while end > span.end:
            sentences.append(_sentence(text, len(sentences), span, boilerplate, tokens, lowered, words))
            span, boilerplate = spans[len(sentences)]
            tokens, lowered, words = [], [], []
        if start >= span.start:
            token = Token(word, pos, start)
            tokens.append(token)
            folded = word.lower() if fold_case and _has_case(word) else word
            lowered.append(folded)
            # A word that opens on a character past the last space character (U+3000), as
            # Chinese words do, is no space: ``isspace`` is asked of the others only.
            if token.tag != _PUNCTUATION_NUMBER and (
                not word or ord(word[0]) > _LAST_SPACE or not word.isspace()
            ):
                words.append(folded)
    while len(sentences) < len(spans):
        span, boilerplate = spans[len(sentences)]
        sentences.append(_sentence(text, len(sentences), span, boilerplate, tokens, lowered, words))
        tokens, lowered, words = [], [], []
    return tuple(sentences)


def _has_case(word: str) -> bool:
    """Whether ``word`` may change when lower-cased: a Chinese word is left as it is, instead
    of made anew (some 400 instructions a word, and its hash once more) in an article holding
    a capital letter somewhere."""
    for index in range(len(word)):
        code = ord(word[index])
        if code < _CASELESS_FIRST or code >= _CASELESS_END:
            return True
    return False


def _sentence(
    text: str,
    index: int,
    span: Span,
    boilerplate: bool,
    tokens: list[Token],
    lowered: list[str],
    words: list[str],
) -> DocSentence:
    return DocSentence(
        index,
        text[span.start : span.end],
        span.start,
        span.end,
        tuple(tokens),
        boilerplate,
        span.paragraph,
        lowered=tuple(lowered),
        lowered_words=tuple(words),
    )

"""Tokenizer backends: rjieba (the Rust port of jieba, default), jieba (the reference) and
posseg (textrank4zh's tokenizer, for the compatibility layer).

jieba's reference segmentation is ``jieba.cut`` (HMM on). rjieba's ``tag`` produces 99.8% of
its token spans on 600 dev articles (the rest: jieba splits Latin and number runs at - and .,
as in N-Gage, www.x.cn, 2004-10, where rjieba keeps one token) at a fifth of its cost, so
rjieba is the default. The "jieba" backend segments with ``jieba.cut`` of its own
``jieba.Tokenizer`` and tags each word from the dictionary (the word-tag table of
``jieba.posseg``, user words included) instead of running ``jieba.posseg``, whose own
segmentation differs from ``jieba.cut`` (96.6%) and which is eight times slower. A word
outside the dictionary is tagged by a cheap rule (see ``_unknown_word_tag``).

Each backend is a per-engine object with its own dictionary, never jieba's module-level
default: a user dictionary given to one engine does not leak into another. The dictionary is
loaded lazily, once, under a lock; after loading the backend is only read, so one backend
may serve many threads.
"""

from __future__ import annotations

import functools
import importlib.machinery
import importlib.util
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal, Protocol

from summarizer.deadline import Deadline

logger = logging.getLogger(__name__)

BackendName = Literal["rjieba", "jieba", "posseg"]
BACKENDS: Final[tuple[str, ...]] = ("rjieba", "jieba", "posseg")
DEFAULT_BACKEND: Final[BackendName] = "rjieba"
# A user word without a part of speech is most often a name or a term of the trade; both
# backends tag it alike so that they keep agreeing.
USER_WORD_POS: Final = "nz"
PUNCTUATION_POS: Final = "x"
# A lone surrogate (possible in a Python str, e.g. from JSON's "\ud800") cannot be encoded for
# the Rust tokenizer; one replacement character for one keeps every offset where it was.
_LONE_SURROGATE: Final = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")
# Where a text may be cut into pieces tagged one by one with the same tokens as the whole:
# just after a sentence-ending mark, which both backends make a token of its own (it is
# neither in a dictionary word nor in the runs of letters, digits and Han characters they
# segment). Tested against whole-text tagging in tests/engine/test_tokenizer_deadline.py.
_PIECE_END: Final = re.compile("[。！？!?]")
# rjieba tags some 400,000 characters a second: with a deadline, a long text goes to it in
# pieces of about this size, so the deadline is checked every few milliseconds; an article
# (a few thousand characters) is one piece, as without a deadline.
RJIEBA_PIECE_CHARS: Final = 8192
# With a deadline, the jieba backends check it once per this many words they yield (a
# clock read is some 50 ns; posseg takes about 5 ms per unknown character).
JIEBA_CHECK_EVERY: Final = 8


@dataclass(frozen=True)
class UserWord:
    word: str
    freq: int | None = None
    pos: str | None = None


class Tokenizer(Protocol):
    """Segments text into (word, part-of-speech) pairs, covering the text exactly."""

    name: str

    def tag(self, text: str, *, deadline: Deadline | None = None) -> list[tuple[str, str]]:
        """The tokens of ``text``; with a ``deadline``, raises
        :class:`~summarizer.deadline.DeadlineExceeded` once it passes, as it goes."""
        ...


def text_pieces(text: str, size: int) -> Iterator[str]:
    """``text`` in consecutive pieces of at least ``size`` characters (the last one may be
    shorter), each cut just after a sentence-ending mark: the backends tag the pieces one by
    one into the same tokens as the whole text. A text without such a mark is one piece."""
    start = 0
    while len(text) - start > size:
        match = _PIECE_END.search(text, start + size - 1)
        if match is None:
            break
        yield text[start : match.end()]
        start = match.end()
    if start < len(text) or not text:
        yield text[start:]


def parse_user_dict(source: str | Path | Iterable[str | tuple[Any, ...]] | None) -> tuple[UserWord, ...]:
    """Read a user dictionary: a jieba-format file (``word [freq] [pos]`` per line) or an
    iterable of words, ``"word freq pos"`` strings or ``(word, freq, pos)`` tuples."""
    if source is None:
        return ()
    if isinstance(source, (str, Path)):
        lines: Iterable[str | tuple[Any, ...]] = Path(source).read_text(encoding="utf-8").splitlines()
    else:
        lines = source
    words: list[UserWord] = []
    for entry in lines:
        parts: Sequence[Any] = entry.split() if isinstance(entry, str) else entry
        if not parts:
            continue
        words.append(_user_word(parts, entry))
    return tuple(words)


def _user_word(parts: Sequence[Any], entry: object) -> UserWord:
    if len(parts) > 3 or not isinstance(parts[0], str) or not parts[0].strip():
        raise ValueError(f"user_dict: cannot read entry {entry!r}; use 'word [freq] [pos]'")
    freq: int | None = None
    pos: str | None = None
    for part in parts[1:]:
        if isinstance(part, int) or (isinstance(part, str) and part.isdigit()):
            freq = int(part)
        elif isinstance(part, str) and part.isalpha():
            pos = part
        elif part is not None:
            raise ValueError(f"user_dict: cannot read entry {entry!r}; use 'word [freq] [pos]'")
    return UserWord(parts[0].strip(), freq, pos)


class _LazyBackend:
    """Builds its segmenter on first use, exactly once, whatever the number of threads."""

    name = "base"

    def __init__(self, user_words: tuple[UserWord, ...]) -> None:
        self._user_words = user_words
        self._lock = threading.Lock()
        self._segmenter: Any = None

    def _loaded(self) -> Any:
        segmenter = self._segmenter
        if segmenter is None:
            with self._lock:
                if self._segmenter is None:
                    self._segmenter = self._load()
                segmenter = self._segmenter
        return segmenter

    def _load(self) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class _JiebaSegmenter:
    cut: Callable[[str], Iterable[str]]
    word_tags: Mapping[str, str]


class JiebaTokenizer(_LazyBackend):
    name = "jieba"

    def _load(self) -> _JiebaSegmenter:
        import jieba
        import jieba.posseg

        tokenizer = jieba.Tokenizer()
        for entry in self._user_words:
            tokenizer.add_word(entry.word, entry.freq, entry.pos or USER_WORD_POS)
        tokenizer.initialize()
        tagger = jieba.posseg.POSTokenizer(tokenizer)
        # Merges the user words' tags into the tagger's table; done here, under the lock,
        # so that nothing is mutated once threads share the segmenter.
        tagger.makesure_userdict_loaded()
        logger.debug("jieba tokenizer loaded with %d user words", len(self._user_words))
        return _JiebaSegmenter(cut=tokenizer.cut, word_tags=dict(tagger.word_tag_tab))

    def tag(self, text: str, *, deadline: Deadline | None = None) -> list[tuple[str, str]]:
        segmenter: _JiebaSegmenter = self._loaded()
        tags = segmenter.word_tags
        if deadline is None:
            return [(word, tags.get(word) or _unknown_word_tag(word)) for word in segmenter.cut(text)]
        # jieba cuts lazily, block by block: the deadline is checked as the words come, so
        # that its pure-Python HMM on a long text of unknown characters stops in time.
        tagged: list[tuple[str, str]] = []
        for word in segmenter.cut(text):
            if len(tagged) % JIEBA_CHECK_EVERY == 0:
                deadline.check("document")
            tagged.append((word, tags.get(word) or _unknown_word_tag(word)))
        return tagged


def _unknown_word_tag(word: str) -> str:
    """The tag of a word outside the dictionary (found by jieba's HMM or a run of Latin and
    digits): rjieba's rule for numbers, Latin and punctuation; a Chinese word the dictionary
    does not know is most often a name or a term, tagged like a user word. (posseg's
    part-of-speech HMM would cost about 1 ms per unknown word, ten times the segmentation.)"""
    latin = digits = 0
    for char in word:
        if char.isascii() and char.isalnum():
            latin += 1
            digits += char.isdigit()
    if latin:
        return "m" if latin == digits else "eng"
    if any("\u4e00" <= char <= "\u9fff" for char in word):
        return USER_WORD_POS
    return PUNCTUATION_POS


class PossegTokenizer(_LazyBackend):
    """``jieba.posseg``: textrank4zh's tokenizer, for :mod:`summarizer.compat` to match it."""

    name = "posseg"

    def _load(self) -> Any:
        import jieba
        import jieba.posseg

        tokenizer = jieba.Tokenizer()
        for entry in self._user_words:
            tokenizer.add_word(entry.word, entry.freq, entry.pos or USER_WORD_POS)
        segmenter = jieba.posseg.POSTokenizer(tokenizer)
        # The first cut merges the user words' tags into the tagger; doing it here, under the
        # lock, leaves nothing to mutate once threads share the segmenter.
        segmenter.lcut("初始化")
        return segmenter

    def tag(self, text: str, *, deadline: Deadline | None = None) -> list[tuple[str, str]]:
        if deadline is None:
            return [(pair.word, pair.flag) for pair in self._loaded().lcut(text)]
        tagged: list[tuple[str, str]] = []
        for pair in self._loaded().cut(text):
            if len(tagged) % JIEBA_CHECK_EVERY == 0:
                deadline.check("document")
            tagged.append((pair.word, pair.flag))
        return tagged


class RjiebaTokenizer(_LazyBackend):
    name = "rjieba"

    def _load(self) -> Any:
        segmenter = _rjieba_class()()
        for entry in self._user_words:
            segmenter.add_word(entry.word, entry.freq, entry.pos or USER_WORD_POS)
        logger.debug("rjieba tokenizer loaded with %d user words", len(self._user_words))
        return segmenter

    def tag(self, text: str, *, deadline: Deadline | None = None) -> list[tuple[str, str]]:
        segmenter = self._loaded()
        if deadline is None or len(text) <= RJIEBA_PIECE_CHARS:
            return _rjieba_tag(segmenter, text)
        tagged: list[tuple[str, str]] = []
        for piece in text_pieces(text, RJIEBA_PIECE_CHARS):
            deadline.check("document")
            tagged.extend(_rjieba_tag(segmenter, piece))
        return tagged


def _rjieba_tag(segmenter: Any, text: str) -> list[tuple[str, str]]:
    # Lone surrogates are rare: the text is scanned for them only when rjieba refuses it.
    try:
        tagged: list[tuple[str, str]] = segmenter.tag(text)
    except UnicodeEncodeError:
        tagged = segmenter.tag(_LONE_SURROGATE.sub("\ufffd", text))
    return tagged


@functools.cache
def _rjieba_class() -> Any:
    """rjieba's ``Jieba`` class, from its extension module when it can be found: importing the
    package builds a default instance (0.08 s, a sixth of a batch command's start-up) that
    no engine uses, since each builds its own. A later ``import rjieba`` reuses the loaded
    extension, so the class is the same either way."""
    extension = None if "rjieba" in sys.modules else _rjieba_extension()
    if extension is None:
        import rjieba

        return rjieba.Jieba
    loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(extension))
    spec = importlib.machinery.ModuleSpec(loader.name, loader, origin=loader.path)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module.Jieba


def _rjieba_extension() -> Path | None:
    package = importlib.util.find_spec("rjieba")
    if package is None or package.origin is None:
        return None
    folder = Path(package.origin).parent
    candidates = (folder / f"rjieba{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES)
    return next((path for path in candidates if path.is_file()), None)


def make_tokenizer(name: str, user_words: tuple[UserWord, ...] = ()) -> Tokenizer:
    if name == "rjieba":
        return RjiebaTokenizer(user_words)
    if name == "jieba":
        return JiebaTokenizer(user_words)
    if name == "posseg":
        return PossegTokenizer(user_words)
    raise ValueError(f"tokenizer: must be one of {', '.join(BACKENDS)}, got {name!r}")

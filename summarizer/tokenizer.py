"""Tokenizer backends: jieba (the reference segmentation) and rjieba (its Rust port).

Each backend is a per-engine object with its own dictionary, never jieba's module-level
default: a user dictionary given to one engine does not leak into another. The dictionary is
loaded lazily, once, under a lock; after loading the backend is only read, so one backend
may serve many threads.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

logger = logging.getLogger(__name__)

BackendName = Literal["rjieba", "jieba"]
BACKENDS: tuple[str, ...] = ("rjieba", "jieba")
# rjieba agrees with jieba (posseg, the reference) on only ~95-96% of the dev tokens (it glues 100%,
# N-Gage and tags without the part-of-speech HMM), below the 99.5% that would let it be the default.
DEFAULT_BACKEND: BackendName = "jieba"
# A user word without a part of speech is most often a name or a term of the trade; both
# backends tag it alike so that they keep agreeing.
USER_WORD_POS = "nz"


@dataclass(frozen=True)
class UserWord:
    word: str
    freq: int | None = None
    pos: str | None = None


class Tokenizer(Protocol):
    """Segments text into (word, part-of-speech) pairs, covering the text exactly."""

    name: str

    def tag(self, text: str) -> list[tuple[str, str]]: ...


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


class JiebaTokenizer(_LazyBackend):
    name = "jieba"

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
        logger.debug("jieba tokenizer loaded with %d user words", len(self._user_words))
        return segmenter

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self._loaded().lcut(text)]


class RjiebaTokenizer(_LazyBackend):
    name = "rjieba"

    def _load(self) -> Any:
        import rjieba

        segmenter = rjieba.Jieba()
        for entry in self._user_words:
            segmenter.add_word(entry.word, entry.freq, entry.pos or USER_WORD_POS)
        logger.debug("rjieba tokenizer loaded with %d user words", len(self._user_words))
        return segmenter

    def tag(self, text: str) -> list[tuple[str, str]]:
        return list(self._loaded().tag(text))


def make_tokenizer(name: str, user_words: tuple[UserWord, ...] = ()) -> Tokenizer:
    if name == "rjieba":
        return RjiebaTokenizer(user_words)
    if name == "jieba":
        return JiebaTokenizer(user_words)
    raise ValueError(f"tokenizer: must be one of {', '.join(BACKENDS)}, got {name!r}")

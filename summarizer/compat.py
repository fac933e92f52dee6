"""Drop-in replacements for textrank4zh's ``TextRank4Keyword`` and ``TextRank4Sentence``.

Existing code migrates by changing one import::

    from summarizer.compat import TextRank4Keyword, TextRank4Sentence

Method names, arguments and return shapes (items readable as ``item.word`` or
``item["word"]``) are textrank4zh 0.3's, and so is the ranking: its sentence splitting, its
stop words and part-of-speech filter, its similarity (self-loops included, as it has them)
and PageRank. What is not carried over: its state bugs (results of a previous text leaking
into the next, shared mutable default arguments, calling ``get_*`` before ``analyze``
silently returning stale results) and key phrases found by substring counting (建设新):
a phrase here is made of whole words. networkx is not needed.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from summarizer.rank.graph import cooccurrence_graph
from summarizer.rank.pagerank import pagerank, ranking_order
from summarizer.rank.similarity import textrank_similarity
from summarizer.rank.vocabulary import Vocabulary
from summarizer.text.stopwords import FUNCTION_WORDS_FILE, load_stop_words
from summarizer.tokenizer import Tokenizer, make_tokenizer

SENTENCE_DELIMITERS = ("?", "!", ";", "？", "！", "。", "；", "……", "…", "\n")
ALLOW_SPEECH_TAGS = ("an", "i", "j", "l", "n", "nr", "nrfg", "ns", "nt", "nz", "t", "v", "vd", "vn", "eng")
_SOURCES = ("no_filter", "no_stop_words", "all_filters")


class AttrDict(dict[str, Any]):
    """A result item, read as ``item.word`` or ``item["word"]`` like textrank4zh's."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as missing:
            raise AttributeError(name) from missing


@dataclass(frozen=True)
class Segmented:
    sentences: tuple[str, ...]
    words_no_filter: tuple[tuple[str, ...], ...]
    words_no_stop_words: tuple[tuple[str, ...], ...]
    words_all_filters: tuple[tuple[str, ...], ...]

    def words(self, source: str) -> tuple[tuple[str, ...], ...]:
        if source not in _SOURCES:
            raise ValueError(f"source: must be one of {', '.join(_SOURCES)}, got {source!r}")
        words: tuple[tuple[str, ...], ...] = getattr(self, f"words_{source}")
        return words


class Segmentation:
    """textrank4zh's sentence splitting and word filters, on a per-instance tokenizer."""

    def __init__(
        self,
        *,
        stop_words_file: str | Path | None = None,
        allow_speech_tags: Iterable[str] = ALLOW_SPEECH_TAGS,
        delimiters: Iterable[str] = SENTENCE_DELIMITERS,
        tokenizer: Tokenizer | None = None,
    ) -> None:
        if isinstance(stop_words_file, (str, Path)):
            lines = Path(stop_words_file).read_text(encoding="utf-8", errors="ignore").splitlines()
            self.stop_words = frozenset(line.strip() for line in lines)
        else:
            self.stop_words = load_stop_words(FUNCTION_WORDS_FILE)
        self.allow_speech_tags = frozenset(allow_speech_tags)
        self.delimiters = tuple(delimiters)
        self.tokenizer = tokenizer or make_tokenizer("posseg")

    def split(self, text: str) -> list[str]:
        pieces = [text]
        for delimiter in self.delimiters:
            pieces = [part for piece in pieces for part in piece.split(delimiter)]
        return [piece.strip() for piece in pieces if piece.strip()]

    def segment(self, text: str, *, lower: bool = False) -> Segmented:
        sentences = self.split(text)
        no_filter, no_stop, all_filters = [], [], []
        for sentence in sentences:
            pairs = [(word.strip(), flag) for word, flag in self.tokenizer.tag(sentence) if flag != "x"]
            pairs = [(word.lower() if lower else word, flag) for word, flag in pairs if word]
            kept = [(word, flag) for word, flag in pairs if word not in self.stop_words]
            no_filter.append(tuple(word for word, _ in pairs))
            no_stop.append(tuple(word for word, _ in kept))
            all_filters.append(tuple(word for word, flag in kept if flag in self.allow_speech_tags))
        return Segmented(tuple(sentences), tuple(no_filter), tuple(no_stop), tuple(all_filters))


def _pagerank_alpha(pagerank_config: Mapping[str, Any] | None) -> float:
    config = dict(pagerank_config or {"alpha": 0.85})
    unknown = set(config) - {"alpha"}
    if unknown:
        raise ValueError(f"pagerank_config: only 'alpha' is supported, not {sorted(unknown)}")
    return float(config.get("alpha", 0.85))


def rank_sentences_textrank4zh(words: Sequence[Sequence[str]], *, alpha: float = 0.85) -> np.ndarray:
    """textrank4zh's sentence scores: its similarity with self-loops, then PageRank."""
    counts = Vocabulary.build(words).counts()
    return pagerank(textrank_similarity(counts, self_loops=True), damping=alpha).scores


class _Analyzer:
    def __init__(
        self,
        stop_words_file: str | Path | None = None,
        allow_speech_tags: Iterable[str] = ALLOW_SPEECH_TAGS,
        delimiters: Iterable[str] = SENTENCE_DELIMITERS,
        *,
        tokenizer: Tokenizer | None = None,
    ) -> None:
        self.seg = Segmentation(
            stop_words_file=stop_words_file,
            allow_speech_tags=allow_speech_tags,
            delimiters=delimiters,
            tokenizer=tokenizer,
        )
        self._lock = threading.Lock()
        self._segmented: Segmented | None = None
        self._ranked: tuple[AttrDict, ...] = ()

    def _store(self, segmented: Segmented) -> None:
        with self._lock:
            self._segmented = segmented

    def _require(self) -> Segmented:
        if self._segmented is None:
            raise RuntimeError("call analyze(text) first")
        return self._segmented

    @property
    def sentences(self) -> list[str] | None:
        return None if self._segmented is None else list(self._segmented.sentences)

    @property
    def words_no_filter(self) -> list[list[str]] | None:
        return None if self._segmented is None else [list(w) for w in self._segmented.words_no_filter]

    @property
    def words_no_stop_words(self) -> list[list[str]] | None:
        return None if self._segmented is None else [list(w) for w in self._segmented.words_no_stop_words]

    @property
    def words_all_filters(self) -> list[list[str]] | None:
        return None if self._segmented is None else [list(w) for w in self._segmented.words_all_filters]


class TextRank4Sentence(_Analyzer):
    def analyze(
        self,
        text: str,
        lower: bool = False,
        source: str = "no_stop_words",
        pagerank_config: Mapping[str, Any] | None = None,
    ) -> None:
        segmented = self.seg.segment(text, lower=lower)
        scores = rank_sentences_textrank4zh(segmented.words(source), alpha=_pagerank_alpha(pagerank_config))
        ranked = tuple(
            AttrDict(index=int(i), sentence=segmented.sentences[i], weight=float(scores[i]))
            for i in ranking_order(scores)
        )
        with self._lock:
            self._segmented, self._ranked = segmented, ranked

    @property
    def key_sentences(self) -> list[AttrDict]:
        return [AttrDict(item) for item in self._ranked]

    def get_key_sentences(self, num: int = 6, sentence_min_len: int = 6) -> list[AttrDict]:
        """The ``num`` best sentences of at least ``sentence_min_len`` characters."""
        self._require()
        found = [AttrDict(item) for item in self._ranked if len(item["sentence"]) >= sentence_min_len]
        return found[:num]


class TextRank4Keyword(_Analyzer):
    def analyze(
        self,
        text: str,
        window: int = 2,
        lower: bool = False,
        vertex_source: str = "all_filters",
        edge_source: str = "no_stop_words",
        pagerank_config: Mapping[str, Any] | None = None,
    ) -> None:
        segmented = self.seg.segment(text, lower=lower)
        vertices = Vocabulary.build(segmented.words(vertex_source))
        index = {word: i for i, word in enumerate(vertices.words)}
        sequences = [
            np.array([index.get(w, -1) for w in words], np.int64) for words in segmented.words(edge_source)
        ]
        graph = cooccurrence_graph(sequences, len(vertices.words), window=max(window, 2), binary=True)
        scores = pagerank(graph, damping=_pagerank_alpha(pagerank_config)).scores
        ranked = tuple(
            AttrDict(word=vertices.words[i], weight=float(scores[i])) for i in ranking_order(scores)
        )
        with self._lock:
            self._segmented, self._ranked = segmented, ranked

    @property
    def keywords(self) -> list[AttrDict]:
        return [AttrDict(item) for item in self._ranked]

    def get_keywords(self, num: int = 6, word_min_len: int = 1) -> list[AttrDict]:
        """The ``num`` best words of at least ``word_min_len`` characters."""
        self._require()
        return [AttrDict(item) for item in self._ranked if len(item["word"]) >= word_min_len][:num]

    def get_keyphrases(self, keywords_num: int = 12, min_occur_num: int = 2) -> list[str]:
        """Runs of adjacent top keywords occurring, as whole words, at least ``min_occur_num`` times."""
        segmented = self._require()
        keywords = {item.word for item in self.get_keywords(num=keywords_num, word_min_len=1)}
        counts: dict[str, int] = {}
        for words in segmented.words_no_filter:
            run: list[str] = []
            for word in (*words, None):
                if word is not None and word in keywords:
                    run.append(word)
                    continue
                if len(run) > 1:
                    phrase = "".join(run)
                    counts[phrase] = counts.get(phrase, 0) + 1
                run = []
        return [phrase for phrase, count in counts.items() if count >= min_occur_num]

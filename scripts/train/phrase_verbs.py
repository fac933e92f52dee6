"""The verbs jieba tags as nouns (``summarizer/data/keyphrase_verbs.json``), learned from where
words stand in the training articles.

jieba's dictionary gives each word one tag, and many verbs carry a noun's (利用, 谋划, 压实,
战胜, 对标): the key phrase grammar then reads 利用连锁药店 or 对标对表省委 as noun phrases. A
word's contexts tell its class: a verb is followed by 了, 着, 过, an object or 地/得 and
preceded by an adverb, a modal or its subject; a noun is preceded by 的, a number or a verb and
followed by a verb, 的 or punctuation. For every word of two or more characters that the
training articles hold at least ``MIN_OCCURRENCES`` times, the share of each class of word
(:func:`context_class`) just before and just after it makes a vector of context features; a
logistic regression learns, on the words jieba tags ``v`` against those it tags ``n`` (most
are tagged right), which contexts are a verb's. Applied to the words jieba tags ``n``, it
finds those that stand where verbs stand; the file lists those with a probability of at
least ``THRESHOLD``. Only single words and their counts enter, never a sentence.

Words with a probability between ``AMBIGUOUS_THRESHOLD`` and ``THRESHOLD`` (对标 0.81, 感觉 0.77,
对表 0.67) are listed apart, as ``ambiguous``: real nouns sit in the same band (院长, 船舶, 政法),
so the grammar reads such a word as a verb only where the words around this occurrence say so
(after a name that is its subject and before its object: 孟州市 | 对标 | 对表 | 省委; before an
adjective that is its complement: 病人 | 感觉 | 不适), not wherever it stands.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from scripts.train.logistic import fit_logistic
from summarizer.terms.words import SentenceWords

MIN_OCCURRENCES: Final = 8
THRESHOLD: Final = 0.85
AMBIGUOUS_THRESHOLD: Final = 0.6
L2: Final = 1.0
# Classes of the word before or after: a few function words by their spelling, others by
# their part of speech.
_BY_TEXT: Final = {"了": "aspect", "着": "aspect", "过": "aspect", "的": "de", "地": "di", "得": "dei"}
_BY_TAG: Final = {
    **dict.fromkeys(("n", "nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "eng", "an", "vn", "nw"), "noun"),
    **dict.fromkeys(("v", "vd"), "verb"),
    **dict.fromkeys(("d", "ad"), "adverb"),
    **dict.fromkeys(("a", "b"), "adjective"),
    **dict.fromkeys(("m", "q", "mq"), "number"),
    "p": "preposition",
    "r": "pronoun",
    "f": "localiser",
    "c": "conjunction",
    "x": "punctuation",
    "t": "time",
}
CLASSES: Final = (
    "aspect", "de", "di", "dei", "noun", "verb", "adverb", "adjective", "number", "preposition",
    "pronoun", "localiser", "conjunction", "punctuation", "time", "other", "edge",
)  # fmt: skip
_INDEX: Final = {name: index for index, name in enumerate(CLASSES)}


def context_class(text: str, tag: str) -> int:
    return _INDEX[_BY_TEXT.get(text) or _BY_TAG.get(tag, "other")]


class ContextCounts:
    """Per word: how often each class of word stands before it and after it, and its tags."""

    def __init__(self) -> None:
        self.before: dict[str, npt.NDArray[np.float64]] = {}
        self.after: dict[str, npt.NDArray[np.float64]] = {}
        self.tags: dict[str, Counter[str]] = {}

    def add(self, sentences: Iterable[SentenceWords]) -> None:
        edge = _INDEX["edge"]
        for sentence in sentences:
            texts, pos = sentence.lowered, sentence.pos
            classes = [context_class(text, tag) for text, tag in zip(texts, pos, strict=True)]
            size = len(texts)
            for index in range(size):
                word = texts[index]
                if pos[index] == "x" or len(word) < 2:
                    continue
                if word not in self.before:
                    self.before[word] = np.zeros(len(CLASSES))
                    self.after[word] = np.zeros(len(CLASSES))
                    self.tags[word] = Counter()
                self.before[word][classes[index - 1] if index > 0 else edge] += 1.0
                self.after[word][classes[index + 1] if index + 1 < size else edge] += 1.0
                self.tags[word][pos[index]] += 1

    def major_tag(self, word: str) -> str:
        # Ties broken by the tag's spelling, so that runs agree.
        return min(self.tags[word].items(), key=lambda item: (-item[1], item[0]))[0]

    def features(self, word: str) -> npt.NDArray[np.float64]:
        """Log shares (smoothed) of the classes before and after the word."""
        before, after = self.before[word], self.after[word]
        smooth = 0.5
        return np.log(
            np.concatenate(
                [
                    (before + smooth) / (before.sum() + smooth * len(CLASSES)),
                    (after + smooth) / (after.sum() + smooth * len(CLASSES)),
                ]
            )
        )


def noun_tagged_verbs(counts: ContextCounts) -> tuple[list[str], list[str], dict[str, int]]:
    """The words jieba tags ``n`` that stand where verbs stand, those that stand there about as
    often as where nouns stand (``ambiguous``), each sorted, and the counts of the fit."""
    words = sorted(word for word, before in counts.before.items() if before.sum() >= MIN_OCCURRENCES)
    majors = {word: counts.major_tag(word) for word in words}
    labelled = [word for word in words if majors[word] in ("v", "n")]
    features = np.array([counts.features(word) for word in labelled])
    labels = np.array([1.0 if majors[word] == "v" else 0.0 for word in labelled])
    weights, bias = fit_logistic(features, labels, l2=L2)
    nouns = [word for word in words if majors[word] == "n"]
    scores = np.array([counts.features(word) for word in nouns]) @ weights + bias
    probabilities = 1.0 / (1.0 + np.exp(-scores))
    verbs = [word for word, value in zip(nouns, probabilities, strict=True) if value >= THRESHOLD]
    ambiguous = [
        word
        for word, value in zip(nouns, probabilities, strict=True)
        if AMBIGUOUS_THRESHOLD <= value < THRESHOLD
    ]
    return (
        sorted(verbs),
        sorted(ambiguous),
        {"words": len(words), "labelled": len(labelled), "nouns": len(nouns)},
    )


def write_verbs(path: Path, verbs: Sequence[str], ambiguous: Sequence[str], fit: dict[str, int]) -> Path:
    document = {
        "about": (
            "Verbs jieba tags as nouns, for summarizer.keyphrases, written by scripts/train/phrase_verbs.py "
            "(make train): nouns whose neighbours in the training articles are a verb's, by a logistic "
            f"regression on context classes fitted on words tagged v against n (probability >= {THRESHOLD}); "
            f"ambiguous: those from {AMBIGUOUS_THRESHOLD} to {THRESHOLD}, "
            "verbs only where their neighbours say so."
        ),
        "min_occurrences": MIN_OCCURRENCES,
        **fit,
        "verbs": list(verbs),
        "ambiguous": list(ambiguous),
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    return path

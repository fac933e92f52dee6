"""The tokenized view of one article that every stage of the pipeline shares.

The text is split and tokenized once; ranking, key phrases and headlines all read this.
(STUB builder: the engine issue replaces ``build_document`` with the real splitter and
tokenizer backends; the dataclasses are the contract.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    text: str
    pos: str  # jieba part-of-speech tag: n, nr, ns, nt, v, vn, a, m, x ...
    start: int  # offset in the article text


@dataclass(frozen=True)
class DocSentence:
    index: int
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    is_boilerplate: bool = False  # dateline, byline, credit: never in summary or headline


@dataclass(frozen=True)
class Document:
    text: str
    sentences: tuple[DocSentence, ...]


_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]*")


def build_document(text: str) -> Document:
    import jieba.posseg

    sentences = []
    for index, match in enumerate(m for m in _SENTENCE.finditer(text) if m.group().strip()):
        offset = match.start()
        tokens = []
        for pair in jieba.posseg.lcut(match.group()):
            tokens.append(Token(pair.word, pair.flag, offset))
            offset += len(pair.word)
        sentences.append(DocSentence(index, match.group(), match.start(), match.end(), tuple(tokens)))
    return Document(text, tuple(sentences))

"""Train the deletion model of the headline stage (``summarizer/data/headline_compression.json``).

Each training article's editor headline is aligned with the lead sentence that holds the most of
it (the longest common subsequence of their characters, among the first ``LEAD_SENTENCES``
content sentences, kept when it covers at least ``MIN_COVER`` of the headline): a word of that
sentence is labelled kept when the alignment holds at least half of its characters, dropped
otherwise (:func:`kept_labels`). A logistic regression over
:func:`summarizer.headline.compression.token_features` learns the keep probability.

The function-word table (whose identity is a feature) is the closed classes of words: the
prepositions, conjunctions, particles, adverbs, pronouns, localizers and marks said at least
``MIN_FUNCTION_COUNT`` times in the aligned sentences, and the words of the rules of form
(:data:`summarizer.headline.form.NEEDS_BEFORE`, :data:`~summarizer.headline.form.NEEDS_AFTER`).
No content word of the news is stored.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from scripts.train.data import TrainingRecord
from scripts.train.headline_inputs import HeadlineInput, headline_inputs
from summarizer.headline.clauses import clauses_of, sentence_tokens
from summarizer.headline.compression import SentenceBase, token_features
from summarizer.headline.model import COMPRESSION_FILE, WORDS_FILE, read_title_words
from summarizer.headline.ranking import ArticleView
from summarizer.headline.wordlists import NEEDS_AFTER, NEEDS_BEFORE
from summarizer.headline.words import ArticleWords, TitleWordModel

LEAD_SENTENCES = 3
MIN_COVER = 0.5
MIN_FUNCTION_COUNT = 30
MIN_FEATURE_COUNT = 5
REGULARIZATION = 0.5  # scikit-learn's C
DECIMALS = 5
_FUNCTION_POS = ("p", "c", "u", "d", "r", "f", "q", "y", "x")
# The characters the scorer counts (score.py's units: CJK characters, Latin letters, digits).
_COUNTED = re.compile(r"[A-Za-z0-9\u3400-\u9fff\uf900-\ufaff]")


def aligned_characters(sentence: str, title: str) -> list[bool]:
    """Which characters of ``sentence`` a longest common subsequence with ``title`` (counted
    characters only, lower case) holds."""
    a = sentence.lower()
    b = [c for c in title.lower() if _COUNTED.match(c)]
    rows = len(a)
    columns = len(b)
    table = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        row, below = table[i], table[i + 1]
        for j in range(columns - 1, -1, -1):
            if a[i] == b[j] and _COUNTED.match(a[i]):
                row[j] = below[j + 1] + 1
            else:
                row[j] = max(below[j], row[j + 1])
    held = [False] * rows
    i = j = 0
    while i < rows and j < columns:
        if a[i] == b[j] and _COUNTED.match(a[i]):
            held[i] = True
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return held


def kept_labels(texts: list[str], title: str) -> tuple[list[int], int]:
    """Per word (``texts``, in reading order): 1 if the alignment with ``title`` holds at least
    half of its counted characters, else 0 (-1 for a word with none, a mark); and how many
    characters of the title the alignment holds."""
    held = aligned_characters("".join(texts), title)
    labels: list[int] = []
    offset = 0
    for text in texts:
        counted = [k for k, c in enumerate(text) if _COUNTED.match(c)]
        if not counted:
            labels.append(-1)
        else:
            hits = sum(1 for k in counted if held[offset + k])
            labels.append(1 if 2 * hits >= len(counted) else 0)
        offset += len(text)
    return labels, sum(held)


def aligned_sentences(
    inputs: list[HeadlineInput], title_words: TitleWordModel
) -> list[tuple[SentenceBase, list[int], ArticleView]]:
    """Per article, its best-aligned lead sentence with the labels of its words."""
    found: list[tuple[SentenceBase, list[int], ArticleView]] = []
    for item in inputs:
        title = item.record.title
        size = len(_COUNTED.findall(title.lower()))
        if size == 0:
            continue
        content = item.document.content_sentences
        best: tuple[int, SentenceBase, list[int]] | None = None
        for sentence in content[:LEAD_SENTENCES]:
            tokens = sentence_tokens(sentence)
            base = SentenceBase(tokens, clauses_of(sentence.index, tokens))
            if not base.tokens:
                continue
            labels, held = kept_labels([t.text for t in base.tokens], title)
            if best is None or held > best[0]:
                best = (held, base, labels)
        if best is None or best[0] < MIN_COVER * size:
            continue
        article = ArticleView(ArticleWords(content, item.keywords), title_words)
        found.append((best[1], best[2], article))
    return found


def function_words(aligned: list[tuple[SentenceBase, list[int], ArticleView]]) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for base, _, _ in aligned:
        for token in base.tokens:
            if token.pos.startswith(_FUNCTION_POS) and not token.pos.startswith("eng"):
                counts[token.text] += 1
    table = {word for word, count in counts.items() if count >= MIN_FUNCTION_COUNT}
    return frozenset(table | NEEDS_AFTER | NEEDS_BEFORE)


def train(records: list[TrainingRecord], out_dir: Path, inputs: list[HeadlineInput] | None = None) -> Path:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    title_words = read_title_words(json.loads((out_dir / WORDS_FILE).read_text(encoding="utf-8")))
    aligned = aligned_sentences(headline_inputs(records) if inputs is None else inputs, title_words)
    table = function_words(aligned)
    rows: list[list[tuple[str, float]]] = []
    labels: list[int] = []
    for base, kept, article in aligned:
        for index, label in enumerate(kept):
            if label < 0:
                continue
            rows.append(token_features(base, index, table, article))
            labels.append(label)
    seen: Counter[str] = Counter(name for row in rows for name, _ in row)
    names = sorted(name for name, count in seen.items() if count >= MIN_FEATURE_COUNT)
    column = {name: k for k, name in enumerate(names)}
    data: list[float] = []
    indices: list[int] = []
    pointers = [0]
    for row in rows:
        for name, value in row:
            k = column.get(name, -1)
            if k >= 0:
                indices.append(k)
                data.append(value)
        pointers.append(len(indices))
    matrix = csr_matrix(
        (np.array(data), np.array(indices), np.array(pointers)), shape=(len(rows), len(names))
    )
    model = LogisticRegression(C=REGULARIZATION, max_iter=2000, solver="lbfgs")
    model.fit(matrix, np.array(labels))
    weights = {name: round(float(w), DECIMALS) for name, w in zip(names, model.coef_[0], strict=True)}
    used = sorted({name[2:] for name in weights if name.startswith("w=")})
    parameters = {
        "about": "Deletion model of headline compression: logistic weights over the features of "
        "summarizer/headline/compression.py, learned from the training articles' lead sentences "
        "aligned with the editors' headlines. Written by scripts/train/headline_compression.py; "
        f"{len(aligned)} sentences, {len(rows)} words, {sum(labels)} kept.",
        "bias": round(float(model.intercept_[0]), DECIMALS),
        "function_words": sorted(
            set(used) | {w for w in table if f"pw={w}" in weights or f"nw={w}" in weights}
        ),
        "weights": {name: w for name, w in weights.items() if w != 0.0},
    }
    path = out_dir / COMPRESSION_FILE
    path.write_text(
        json.dumps(parameters, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
    )
    return path

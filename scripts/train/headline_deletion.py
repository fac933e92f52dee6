"""Train the deletion model of the headline stage (``summarizer/data/headline_deletion.json``).

Each training headline is aligned with the sentence of its article that holds most of it (the
longest common subsequence of characters, over the first sentences); where that sentence holds
at least ``MIN_COVERAGE`` of the headline, every token of it is labelled kept or dropped as the
editor did (:func:`scripts.train.headline_inputs.aligned_keep`). A logistic regression over the
features of :func:`summarizer.headline.deletion.token_feature_values` learns which to drop.
"""

from __future__ import annotations

import json
from pathlib import Path

from scripts.train.data import TrainingRecord
from scripts.train.headline_inputs import SEARCHED_SENTENCES, HeadlineInput, aligned_keep, headline_inputs
from summarizer.document import Token
from summarizer.headline.clauses import CLAUSE_BREAKS, sentence_tokens, time_flags
from summarizer.headline.deletion import TEMPLATES, token_feature_values
from summarizer.headline.model import DELETION_FILE
from summarizer.headline.salience import word_weights
from summarizer.headline.suggest import DEFAULT_WEIGHTS

MIN_COVERAGE = 0.7
MIN_TITLE_CHARS = 4
REGULARIZATION = 0.1  # inverse strength (scikit-learn's C), chosen on held-out training tokens (AUC 0.745)
MIN_FEATURE_COUNT = 3  # a (template, value) seen fewer times gets no weight of its own
DECIMALS = 5


def labelled_tokens(inputs: list[HeadlineInput]) -> tuple[list[list[str]], list[int]]:
    """Feature names (``template=value``) and keep labels of every aligned token."""
    rows: list[list[str]] = []
    labels: list[int] = []
    for item in inputs:
        title = item.record.title
        if len(title) < MIN_TITLE_CHARS:
            continue
        best: tuple[float, int, list[bool]] | None = None
        sentences = item.document.content_sentences[:SEARCHED_SENTENCES]
        for order, sentence in enumerate(sentences):
            tokens = sentence_tokens(sentence)
            coverage, keep = aligned_keep(tokens, title)
            if best is None or coverage > best[0]:
                best = (coverage, order, keep)
        if best is None or best[0] < MIN_COVERAGE:
            continue
        sentence = sentences[best[1]]
        tokens = sentence_tokens(sentence)
        words = word_weights(
            item.document.content_sentences, item.keywords, keyword_share=DEFAULT_WEIGHTS.keyword_share
        )
        first, last = _clause_range(tokens, best[2])
        tokens = tokens[first:last]
        values = token_feature_values(tokens, time_flags(tokens), words.weights)
        for row, kept in zip(values, best[2][first:last], strict=True):
            rows.append([f"{TEMPLATES[k]}={value}" for k, value in enumerate(row) if value])
            labels.append(1 if kept else 0)
    return rows, labels


def _clause_range(tokens: tuple[Token, ...], keep: list[bool]) -> tuple[int, int]:
    """The clauses that hold the kept tokens: from the start of the first one's clause to the end
    of the last one's. The model is asked, as the engine asks it, what to drop from clauses
    already chosen; which clauses to choose is the ranker's question."""
    kept = [index for index, flag in enumerate(keep) if flag]
    if not kept:
        return 0, 0
    first = kept[0]
    while first > 0 and not _is_break(tokens[first - 1]):
        first -= 1
    last = kept[-1] + 1
    while last < len(tokens) and not _is_break(tokens[last]):
        last += 1
    return first, last


def _is_break(token: Token) -> bool:
    return token.pos == "x" and token.text in CLAUSE_BREAKS


def fit(rows: list[list[str]], labels: list[int]) -> dict[str, object]:
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for row in rows:
        for name in row:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(name for name, count in counts.items() if count >= MIN_FEATURE_COUNT)
    column = {name: index for index, name in enumerate(names)}
    from scipy.sparse import csr_matrix

    data, indices, pointers = [], [], [0]
    for row in rows:
        for index in sorted({column[name] for name in row if name in column}):
            indices.append(index)
            data.append(1.0)
        pointers.append(len(indices))
    matrix = csr_matrix((data, indices, pointers), shape=(len(rows), len(names)))
    model = LogisticRegression(C=REGULARIZATION, max_iter=2000, solver="lbfgs")
    model.fit(matrix, labels)
    tables: dict[str, dict[str, float]] = {template: {} for template in TEMPLATES}
    for name, weight in zip(names, model.coef_[0], strict=True):
        template, _, value = name.partition("=")
        rounded = round(float(weight), DECIMALS)
        if rounded:
            tables[template][value] = rounded
    return {"bias": round(float(model.intercept_[0]), DECIMALS), "tables": tables}


def train(records: list[TrainingRecord], out_dir: Path) -> Path:
    rows, labels = labelled_tokens(headline_inputs(records))
    parameters = {
        "about": "Deletion model of the headline stage: logistic regression weights per feature "
        "template and value (summarizer/headline/deletion.py). Written by "
        "scripts/train/headline_deletion.py from the training records; "
        f"{len(labels)} aligned tokens, {sum(labels)} kept.",
        **fit(rows, labels),
    }
    path = out_dir / DELETION_FILE
    path.write_text(
        json.dumps(parameters, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
    )
    return path

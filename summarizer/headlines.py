"""Headline suggestions: the article's own salient clauses, trimmed the way an editor would.

Candidates are clauses of the lead sentences and of the best-ranked sentences (see
:mod:`summarizer.headline.clauses` and :mod:`summarizer.headline.candidates`). Each is scored by the
salience of its words, the score of its sentence, its position (news puts the story in the lead)
and its length; the suggestions are then picked best first, skipping any that repeats one
already chosen.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from summarizer.document import DocSentence, Document
from summarizer.headline.candidates import clause_candidates, joined_candidate
from summarizer.headline.clauses import Clause, sentence_clauses
from summarizer.headline.salience import WordWeights, word_weights
from summarizer.result import Headline, ScoredText


@dataclass(frozen=True, kw_only=True)
class HeadlineWeights:
    """How candidates are scored; the defaults were set on articles of the kind served, not per text."""

    salience: float = 1.0
    density: float = 0.8  # salience per ten characters: a short headline saying as much is better
    sentence: float = 0.04
    position: float = 0.3
    too_short: float = 0.16
    too_long: float = 0.16
    # A clause opening on a preposition (与…一起, 在…, 为…) is a circumstance, not the news.
    circumstance: float = 0.1
    keyword_share: float = 0.5
    target_chars: int = 14
    min_chars: int = 6
    max_chars: int = 24
    shorten_above: int = 16
    lead_sentences: int = 4
    ranked_sentences: int = 4
    max_overlap: float = 0.5

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{field.name}: must be a number, not {type(value).__name__}")
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{field.name}: must be a finite number >= 0, got {value}")
        if not 1 <= self.min_chars <= self.max_chars:
            raise ValueError(
                f"min_chars: must be between 1 and max_chars ({self.max_chars}), got {self.min_chars}"
            )
        if self.target_chars < 1:
            raise ValueError(f"target_chars: must be at least 1, got {self.target_chars}")
        if self.keyword_share > 1 or self.max_overlap > 1:
            raise ValueError("keyword_share and max_overlap: must be at most 1")


DEFAULT_WEIGHTS: Final = HeadlineWeights()


def suggest_headlines(
    document: Document,
    sentence_scores: Sequence[float],
    keywords: Sequence[ScoredText],
    *,
    count: int,
    weights: HeadlineWeights = DEFAULT_WEIGHTS,
) -> tuple[Headline, ...]:
    """Up to ``count`` distinct headlines, best first, each naming the sentence it comes from."""
    if count <= 0:
        return ()
    sentences = _source_sentences(document.sentences, sentence_scores, weights=weights)
    if not sentences:
        return ()
    words = word_weights(document.content_sentences, keywords, keyword_share=weights.keyword_share)
    top_score = max((s for s in sentence_scores if _is_finite(s)), default=0.0)
    scored = _scored_candidates(sentences, sentence_scores, words, top_score, weights=weights)
    if not scored:
        # Only very short clauses (a one-line notice, a caption): a short suggestion beats none.
        short = dataclasses.replace(weights, min_chars=1)
        scored = _scored_candidates(sentences, sentence_scores, words, top_score, weights=short)
    scored.sort(key=lambda pair: (-pair[0], pair[1].sentence_index, pair[1].position, pair[1].text))
    return _pick_distinct(scored, count=count, max_overlap=weights.max_overlap)


def _scored_candidates(
    sentences: Sequence[tuple[int, DocSentence]],
    sentence_scores: Sequence[float],
    words: WordWeights,
    top_score: float,
    *,
    weights: HeadlineWeights,
) -> list[tuple[float, Clause]]:
    scored: list[tuple[float, Clause]] = []
    for order, sentence in sentences:
        relative = _sentence_score(sentence_scores, sentence.index) / top_score if top_score > 0 else 0.0
        sentence_term = weights.sentence * relative
        position_term = weights.position / (1.0 + order)
        for candidate in _candidates(sentence, weights=weights):
            salience = words.salience(candidate.tokens)
            score = _score(candidate, salience, sentence_term, position_term, weights=weights)
            scored.append((score, candidate))
    return scored


def _source_sentences(
    sentences: Sequence[DocSentence], scores: Sequence[float], *, weights: HeadlineWeights
) -> list[tuple[int, DocSentence]]:
    """The lead and the best-ranked sentences, each with its order among the article's own sentences."""
    usable = [s for s in sentences if not s.is_boilerplate]
    usable_scores = [_sentence_score(scores, s.index) for s in usable]
    # A stable sort, reversed, keeps the reading order among equal scores.
    by_score = sorted(range(len(usable)), key=usable_scores.__getitem__, reverse=True)
    best = by_score[: weights.ranked_sentences]
    chosen = sorted({*range(min(weights.lead_sentences, len(usable))), *best})
    return [(order, usable[order]) for order in chosen]


def _sentence_score(scores: Sequence[float], index: int) -> float:
    if 0 <= index < len(scores) and _is_finite(scores[index]):
        return float(scores[index])
    return 0.0


def _is_finite(value: float) -> bool:
    """``math.isfinite``, which the compiler leaves a Python call; NaN fails both comparisons."""
    return -math.inf < value < math.inf


def _candidates(sentence: DocSentence, *, weights: HeadlineWeights) -> list[Clause]:
    clauses = sentence_clauses(sentence)
    found: list[Clause] = []
    for clause in clauses:
        found.extend(
            clause_candidates(
                clause,
                min_chars=weights.min_chars,
                max_chars=weights.max_chars,
                shorten_above=weights.shorten_above,
            )
        )
    for first, second in itertools.pairwise(clauses):
        if second.position == first.position + 1:
            joined = joined_candidate(first, second, max_chars=weights.max_chars)
            if joined is not None:
                found.append(joined)
    return found


def _score(
    candidate: Clause,
    salience: float,
    sentence_term: float,
    position_term: float,
    *,
    weights: HeadlineWeights,
) -> float:
    """``sentence_term`` and ``position_term`` are the parts every candidate of a sentence shares,
    computed once per sentence (and added in the same order, so the sum is the same float)."""
    length = len(candidate.text)
    target = weights.target_chars
    return (
        weights.salience * salience
        + weights.density * salience * 10.0 / max(1, length)
        + sentence_term
        + position_term
        - weights.too_short * max(0, target - length) / target
        - weights.too_long * max(0, length - target) / target
        - (weights.circumstance if candidate.tokens[0].pos.startswith("p") else 0.0)
    )


def _pick_distinct(
    scored: Sequence[tuple[float, Clause]], *, count: int, max_overlap: float
) -> tuple[Headline, ...]:
    chosen: list[tuple[Headline, set[str]]] = []  # with the character pairs of each, made once
    for score, candidate in scored:
        if len(chosen) == count:
            break
        text = candidate.text
        pairs = _bigrams(text)
        if not any(
            _too_similar(text, pairs, h.text, h_pairs, max_overlap=max_overlap) for h, h_pairs in chosen
        ):
            chosen.append((Headline(text, round(score, 6), candidate.sentence_index), pairs))
    return tuple(headline for headline, _ in chosen)


def _too_similar(a: str, a_pairs: set[str], b: str, b_pairs: set[str], *, max_overlap: float) -> bool:
    if a in b or b in a:
        return True
    if not a_pairs or not b_pairs:
        return False
    return len(a_pairs & b_pairs) / min(len(a_pairs), len(b_pairs)) > max_overlap


def _bigrams(text: str) -> set[str]:
    return {text[index : index + 2] for index in range(len(text) - 1)}

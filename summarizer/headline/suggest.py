"""Headline suggestions: the article's own statements, compressed by deletion, ranked by a
model trained on real headlines.

Candidates come from the lead sentences and the best-ranked sentences
(:mod:`summarizer.headline.candidates`); those that break a rule of form
(:mod:`summarizer.headline.form`) are dropped; the ranker (:mod:`summarizer.headline.ranking`)
scores the rest; the suggestions are picked best first, skipping any that repeats one already
chosen. Each suggestion keeps its provenance: the sentence and the character spans it keeps.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from summarizer.document import DocSentence, Document, Token
from summarizer.headline.candidates import Candidate, sentence_candidates
from summarizer.headline.clauses import clauses_of, sentence_tokens, time_flags
from summarizer.headline.form import form_fault
from summarizer.headline.model import HeadlineModel, headline_model
from summarizer.headline.ranking import SentenceView, candidate_features
from summarizer.headline.salience import word_weights
from summarizer.result import Headline, ScoredText

_TOP_KEYWORDS: Final = 5


@dataclass(frozen=True, kw_only=True)
class HeadlineWeights:
    """Where candidates come from and how long they may be; how they are scored is learned."""

    min_chars: int = 6
    max_chars: int = 24
    shorten_above: int = 16
    lead_sentences: int = 4
    ranked_sentences: int = 4
    keyword_share: float = 0.5
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
    model: HeadlineModel | None = None,
) -> tuple[Headline, ...]:
    """Up to ``count`` distinct headlines, best first, each naming the sentence and the spans
    of it that it keeps. ``model`` defaults to the shipped one."""
    if count <= 0:
        return ()
    if model is None:
        model = headline_model()
    found = article_candidates(document, sentence_scores, keywords, weights=weights, model=model)
    if not found:
        # Only very short clauses (a one-line notice, a caption): a short suggestion beats none.
        short = dataclasses.replace(weights, min_chars=1)
        found = article_candidates(document, sentence_scores, keywords, weights=short, model=model)
    ranker = model.ranker
    scored = [(ranker.score(features), candidate) for candidate, features in found]
    scored.sort(key=lambda pair: (-pair[0], pair[1].sentence_index, pair[1].position, pair[1].text))
    return _pick_distinct(document.text, scored, count=count, max_overlap=weights.max_overlap)


def article_candidates(
    document: Document,
    sentence_scores: Sequence[float],
    keywords: Sequence[ScoredText],
    *,
    weights: HeadlineWeights,
    model: HeadlineModel | None,
) -> list[tuple[Candidate, list[float]]]:
    """Every candidate of good form with its ranking features (what the ranker is trained on);
    ``model`` None leaves the deletion model out (its candidates and confidence)."""
    sentences = _source_sentences(document.sentences, sentence_scores, weights=weights)
    if not sentences:
        return []
    words = word_weights(document.content_sentences, keywords, keyword_share=weights.keyword_share)
    top_keywords = [k.text for k in keywords[:_TOP_KEYWORDS] if k.text]
    title_words = model.title_words.probabilities(document.content_sentences, keywords) if model else {}
    top_score = max((s for s in sentence_scores if _is_finite(s)), default=0.0)
    found: list[tuple[Candidate, list[float]]] = []
    for order, sentence in sentences:
        tokens = sentence_tokens(sentence)
        if not tokens:
            continue
        keep = (
            model.deletion.keep_probabilities(tokens, time_flags(tokens), words.weights)
            if model is not None
            else None
        )
        relative = _sentence_score(sentence_scores, sentence.index) / top_score if top_score > 0 else 0.0
        view = SentenceView(tokens, keep or [], order, relative)
        candidates = sentence_candidates(
            sentence.index,
            tokens,
            clauses_of(sentence.index, tokens),
            keep,
            min_chars=weights.min_chars,
            max_chars=weights.max_chars,
            shorten_above=weights.shorten_above,
        )
        for candidate in candidates:
            if form_fault(candidate.tokens, _following(candidate, view)):
                continue
            salience = words.salience(candidate.tokens)
            found.append(
                (candidate, candidate_features(candidate, view, salience, title_words, top_keywords))
            )
    return found


def _following(candidate: Candidate, view: SentenceView) -> Token | None:
    """The sentence's token right after the candidate's last one (None at the sentence end)."""
    index = view.index_of.get(candidate.tokens[-1].start, -1)
    if index < 0 or index + 1 >= len(view.tokens):
        return None
    return view.tokens[index + 1]


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


def headline_spans(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """The character spans of ``tokens``: touching tokens make one span."""
    spans: list[tuple[int, int]] = []
    for token in tokens:
        start = token.start
        end = start + len(token.text)
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def spans_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The pieces of ``text`` at ``spans`` joined, with a space only where two ASCII letters or
    digits of different pieces meet (as they stood apart in the text)."""
    parts: list[str] = []
    for start, end in spans:
        piece = text[start:end]
        if parts and _is_ascii_word_character(parts[-1][-1:]) and _is_ascii_word_character(piece[:1]):
            parts.append(" ")
        parts.append(piece)
    return "".join(parts)


def _is_ascii_word_character(character: str) -> bool:
    return character.isascii() and character.isalnum()


def _pick_distinct(
    text: str, scored: Sequence[tuple[float, Candidate]], *, count: int, max_overlap: float
) -> tuple[Headline, ...]:
    chosen: list[tuple[Headline, str, set[str]]] = []  # with the character pairs of each, made once
    for score, candidate in scored:
        if len(chosen) == count:
            break
        words = candidate.text
        pairs = _bigrams(words)
        if any(_too_similar(words, pairs, w, w_pairs, max_overlap=max_overlap) for _, w, w_pairs in chosen):
            continue
        spans = headline_spans(candidate.tokens)
        headline = Headline(spans_text(text, spans), round(score, 6), candidate.sentence_index, tuple(spans))
        chosen.append((headline, words, pairs))
    return tuple(headline for headline, _, _ in chosen)


def _too_similar(a: str, a_pairs: set[str], b: str, b_pairs: set[str], *, max_overlap: float) -> bool:
    if a in b or b in a:
        return True
    if not a_pairs or not b_pairs:
        return False
    return len(a_pairs & b_pairs) / min(len(a_pairs), len(b_pairs)) > max_overlap


def _bigrams(text: str) -> set[str]:
    return {text[index : index + 2] for index in range(len(text) - 1)}

"""Headline suggestions: the article's own statements, compressed by deletion, ranked by a
model trained on real headlines.

Candidates come from the lead sentences and the best-ranked sentences
(:mod:`summarizer.headline.candidates`); those that break a rule of form
(:mod:`summarizer.headline.form`) are dropped; the ranker (:mod:`summarizer.headline.ranking`)
scores the rest; the suggestions are picked best first, skipping any that repeats one already
chosen. Each suggestion keeps its provenance: the sentence and the character spans it keeps.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from summarizer.document import DocSentence, Document, Token
from summarizer.headline.candidates import (
    CLAUSE,
    LEARNED,
    SUBJECT_PREDICATE,
    Candidate,
    holds_own_subject,
    narrating_subject,
    pointer_subject,
    sentence_candidates,
    sentence_subject,
)
from summarizer.headline.clauses import clauses_of, join_tokens, sentence_tokens
from summarizer.headline.compression import SentenceBase, chunk_deletions
from summarizer.headline.form import context_fault, form_fault, lost_subject, quotations
from summarizer.headline.model import HeadlineModel, headline_model
from summarizer.headline.ranking import ArticleView, SentenceView, candidate_features, sentence_features
from summarizer.headline.wordlists import CALLS, CLAUSE_MARKS, CLOSING_QUOTES, PERSONAL_PRONOUNS
from summarizer.headline.words import ArticleWords
from summarizer.result import Headline, ScoredText
from summarizer.subheadings import subheadings


@dataclass(frozen=True, kw_only=True)
class HeadlineWeights:
    """Where candidates come from, how long they may be and how the suggestions are picked
    among the best; how candidates are scored is learned (:mod:`summarizer.headline.ranking`).

    ``lead_sentences`` first and ``ranked_sentences`` best-ranked sentences are read; a
    candidate holds ``min_chars`` to ``max_chars`` characters, and a clause longer than
    ``shorten_above`` is also tried shorter; the suggestions after the first are picked among
    the ``diverse_pool`` best, each losing ``diversity`` times its overlap with those before it
    and none sharing more than ``max_overlap`` of its words with one. A candidate that does not
    state the story with its subject loses ``demotion`` from its score, so that it comes after
    those that do: a predicate whose sentence narrates a subject it points to (该市…: deletion
    cannot name the place), or a piece of a subheading of a series (:mod:`summarizer.subheadings`:
    标准创建聚合力。/ 精品创建添动力。), which heads a part of the story, not the story, and is
    offered only where the article gives nothing else."""

    min_chars: int = 6
    max_chars: int = 32
    shorten_above: int = 16
    lead_sentences: int = 3
    ranked_sentences: int = 4
    max_overlap: float = 0.5
    diversity: float = 1.5
    diverse_pool: int = 15
    demotion: float = 2.0

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
        if self.max_overlap > 1:
            raise ValueError("max_overlap: must be at most 1")
        if self.diverse_pool < 1:
            raise ValueError(f"diverse_pool: must be at least 1, got {self.diverse_pool}")


DEFAULT_WEIGHTS: Final = HeadlineWeights()
# The candidates the deletion model shortens: whole clauses and statements.
_COMPRESSIBLE: Final = frozenset((CLAUSE, SUBJECT_PREDICATE))
# The deletion model reads the first content sentence only, where most headlines come from, and
# only when it has a clause to shorten: on the first three it cost 0.49 M instructions per
# article (3.5%) and held the engine under 50x textrank4zh, for no better headlines than the
# lead alone gives.
_COMPRESSED_SENTENCES: Final = 1
# The weight of the lead-position prior in the sentence scores this stage reads: the blend its
# ranker was fitted on (scripts/train/headline_inputs.py captures what the engine passes). The
# summary's ``position_weight`` option does not move it.
SENTENCE_POSITION_WEIGHT: Final = 0.3
_QUOTE_MARK: Final = re.compile("[“”‘’《》「」『』]")
_SEMICOLONS: Final = frozenset("；;")
# The words of a call in a speech (我们要…, 必须…), which :func:`_call_sentences` looks for.
_CALL: Final = re.compile("|".join(sorted(CALLS)))


def suggest_headlines(
    document: Document,
    sentence_scores: Sequence[float],
    keywords: Sequence[ScoredText],
    *,
    count: int,
    weights: HeadlineWeights = DEFAULT_WEIGHTS,
    model: HeadlineModel | None = None,
    heads: frozenset[int] | None = None,
) -> tuple[Headline, ...]:
    """Up to ``count`` distinct headlines, best first, each naming the sentence and the spans
    of it that it keeps. ``model`` defaults to the shipped one; ``heads``, the article's
    subheadings of a series (:func:`summarizer.subheadings.subheadings`), are found here when
    not given (the engine finds them once for the summary and the headlines)."""
    if count <= 0:
        return ()
    if model is None:
        model = headline_model()
    if heads is None:
        heads = subheadings(document)
    found = _found(document, sentence_scores, keywords, weights=weights, model=model, heads=heads)
    if not found:
        # A speech opens on greetings and narrates as 我们: its calls (我们要加快…), which give
        # its headlines, may stand in any sentence. Where the lead and the best-ranked sentences
        # gave nothing, the best-ranked of the others that hold a word of a call are read.
        found = _found(
            document, sentence_scores, keywords, weights=weights, model=model, heads=heads, calls=True
        )
    if not found and len(document.sentences) > weights.lead_sentences + weights.ranked_sentences:
        # Still none (about one article in a hundred): every sentence is read.
        every = dataclasses.replace(weights, ranked_sentences=len(document.sentences))
        found = _found(document, sentence_scores, keywords, weights=every, model=model, heads=heads)
    if not found:
        # Only very short clauses (a one-line notice, a caption): a short suggestion beats none.
        short = dataclasses.replace(weights, min_chars=1)
        found = _found(document, sentence_scores, keywords, weights=short, model=model, heads=heads)
    ranker = model.ranker
    # Sorted on plain tuples (compared in C), the candidate's number last: best score first,
    # then reading order.
    ranked: list[tuple[float, int, int, str, int]] = []
    shared: list[float] | None = None
    shared_score = 0.0
    for number, (candidate, sentence_part, own, demoted) in enumerate(found):
        if sentence_part is not shared:
            shared = sentence_part
            shared_score = ranker.sentence_score(sentence_part)
        score = shared_score + ranker.candidate_score(own)
        if demoted:
            score -= weights.demotion
        ranked.append((-score, candidate.sentence_index, candidate.position, candidate.text, number))
    ranked.sort()
    scored = [(-entry[0], found[entry[4]][0]) for entry in ranked[: weights.diverse_pool]]
    return _pick_distinct(document.text, scored, count=count, weights=weights)


def article_candidates(
    document: Document,
    sentence_scores: Sequence[float],
    keywords: Sequence[ScoredText],
    *,
    weights: HeadlineWeights,
    model: HeadlineModel,
) -> list[tuple[Candidate, list[float]]]:
    """Every candidate of good form with all its ranking features (what the ranker is trained
    on), in the order of :data:`~summarizer.headline.ranking.FEATURES`."""
    found = _found(
        document, sentence_scores, keywords, weights=weights, model=model, heads=subheadings(document)
    )
    return [(candidate, sentence_part + own) for candidate, sentence_part, own, _ in found]


def _found(
    document: Document,
    sentence_scores: Sequence[float],
    keywords: Sequence[ScoredText],
    *,
    weights: HeadlineWeights,
    model: HeadlineModel,
    heads: frozenset[int],
    calls: bool = False,
) -> list[tuple[Candidate, list[float], list[float], bool]]:
    """Every candidate of good form with the features of its sentence (one list shared by the
    sentence's candidates), its own, and whether it loses ``weights.demotion`` (it does not
    state the story with its subject: see :class:`HeadlineWeights`); with ``calls``, of the
    sentences that hold a word of a call instead (:func:`_call_sentences`)."""
    sentences = _source_sentences(document.sentences, sentence_scores, weights=weights)
    if calls:
        sentences = _call_sentences(document.sentences, sentence_scores, sentences, weights=weights)
    if not sentences:
        return []
    content = document.content_sentences
    article = ArticleView(ArticleWords(content, keywords), model.title_words)
    top_score = max((s for s in sentence_scores if _is_finite(s)), default=0.0)
    found: list[tuple[Candidate, list[float], list[float], bool]] = []
    # The subject each sentence read so far narrates, by its order (for the next sentences).
    narrated: dict[int, tuple[Token, ...]] = {}
    for order, sentence in sentences:
        tokens = sentence_tokens(sentence)
        if not tokens:
            continue
        clauses = clauses_of(sentence.index, tokens)
        subject = sentence_subject(clauses)
        candidates = sentence_candidates(
            sentence.index,
            tokens,
            clauses,
            subject=subject,
            min_chars=weights.min_chars,
            max_chars=weights.max_chars,
            shorten_above=weights.shorten_above,
        )
        if not candidates:
            continue
        keep_odds: dict[int, float] = {}
        drop_total = 0.0
        if order < _COMPRESSED_SENTENCES and any(_compressible(c, weights) for c in candidates):
            base = SentenceBase(tokens, clauses)
            keep_odds, drop_total = _keep_odds(base, model.compression.keep_probabilities(base, article))
            candidates.extend(_learned(candidates, keep_odds, weights=weights))
        relative = _sentence_score(sentence_scores, sentence.index) / top_score if top_score > 0 else 0.0
        paragraph_first = order == 0 or content[order - 1].paragraph != sentence.paragraph
        view = SentenceView(tokens, order, relative, paragraph_first, len(clauses), keep_odds, drop_total)
        sentence_part = sentence_features(view)
        own_narrating = narrating_subject(clauses, subject)
        narrated[order] = own_narrating
        narrating = own_narrating or _continued_subject(content, order, narrated)
        heads_a_part = sentence.index in heads
        pointer = pointer_subject(clauses) if not subject[1] and not heads_a_part else ()
        pronoun_subject = bool(narrating) and narrating[0].text in PERSONAL_PRONOUNS
        # Most sentences hold no quotation mark: one scan of the text in C says so.
        quotes = quotations(tokens) if _QUOTE_MARK.search(sentence.text) else []
        for candidate in candidates:
            following = _following(candidate, view)
            if form_fault(candidate.tokens, tokens[following] if following < len(tokens) else None):
                continue
            # Whether the candidate opens on a subject with its predicate: read only after a
            # pronoun subject or in a sentence with quotations, so found only there.
            own_subject = bool(pronoun_subject or quotes) and holds_own_subject(candidate.tokens)
            if lost_subject(
                candidate.tokens, tokens, narrating, pronoun_subject and own_subject
            ) or context_fault(
                candidate.tokens,
                tokens,
                quotes,
                bisect.bisect_left(view.starts, candidate.tokens[0].start),
                # the last token's index is read for quotations only
                bisect.bisect_left(view.starts, candidate.tokens[-1].start) if quotes else -1,
                following,
                bool(quotes) and own_subject,
            ):
                continue
            demoted = heads_a_part or (bool(pointer) and _lost_in_a_clause(candidate.tokens, tokens, pointer))
            found.append((candidate, sentence_part, candidate_features(candidate, view, article), demoted))
    if heads and any(candidate.sentence_index not in heads for candidate, *_ in found):
        # A piece of a subheading of a series heads a part of the story, not the story: it is
        # offered only where the article gives nothing else.
        found = [entry for entry in found if entry[0].sentence_index not in heads]
    return found


def _continued_subject(
    content: Sequence[DocSentence], order: int, narrated: dict[int, tuple[Token, ...]]
) -> tuple[Token, ...]:
    """The subject that ``content[order]``, a sentence with none of its own, goes on narrating
    after a semicolon: the sentences split at ；, but the predicates after one are still the
    acts of the subject before it (该街道持续实施…；加强党员日常管理，…；坚持…考核党员；). The
    sentences before it in its paragraph that end on a semicolon are read back to the first
    with a subject (``narrated`` holds those of the sentences read already); ``()`` when there
    is none. Only for refusing candidates that lost it."""
    index = order
    while index > 0:
        before = content[index - 1]
        if before.paragraph != content[index].paragraph or before.text.rstrip()[-1:] not in _SEMICOLONS:
            return ()
        found = narrated.get(index - 1)
        if found is None:
            tokens = sentence_tokens(before)
            found = ()
            if tokens:
                clauses = clauses_of(before.index, tokens)
                found = narrating_subject(clauses, sentence_subject(clauses))
        if found:
            return found
        index -= 1
    return ()


def _lost_in_a_clause(
    tokens: tuple[Token, ...], sentence: tuple[Token, ...], subject: tuple[Token, ...]
) -> bool:
    """Whether a clause of ``tokens`` (a candidate of ``sentence``) states a predicate of
    ``subject`` without it (:func:`~summarizer.headline.form.lost_subject`): a clause with a
    subject of its own joined to one without (县级领导分包划片，组建了…专班) lost it too."""
    begin = 0
    for index in range(len(tokens) + 1):
        if index == len(tokens) or tokens[index].text in CLAUSE_MARKS:
            if begin < index and lost_subject(tokens[begin:index], sentence, subject, False):
                return True
            begin = index + 1
    return False


def _learned(
    candidates: list[Candidate], keep_odds: dict[int, float], *, weights: HeadlineWeights
) -> list[Candidate]:
    """The candidates the deletion model makes of the clauses and statements among
    ``candidates`` longer than ``weights.shorten_above``: each less the phrases it most wants
    dropped (:func:`~summarizer.headline.compression.chunk_deletions`), new texts only."""
    known = {candidate.text for candidate in candidates}
    made: list[Candidate] = []
    for candidate in candidates:
        if not _compressible(candidate, weights):
            continue
        for kept in chunk_deletions(candidate.tokens, keep_odds):
            text = join_tokens(kept)
            if weights.min_chars <= len(text) <= weights.max_chars and text not in known:
                known.add(text)
                made.append(Candidate(candidate.sentence_index, candidate.position, kept, text, LEARNED))
    return made


def _compressible(candidate: Candidate, weights: HeadlineWeights) -> bool:
    return candidate.kind in _COMPRESSIBLE and len(candidate.text) > weights.shorten_above


def _keep_odds(base: SentenceBase, probabilities: list[float]) -> tuple[dict[int, float], float]:
    """The log odds of keeping each word of ``base`` (by its start; marks left out), and the
    log probability of dropping them all."""
    odds: dict[int, float] = {}
    dropped = 0.0
    for index, token in enumerate(base.tokens):
        if token.pos == "x":
            continue
        probability = min(max(probabilities[index], 1e-6), 1.0 - 1e-6)
        drop = math.log(1.0 - probability)
        odds[token.start] = math.log(probability) - drop
        dropped += drop
    return odds, dropped


def _following(candidate: Candidate, view: SentenceView) -> int:
    """The index of the sentence's token right after the candidate's last one, past closing
    quotation marks (the sentence's length at its end)."""
    tokens = view.tokens
    following = bisect.bisect_right(view.starts, candidate.tokens[-1].start)
    # A closing quotation mark goes with the words it closes: the word after it is what follows.
    while following < len(tokens) and tokens[following].text in CLOSING_QUOTES:
        following += 1
    return following


def _source_sentences(
    sentences: Sequence[DocSentence], scores: Sequence[float], *, weights: HeadlineWeights
) -> list[tuple[int, DocSentence]]:
    """The lead and the best-ranked sentences, each with its order among the article's content
    sentences."""
    usable = [s for s in sentences if not s.is_boilerplate]
    usable_scores = [_sentence_score(scores, s.index) for s in usable]
    # A stable sort, reversed, keeps the reading order among equal scores.
    by_score = sorted(range(len(usable)), key=usable_scores.__getitem__, reverse=True)
    best = by_score[: weights.ranked_sentences]
    chosen = sorted({*range(min(weights.lead_sentences, len(usable))), *best})
    return [(order, usable[order]) for order in chosen]


def _call_sentences(
    sentences: Sequence[DocSentence],
    scores: Sequence[float],
    read: list[tuple[int, DocSentence]],
    *,
    weights: HeadlineWeights,
) -> list[tuple[int, DocSentence]]:
    """The ``weights.ranked_sentences`` best-ranked sentences not in ``read`` that hold a word of a
    call (要, 必须), each with its order among the content sentences."""
    usable = [s for s in sentences if not s.is_boilerplate]
    done = {sentence.index for _, sentence in read}
    # Best score first, then reading order (tuples compared in C).
    ranked = sorted(
        (-_sentence_score(scores, sentence.index), order)
        for order, sentence in enumerate(usable)
        if sentence.index not in done and _CALL.search(sentence.text) is not None
    )
    chosen = sorted(order for _, order in ranked[: weights.ranked_sentences])
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
    text: str, scored: Sequence[tuple[float, Candidate]], *, count: int, weights: HeadlineWeights
) -> tuple[Headline, ...]:
    """The best candidate, then each time the one whose score less ``weights.diversity`` times its
    overlap with those already chosen (the share of its words one of them holds) is highest:
    three suggestions that say different things are three chances. A candidate that one chosen
    holds whole, or that shares more than ``weights.max_overlap`` of its words with one, is never
    taken. A suggestion's score is the one it was chosen by, so the scores fall from the first
    to the last. ``scored`` are the best candidates, best first."""
    chosen: list[tuple[Headline, str, set[str]]] = []
    words_of: list[set[str] | None] = [None] * len(scored)  # made when first needed
    taken: set[int] = set()
    while len(chosen) < count:
        best = -1
        best_value = -math.inf
        for position in range(len(scored)):
            if position in taken:
                continue
            score, candidate = scored[position]
            if not chosen:
                best, best_value = position, score
                break
            words = words_of[position]
            if words is None:
                words = _words(candidate)
                words_of[position] = words
            overlap = 0.0
            for _, chosen_text, chosen_words in chosen:
                shared = _overlap(words, chosen_words)
                if (
                    shared > weights.max_overlap
                    or candidate.text in chosen_text
                    or chosen_text in candidate.text
                ):
                    overlap = -1.0
                    break
                if shared > overlap:
                    overlap = shared
            if overlap < 0:
                taken.add(position)
                continue
            value = score - weights.diversity * overlap
            if value > best_value:
                best, best_value = position, value
        if best < 0:
            break
        taken.add(best)
        candidate = scored[best][1]
        made = words_of[best]
        spans = headline_spans(candidate.tokens)
        headline = Headline(
            spans_text(text, spans), round(best_value, 6), candidate.sentence_index, tuple(spans)
        )
        chosen.append((headline, candidate.text, _words(candidate) if made is None else made))
    return tuple(headline for headline, _, _ in chosen)


def _words(candidate: Candidate) -> set[str]:
    """The distinct words of ``candidate`` (no punctuation)."""
    return {token.text for token in candidate.tokens if token.pos != "x"}


def _overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller set that the other holds."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))

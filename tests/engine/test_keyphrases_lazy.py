"""The lazy choice of key phrases picks exactly what re-scoring every phrase in every round
picks: same phrases, same order, same scores, ties and all."""

from __future__ import annotations

import math
import operator
from collections import Counter

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from summarizer.keyphrases import _diverse
from summarizer.rank.pagerank import ranking_order
from summarizer.result import ScoredText

# Few characters, so that phrases overlap, hold one another and repeat a pair; upper case so
# that lower-casing matters.
_CHARS = st.sampled_from(["a", "b", "A", "中", "国", "人"])
# Few values, so that gains tie.
_SALIENCE = st.sampled_from([0.0, 0.5, 1.0, 1.0, 2.0, math.sqrt(2.0)])


def _every_round(
    phrases: list[str], salience: list[float], text: str, covered: set[str], count: int
) -> tuple[ScoredText, ...]:
    """Greedy coverage the plain way: every phrase re-scored in every round."""
    frequency = Counter(map(operator.add, text, text[1:]))
    pair_sets = [set(map(operator.add, phrase.lower(), phrase.lower()[1:])) for phrase in phrases]
    said: set[str] = set()
    available = [True] * len(phrases)
    chosen: list[tuple[str, float]] = []
    while len(chosen) < count and any(available):
        gains = []
        for index, pairs in enumerate(pair_sets):
            unsaid = pairs - said
            gained = float(sum(frequency[pair] for pair in unsaid if pair not in covered))
            novelty = math.sqrt(len(unsaid) / max(len(pairs), 1))
            gains.append(salience[index] * gained * novelty if available[index] else -math.inf)
        best = int(ranking_order(np.array(gains))[0])
        if gains[best] <= 0 and chosen:
            break
        chosen.append((phrases[best], gains[best]))
        said |= pair_sets[best]
        available = [
            free and phrase not in phrases[best] for free, phrase in zip(available, phrases, strict=True)
        ]
    top = max(gain for _, gain in chosen)
    return tuple(ScoredText(phrase, gain / top if top > 0 else 0.0) for phrase, gain in chosen)


@given(
    st.lists(
        st.tuples(st.text(_CHARS, min_size=1, max_size=6), _SALIENCE),
        min_size=1,
        max_size=14,
        unique_by=lambda item: item[0],
    ),
    st.text(_CHARS, max_size=40),
    st.sets(st.tuples(_CHARS, _CHARS).map("".join), max_size=3),
    st.integers(min_value=1, max_value=6),
)
def test_lazy_choice_equals_rescoring_every_phrase_every_round(
    scored: list[tuple[str, float]], text: str, covered: set[str], count: int
) -> None:
    phrases = [phrase for phrase, _ in scored]
    salience = [value for _, value in scored]
    lazy = _diverse(phrases, salience, text=text.lower(), covered=covered, count=count)
    assert lazy == _every_round(phrases, salience, text.lower(), covered, count)


def test_a_phrase_inside_a_chosen_one_is_never_chosen() -> None:
    phrases = ["中国人", "中国", "国人", "ab"]
    chosen = _diverse(phrases, [2.0, 1.0, 1.0, 0.1], text="中国人中国人ab", covered=set(), count=4)
    assert [phrase.text for phrase in chosen] == ["中国人", "ab"]


def test_a_phrase_inside_a_chosen_one_is_dropped_even_when_lower_case_tells_it_apart() -> None:
    """ΑΣ is inside ΑΣΑ, but a final sigma lower-cases otherwise (ας, ασα): its pair is new."""
    chosen = _diverse(["ΑΣΑ", "ΑΣ"], [2.0, 1.0], text="ασα ας", covered=set(), count=2)
    assert [phrase.text for phrase in chosen] == ["ΑΣΑ"]

"""Summary selection: the best sentences that fit, without repeating one another.

Sentences are taken greedily by maximal marginal relevance (score minus ``redundancy`` times
the word overlap with what is already chosen) while they fit the character budget, which is
never exceeded. When the very first choice is longer than the whole budget it is cut at the
last clause boundary that fits (or, lacking one, at the last word boundary), never dropped.
The summary is returned in reading order. A sentence that says nothing alone (a label line, a
lead-in ending on a colon, an attribution alone: :func:`_no_summary_material`) is never taken.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from typing import Final

from summarizer.document import DocSentence, Document
from summarizer.result import Sentence
from summarizer.subheadings import subheadings
from summarizer.text.punctuation import FINAL_MARKS, LINE_BREAK, ends_a_statement
from summarizer.text.speech import SPEECH_VERBS

CLAUSE_MARKS: Final = frozenset("，、：；,:;—")
DEFAULT_SENTENCE_COUNT: Final = 3
_COLONS: Final = frozenset("：:")
# A line this short (spaces aside) without a final mark is a label, not a statement: a column
# tag, a section heading, a place (核心阅读, 背景故事, 莫斯科, ·广告·). Summaries took 319 short
# unmarked lines on People's Daily dev, only because they fitted the budget left. Longer
# unmarked lines are often subheadings that say what the story says; up to 8 characters
# (年味的记忆, 收获更多自信和勇气) the summaries of THUCNews lost 0.004 of recall.
LABEL_MAX_CHARS: Final = 6
# Longer unmarked lines are labels too when their form says so: an item of a numbered list
# (二、添加帮派系统功能, (四)眼睛周围, 3、眼神不撒谎) or a field and its value (参考价：暂无报价,
# 伤身程度：★★★★★, 进入条件：15级以上玩家). Up to this length, spaces aside. They took 120 of
# 2,209 THUCNews summaries; without them recall fell by 0.002 there (the fields of a product
# sheet share the title's words), which the form is worth.
_SHAPED_LABEL_MAX_CHARS: Final = 20
_SHAPED_LABEL: Final = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|[^：:，,。\s]{1,6}[：:]\s*\S)"
)
# An attribution alone (刘家奇说。 after the quotation it closes) holds a speaker, a verb of
# saying and at most its object (告诉记者): a few words.
_ATTRIBUTION_MAX_WORDS: Final = 4
_ATTRIBUTION_MAX_CHARS: Final = 20  # four words and the full stop, and more


class _Candidate:
    """A sentence in the running and its greatest overlap with the sentences chosen so far.
    Its terms are collected only when an overlap needs them (the first pick needs none and the
    budget rules most sentences out), and each chosen sentence is compared with it once."""

    __slots__ = ("_terms", "compared", "marked", "overlap", "score", "sentence")

    def __init__(self, sentence: DocSentence, score: float) -> None:
        self.sentence = sentence
        self.score = score
        self.marked = ends_a_statement(sentence.text)  # or a line break follows it when joined
        self.overlap = 0.0
        self.compared = 0  # how many of the chosen sentences ``overlap`` covers
        self._terms: frozenset[str] | None = None

    def terms(self, stop_words: frozenset[str]) -> frozenset[str]:
        if self._terms is None:
            self._terms = frozenset(self.sentence.lowered_words).difference(stop_words)
        return self._terms

    def compare_with(self, chosen_terms: Sequence[frozenset[str]], stop_words: frozenset[str]) -> None:
        for terms in chosen_terms[self.compared :]:
            self.overlap = max(self.overlap, _overlap(self.terms(stop_words), terms))
        self.compared = len(chosen_terms)


def select_summary(
    document: Document,
    scores: Sequence[float],
    *,
    max_chars: int | None,
    sentences: int | None,
    redundancy: float,
    stop_words: frozenset[str],
    heads: frozenset[int] | None = None,
) -> tuple[Sentence, ...]:
    """The summary's sentences in text order. ``heads`` are the article's subheadings of a
    series (:func:`summarizer.subheadings.subheadings`, found here when not given: the engine
    finds them once for the summary and the headlines)."""
    limit = (
        sentences if sentences is not None else (None if max_chars is not None else DEFAULT_SENTENCE_COUNT)
    )
    budget = max_chars
    passed_over = _no_summary_material(document, subheadings(document) if heads is None else heads)
    pool = [
        _Candidate(sentence, scores[sentence.index])
        for sentence in document.content_sentences
        if scores[sentence.index] > 0 and sentence.index not in passed_over
    ]
    # Best score first: a candidate's marginal relevance is at most ``(1 - redundancy) * score``
    # (overlaps are not negative), so the search for the best one stops at the first candidate
    # whose bound falls below the best found, and most never need their overlaps.
    pool.sort(key=lambda c: -c.score)
    chosen: list[Sentence] = []
    chosen_terms: list[frozenset[str]] = []
    seen_texts: set[str] = set()
    joined = _JoinedLength()
    while pool and (limit is None or len(chosen) < limit):
        if budget is not None and chosen:
            pool = [
                c
                for c in pool
                if joined.length_with(c.sentence.index, len(c.sentence.text), c.marked) <= budget
            ]
            if not pool:
                break
        best = _most_relevant(pool, chosen_terms, redundancy, stop_words)
        pool.remove(best)
        text = best.sentence.text
        if text in seen_texts:
            continue
        was_cut = budget is not None and len(text) > budget
        if was_cut:
            cut = cut_to_budget(best.sentence, budget or 0)
            if cut is None:
                continue
            text = cut
        seen_texts.add(best.sentence.text)
        end = best.sentence.start + len(text)
        chosen.append(Sentence(best.sentence.index, text, best.sentence.start, end, best.score))
        chosen_terms.append(best.terms(stop_words))
        joined.add(best.sentence.index, len(text), ends_a_statement(text) if was_cut else best.marked)
        if was_cut:
            # A sentence cut mid-way has no final mark: whatever followed it would read as its
            # continuation, so the cut one stands alone.
            break
    return tuple(sorted(chosen, key=lambda s: s.index))


def _no_summary_material(document: Document, heads: frozenset[int]) -> frozenset[int]:
    """The sentences that say nothing without the ones around them: a label (a short line
    without a final mark), a lead-in, which ends on a colon and introduces the lines after it
    (同志们，朋友们：, 具体内容如下：), and an attribution alone (刘家奇说。, closing the
    quotation before it). When every content sentence is one, none is passed over, so that
    such a text still has a summary. ``heads``, the subheadings of a series, are passed over
    too."""
    # The length is read first: most sentences are too long to be any of them, and their
    # words need not be looked at.
    passed_over = frozenset(
        sentence.index
        for sentence in document.content_sentences
        if sentence.text[-1] in _COLONS
        or (len(sentence.text) <= _ATTRIBUTION_MAX_CHARS and _attribution_alone(sentence))
        or (_is_label(sentence.text) and _alone_on_its_line(sentence, document.sentences))
    ).union(heads)
    return passed_over if len(passed_over) < len(document.content_sentences) else frozenset()


def _is_label(line: str) -> bool:
    # Most lines end on a final mark: only the rest have their characters counted.
    if line[-1] in FINAL_MARKS:
        return False
    length = sum(not char.isspace() for char in line)
    # A comma inside makes a list item a statement (1、肉放心吃，蔬菜多多吃).
    return length <= LABEL_MAX_CHARS or (
        length <= _SHAPED_LABEL_MAX_CHARS
        and _SHAPED_LABEL.match(line.lstrip()) is not None
        and "，" not in line
        and "," not in line
    )


def _alone_on_its_line(sentence: DocSentence, sentences: Sequence[DocSentence]) -> bool:
    index = sentence.index  # its place in ``sentences``, the document's
    before = index == 0 or sentences[index - 1].paragraph != sentence.paragraph
    after = index + 1 == len(sentences) or sentences[index + 1].paragraph != sentence.paragraph
    return before and after


def _attribution_alone(sentence: DocSentence) -> bool:
    if sentence.text[-1] != "。":
        return False
    words = [token for token in sentence.tokens if token.is_word]
    if not words or len(words) > _ATTRIBUTION_MAX_WORDS:
        return False
    if words[-1].text == "记者" and len(words) > 1:  # …告诉记者
        words.pop()
    last = words[-1]
    # jieba glues 说 to a name it does not know (张三说, tagged a name).
    return last.text in SPEECH_VERBS or (last.pos.startswith("nr") and last.text.endswith("说"))


def _most_relevant(
    pool: Sequence[_Candidate],
    chosen_terms: Sequence[frozenset[str]],
    redundancy: float,
    stop_words: frozenset[str],
) -> _Candidate:
    """The candidate of maximal marginal relevance (ties go to the earlier sentence) in
    ``pool``, which holds the best scores first."""
    best = pool[0]
    best_key = (-math.inf, 0)
    for candidate in pool:
        if (1.0 - redundancy) * candidate.score < best_key[0]:
            break
        candidate.compare_with(chosen_terms, stop_words)
        key = (
            (1.0 - redundancy) * candidate.score - redundancy * candidate.overlap,
            -candidate.sentence.index,
        )
        if key > best_key:
            best, best_key = candidate, key
    return best


class _JoinedLength:
    """The length of the chosen sentences as they read joined in text order
    (:func:`summarizer.text.punctuation.join_sentences`): their characters and a line break after
    each but the last that ends without a final mark."""

    __slots__ = ("all_marked", "indices", "length", "marked")

    def __init__(self) -> None:
        self.indices: list[int] = []  # of the chosen sentences, ascending
        self.marked: list[bool] = []  # whether each ends on a final mark
        self.all_marked = True
        self.length = 0

    def length_with(self, index: int, chars: int, marked: bool) -> int:
        """The length once sentence ``index`` of ``chars`` characters is chosen too."""
        if marked and self.all_marked:  # most sentences: no line break anywhere
            return self.length + chars
        place = bisect.bisect_left(self.indices, index)
        if place < len(self.indices):  # a chosen sentence follows it
            extra = 0 if marked else len(LINE_BREAK)
        else:  # the last: the one before it, if any, is followed now
            extra = 0 if place == 0 or self.marked[place - 1] else len(LINE_BREAK)
        return self.length + chars + extra

    def add(self, index: int, chars: int, marked: bool) -> None:
        self.length = self.length_with(index, chars, marked)
        place = bisect.bisect_left(self.indices, index)
        self.indices.insert(place, index)
        self.marked.insert(place, marked)
        self.all_marked = self.all_marked and marked


def cut_to_budget(sentence: DocSentence, budget: int) -> str | None:
    """The longest prefix of ``sentence`` within ``budget`` that ends before a clause mark,
    else at a word boundary; None when not even the first word fits."""
    text = sentence.text
    clause_end = max((i for i in range(1, min(len(text), budget + 1)) if text[i] in CLAUSE_MARKS), default=0)
    if clause_end:
        return text[:clause_end]
    word_end = 0
    for token in sentence.tokens:
        end = token.end - sentence.start
        if end > budget:
            break
        word_end = end
    return text[:word_end].rstrip() or None


def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return float(len(first & second) / math.sqrt(len(first) * len(second)))

"""A learned deletion model: which words of a sentence an editor keeps in the headline.

The tagger is a logistic model over sparse features of each word of a sentence's clauses (its
word class and its neighbours', a closed table of function words, where it stands in the
sentence and its clause, how far from the clause's first verb, whether it is quoted or a name,
its title probability and its weight in the article). It is trained
(``scripts/train/headline_compression.py``) on the training articles' lead sentences aligned
with the editors' headlines: a word is kept when the headline holds its characters in order
(the longest common subsequence of the two).

:func:`compressed_candidates` turns the keep probabilities into candidates: the words are
grouped into units that go whole (a quotation, a name, a number with its measure word, 的 with
the words on both sides, a list joined by 、 or 和), and at each of a few thresholds the units
whose mean probability reaches it are kept, in reading order. A deletion that takes a verb's
object away, or keeps a comma with nothing on one side, is refused here; the rules of form
(:mod:`summarizer.headline.form`) judge the rest as they judge every candidate.
"""

from __future__ import annotations

import math
from typing import Final

from summarizer.document import Token
from summarizer.headline import tag_classes as tc
from summarizer.headline.clauses import Clause, trim
from summarizer.headline.ranking import ArticleView
from summarizer.headline.wordlists import (
    ASPECT_MARKS,
    CLAUSE_MARKS,
    DEMONSTRATIVE_CHARACTERS,
    LIST_CONJUNCTIONS,
    NEGATION_AND_TIME_ADVERBS,
    OBJECT_FRONTING,
    QUOTE_PAIRS,
    word_set,
)

# Tag classes kept as they are (the first two letters of the tag, else the first one).
_TWO_LETTER_TAGS: Final = frozenset(("nr", "ns", "nt", "nz", "vn", "vd", "ad", "an", "ng", "vg", "ag", "eng"))
_GLUE_BOTH: Final = frozenset(("的", "之", "地", "得", "、"))
_MEANING_POS: Final = tc.M | tc.Q | tc.F | tc.R | tc.C | tc.VN
_MEANING_WORDS: Final = NEGATION_AND_TIME_ADVERBS | word_set("不 没 未 将 已 曾 仍 再 等 等等")
# Nominal words and determiners: two of them meeting read as one phrase.
_JOINING_POS: Final = tc.N | tc.VN | tc.M | tc.Q | tc.J | tc.ENG | tc.B | tc.K | tc.R | tc.S | tc.L
# Words that front an object before their verb (将镜头定格…): what follows them stays.
_GOVERNS_BEFORE_VERB: Final = OBJECT_FRONTING | word_set("被 对 让 使 给")
_NOMINAL_POS: Final = tc.N | tc.VN | tc.M | tc.Q | tc.J | tc.ENG | tc.B | tc.K
# How much less likely to be kept than the candidate's words on average (in log odds, summed
# over its words) a run must be for the deletion model to drop it.
MIN_GAIN: Final = 0.3
MAX_RUNS: Final = 3


def tag_class(pos: str) -> str:
    """The tag a feature reads: a name, verbal noun or the like keeps two letters, others one."""
    two = pos[:2]
    if two in _TWO_LETTER_TAGS:
        return "eng" if two == "en" else two
    return pos[:1] or "?"


def is_main_verb(token: Token) -> bool:
    return tc.is_verb(token)


class SentenceBase:
    """The words a compression may keep: the tokens of the sentence's clauses (trimmed as
    :mod:`~summarizer.headline.clauses` trims them) with the break between two neighbouring
    clauses, and what each feature reads of where a word stands."""

    def __init__(self, tokens: tuple[Token, ...], clauses: tuple[Clause, ...]) -> None:
        starts: dict[int, int] = {}
        for clause in clauses:
            for token in clause.tokens:
                starts[token.start] = clause.position
        base: list[Token] = []
        clause_of: list[int] = []
        previous_clause = -1
        for token in tokens:
            position = starts.get(token.start, -1)
            if position >= 0:
                base.append(token)
                clause_of.append(position)
                previous_clause = position
            elif (
                token.pos == "x"
                and token.text in CLAUSE_MARKS
                and previous_clause >= 0
                and base
                and base[-1].pos != "x"
            ):
                base.append(token)
                clause_of.append(previous_clause)
        while base and base[-1].pos == "x" and base[-1].text in CLAUSE_MARKS:
            base.pop()
            clause_of.pop()
        self.tokens: Final[tuple[Token, ...]] = tuple(base)
        self.clause_of: Final[list[int]] = clause_of
        self.classes: Final[list[str]] = [tag_class(token.pos) for token in base]
        # Quoted (inside “” or 《》), and the first verb of each clause.
        quoted: list[bool] = []
        closer = ""
        first_verb: dict[int, int] = {}
        for index, token in enumerate(base):
            text = token.text
            if closer:
                quoted.append(True)
                if text == closer:
                    closer = ""
            elif text in QUOTE_PAIRS:
                closer = QUOTE_PAIRS[text]
                quoted.append(True)
            else:
                quoted.append(False)
                if is_main_verb(token) and clause_of[index] not in first_verb:
                    first_verb[clause_of[index]] = index
        self.quoted: Final[list[bool]] = quoted
        self.first_verb: Final[dict[int, int]] = first_verb
        first_clause = clause_of[0] if clause_of else 0
        self.first_clause: Final[int] = first_clause


def token_features(
    base: SentenceBase, index: int, function_words: frozenset[str], article: ArticleView
) -> list[tuple[str, float]]:
    """The features of ``base.tokens[index]``: names with values (1.0 for an indicator)."""
    tokens = base.tokens
    count = len(tokens)
    token = tokens[index]
    text = token.text
    tag = tag_class(token.pos)
    previous = tokens[index - 1] if index > 0 else None
    following = tokens[index + 1] if index + 1 < count else None
    previous_tag = tag_class(previous.pos) if previous is not None else "^"
    next_tag = tag_class(following.pos) if following is not None else "$"
    features: list[tuple[str, float]] = [
        ("t=" + tag, 1.0),
        ("pt=" + previous_tag, 1.0),
        ("nt=" + next_tag, 1.0),
        ("pt_t=" + previous_tag + "_" + tag, 1.0),
        ("t_nt=" + tag + "_" + next_tag, 1.0),
    ]
    if text in function_words:
        features.append(("w=" + text, 1.0))
    if previous is not None and previous.text in function_words:
        features.append(("pw=" + previous.text, 1.0))
    if following is not None and following.text in function_words:
        features.append(("nw=" + following.text, 1.0))
    if base.quoted[index]:
        features.append(("quoted", 1.0))
    clause = base.clause_of[index] - base.first_clause
    features.append(("clause=" + str(min(clause, 3)), 1.0))
    features.append(("place=" + str(min(4, 5 * index // max(1, count))), 1.0))
    if index == 0:
        features.append(("first", 1.0))
    verb = base.first_verb.get(base.clause_of[index], -1)
    if verb < 0:
        features.append(("no_verb", 1.0))
    else:
        distance = index - verb
        bucket = max(-4, min(4, distance))
        features.append(("verb=" + str(bucket), 1.0))
        features.append(("verb_t=" + str(max(-1, min(1, distance))) + "_" + tag, 1.0))
    size = len(text)
    features.append(("len=" + str(min(size, 4)), 1.0))
    if tag != "x":
        view = article.word(text)
        if view.kinds:
            features.append(("title_p", view.probability))
            reference = article.words.reference
            features.append(("weight", min(1.0, view.weight / reference) if reference > 0 else 0.0))
            features.append(("content", 1.0))
    return features


def _table(weights: dict[str, float], prefix: str) -> dict[str, float]:
    return {name[len(prefix) :]: value for name, value in weights.items() if name.startswith(prefix)}


def _pair_table(weights: dict[str, float], prefix: str) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for key, value in _table(weights, prefix).items():
        first, _, second = key.partition("_")
        table.setdefault(first, {})[second] = value
    return table


def _int_table(weights: dict[str, float], prefix: str) -> dict[int, float]:
    return {int(key): value for key, value in _table(weights, prefix).items()}


class CompressionModel:
    """The tagger's weights: a bias, a weight per feature name of :func:`token_features`
    (absent names weigh nothing) and the closed table of function words whose identity is a
    feature. :meth:`keep_probabilities` adds the same weights without naming the features: the
    weights are split by feature kind into tables read by tag, word or number (a test holds the
    two equal)."""

    def __init__(self, bias: float, weights: dict[str, float], function_words: frozenset[str]) -> None:
        self.bias: Final[float] = bias
        self.weights: Final[dict[str, float]] = weights
        self.function_words: Final[frozenset[str]] = function_words
        self._tag: Final = _table(weights, "t=")
        self._previous_tag: Final = _table(weights, "pt=")
        self._next_tag: Final = _table(weights, "nt=")
        self._previous_pair: Final = _pair_table(weights, "pt_t=")
        self._next_pair: Final = _pair_table(weights, "t_nt=")
        # Only function words have weights of their own (the trainer names no other word).
        self._word: Final = _table(weights, "w=")
        self._previous_word: Final = _table(weights, "pw=")
        self._next_word: Final = _table(weights, "nw=")
        self._clause: Final = _int_table(weights, "clause=")
        self._place: Final = _int_table(weights, "place=")
        self._verb: Final = _int_table(weights, "verb=")
        verb_tag: dict[int, dict[str, float]] = {}
        for key, table in _pair_table(weights, "verb_t=").items():
            verb_tag[int(key)] = table
        self._verb_tag: Final = verb_tag
        self._length: Final = _int_table(weights, "len=")
        self._quoted: Final = weights.get("quoted", 0.0)
        self._first: Final = weights.get("first", 0.0)
        self._no_verb: Final = weights.get("no_verb", 0.0)
        self._title_probability: Final = weights.get("title_p", 0.0)
        self._weight: Final = weights.get("weight", 0.0)
        self._content: Final = weights.get("content", 0.0)

    def named_probability(self, base: SentenceBase, index: int, article: ArticleView) -> float:
        """The keep probability of one word from its named features (what the trainer fits)."""
        total = self.bias
        for name, value in token_features(base, index, self.function_words, article):
            total += self.weights.get(name, 0.0) * value
        return _logistic(total)

    def keep_probabilities(self, base: SentenceBase, article: ArticleView) -> list[float]:
        """The probability that the editor keeps each word of ``base``."""
        tokens = base.tokens
        count = len(tokens)
        classes = base.classes
        empty: dict[str, float] = {}
        reference = article.words.reference
        probabilities: list[float] = []
        for index in range(count):
            token = tokens[index]
            text = token.text
            tag = classes[index]
            previous_tag = classes[index - 1] if index > 0 else "^"
            next_tag = classes[index + 1] if index + 1 < count else "$"
            total = self.bias
            total += self._tag.get(tag, 0.0)
            total += self._previous_tag.get(previous_tag, 0.0)
            total += self._next_tag.get(next_tag, 0.0)
            total += self._previous_pair.get(previous_tag, empty).get(tag, 0.0)
            total += self._next_pair.get(tag, empty).get(next_tag, 0.0)
            total += self._word.get(text, 0.0)
            if index > 0:
                total += self._previous_word.get(tokens[index - 1].text, 0.0)
            if index + 1 < count:
                total += self._next_word.get(tokens[index + 1].text, 0.0)
            if base.quoted[index]:
                total += self._quoted
            clause = base.clause_of[index]
            total += self._clause.get(min(clause - base.first_clause, 3), 0.0)
            total += self._place.get(min(4, 5 * index // count), 0.0)
            if index == 0:
                total += self._first
            verb = base.first_verb.get(clause, -1)
            if verb < 0:
                total += self._no_verb
            else:
                distance = index - verb
                total += self._verb.get(max(-4, min(4, distance)), 0.0)
                total += self._verb_tag.get(max(-1, min(1, distance)), empty).get(tag, 0.0)
            total += self._length.get(min(len(text), 4), 0.0)
            if tag != "x":
                view = article.word(text)
                if view.kinds:
                    total += self._title_probability * view.probability + self._content
                    if reference > 0:
                        total += self._weight * min(1.0, view.weight / reference)
            probabilities.append(_logistic(total))
        return probabilities


def _logistic(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))


def units(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """The ranges of ``tokens`` that are kept or dropped whole, in reading order: a quotation, a
    run of names, a number with its measure words, a word with 的 (地, 得, 、) and the word after
    it, a verb with its aspect mark, two words joined by 和 (与, 及, 或)."""
    count = len(tokens)
    bounds: list[tuple[int, int]] = []
    index = 0
    while index < count:
        token = tokens[index]
        end = index + 1
        closer = QUOTE_PAIRS.get(token.text, "")
        if closer:
            while end < count and tokens[end - 1].text != closer:
                end += 1
        elif tc.classes(token) & tc.NAME:
            while end < count and tc.classes(tokens[end]) & tc.NAME:
                end += 1
        elif tc.classes(token) & tc.M:
            while end < count and tc.classes(tokens[end]) & (tc.M | tc.Q):
                end += 1
        bounds.append((index, end))
        index = end
    merged: list[tuple[int, int]] = []
    glue_next = False
    for begin, end in bounds:
        first = tokens[begin]
        text = first.text
        if merged and (glue_next or (end == begin + 1 and text in ASPECT_MARKS)):
            merged[-1] = (merged[-1][0], end)
        elif (
            merged
            and end == begin + 1
            and (text in _GLUE_BOTH or (text in LIST_CONJUNCTIONS and tc.classes(first) & tc.C))
            and tokens[merged[-1][1] - 1].text not in CLAUSE_MARKS
        ):
            merged[-1] = (merged[-1][0], end)
            glue_next = True
            continue
        else:
            merged.append((begin, end))
        glue_next = False
    return merged


def chunk_deletions(tokens: tuple[Token, ...], keep_odds: dict[int, float]) -> list[tuple[Token, ...]]:
    """``tokens`` (a candidate) less the run of whole units that the deletion model most wants
    dropped, and less the best second run besides it: an editor drops a phrase or two, not
    scattered words. A run's gain is how much less likely than the candidate's average its
    words are to be kept (the sum, over its words, of the mean log odds less theirs); only runs
    that gain more than :data:`MIN_GAIN` count. A run never holds a clause mark, a verb, a
    number, a localizer, negation or tense (:func:`_must_stay`), never follows a verb or a
    preposition (it would take what they govern) nor inside a kept preposition's phrase, never
    cuts a compound noun, never ends the candidate (a cut end is the rules of form's to judge)
    and takes a preposition only with its whole phrase, up to the verb."""
    spans = units(tokens)
    count = len(spans)
    odds: list[float] = []
    words: list[int] = []
    breaks: list[bool] = []
    verbs: list[bool] = []
    prepositions: list[bool] = []
    total_odds = 0.0
    total_words = 0
    for begin, end in spans:
        unit_odds = 0.0
        unit_words = 0
        marks = False
        verb = False
        preposition = False
        for index in range(begin, end):
            token = tokens[index]
            preposition = preposition or tc.classes(token) & tc.P != 0
            verb = verb or _must_stay(token)
            if token.pos == "x":
                marks = marks or token.text in CLAUSE_MARKS
            else:
                unit_odds += keep_odds.get(token.start, 0.0)
                unit_words += 1
        odds.append(unit_odds)
        words.append(unit_words)
        breaks.append(marks)
        verbs.append(verb)
        prepositions.append(preposition)
        total_odds += unit_odds
        total_words += unit_words
    if total_words < 3:
        return []
    mean = total_odds / total_words
    runs: list[tuple[float, int, int]] = []
    for first in range(count):
        begin = spans[first][0]
        if begin > 0 and not _may_delete_after(tokens[begin - 1], tokens[begin]):
            continue
        if _inside_kept_preposition(tokens, begin):
            continue
        gain = 0.0
        preposition = False
        for last in range(first, count):
            if verbs[last] or breaks[last] or last - first + 1 == count:
                break
            gain += mean * words[last] - odds[last]
            preposition = preposition or prepositions[last]
            end = spans[last][1]
            if (
                gain > MIN_GAIN
                and end < len(tokens)
                and _may_delete_before(tokens[end - 1], tokens[end])
                and not (begin > 0 and _joins_nouns(tokens[begin - 1], tokens[end]))
                # A prepositional phrase goes whole, with its object, up to the verb it modifies.
                and (
                    not preposition
                    or (
                        not tc.classes(tokens[end - 1]) & tc.P
                        and (is_main_verb(tokens[end]) or tc.classes(tokens[end]) & tc.D)
                    )
                )
            ):
                runs.append((gain, first, last + 1))
    if not runs:
        return []
    runs.sort(reverse=True)
    # The best run, then each time the best run apart from those taken (a run touching one
    # would be one longer run, weighed already): up to MAX_RUNS deletions, one candidate each.
    taken: list[tuple[float, int, int]] = []
    found: list[tuple[Token, ...]] = []
    for run in runs:
        if any(run[1] <= other[2] and other[1] <= run[2] for other in taken):
            continue
        taken.append(run)
        kept = _without(tokens, spans, sorted(taken, key=_run_start))
        if kept:
            found.append(kept)
        if len(taken) == MAX_RUNS:
            break
    return found


def _run_start(run: tuple[float, int, int]) -> int:
    return run[1]


def _must_stay(token: Token) -> bool:
    """Whether deleting ``token`` would change what the statement says: a verb (or one used as a
    noun), a number or its measure word, a localizer (以下, 以上), a pronoun (这一), negation or
    tense (不, 将, 已经), a conjunction (和, 并, 、: half a coordination would go)."""
    return (
        is_main_verb(token)
        or tc.classes(token) & _MEANING_POS != 0
        or token.text in _MEANING_WORDS
        or token.text in LIST_CONJUNCTIONS
        or token.text == "、"
    )


def _is_nominal(token: Token) -> bool:
    return tc.classes(token) & _NOMINAL_POS != 0


def _may_delete_after(kept: Token, deleted: Token) -> bool:
    """Whether a deletion may start at ``deleted`` after ``kept``: not after a verb, a
    preposition or a word that fronts an object (将, 把: it would take what they govern), nor an
    adverb (what it modifies), nor a number (its unit or what it counts), nor a demonstrative
    (这款[机器]: what it points at), nor inside a compound noun."""
    return not (
        is_main_verb(kept)
        or tc.classes(kept) & (tc.P | tc.M | tc.D | tc.ZG)
        or kept.text in _GOVERNS_BEFORE_VERB
        or (tc.classes(kept) & tc.R and kept.text[0] in DEMONSTRATIVE_CHARACTERS)
        or (_is_nominal(kept) and _is_nominal(deleted))
    )


def _inside_kept_preposition(tokens: tuple[Token, ...], begin: int) -> bool:
    """Whether ``tokens[begin]`` stands in the phrase of a preposition before it (no verb
    between them): the preposition is kept, so its phrase stays whole."""
    for index in range(begin - 1, -1, -1):
        token = tokens[index]
        if is_main_verb(token) or token.text in CLAUSE_MARKS:
            return False
        if tc.classes(token) & tc.P:
            return True
    return False


def _joins_nouns(before: Token, after: Token) -> bool:
    """Whether a deletion between ``before`` and ``after`` would set two nominal words side by
    side that did not stand so (风险[较高]无人机, 最高奖[等]各类奖励): they would read as one
    compound the text never wrote."""
    return tc.classes(before) & _JOINING_POS != 0 and tc.classes(after) & _JOINING_POS != 0


def _may_delete_before(deleted: Token, kept: Token) -> bool:
    """Whether a deletion may end at ``deleted`` before ``kept``: not inside a compound noun."""
    return not (_is_nominal(deleted) and _is_nominal(kept))


def _without(
    tokens: tuple[Token, ...], spans: list[tuple[int, int]], runs: list[tuple[float, int, int]]
) -> tuple[Token, ...]:
    kept: list[Token] = []
    start = 0
    for _, first, last in runs:
        kept.extend(tokens[spans[start][0] : spans[first][0]] if first > start else ())
        start = last
    if start < len(spans):
        kept.extend(tokens[spans[start][0] :])
    return trim(tuple(kept))

"""Keywords: the people, places, organisations and topic nouns an article is about, by a learned score.

Candidates are the nouns, names, places, organisations, verbal nouns, abbreviations and the
dictionary's fixed expressions (对外开放, 个人所得税) of the article's content sentences (two
characters or more, no stop word, no number), names whole (:mod:`summarizer.terms.entities`).
A place or organisation the article points back to (该市, 该区, 该校) counts as said
again: a story's subject is often named once or twice and then pointed back to (measured on
People's Daily dev / THUCNews validation: keywords_p5_in_ref -0.0003 / +0.0002, the seed's
places 孟州市 and 山阳区 first instead of 12th and 9th).
Adjectives, verbs and idioms are no candidates: an editor tags what a story is about, not what
happened in it; nor is a word the article mostly uses as a form of address (同志们、朋友们！) or
as the stem of a longer word (机动式).

Each candidate gets features of salience (how often and how early it occurs, in how many
paragraphs, in the lead, in quotes), of specificity (IDF in jieba's reference corpus, how
often its characters recur in the article) and of form (part of speech, length, whether it is
used as a verb or as a modifier); a linear score trained on real headlines
(``scripts/train/keywords.py``: the words editors put in kicker, title and subtitle, fitted
listwise over each article's candidates) ranks them, read through the logistic function;
the keywords, which are tags, lower a word most articles hold (发展, 人民, 建设: it says little
about this story; :mod:`summarizer.terms.keyphraseness`), while the key phrases read the
model's scores.
Keywords are the best candidates, none inside a better one nor a better one said longer by a
place's or organisation's ending (福州 and 福州市 take one slot).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from summarizer.document import Document
from summarizer.rank.specificity import IdfTable, jieba_idf
from summarizer.result import ScoredText
from summarizer.terms.entities import ORGANISATION, PERSON, PLACE, PLACE_ENDINGS, SURNAMES
from summarizer.terms.keyphraseness import KeyphrasenessTable, keyphraseness
from summarizer.terms.model import KEYWORD_MODEL_FILE, LinearModel, best_first, load_model, logistic
from summarizer.terms.tags import ADVERB, ASPECT, FIXED_EXPRESSION, NOMINAL, PUNCTUATION, SUFFIX, TIME, VERB
from summarizer.terms.units import whole_units
from summarizer.terms.words import SentenceWords, article_words

# After a word, 了, 着 or 过 make it a verb where it stands (as their tags do, and an adverb
# before it: 不, 已, 正在).
_ASPECT_WORDS: Final = frozenset({"了", "着", "过"})
# A keyword is a noun, a name, a verbal noun... (tags.NOMINAL), a time noun (春节, 除夕) or a
# fixed expression (对外开放, 个人所得税: measured, keywords_p5_in_ref +0.001 on both sets and
# keywords_bigram_recall +0.004 / +0.002); a verb only where the article also uses it as a
# noun (after 的: terms.units counts them).
_KEYWORD_TAGS: Final = NOMINAL | TIME | FIXED_EXPRESSION
# The plural suffix: a word with it standing alone between punctuation marks is a form of
# address (同志们、朋友们！), which says whom a speech is for, not what it is about.
_PLURAL: Final = "们"
_OPENING_QUOTES: Final = frozenset({"“", "《", "「", "『", "‘"})
_CLOSING_QUOTES: Final = frozenset({"”", "》", "」", "』", "’"})
# The endings of a place's name (terms.entities) and of a country's (美国, 孟加拉国).
_PLACE_OR_COUNTRY_ENDINGS: Final = PLACE_ENDINGS | {"国"}
_ORGANISATION_ENDINGS: Final = frozenset("局委会部院厅司行校社所团队处办组")
_NAME_ENDINGS: Final = _PLACE_OR_COUNTRY_ENDINGS | _ORGANISATION_ENDINGS
# 该 + the ending of a place or organisation (该市, 该区, 该校: jieba's one word) points back to
# the one last named with that ending.
_POINTING_BACK: Final = "该"
_POINTERS: Final = frozenset(_POINTING_BACK + ending for ending in _NAME_ENDINGS)
# An organisation's ending needs a name before it: 干部, 社会, 团队 are no organisations.
_MIN_ORGANISATION_CHARS: Final = 3
# Part-of-speech groups of the model (names of all kinds read alike), by index.
_POS_FEATURES: Final = ("n", "vn", PERSON, PLACE, ORGANISATION, "nz", "j", "eng", "an", "t", "v", "l")
_POS_GROUPS: Final = {
    "n": 0,
    "vn": 1,
    "nr": 2,
    "nrfg": 2,
    "nrt": 2,
    "ns": 3,
    "nt": 4,
    "nz": 5,
    "nw": 5,
    "j": 6,
    "eng": 7,
    "an": 8,
    "t": 9,
    "v": 10,
    "l": 11,
}

FEATURES: Final = (
    "log_tf",
    "tf_share_of_max",
    "idf",
    "tfidf",
    "first_sentence_inverse",
    "first_position",
    "in_lead",
    "early_share",
    "in_first_paragraph",
    "paragraph_spread",
    "length",
    "known_word",
    "quoted_share",
    "verbal_share",
    "modifier_share",
    "place_ending",
    "organisation_ending",
    "lead_position",
    "log_substring_count",
    "substring_per_occurrence",
    "tfidf_share_of_max",
    "rank_substring",
    "keyphraseness",
    *(f"pos_{group}" for group in _POS_FEATURES),
    "joined_name",
)


@dataclass(frozen=True)
class KeywordCandidates:
    """An article's candidate keywords in order of first occurrence, with their features."""

    texts: list[str]  # spelling of the first occurrence
    words: list[str]  # lower-cased: the key of a word
    # Whether each is a person's whole name (joined, or a surname and a given name of three
    # characters), whose pieces jieba may also have made candidates (郑尚 of 郑尚洪).
    whole_names: list[bool]
    # The whole units (:mod:`summarizer.terms.units`) and the words each was joined from.
    pieces: dict[str, tuple[str, ...]]
    # What the features are computed from (None when there is no candidate).
    features: CandidateFeatures | None

    @property
    def rows(self) -> list[list[float]]:
        """One row per candidate, one value per name of FEATURES (what the trainers fit)."""
        return [] if self.features is None else self.features.rows()

    def log_odds(self, model: LinearModel) -> list[float]:
        """The model's log-odds of each candidate, without making the rows."""
        return [] if self.features is None else self.features.log_odds(model)

    def probabilities(self, model: LinearModel) -> list[float]:
        """The same floats as ``model.probabilities(self.rows)``, without making the rows."""
        return [logistic(value) for value in self.log_odds(model)]


@dataclass(frozen=True)
class KeywordRanking:
    keywords: tuple[ScoredText, ...]  # best first
    scores: dict[str, float]  # every candidate's (lower-cased) probability over the best, for key phrases
    notes: tuple[str, ...]


@functools.cache
def keyword_model() -> LinearModel:
    """The shipped model, read and checked against FEATURES once per process (not per article)."""
    return load_model(KEYWORD_MODEL_FILE).check(FEATURES, name=KEYWORD_MODEL_FILE)


def rank_keywords(
    document: Document,
    *,
    stop_words: frozenset[str],
    count: int,
    max_sentences: int,
    words: Sequence[SentenceWords] | None = None,
    model: LinearModel | None = None,
    statistics: KeyphrasenessTable | None = None,
) -> KeywordRanking:
    """The ``count`` best keywords, none inside a better one, and every candidate's score.
    ``words`` are the article's content sentences' words when already built; ``model`` and
    ``statistics`` default to the shipped ones (the trainers pass their own)."""
    if words is None:
        words = article_words(document.content_sentences[:max_sentences])
    candidates = keyword_candidates(words, stop_words=stop_words, statistics=statistics)
    if not candidates.words:
        return KeywordRanking((), {}, ("no content words: no keywords",))
    log_odds = candidates.log_odds(model or keyword_model())
    # (Looked up word by word, in no order: no sort.)
    names = candidates.words
    model_values = _over_best([logistic(value) for value in log_odds])
    word_scores = {names[index]: model_values[index] for index in range(len(names))}
    # The pieces of a whole unit are no candidates of their own (the article never says them
    # apart); the key phrases, which read the words as jieba cut them, see the unit's score.
    for unit, pieces in candidates.pieces.items():
        value = word_scores.get(unit)
        if value is not None:
            for piece in pieces:
                word_scores.setdefault(piece, value)
    # The keywords are tags: a word most articles hold says little of this story and is
    # lowered. The key phrases read the model's scores, since such a word is no worse a part
    # of a phrase (经济工作会议, 发展理念).
    table = statistics or keyphraseness()
    values = _over_best(
        [logistic(log_odds[index] - table.genericness(names[index])) for index in range(len(names))]
    )
    order = _best_first(values)
    chosen = _distinct(order, candidates.words, candidates.whole_names, count)
    keywords = tuple(ScoredText(candidates.texts[index], values[index]) for index in chosen)
    return KeywordRanking(keywords, word_scores, ())


def _over_best(probabilities: list[float]) -> list[float]:
    best = max(probabilities)
    return [probability / best if best > 0 else 0.0 for probability in probabilities]


def _best_first(values: list[float]) -> list[int]:
    """Indices from the highest value down, ties (to ``TIE_DECIMALS``, as
    :func:`summarizer.rank.pagerank.ranking_order` has them) in order of first occurrence."""
    return best_first(values)


def _distinct(
    order: Sequence[int], words: Sequence[str], whole_names: Sequence[bool], count: int
) -> list[int]:
    """The first ``count`` of ``order`` less any word inside a better one (作文 after 作文题) or
    a better one said longer by the ending of a place or organisation (福州市 after 福州: ten
    slots say ten things); a person's whole name takes the place of the better pieces of it
    (郑尚洪, not 郑尚 and 郑尚洪)."""
    chosen: list[int] = []
    for index in order:
        if len(chosen) == count:
            break
        word = words[index]
        if any(word in words[better] or _said_longer(words[better], word) for better in chosen):
            continue
        if whole_names[index]:
            pieces = [place for place, better in enumerate(chosen) if words[better] in word]
            if pieces:
                chosen[pieces[0]] = index
                for place in reversed(pieces[1:]):
                    del chosen[place]
                continue
        chosen.append(index)
    return chosen


def _said_longer(shorter: str, word: str) -> bool:
    """Whether ``word`` is ``shorter`` with the ending of a place or organisation (福州 / 福州市)."""
    return len(word) == len(shorter) + 1 and word.startswith(shorter) and word[-1] in _NAME_ENDINGS


class _Candidate:
    """What the features need to know of one candidate: fixed at its first occurrence (its
    spelling, part-of-speech group, specificity, where it first occurs), then summed over its
    occurrences. One compiled object per candidate: its fields are read and written in place,
    where a list per count cost an append per count at each new candidate and a boxed int at
    each occurrence (measured: keyword stage -0.4 M instructions per article)."""

    def __init__(self, word: str, text: str, group: int, *, joined: bool, idf: IdfTable, at: _Place) -> None:
        self.word = word
        self.text = text
        self.group = group
        self.joined = joined
        value = idf.values.get(word)
        self.known = value is not None
        # A word the table does not hold (most joined names) counts as a typical one.
        self.specificity: float = idf.median if value is None else value
        self.first_sentence = at.sentence
        self.first_position = at.position
        self.lead_position = 1.0
        self.tf = 0
        self.paragraphs = 0
        self.last_paragraph = -1
        self.lead = 0
        self.early = 0
        self.quoted = 0
        self.verbal = 0
        self.modifier = 0
        # Occurrences as a form of address (同志们，) and as the stem of a longer word, before a
        # suffix other than the plural (机动式, 开放型).
        self.address = 0
        self.stem = 0

    def count(self, sentence: SentenceWords, index: int, at: _Place) -> None:
        """One occurrence: word ``index`` of ``sentence``."""
        self.tf += 1
        if self.last_paragraph != sentence.paragraph:
            self.last_paragraph = sentence.paragraph
            self.paragraphs += 1
        if at.sentence == 0:
            if self.lead == 0:
                self.lead_position = at.chars / at.lead_chars
            self.lead += 1
        if at.sentence < 3:
            self.early += 1
        if at.in_quote:
            self.quoted += 1
        flags = sentence.flags
        following = index + 1
        if following < len(flags) and flags[following] & SUFFIX:
            if sentence.texts[following] != _PLURAL:
                self.stem += 1
            elif _stands_alone(flags, index, following + 1):
                self.address += 1
        elif _stands_alone(flags, index, following) and self.word.endswith(_PLURAL):
            # (乡亲们, 同学们: jieba's one word; the bit tests first, the spelling rarely)
            self.address += 1
        if following < len(flags):
            if flags[following] & NOMINAL:
                self.modifier += 1
            elif flags[following] & ASPECT or sentence.texts[following] in _ASPECT_WORDS:
                self.verbal += 1
                return
        if index > 0 and flags[index - 1] & ADVERB:
            self.verbal += 1

    def shape(self) -> int:
        """The part-of-speech group and the word's shape packed in one int (see ``_shape``),
        asked of the scored candidates only."""
        return _shape(self.word, self.group, known=self.known, joined=self.joined)


_PERSON_GROUP: Final = _POS_FEATURES.index(PERSON)
# Candidates up to this long are found in the longer words by slicing these.
_MAX_PIECE: Final = 12
# A word first said in this sentence (0-based) or later, and only once, may be left unscored.
_LATE_SENTENCE: Final = 3
# The bits of a candidate's packed shape: its group in _POS_FEATURES, then flags.
_GROUP_BITS: Final = 15
_KNOWN: Final = 1 << 4
_PLACE_ENDING: Final = 1 << 5
_ORGANISATION_ENDING: Final = 1 << 6
_JOINED: Final = 1 << 7
_LENGTH_SHIFT: Final = 8


def _shape(word: str, group: int, *, known: bool, joined: bool) -> int:
    shape = group | min(len(word), 8) << _LENGTH_SHIFT
    if known:
        shape |= _KNOWN
    if word[-1] in _PLACE_OR_COUNTRY_ENDINGS:
        shape |= _PLACE_ENDING
    if len(word) >= _MIN_ORGANISATION_CHARS and word[-1] in _ORGANISATION_ENDINGS:
        shape |= _ORGANISATION_ENDING
    if joined:
        shape |= _JOINED
    return shape


def _stands_alone(flags: list[int], start: int, stop: int) -> bool:
    """Whether words ``start`` to ``stop`` (exclusive) of a sentence stand between punctuation
    marks (or its ends): a clause of their own."""
    return (start == 0 or bool(flags[start - 1] & PUNCTUATION)) and (
        stop >= len(flags) or bool(flags[stop] & PUNCTUATION)
    )


class _Place:
    """Where the walk over the article is: sentence, word, quote."""

    def __init__(self) -> None:
        self.sentence = 0
        self.position = 0  # words walked before the current one, over the article
        self.in_quote = False
        self.chars = 0  # characters of the sentence before the current word
        self.lead_chars = 1  # characters of the lead sentence


def keyword_candidates(
    sentences: Sequence[SentenceWords],
    *,
    stop_words: frozenset[str],
    idf: IdfTable | None = None,
    statistics: KeyphrasenessTable | None = None,
    every_candidate: bool = False,
) -> KeywordCandidates:
    """The candidate words of ``sentences`` (an article's content sentences, in order) worth
    scoring, or with ``every_candidate`` all of them (what the keyphraseness statistic counts),
    and their features as the keyword model reads them; ``statistics`` default to the shipped
    keyphraseness."""
    table = idf or jieba_idf()
    units = whole_units(sentences)
    sentences = units.sentences
    candidates: list[_Candidate] = []
    # Each word's index in ``candidates``, -1 for a word that is no candidate (a number, a
    # stop word).
    id_of: dict[str, int] = {}
    # How often each word occurs, candidate or not (the words longer candidates hide in), and
    # the verbs used as nouns: counted by the units' walk.
    said = units.said
    nominal_verbs = units.nominal_verbs
    # The candidate last named with each ending of a place or organisation (孟州市 for 市),
    # followed only where the article points back to one (the units' walk counted its words).
    pointing = any(pointer in said for pointer in _POINTERS)
    named: dict[str, int] = {}
    at = _Place()
    for sentence_index, sentence in enumerate(sentences):
        texts, lowered, flags = sentence.texts, sentence.lowered, sentence.flags
        if sentence_index == 0:
            at.lead_chars = max(len("".join(texts)), 1)
        at.sentence = sentence_index
        at.in_quote = False
        at.chars = 0
        for index in range(len(texts)):
            text = texts[index]
            flag = flags[index]
            if flag & PUNCTUATION:
                if text in _OPENING_QUOTES:
                    at.in_quote = True
                elif text in _CLOSING_QUOTES:
                    at.in_quote = False
            else:
                word = lowered[index]
                if len(text) >= 2 and (flag & _KEYWORD_TAGS or (flag & VERB and word in nominal_verbs)):
                    word_id = id_of.get(word, -2)
                    if word_id == -2:
                        if word.isdigit() or word in stop_words:
                            word_id = id_of[word] = -1
                        else:
                            word_id = id_of[word] = len(candidates)
                            candidates.append(
                                _Candidate(
                                    word,
                                    text,
                                    _POS_GROUPS[sentence.pos[index]],
                                    joined=sentence.widths[index] > 1,
                                    idf=table,
                                    at=at,
                                )
                            )
                    if word_id >= 0:
                        candidates[word_id].count(sentence, index, at)
                        if pointing and len(word) >= _MIN_ORGANISATION_CHARS and word[-1] in _NAME_ENDINGS:
                            named[word[-1]] = word_id
                elif pointing and len(text) == 2 and text[0] == _POINTING_BACK and text[1] in named:
                    # The place or organisation last named with that ending, said again: a
                    # story's subject is often named once or twice, then pointed back to.
                    referent = candidates[named[text[1]]]
                    referent.count(sentence, index, at)
                    said[referent.word] = said.get(referent.word, 0) + 1
            at.chars += len(text)
            at.position += 1
    if not candidates:
        return KeywordCandidates([], [], [], units.pieces, None)
    usage = statistics or keyphraseness()
    scored = list(range(len(candidates))) if every_candidate else _worth_scoring(candidates, usage)
    shapes = [candidates[index].shape() for index in scored]
    figures = _ArticleFigures(
        candidates,
        _said_within(candidates, said, id_of),
        paragraph_count=len({sentence.paragraph for sentence in sentences}),
        token_count=max(at.position, 1),
        statistics=usage,
    )
    whole_names = [
        (shape & _GROUP_BITS) == _PERSON_GROUP
        and (
            (shape & _JOINED) != 0
            or (len(candidates[index].word) == 3 and candidates[index].word[0] in SURNAMES)
        )
        for index, shape in zip(scored, shapes, strict=True)
    ]
    return KeywordCandidates(
        [candidates[index].text for index in scored],
        [candidates[index].word for index in scored],
        whole_names,
        units.pieces,
        CandidateFeatures(candidates, scored, shapes, figures),
    )


def _worth_scoring(candidates: list[_Candidate], statistics: KeyphrasenessTable) -> list[int]:
    """The candidates the model scores. A word said once, first after the article's third
    sentence, that editors use no more often than a word the statistics do not know, is left
    out: the story is not about it, and it is half of an article's candidates (leaving them
    out changed keywords_p5_in_ref by 0.001 when measured). So is a word the article mostly
    says as a form of address (同志们、朋友们！: whom a speech is for) or as the stem of a longer
    word (机动式: the article never talks of 机动 itself)."""
    return [
        index
        for index, candidate in enumerate(candidates)
        if (
            candidate.tf > 1
            or candidate.first_sentence < _LATE_SENTENCE
            or statistics.of(candidate.word) > statistics.prior
        )
        and 2 * candidate.address <= candidate.tf
        and 2 * candidate.stem <= candidate.tf
    ]


def _said_within(candidates: list[_Candidate], said: dict[str, int], id_of: dict[str, int]) -> list[int]:
    """How often the article says each candidate, as a word or inside a longer one (强村 in
    强村工程): a word whose characters the article keeps coming back to is what it is about.
    Each longer word hands its count to the pieces of it that are candidates (``id_of``: a
    candidate's index, -1 for a word that is none), taken at the candidates' lengths (a few
    slices of a short word), rather than each candidate searching the longer words; candidates
    longer than ``_MAX_PIECE`` (rare) search them, so that a 60,000-character token costs
    slices in proportion to its length, not to its square."""
    lengths = sorted({len(candidate.word) for candidate in candidates if len(candidate.word) <= _MAX_PIECE})
    counts = [said.get(candidate.word, 0) for candidate in candidates]
    for longer, times in said.items():
        size = len(longer)
        if size < 3:
            continue
        # The distinct pieces found, in a list: most longer words hold none or one, where a
        # set per word cost more than the look-ups.
        pieces: list[int] = []
        for length in lengths:
            if length >= size:
                break
            for start in range(size - length + 1):
                found = id_of.get(longer[start : start + length], -1)
                if found >= 0 and found not in pieces:
                    pieces.append(found)
        for found in pieces:
            counts[found] += times * longer.count(candidates[found].word)
    for index, candidate in enumerate(candidates):
        word = candidate.word
        if len(word) > _MAX_PIECE:
            for longer, times in said.items():
                if len(longer) > len(word) and word in longer:
                    counts[index] += times * longer.count(word)
    return counts


class _ArticleFigures:
    """What a candidate's features compare it with: column-wide figures (maxima, ranks) over
    every candidate of the article, and the article's size."""

    def __init__(
        self,
        candidates: list[_Candidate],
        said_within: list[int],
        *,
        paragraph_count: int,
        token_count: int,
        statistics: KeyphrasenessTable,
    ) -> None:
        self.tfidf = [math.log(1.0 + candidate.tf) * candidate.specificity / 10.0 for candidate in candidates]
        self.most_said = float(max(candidate.tf for candidate in candidates))
        self.best_tfidf = max(max(self.tfidf), 1e-9)
        self.said_within = said_within
        self.substring_rank = _ranks(said_within)
        self.paragraphs = float(max(paragraph_count, 1))
        self.token_count = token_count
        self.statistics = statistics


class _FeatureSink:
    """What receives one candidate's features, one value at a time in FEATURES order."""

    def add(self, value: float) -> None:
        raise NotImplementedError


class _Row(_FeatureSink):
    """The features as a row of floats (what the trainers fit)."""

    def __init__(self) -> None:
        self.values: list[float] = []

    def add(self, value: float) -> None:
        self.values.append(value)


class _LogOdds(_FeatureSink):
    """The model's log-odds of the features, summed as they come: the bias plus weight × value
    of each feature that is not zero, in FEATURES order, as :meth:`LinearModel.probability`
    sums a row (so the same float), with no row of boxed floats made, read and freed."""

    def __init__(self, model: LinearModel) -> None:
        self.weights = model.weights
        self.bias = model.bias
        self.value = model.bias
        self.index = 0

    def restart(self) -> None:
        self.value = self.bias
        self.index = 0

    def add(self, value: float) -> None:
        if value != 0.0:
            self.value += self.weights[self.index] * value
        self.index += 1


class CandidateFeatures:
    """The features of an article's scored candidates, computed when asked: as rows (the
    trainers') or summed straight into the model's score (the engine's: rows of boxed floats
    cost ~0.4 M instructions per article to make, read and free, measured with callgrind)."""

    def __init__(
        self, candidates: list[_Candidate], scored: list[int], shapes: list[int], figures: _ArticleFigures
    ) -> None:
        self._candidates = candidates
        self._scored = scored
        self._shapes = shapes
        self._figures = figures

    def rows(self) -> list[list[float]]:
        rows: list[list[float]] = []
        for index, shape in zip(self._scored, self._shapes, strict=True):
            row = _Row()
            _add_features(self._candidates[index], index, shape, self._figures, row)
            rows.append(row.values)
        return rows

    def log_odds(self, model: LinearModel) -> list[float]:
        total = _LogOdds(model)
        log_odds: list[float] = []
        scored, shapes = self._scored, self._shapes
        for place in range(len(scored)):
            index = scored[place]
            total.restart()
            _add_features(self._candidates[index], index, shapes[place], self._figures, total)
            log_odds.append(total.value)
        return log_odds


def _add_features(
    candidate: _Candidate, index: int, shape: int, figures: _ArticleFigures, sink: _FeatureSink
) -> None:
    """The FEATURES of candidate ``index`` (``shape`` its packed shape), in order, to ``sink``."""
    tf = float(candidate.tf)
    first_sentence = candidate.first_sentence
    substrings = float(figures.said_within[index])
    tfidf = figures.tfidf[index]
    sink.add(math.log(1.0 + tf))
    sink.add(tf / figures.most_said)
    sink.add(candidate.specificity / 10.0)
    sink.add(tfidf)
    sink.add(1.0 / (1.0 + first_sentence))
    sink.add(candidate.first_position / figures.token_count)
    sink.add(1.0 if candidate.lead > 0 else 0.0)
    sink.add(candidate.early / tf)
    sink.add(1.0 if first_sentence == 0 else 0.0)
    sink.add(candidate.paragraphs / figures.paragraphs)
    sink.add((shape >> _LENGTH_SHIFT) / 8.0)
    sink.add(_bit(shape, _KNOWN))
    sink.add(candidate.quoted / tf)
    sink.add(candidate.verbal / tf)
    sink.add(candidate.modifier / tf)
    sink.add(_bit(shape, _PLACE_ENDING))
    sink.add(_bit(shape, _ORGANISATION_ENDING))
    sink.add(candidate.lead_position)
    sink.add(math.log(1.0 + substrings))
    sink.add(substrings / tf)
    sink.add(tfidf / figures.best_tfidf)
    sink.add(math.log(1.0 + figures.substring_rank[index]))
    sink.add(figures.statistics.of(candidate.word))
    # The part-of-speech group, one-hot.
    group = shape & _GROUP_BITS
    for other in range(len(_POS_FEATURES)):
        sink.add(1.0 if other == group else 0.0)
    sink.add(_bit(shape, _JOINED))


def _bit(shape: int, bit: int) -> float:
    return 1.0 if shape & bit else 0.0


def _ranks(values: list[int]) -> list[int]:
    """The rank of each value, the largest ranked 0, ties in order of first occurrence (as
    :func:`best_first` orders whole numbers, which its rounding never ties): one sort of plain
    ints, (largest − value) × n + index, whose order is that and which name their index (a
    sort by a key function called each value through Python, at twice the cost)."""
    size = len(values)
    largest = max(values)
    keys = sorted([(largest - value) * size + index for index, value in enumerate(values)])
    ranks = [0] * size
    for rank, key in enumerate(keys):
        ranks[key % size] = rank
    return ranks

"""Key phrases: noun phrases and names of two or more words that could stand as a tag or a topic line.

Candidates come from a noun-phrase grammar over the words of the content sentences (jieba's
parts of speech, names joined by :mod:`summarizer.terms.entities`):

- a run of two to ``MAX_WORDS`` words that ends on a noun head (a noun, a name, a verbal noun,
  an abbreviation, an English word) and holds only nouns before it, except that an adjective
  or a distinguishing word may open it (新时代, 省级森林公园): Chinese noun phrases are
  head-final, so a verb, an adverb, a particle or punctuation ends the phrase and no phrase
  holds a subject with its verb or a verb with its object. A verbal noun (jieba's vn: 建设,
  发展) stays in a phrase even where the article also uses it as a verb (基础设施建设), but
  right after a verb or an adverb it is a verb there (整合运用乡村), so no phrase opens on it.
  jieba tags many verbs as nouns (利用, 谋划); those the trained lexicon lists
  (:mod:`summarizer.terms.verb_lexicon`, learned from the words' neighbours)
  are verbs before a noun (利用 | 连锁药店: cut to the noun part) and head no phrase unless the
  article uses them as nouns, after 的, or an attribute in 性 precedes them (全盘谋划 is no
  phrase where the article never says 的谋划; 历史性成就 is one). Words of the lexicon's
  ambiguous band (verbs about as often as nouns: 对标, 对表) are verbs only where this
  occurrence's neighbours say so: in a run of verbs before their object (孟州市 | 对标 | 对表 |
  省委); elsewhere nouns (加沙地带).
  A one-character modifier after another content character is a piece of a word or a verb's
  complement (打 | 好 | 污染), and opens no phrase. A verbal noun inside a run modifies the
  noun after it (消防 | 救援 | 队伍 | 指战员): no phrase opens on that noun (队伍指战员).
  A one-character noun suffix belongs to the word before it (大湾 + 区), whatever jieba tags it
  (纪念 + 园 is zg); a noun jieba glued to a localiser (车站里, 餐桌上) is a place, in no
  phrase; a two-character word jieba tags as a name but that opens on no surname is a
  common noun (道德模范, 迎春茶话会);
  no phrase ends on a relational or time noun (学校方面, 北京时间, 演讲时), opens on a determiner
  (所有, 部分) or holds a common noun before a place (领导人 + 厦门);
  年 after a run of nouns names a themed year (柬埔寨文化旅游年) before punctuation or 的;
  no phrase opens on, or ends before, a word that holds the end of a name jieba cut: a given
  name after its one-character surname (杨 | 济源), a place's suffix glued to the next word
  (粤港澳大湾 | 区分会场), the second word of an English name (Light | SA), a place's head
  jieba cut from the name before it (望京 | 街道, 花家地 | 社区: no 街道返村, no 朝阳区望京);
  a phrase ending on a verbal noun that the article says three times or more, always before the
  same verb, is a cut of a longer name (专题民主生活 | 会, 上海合作 | 组织);
- an organisation's name: a run of nouns that opens on a name and ends on an organisation's
  head (研究院, 委员会, 有限公司; 组织 after a verbal noun, which jieba tags a verb: 上海合作组织),
  up to ``MAX_NAME_WORDS`` words, whole: it is no cut whatever noun follows it (研究院 | 院长),
  and its cuts are no candidates (国际传播研究院 of 中国文化国际传播研究院);
- a name that jieba cut into several tokens (焦作诺尔曼炉业有限公司, 塔米姆·本·哈马德);
- a name in title marks or quotes (《流浪地球》, “能力作风建设年”) that starts and ends on a
  content word: a title, a campaign, a slogan, not a quoted sentence nor a verb with its
  object (“布置作业”, where the lexicon lists 布置);
- a quoted name of nouns with the noun right after it, quotes kept (“五星”支部, “入盟”谈判).

Each candidate gets features of salience (occurrences, first position, spread, lead), of its
words (their keyword scores, specificity) and of form (how many words, its head, whether it
is always part of a longer phrase, whether the article says it inside other words); a
logistic model trained on real headlines (``scripts/train/keyphrases.py``) scores it. The
phrases are the best candidates, none nested in a better one (能力作风建设 or
能力作风建设年, not both) nor crossing one where the article says the two as one run
(党支部书记 and 书记队伍活力 in 党支部书记队伍活力: the better of the two).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from summarizer.document import DocSentence, Document, Token
from summarizer.rank.specificity import IdfTable, jieba_idf
from summarizer.result import ScoredText
from summarizer.terms.entities import ORGANISATION, ORGANISATION_HEADS, PERSON, PLACE, SURNAMES
from summarizer.terms.keyphraseness import KeyphrasenessTable, keyphraseness
from summarizer.terms.model import PHRASE_MODEL_FILE, LinearModel, best_first, load_model
from summarizer.terms.tags import (
    ADVERB,
    AFTER_NOMINAL,
    ASPECT,
    FUNCTION,
    LOCALISER,
    MODIFIER,
    NAME_PIECE,
    NOMINAL,
    PUNCTUATION,
    VERB,
    tag_flags,
)
from summarizer.terms.tags import (
    PERSON as PERSON_TAG,
)
from summarizer.terms.verb_lexicon import ambiguous_verbs, noun_tagged_verbs, opens_a_verb_run
from summarizer.terms.words import SentenceWords, article_words

# A phrase's head and the words before it are nominal (tags.NOMINAL); only its first word may
# be a modifier (tags.MODIFIER: 新, 省级).
_PROPER_POS: Final = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz", "j", "eng"})
# The aspect particles 了, 着, 过 by code point.
_LE: Final = ord("了")
_ZHE: Final = ord("着")
_GUO: Final = ord("过")
# A name in quotation marks or title marks: its marks' code points and its length.
_LEFT_QUOTE: Final = ord("“")
_LEFT_TITLE: Final = ord("《")
_LEFT_CORNER: Final = ord("「")
_RIGHT_QUOTE: Final = ord("”")
_RIGHT_TITLE: Final = ord("》")
_RIGHT_CORNER: Final = ord("」")
_MIN_QUOTED: Final = 2
_MAX_QUOTED: Final = 12
_LAST_SPACE: Final = 0x3000
# Tags of the word before a verb: a verb (serial verbs), an adverb.
_BEFORE_A_VERB: Final = frozenset({"v", "d", "ad", "zg"})
# Quantifying determiners jieba tags as nouns or distinguishing words: they count a phrase's
# referents, they are no part of a term.
_DETERMINERS: Final = frozenset({"所有", "全部", "部分", "大部分", "多数", "少数", "一些", "各类"})
# One-character nouns that close a compound noun as its suffix (大湾 + 区, 注册 + 制, 罕见 + 病).
_NOUN_SUFFIXES: Final = frozenset("区制病赛奖率费税线港园节展馆厂队业")
# Relational and time nouns that head no topic: 学校方面, 发展过程, 北京时间.
_LIGHT_HEADS: Final = frozenset({"方面", "过程", "期间", "时间", "时候", "之际", "当中", "心目", "时"})
# Tags of the word before one that may end a name jieba cut (a surname, a place, a space).
_BEFORE_A_NAME_END: Final = NAME_PIECE | PUNCTUATION
# Suffixes that close a place name (大湾 + 区, 朝阳 + 区, 枣庄 + 市).
_PLACE_SUFFIXES: Final = frozenset("省市县区镇乡村州")
# Heads of a place's name that jieba cuts from the name before them (望京 | 街道, 花家地 |
# 社区): after a name they close it.
_PLACE_HEADS: Final = frozenset({"街道", "社区", "地区", "新区", "开发区", "片区", "园区", "景区", "城区"})
_OPENING_QUOTES: Final = frozenset("“《「")
_NO_WORDS: Final[frozenset[str]] = frozenset()
# Localisers jieba glues to the noun before them (车站里, 餐桌上, 基础上).
_LI: Final = ord("里")
_SHANG: Final = ord("上")
_SHI: Final = ord("时")
_LEADS: Final = ord("率")  # 率团, 率调研组: a person leads
MAX_WORDS: Final = 5
_SENTENCE_TOKENS: Final = 4
MAX_CHARS: Final = 14
MIN_CHARS: Final = 3
# A name that jieba cut up may be longer than a grammar phrase.
MAX_NAME_CHARS: Final = 20
# An organisation's name of nouns may be longer too (中国文化国际传播研究院: five words).
MAX_NAME_WORDS: Final = 8
# What jieba tags a verb yet closes an organisation's name after a verbal noun (上海合作组织).
_ORGANISATION_VERB_HEAD: Final = "组织"
_HEAD_FEATURES: Final = ("n", "vn", PERSON, PLACE, ORGANISATION, "proper", "verb")
# The group of a phrase's head, by index in _HEAD_FEATURES.
_HEAD_GROUPS: Final = {
    "n": 0,
    "an": 0,
    "vn": 1,
    "nr": 2,
    "nrfg": 2,
    "nrt": 2,
    "ns": 3,
    "nt": 4,
    "nz": 5,
    "nw": 5,
    "j": 5,
    "eng": 5,
    "v": 6,
}

# How a candidate was found.
_GRAMMAR: Final = 0
_NAME: Final = 1
_QUOTE: Final = 2
_TITLE: Final = 3
_VERB_HEADED: Final = 4  # a grammar phrase whose head is a verb used as a noun
_ORGANISATION_NAME: Final = 5  # a grammar phrase that opens on a name and ends on an organisation's head

FEATURES: Final = (
    "log_tf",
    "first_sentence_inverse",
    "first_position",
    "in_lead",
    "paragraph_spread",
    "log_substring_count",
    "substring_per_occurrence",
    "words",
    "chars",
    "keyword_mean",
    "keyword_max",
    "keyword_min",
    "keyword_head",
    "keyword_first",
    "idf_mean",
    "keyphraseness_mean",
    "keyphraseness_max",
    "keyphraseness_min",
    "keyphraseness_head",
    "name",
    "quoted",
    "book_title",
    "left_extended_share",
    "right_extended_share",
    "whole_run_share",
    "log_containing",
    "log_contained",
    "proper",
    "opens_with_modifier",
    "organisation_name",
    *(f"head_{group}" for group in _HEAD_FEATURES),
)

# The column of FEATURES that flags an organisation's name found whole.
_ORGANISATION_COLUMN: Final = FEATURES.index("organisation_name")


@dataclass(frozen=True)
class PhraseCandidates:
    """An article's candidate phrases in order of first occurrence, with their features."""

    texts: list[str]
    rows: list[list[float]]  # one row per candidate, one value per name of FEATURES
    words: list[list[str]] = field(default_factory=list)  # each candidate's words, lower-cased
    body: str = ""  # the content sentences' words, lower-cased, one sentence a line
    # Each candidate lower-cased as the body says it: its words joined (a quoted name with its
    # noun keeps its marks).
    keys: list[str] = field(default_factory=list)


@functools.cache
def keyphrase_model() -> LinearModel:
    """The shipped model, read and checked against FEATURES once per process (not per article)."""
    return load_model(PHRASE_MODEL_FILE).check(FEATURES, name=PHRASE_MODEL_FILE)


def extract_keyphrases(
    document: Document,
    word_scores: dict[str, float],
    *,
    count: int,
    max_sentences: int,
    words: Sequence[SentenceWords] | None = None,
    model: LinearModel | None = None,
    statistics: KeyphrasenessTable | None = None,
) -> tuple[ScoredText, ...]:
    """The ``count`` best phrases, none nested in a better one; ``word_scores`` are the keyword
    scores of the article's (lower-cased) words, ``words`` its content sentences' words when
    already built; ``model`` and ``statistics`` default to the shipped ones."""
    if count == 0:
        return ()
    sentences = document.content_sentences[:max_sentences]
    if words is None:
        words = article_words(sentences)
    candidates = phrase_candidates(sentences, words, word_scores, statistics=statistics)
    if not candidates.texts:
        return ()
    values = (model or keyphrase_model()).probabilities(candidates.rows)
    chosen = choose_phrases(candidates, values, count=count)
    best = chosen[0][1]
    return tuple(ScoredText(candidates.texts[index], value / best) for index, value in chosen)


def choose_phrases(
    candidates: PhraseCandidates, values: list[float], *, count: int
) -> list[tuple[int, float]]:
    """The ``count`` best candidates by ``values``, each with the value it is ranked by: none
    nested in a better one nor crossing one (see :func:`_joined`), and an organisation's name
    whole where the article says it at least half as often as its best-ranked piece: the
    name takes the piece's place and value (中国文化国际传播研究院, not its cut 中国文化)."""
    order = best_first(values)
    chosen: list[int] = []
    ranked: list[float] = []
    lowered = candidates.keys
    firsts = [words[0] for words in candidates.words]
    lasts = [words[-1] for words in candidates.words]
    names = [index for index, row in enumerate(candidates.rows) if row[_ORGANISATION_COLUMN] == 1.0]
    for index in order:
        if len(chosen) == count:
            break
        value = values[index]
        if names:
            index = _whole_name_holding(index, names, values, lowered, candidates.body)
        phrase = lowered[index]
        if any(phrase in lowered[better] or lowered[better] in phrase for better in chosen):
            continue  # one of 能力作风建设 and 能力作风建设年
        crossing = False
        for better in chosen:  # no two phrases cross (see _joined)
            if (lasts[better] == firsts[index] and _joined(candidates, better, index, lowered)) or (
                lasts[index] == firsts[better] and _joined(candidates, index, better, lowered)
            ):
                crossing = True
                break
        if not crossing:
            chosen.append(index)
            ranked.append(value)
    return list(zip(chosen, ranked, strict=True))


def _whole_name_holding(
    index: int, names: list[int], values: list[float], lowered: list[str], body: str
) -> int:
    """The best-ranked organisation's name that holds candidate ``index`` and that the
    article says at least half as often as it (a piece said mostly apart from the name is a
    topic of its own), else ``index``."""
    piece = lowered[index]
    whole = index
    for name in names:
        if (
            name != index
            and piece in lowered[name]
            and (whole == index or values[name] > values[whole])
            and 2 * body.count(lowered[name]) >= body.count(piece)
        ):
            whole = name
    return whole


def _joined(candidates: PhraseCandidates, before: int, after: int, lowered: list[str]) -> bool:
    """Whether phrase ``before`` ends on the word that opens phrase ``after`` and the article
    says the two as one run: they cross (党支部书记 + 书记队伍活力 in 党支部书记队伍活力, 美女店长
    + 店长坐镇). Each cuts the other's compound: a tag list shows the better one, not two
    pieces crossing."""
    shared = candidates.words[before][-1]
    if shared != candidates.words[after][0] or not lowered[after].startswith(shared):
        return False
    return lowered[before] + lowered[after][len(shared) :] in candidates.body


class _Occurrences:
    """Where one candidate phrase occurs, summed as the features need them."""

    def __init__(
        self, words: list[str], pos: list[str], kind: int, sentence: int, position: int, following: str
    ) -> None:
        self.words = words  # lower-cased
        self.head_pos = pos[-1]
        self.proper = any(tag in _PROPER_POS for tag in pos)
        self.opens_with_modifier = pos[0] in {"a", "b"}
        self.kind = kind
        self.first_sentence = sentence
        self.first_position = position
        self.count = 0
        self.paragraphs = 0
        self.last_paragraph = -1
        self.left_extended = 0
        self.right_extended = 0
        self.whole_run = 0
        # The content word after every occurrence so far, where it is always the same ("" if not).
        self.following = following


def phrase_candidates(
    sentences: Sequence[DocSentence],
    words: Sequence[SentenceWords],
    word_scores: dict[str, float],
    *,
    idf: IdfTable | None = None,
    statistics: KeyphrasenessTable | None = None,
    verb_lexicon: frozenset[str] | None = None,
    ambiguous_lexicon: frozenset[str] | None = None,
) -> PhraseCandidates:
    """Every candidate phrase of an article's content sentences and its features (its words'
    keyphraseness from ``statistics``, the shipped table by default)."""
    found: dict[str, _Occurrences] = {}
    spelled: dict[str, str] = {}
    lexicon_verbs = noun_tagged_verbs() if verb_lexicon is None else verb_lexicon
    ambiguous = ambiguous_verbs() if ambiguous_lexicon is None else ambiguous_lexicon
    verbs, nominal_verbs, given_names, band_sentences = _verb_uses(words, lexicon_verbs, ambiguous)
    position = 0
    for sentence_index, (sentence, sentence_words) in enumerate(zip(sentences, words, strict=True)):
        _grammar_phrases(
            sentence_words,
            sentence_index,
            position,
            verbs,
            nominal_verbs,
            lexicon_verbs,
            ambiguous if sentence_index in band_sentences else _NO_WORDS,
            given_names,
            found,
            spelled,
        )
        if "“" in sentence.text or "《" in sentence.text or "「" in sentence.text:
            _quoted_names(sentence, sentence_index, position, verbs, lexicon_verbs, found, spelled)
        position += len(sentence_words.texts)
    keys = [key for key, occurrences in found.items() if _well_formed(occurrences)]
    if not keys:
        return PhraseCandidates([], [])
    body = "\n".join(["".join(sentence.lowered) for sentence in words])
    rows = _rows(
        keys,
        [found[key] for key in keys],
        word_scores=word_scores,
        body=body,
        paragraph_count=len({sentence.paragraph for sentence in words}),
        token_count=max(position, 1),
        idf=idf or jieba_idf(),
        statistics=statistics or keyphraseness(),
    )
    return PhraseCandidates(
        [spelled[key] for key in keys], rows, [found[key].words for key in keys], body, keys
    )


def _well_formed(occurrences: _Occurrences) -> bool:
    """A grammar phrase must end where a noun phrase ends at least once (not always followed
    by a noun it modifies: 中央经济 of 中央经济工作会议), and, where it is never a whole run,
    in at least half of its uses (人民抗日 of 人民抗日武装, said once of the people's resistance);
    one opening on a one-character modifier must recur (新时代 is a term, 少活动 a fragment)."""
    if occurrences.kind == _VERB_HEADED:
        return occurrences.count > 1
    if occurrences.kind != _GRAMMAR:
        return True
    if occurrences.following and occurrences.count > 2:
        return False  # always said before the same word: a cut of a longer name (上海合作 | 组织)
    if occurrences.right_extended == occurrences.count or (
        occurrences.whole_run == 0 and 2 * occurrences.right_extended > occurrences.count
    ):
        return False
    return len(occurrences.words[0]) > 1 or occurrences.count > 1


def _record(
    found: dict[str, _Occurrences],
    spelled: dict[str, str],
    *,
    key: str,
    text: str,
    words: list[str],
    pos: list[str],
    kind: int,
    sentence: int,
    paragraph: int,
    position: int,
    left_extended: bool = False,
    right_extended: bool = False,
    whole_run: bool = True,
    following: str = "",
) -> None:
    occurrences = found.get(key)
    if occurrences is None:
        occurrences = found[key] = _Occurrences(words, pos, kind, sentence, position, following)
        spelled[key] = text
    elif occurrences.following != following:
        occurrences.following = ""
    occurrences.count += 1
    if occurrences.last_paragraph != paragraph:
        occurrences.last_paragraph = paragraph
        occurrences.paragraphs += 1
    occurrences.left_extended += left_extended
    occurrences.right_extended += right_extended
    occurrences.whole_run += whole_run


def _verb_uses(
    words: Sequence[SentenceWords], lexicon: frozenset[str], ambiguous: frozenset[str]
) -> tuple[set[str], set[str], set[str], set[int]]:
    """The (lower-cased) words the article uses as verbs somewhere: before 了, 着, 过 or after an
    adverb. jieba tags many verbs as nouns (战胜, 利用, 压实); no phrase holds one of these.
    Second, the verbs (jieba's, and those of the ``lexicon`` of verbs it tags as nouns) that the
    article also uses as nouns, after 的 (的保护, 的振兴, 的谋划): only those may head a phrase
    (知识产权保护, 乡村振兴), where 指出, 表示, 开通 after a noun are its subject's verb.
    Third, the given names jieba cut from a one-character surname (杨 | 济源): the word is a
    person's name wherever the article says it after a name ending on that surname (致杨 |
    济源 | 倒地), in no phrase there.
    Fourth, the sentences that hold a word of the ``ambiguous`` band (read in this pass over
    every word, so that only those sentences are scanned again for the band's verbs)."""
    verbs: set[str] = set()
    nominal: set[str] = set()
    given_names: set[str] = set()
    band_sentences: set[int] = set()
    for number, sentence in enumerate(words):
        texts, flags, lowered, pos = sentence.texts, sentence.flags, sentence.lowered, sentence.pos
        holds_band = False
        flag = flags[0] if flags else 0
        for index in range(1, len(texts)):
            before = flag  # the previous word's, carried over rather than read again
            flag = flags[index]
            if not holds_band and flag & NOMINAL and lowered[index] in ambiguous:
                holds_band = True
            if flag & ASPECT or _is_aspect_word(texts[index]):
                verbs.add(lowered[index - 1])
            elif before & ADVERB:
                verbs.add(lowered[index])
            if (
                before & PERSON_TAG
                and len(texts[index - 1]) == 1
                and _given_name_after_surname(texts, pos, index)
            ):
                given_names.add(lowered[index])
            # 的 is a particle (a function word): the tag bits rule out most words first.
            if before & FUNCTION and texts[index - 1] == "的" and (flag & VERB or lowered[index] in lexicon):
                nominal.add(lowered[index])
        if holds_band:
            band_sentences.add(number)
    return verbs, nominal, given_names, band_sentences


def _joined_words(words: list[str], first: int, last: int) -> str:
    """Words ``first`` to ``last`` (included) as one string; two words (most phrases) by one
    concatenation, without the slice and the join."""
    if last == first + 1:
        return words[first] + words[last]
    return "".join(words[first : last + 1])


def _is_aspect_word(text: str) -> bool:
    """Whether a word is 了, 着 or 过 whatever jieba tags it, told by its one code point
    compared as a machine integer (a set of strings would hash each one-character word)."""
    return len(text) == 1 and ord(text[0]) in (_LE, _ZHE, _GUO)


def _grammar_phrases(
    sentence: SentenceWords,
    sentence_index: int,
    position: int,
    verbs: set[str],
    nominal_verbs: set[str],
    lexicon_verbs: frozenset[str],
    ambiguous: frozenset[str],
    given_names: set[str],
    found: dict[str, _Occurrences],
    spelled: dict[str, str],
) -> None:
    """The noun phrases of one sentence (see the module docstring) and its joined names."""
    texts, lowered, pos = sentence.texts, sentence.lowered, sentence.pos
    flags, widths = sentence.flags, sentence.widths
    size = len(texts)
    verbs_here = _ambiguous_verbs_here(lowered, pos, flags, lexicon_verbs, ambiguous)
    index = 0
    while index < size:
        if not flags[index] & (NOMINAL | MODIFIER) or _glued_localiser(lowered[index]):
            index += 1
            continue
        if verbs_here is not None and index in verbs_here:
            index += 1  # a verb here, by its neighbours (孟州市 | 对标 | 对表 | 省委)
            continue
        # A run: an optional opening modifier, then nouns, none used as a verb but for verbal
        # nouns (jieba's vn: 建设, 发展), which are nouns as often as verbs.
        if index + 1 < size and flags[index + 1] & NOMINAL and lowered[index] in lexicon_verbs:
            index += 1  # a verb jieba tags as a noun, before its object (利用 | 连锁药店)
            continue
        start = index
        stop = index + 1
        quoted = start > 0 and flags[start - 1] & PUNCTUATION != 0 and texts[start - 1] in _OPENING_QUOTES
        while (
            stop < size
            and (
                (flags[stop] & NOMINAL and (pos[stop] == "vn" or lowered[stop] not in verbs))
                or _closes_word(texts, flags, stop, quoted=quoted)
                or (texts[stop] == _ORGANISATION_VERB_HEAD and pos[stop - 1] == "vn")
            )
            and not _glued_localiser(lowered[stop])
            and not (verbs_here is not None and stop in verbs_here)
        ):
            if stop + 1 < size and flags[stop + 1] & NOMINAL and lowered[stop] in lexicon_verbs:
                break  # the same after nouns (CVS | 利用 | 连锁药店); ending a run it heads one (决策部署)
            stop += 1
        # A verb jieba tags as such may still head a phrase where it is used as a noun, after
        # nouns and before punctuation, 的, a localiser or a conjunction (乡村治理，精准脱贫的),
        # if the article uses it as a noun elsewhere.
        verb_head = (
            stop < size
            and flags[stop] & VERB != 0
            and len(texts[stop]) >= 2
            and lowered[stop] in nominal_verbs
            and lowered[stop] not in verbs
            and (stop + 1 == size or flags[stop + 1] & AFTER_NOMINAL != 0)
        )
        # A verbal noun right after a verb or an adverb is a verb there, and
        # the nouns after it its object (整合运用乡村, 很影响演员): no phrase opens on it there.
        verb_opens = start > 0 and pos[start] == "vn" and pos[start - 1] in _BEFORE_A_VERB
        cut_names = len(given_names) > 0
        # The organisations' names of this run by the word that ends them, taken whole from
        # the first word that opens one: 中国文化国际传播研究院, not 国际传播研究院 (a cut).
        named: set[int] | None = None
        for first in range(start, stop):
            if (
                _is_person(texts[first], pos[first], flags[first])
                or (pos[first] != "vn" and lowered[first] in verbs)
                or (cut_names and _given_name_here(texts, lowered, flags, first, given_names))
            ):
                continue  # a person is a keyword; with a title or a role it is no phrase either
            if first == start and verb_opens:
                continue
            if (
                first > 0
                and flags[first - 1] & _BEFORE_A_NAME_END
                and _finishes_a_name(texts, pos, flags, first)
            ):
                continue  # 杨 | 济源, 大湾 | 区分: jieba cut a name, and this word holds its end
            if first > start and flags[first - 1] & NAME_PIECE and lowered[first] in _PLACE_HEADS:
                continue  # 望京 | 街道: the head closes the place's name, no phrase opens on it
            if first > start + 1 and pos[first - 1] == "vn":
                # A verbal noun inside a run modifies the noun after it (消防救援队伍): no
                # phrase opens on that noun (队伍指战员 cuts 救援队伍 in two).
                continue
            if lowered[first] in _DETERMINERS:
                continue  # 所有, 部分: a quantity of the phrase, not part of a term
            if (
                widths[first] > 1
                and MIN_CHARS <= len(texts[first]) <= MAX_NAME_CHARS
                and not (first + 1 < size and _finishes_a_name(texts, pos, flags, first + 1))
                and not _before_a_place_head(lowered, flags, first, stop)
            ):
                _record(
                    found,
                    spelled,
                    key=lowered[first],
                    text=texts[first],
                    words=[lowered[first]],
                    pos=[pos[first]],
                    kind=_NAME,
                    sentence=sentence_index,
                    paragraph=sentence.paragraph,
                    position=position + first,
                    left_extended=first > start,
                    right_extended=first + 1 < stop,
                    whole_run=first == start and first + 1 == stop,
                )
            if len(texts[first]) == 1 and (
                not flags[first] & MODIFIER
                or (first > 0 and len(texts[first - 1]) == 1 and not flags[first - 1] & FUNCTION)
            ):
                # A piece of a word (项国家标准); so is a one-character modifier after another
                # content character: a verb's complement (打 | 好 | 污染), a word cut up (短 | 焦 | 镜头).
                continue
            chars = len(texts[first])
            # A name opens it (the tag bits first: _PROPER_POS is NAME_PIECE and nt).
            opens_a_name = flags[first] & NAME_PIECE != 0 or pos[first] == ORGANISATION
            for last in range(
                first + 1, min(stop + verb_head, first + (MAX_NAME_WORDS if opens_a_name else MAX_WORDS))
            ):
                chars += len(texts[last])
                # Read only where it matters: for a phrase opening on a name, or for a cut of
                # a name found whole.
                organisation = (
                    (opens_a_name or named is not None)
                    and last < stop
                    and _closes_an_organisation(texts, pos, last)
                )
                if chars > MAX_CHARS or last - first >= MAX_WORDS:
                    # Only an organisation's name that opens on a name may be longer.
                    if chars > MAX_NAME_CHARS or not opens_a_name:
                        break
                    if not organisation:
                        continue
                if len(texts[last]) == 1 and not (
                    (texts[last] in _NOUN_SUFFIXES and len(texts[last - 1]) > 1)
                    or (texts[last] == "年" and first == start and last + 1 == stop and last - first > 1)
                ):
                    # A one-character word inside a phrase is a piece of a longer one, but for a
                    # noun suffix closing the word before it (大湾 + 区, 注册 + 制) and 年 closing
                    # a whole run of two words or more (柬埔寨文化旅游年, not 旅游年 of 文化和旅游年).
                    break
                if lowered[last] in _LIGHT_HEADS or _ends_on(lowered[last], _SHI, _SHI):
                    # 学校方面, 北京时间: a relation or a time, not a topic; nor is a word jieba
                    # glued to 时 (主题演讲时: "when giving the speech").
                    continue
                if _is_person(texts[last], pos[last], flags[last]) or (
                    cut_names and _given_name_here(texts, lowered, flags, last, given_names)
                ):
                    break  # 主席习近平, 种子张怡宁: a person with a title or a role is the person
                if (
                    last + 1 < size
                    and flags[last] & NAME_PIECE
                    and _finishes_a_name(texts, pos, flags, last + 1)
                ):
                    continue  # 粤港澳大湾 | 区分会场: the place name ends in the next word
                if chars < MIN_CHARS:
                    continue
                if _before_a_place_head(lowered, flags, last, stop):
                    continue  # 朝阳区望京 | 街道: a cut of the place's name

                if (
                    lowered[last] in lexicon_verbs
                    and lowered[last] not in nominal_verbs
                    and not lowered[last - 1].endswith("性")
                ):
                    # 全盘谋划, 干部利用: a verb jieba tags as a noun heads no phrase unless the
                    # article uses it as one (after 的) or an attribute in 性 makes it one (历史性成就).
                    continue
                if pos[first] == "vn" and pos[last] in _PROPER_POS:
                    continue  # a verb and its object (利用连锁药店, 服务北京): a noun's modifier names no one
                if pos[last] == "ns" and pos[last - 1] not in _PROPER_POS:
                    break  # 领导人 + 厦门 (会晤): a common noun before a place modifies what follows
                if organisation:
                    if named is not None and last in named:
                        continue  # a cut of an organisation's name found whole
                    if opens_a_name:
                        named = named or set()
                        named.add(last)
                # An organisation's name is whole whatever noun follows it (研究院 | 院长,
                # 上海合作组织 | 发展): it is no cut of a longer phrase, unless the next word
                # heads a longer name (中国铁路昆明局 | 集团).
                whole_name = (
                    organisation
                    and opens_a_name
                    and not (last + 1 < stop and _closes_an_organisation(texts, pos, last + 1))
                )
                _record(
                    found,
                    spelled,
                    key=_joined_words(lowered, first, last),
                    text=_joined_words(texts, first, last),
                    words=lowered[first : last + 1],
                    pos=pos[first : last + 1],
                    kind=_VERB_HEADED if last == stop else _ORGANISATION_NAME if whole_name else _GRAMMAR,
                    sentence=sentence_index,
                    paragraph=sentence.paragraph,
                    position=position + first,
                    left_extended=first > start,
                    right_extended=last + 1 < stop and not whole_name,
                    whole_run=first == start and (last + 1 >= stop or whole_name),
                    following=lowered[stop]
                    if last + 1 == stop and stop < size and pos[last] == "vn" and pos[stop] == "v"
                    else "",
                )
        index = stop


def _ambiguous_verbs_here(
    lowered: list[str], pos: list[str], flags: list[int], lexicon: frozenset[str], ambiguous: frozenset[str]
) -> set[int] | None:
    """The places where a word of the lexicon's ``ambiguous`` band (verbs as often as nouns by
    their neighbours in the training articles: 对标, 对表, 团结) is a verb in this sentence: in a
    run of verbs before their object, next to another verb of the band or of the lexicon
    (孟州市 | 对标 | 对表 | 省委, 团结 | 动员 | 广大妇女). Elsewhere it is a noun: real nouns sit in
    the same band (加沙地带, 政法工作, 研究院院长), and neither the word before (a name may be a
    subject or a modifier: 孟州市对标, 加沙地带) nor an adjective after (病人感觉不适, but 地带
    成功试射, 部署落实, with jieba's 落实 an adjective) tells them apart. No phrase holds the word
    where it is a verb: it would be a subject with its verb or a verb with its object."""
    here: set[int] | None = None  # made only where the band's word is a verb (rare)
    if not ambiguous:
        return here
    for index in range(1, len(lowered) - 1):
        if not flags[index] & NOMINAL or lowered[index] not in ambiguous:
            continue
        if (here is not None and index - 1 in here and flags[index + 1] & NOMINAL) or (
            opens_a_verb_run(lowered[index], lowered[index + 1], ambiguous=ambiguous, lexicon=lexicon)
            and index + 2 < len(lowered)
            and flags[index + 2] & NOMINAL
        ):
            if here is None:
                here = set()
            here.add(index)
    return here


def _before_a_place_head(lowered: list[str], flags: list[int], index: int, stop: int) -> bool:
    """Whether word ``index``, a name, comes before a place's head of the same run (望京 |
    街道): the name goes on there, and ends on no phrase."""
    return index + 1 < stop and flags[index] & NAME_PIECE != 0 and lowered[index + 1] in _PLACE_HEADS


def _closes_an_organisation(texts: list[str], pos: list[str], index: int) -> bool:
    """Whether word ``index`` of a run of nouns is the head of an organisation's name: one of
    the generic heads of :mod:`summarizer.terms.entities` (研究院, 委员会, 有限公司), or 组织 after
    a verbal noun (上海合作组织), which jieba tags a verb."""
    text = texts[index]
    return text in ORGANISATION_HEADS or (text == _ORGANISATION_VERB_HEAD and pos[index - 1] == "vn")


def _finishes_a_name(texts: list[str], pos: list[str], flags: list[int], index: int) -> bool:
    """Whether word ``index`` holds the end of a name jieba cut before it: a given name after a
    one-character surname (杨 | 济源), a place's suffix glued to the next word (大湾 | 区分会场:
    大湾区 | 分会场), the space inside an English name or the word after it (Light | SA). No
    phrase opens on such a word, nor ends before it. (Read for every phrase: the tag bits
    rule out most words before any string is read.)"""
    before = flags[index - 1]
    if before & PERSON_TAG:
        return (
            len(texts[index - 1]) == 1
            and pos[index - 1] == "nr"
            and _given_name_after_surname(texts, pos, index)
        )
    if before & PUNCTUATION:  # the word after a space inside an English name (Light | SA公司)
        return (
            index >= 2
            and texts[index - 1].isspace()
            and _name_word(texts, pos, index - 2)
            and _opens_on_a_letter(texts[index])
        )
    if flags[index] & PUNCTUATION:  # the space inside it
        return (
            texts[index].isspace()
            and _name_word(texts, pos, index - 1)
            and index + 1 < len(texts)
            and _opens_on_a_letter(texts[index + 1])
        )
    return pos[index - 1] == "ns" and len(texts[index]) > 1 and texts[index][0] in _PLACE_SUFFIXES


def _name_word(texts: list[str], pos: list[str], index: int) -> bool:
    """A word of letters (Light, Shane), not a model number (SX10, 5D): a name goes on after it."""
    return pos[index] == "eng" and texts[index].isalpha()


def _opens_on_a_letter(text: str) -> bool:
    """Whether a word opens on a Latin letter (Light, SA公司: jieba joins a name's last word to
    the Chinese noun after it)."""
    return text[:1].isascii() and text[:1].isalpha()


def _given_name_here(
    texts: list[str], lowered: list[str], flags: list[int], index: int, given_names: set[str]
) -> bool:
    """Whether word ``index`` is one of the article's given names cut from their surname, here
    after a word tagged a name that ends on that surname (杨 | 济源, 致杨 | 济源): 新春 said
    after 贺 is no name where the article says 新春佳节."""
    return (
        index > 0
        and flags[index - 1] & PERSON_TAG != 0
        and lowered[index] in given_names
        and texts[index - 1][-1] in SURNAMES
    )


def _given_name_after_surname(texts: list[str], pos: list[str], index: int) -> bool:
    """Whether word ``index``, after a one-character word tagged a name, is the given name
    jieba cut from that surname (杨 | 济源 tagged a place): a name of at most two characters,
    not a common noun (杨 | 书记)."""
    return texts[index - 1] in SURNAMES and len(texts[index]) <= 2 and pos[index] in _PROPER_POS


def _glued_localiser(word: str) -> bool:
    """Whether jieba glued a localiser to a noun (车站里, 餐桌上): a place where something
    happens (车站里流动的风景); it ends a run and is in no phrase."""
    return _ends_on(word, _LI, _SHANG)


def _ends_on(word: str, one: int, other: int) -> bool:
    """Whether a word of three characters or more ends on one of two characters, given by their
    code points: ``ord`` of an indexed character reads it without making a string of it (this
    runs for every phrase; same result as ``word[-1] in {...}``)."""
    size = len(word)
    if size <= 2:
        return False
    last = ord(word[size - 1])
    return last in (one, other)


def _closes_word(texts: list[str], flags: list[int], index: int, *, quoted: bool) -> bool:
    """Whether a one-character noun suffix closes the noun before it whatever jieba tags it
    (纪念 + 园 is zg): the run goes on, so that no phrase ends on the word it cut (游击队纪念).
    A run that opens a quote ends at the quote: the quoted name is read whole elsewhere."""
    return (
        not flags[index] & PUNCTUATION
        and flags[index - 1] & NOMINAL != 0
        and len(texts[index]) == 1
        and len(texts[index - 1]) > 1
        and (
            texts[index] in _NOUN_SUFFIXES
            or (not quoted and texts[index] == "年" and _closes_a_year(texts, flags, index))
        )
    )


def _closes_a_year(texts: list[str], flags: list[int], index: int) -> bool:
    """Whether 年 after a noun names a themed year (文化旅游年, 能力作风建设年) where jieba tags
    it a number: only where the name ends there, before punctuation or 的; before a noun it
    is "yearly" (汽车年产能) or a piece of the next word (论坛年会)."""
    following = index + 1
    return texts[index] == "年" and (
        following == len(texts) or flags[following] & PUNCTUATION != 0 or texts[following] == "的"
    )


def _is_person(text: str, tag: str, flag: int) -> bool:
    """Whether a word is a person's name. jieba tags many two-character common words as names
    (道德, 养老, 友谊, 迎春); a Chinese name of two characters opens on a surname. A name jieba glued
    to 率 ("leads": 沈跃跃率 | 调研组, tagged nz as an unknown word) is the person leading,
    not a rate (增长率 opens on no surname and is tagged n)."""
    if not flag & PERSON_TAG:
        # Read for every word of every run: the tag bits and the length rule out most words
        # before any string is read.
        if not flag & NAME_PIECE:
            return False
        size = len(text)
        return 3 <= size <= 4 and ord(text[size - 1]) == _LEADS and tag == "nz" and text[0] in SURNAMES
    return tag != "nr" or len(text) != 2 or text[0] in SURNAMES


def _quoted_names(
    sentence: DocSentence,
    sentence_index: int,
    position: int,
    verbs: set[str],
    lexicon_verbs: frozenset[str],
    found: dict[str, _Occurrences],
    spelled: dict[str, str],
) -> None:
    """Names in title marks or quotes, of whole words, that start and end on content words,
    and a quoted name with the nouns it modifies (“五星”支部, “一带一路”建设)."""
    tokens = sentence.tokens
    sentence_text = sentence.text
    for opening, closing in _quoted_spans(sentence_text):
        start, end = sentence.start + opening + 1, sentence.start + closing
        # Tokens tile the text in order: those starting inside the quote are the ones inside
        # it, unless the last runs past its end (then no name is quoted).
        first = _first_token_from(tokens, start)
        stop = _first_token_from(tokens, end)
        inside = tokens[first:stop]
        if not inside or inside[0].start != start or inside[-1].end != end:
            continue
        quote = sentence_text[opening]
        if quote == "“":
            _quoted_modifier(
                sentence, first, stop, sentence_index, position, verbs, lexicon_verbs, found, spelled
            )
        if len(inside) < 2:
            continue
        first_flags, last_flags = tag_flags(inside[0].pos), tag_flags(inside[-1].pos)
        if first_flags & FUNCTION or last_flags & (FUNCTION | LOCALISER):
            continue  # a name starts and ends on content words: not on 的, 在, 和, 也, nor on …中
        if quote != "《" and (
            inside[0].pos == "v"
            or sentence.lowered[first] in lexicon_verbs
            or any(tag_flags(token.pos) & FUNCTION for token in inside[1:-1])
            or (len(inside) >= _SENTENCE_TOKENS and tag_flags(inside[-1].pos) & VERB)
            or (inside[-1].pos == "a" and len(inside[-1].text) > 1)
        ):
            # A quoted sentence (“想成为世界冠军”, “肉可以吃”, “日子一天天好起来”), not a name: it
            # opens on a verb (jieba's, or one of the lexicon's it tags as a noun: “布置作业”),
            # holds a function word (的, 都, 你...) or is a subject and its predicate (four
            # tokens or more ending on a verb, or any ending on an adjective: “白杨不老”; a
            # noun phrase ends on its noun, a coined name may on a colour: “志愿红”). A title
            # may be any of these.
            continue
        if any(token.pos == "x" for token in inside):
            continue
        text = "".join([token.text for token in inside])
        _record(
            found,
            spelled,
            key=text.lower(),
            text=text,
            words=list(sentence.lowered[first:stop]),
            pos=[token.pos for token in inside],
            kind=_TITLE if quote == "《" else _QUOTE,
            sentence=sentence_index,
            paragraph=sentence.paragraph,
            position=position + first,
        )


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    r"""Where ``text`` quotes a name: (the opening mark, the closing mark) of each run of
    ``_MIN_QUOTED`` to ``_MAX_QUOTED`` characters between an opening mark (“《「) and a closing
    one (”》」) that holds no mark and no space, left to right, as the regular expression
    ``[“《「]([^”》」“《「\s]{2,12})[”》」]`` finds them; read by one walk over the characters'
    code points, compared as machine integers (a set of code points would box each one)."""
    spans: list[tuple[int, int]] = []
    size = len(text)
    index = 0
    while index < size:
        if not _opens_a_quote(ord(text[index])):
            index += 1
            continue
        # The run of name characters after the mark ends on the first mark or space.
        after = index + 1
        limit = min(size, after + _MAX_QUOTED + 1)
        while after < limit and not _ends_a_quoted_name(text, after):
            after += 1
        if (
            _MIN_QUOTED <= after - index - 1 <= _MAX_QUOTED
            and after < size
            and _closes_a_quote(ord(text[after]))
        ):
            spans.append((index, after))
            index = after + 1
        else:
            index += 1
    return spans


def _opens_a_quote(code: int) -> bool:
    return code in (_LEFT_QUOTE, _LEFT_TITLE, _LEFT_CORNER)


def _closes_a_quote(code: int) -> bool:
    return code in (_RIGHT_QUOTE, _RIGHT_TITLE, _RIGHT_CORNER)


def _ends_a_quoted_name(text: str, index: int) -> bool:
    """Whether character ``index`` is a quotation mark or a space (no character past U+3000,
    the last space, is one: ``isspace`` is asked of the others only)."""
    code = ord(text[index])
    if _opens_a_quote(code) or _closes_a_quote(code):
        return True
    return code <= _LAST_SPACE and text[index].isspace()


def _first_token_from(tokens: Sequence[Token], offset: int) -> int:
    """The index of the first token starting at ``offset`` or after (``bisect_left`` by the
    tokens' starts, without a call of a key function per step)."""
    low, high = 0, len(tokens)
    while low < high:
        middle = (low + high) // 2
        if tokens[middle].start < offset:
            low = middle + 1
        else:
            high = middle
    return low


def _quoted_modifier(
    sentence: DocSentence,
    first: int,
    stop: int,
    sentence_index: int,
    position: int,
    verbs: set[str],
    lexicon_verbs: frozenset[str],
    found: dict[str, _Occurrences],
    spelled: dict[str, str],
) -> None:
    """A quoted name of nouns with the noun it modifies (“五星”支部, “三农”工作, “入盟”谈判):
    the campaign or the coined name with its head is the topic, where the grammar stops at
    the quote and the name alone (五星) is no phrase of two words. The quoted name and the
    noun right after it make one unit whatever follows (“三农”工作 | 硬任务), so the phrase
    is that noun's, read as in the grammar: no verb the article uses as one, no person, no
    one-character word but for a noun suffix (“五星”村). It keeps its quotes, as an editor
    writes it."""
    tokens, lowered = sentence.tokens, sentence.lowered
    head = stop + 1  # the token after the closing quote
    if head >= len(tokens) or stop - first > _SENTENCE_TOKENS:
        return
    token = tokens[head]
    flags = tag_flags(token.pos)
    word = lowered[head]
    if (
        not flags & NOMINAL
        or flags & PERSON_TAG
        or (token.pos != "vn" and word in verbs)
        or word in lexicon_verbs
        or word in _LIGHT_HEADS
        or _glued_localiser(word)
        or (len(word) == 1 and word not in _NOUN_SUFFIXES)
    ):
        return
    for index in range(first, stop):
        if (
            not tag_flags(tokens[index].pos) & NOMINAL
            or lowered[index] in lexicon_verbs
            or lowered[index] in verbs
        ):
            return  # a name of nouns, not a quoted clause (“肉可以吃”) nor an adjective (“志愿红”)
    inside = tokens[first:stop]
    text = "".join([piece.text for piece in tokens[first - 1 : head + 1]])
    if len(text) - 2 > MAX_CHARS:
        return
    _record(
        found,
        spelled,
        key=text.lower(),
        text=text,
        words=[*lowered[first:stop], word],
        pos=[*(piece.pos for piece in inside), token.pos],
        kind=_GRAMMAR,
        sentence=sentence_index,
        paragraph=sentence.paragraph,
        position=position + first - 1,
    )


def _rows(
    keys: list[str],
    occurrences: list[_Occurrences],
    *,
    word_scores: dict[str, float],
    body: str,
    paragraph_count: int,
    token_count: int,
    idf: IdfTable,
    statistics: KeyphrasenessTable,
) -> list[list[float]]:
    """One row of FEATURES per candidate, computed by a compiled loop (as for keywords)."""
    found = {keys[number]: occurrences[number] for number in range(len(keys))}
    # Which candidates hold which: a phrase always inside longer candidates is a piece of them.
    containing = dict.fromkeys(keys, 0)
    contained: list[int] = []
    for phrase in occurrences:
        pieces = _pieces_found(phrase.words, found)
        contained.append(len(pieces))
        for piece in pieces:
            containing[piece] += 1
    known, median = idf.values, idf.median
    usage, prior = statistics.log_odds, statistics.prior
    paragraphs = float(max(paragraph_count, 1))
    rows: list[list[float]] = []
    for number in range(len(keys)):
        key = keys[number]
        phrase = occurrences[number]
        total = 0.0
        highest = 0.0
        lowest = 1.0
        specific = 0.0
        used_total = 0.0
        used_highest = -math.inf
        used_lowest = math.inf
        score = 0.0  # the last word's (the head's) after the loop
        used = prior
        first_score = 0.0  # the first word's, read in the loop
        opening = True
        for word in phrase.words:
            score = word_scores.get(word, 0.0)
            if opening:
                first_score = score
                opening = False
            total += score
            highest = max(highest, score)
            lowest = min(lowest, score)
            specific += known.get(word, median)
            used = usage.get(word, prior)
            used_total += used
            used_highest = max(used_highest, used)
            used_lowest = min(used_lowest, used)
        size = len(phrase.words)
        count = float(phrase.count)
        # str.count reads the body once per phrase (~0.17 M instructions per article), and
        # still beats the alternatives measured: the places of the first character by
        # str.find (memchr) or str.split, each phrase compared there by code point, cost more.
        substrings = float(body.count(key))
        row = [
            math.log(1.0 + count),
            1.0 / (1.0 + phrase.first_sentence),
            phrase.first_position / token_count,
            1.0 if phrase.first_sentence == 0 else 0.0,
            phrase.paragraphs / paragraphs,
            math.log(1.0 + substrings),
            substrings / count,
            float(size),
            min(len(key), MAX_NAME_CHARS) / MAX_CHARS,
            total / size,
            highest,
            lowest,
            score,
            first_score,
            specific / size / 10.0,
            used_total / size,
            used_highest,
            used_lowest,
            used,
            1.0 if phrase.kind == _NAME else 0.0,
            1.0 if phrase.kind == _QUOTE else 0.0,
            1.0 if phrase.kind == _TITLE else 0.0,
            phrase.left_extended / count,
            phrase.right_extended / count,
            phrase.whole_run / count,
            math.log(1.0 + containing[key]),
            math.log(1.0 + contained[number]),
            1.0 if phrase.proper else 0.0,
            1.0 if phrase.opens_with_modifier else 0.0,
            1.0 if phrase.kind == _ORGANISATION_NAME else 0.0,
        ]
        row.extend(_HEAD_ONE_HOT[_HEAD_GROUPS.get(phrase.head_pos, len(_HEAD_FEATURES))])
        rows.append(row)
    return rows


# The group of a phrase's head, one-hot; the last row for a head in no group.
_HEAD_ONE_HOT: Final = tuple(
    tuple(1.0 if group == other else 0.0 for other in range(len(_HEAD_FEATURES)))
    for group in range(len(_HEAD_FEATURES) + 1)
)


def _pieces_found(words: list[str], found: dict[str, _Occurrences]) -> list[str]:
    """The shorter runs of ``words`` that are candidates themselves."""
    pieces: list[str] = []
    size = len(words)
    for first in range(size):
        for stop in range(first + 1, size + 1):
            if stop - first < size:
                piece = words[first] if stop - first == 1 else _joined_words(words, first, stop - 1)
                if piece in found:
                    pieces.append(piece)
    return pieces

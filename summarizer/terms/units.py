"""Whole units: words the article only ever uses inside the same longer unit, joined into it.

jieba cuts a term the article coins or repeats into the pieces its dictionary knows: a
transliterated name written without its dot, a brand, a fixed pair (违纪 / 违法). When a piece
never occurs in the article except inside one and the same longer run of words, the piece alone
is not what the article talks about: the run is. A keyword is then the run, whole.

The rule, read off the article alone (no list of terms): two adjacent words A B of one sentence
join when the article says the pair at least ``MIN_REPEATS`` times and neither word ever occurs
outside this pair, or, for the pieces of a person's name, when the pair is how the article
says each more often than not (a transliteration jieba cut once more differently: 奥通 巴耶娃
where it stands whole, 巴耶娃 alone where it does not); a run whose every pair joins becomes
one unit (青禾 作风 建设). One walk only
(a second round, joining what the first made, changed no measure and cost as much again). The
last word (the head) is a noun, a name or a verbal noun of two characters or more, or a numeral
or measure word jieba split off a noun (一带 一路, 美克美 家); the word before it a noun, name or
verbal noun of two characters or more, or a distinguishing word (副, 省级); a person's name joins
only with another piece of a name (奥通 巴耶娃; a title stays apart). Nothing joins
across punctuation, and a unit stays short (``MAX_UNIT_CHARS``): a long run is a phrase, which
the key phrases take. A measure word after a noun also closes a unit when the article writes the
noun nowhere but before it, counted in the characters (美克美家: jieba once cuts 美克美 / 家以,
and 家 counts things elsewhere); a numeral never does (垃圾多, 徐宝珍三).

Measured (People's Daily dev / THUCNews validation): keywords_p5_in_ref -0.004 / -0.008 against
the same model without units, since the verbatim measure credits a piece the title holds (贝巴
of 贝尔巴托夫), keywords_bigram_recall +0.002; kept for form: the units read as an editor's tags
(贝尔巴托夫, not 巴托夫; 东风悦达起亚, 法国足协, 违纪违法).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from summarizer.terms.tags import NAME_PIECE, NOMINAL, PERSON, PUNCTUATION, VERB
from summarizer.terms.words import SentenceWords, joined_words

MIN_REPEATS: Final = 2
MAX_UNIT_CHARS: Final = 8
_DISTINGUISHING: Final = "b"
# The tags of a numeral or measure word that may close a unit (一带 一路, 美克美 家).
_SPLIT_OFF: Final = frozenset({"m", "q"})
_MEASURE: Final = "q"
# The tags of the one-character words that may be a piece of a unit.
_ONE_CHARACTER_PIECES: Final = _SPLIT_OFF | {_DISTINGUISHING}


class WholeUnits:
    """The sentences with their whole units joined, the words each unit was joined from
    (lower-cased), and what the walk counted on the way, so that the keyword candidates' walk
    need not count it again: how often each (lower-cased) word of the joined sentences occurs
    (words of two characters or more, the only ones a candidate is or hides in, and the
    one-character words that may join a unit), and the verbs the article also uses as nouns
    (:func:`whole_units`)."""

    def __init__(
        self,
        sentences: list[SentenceWords],
        pieces: dict[str, tuple[str, ...]],
        said: dict[str, int],
        nominal_verbs: set[str],
    ) -> None:
        self.sentences: Final = sentences
        self.pieces: Final = pieces
        self.said: Final = said
        self.nominal_verbs: Final = nominal_verbs


def whole_units(sentences: Sequence[SentenceWords]) -> WholeUnits:
    """``sentences`` with every pair of words that only occur together joined into one word
    (with the head's part of speech). One walk counts every word and notes where a pair that
    could join stands; only the sentences holding a pair that joins are rebuilt.

    The same walk finds the verbs the article also uses as nouns, after 的 (的保护, 的振兴):
    jieba tags 脱贫, 治理, 创新 as verbs wherever they stand, and an editor tags a story with
    them (no unit joins a verb, so the joined sentences hold the same)."""
    said: dict[str, int] = {}
    nominal_verbs: set[str] = set()
    pairs: dict[tuple[str, str], int] = {}
    places: list[tuple[int, int]] = []  # (sentence, index of the head) of each possible pair
    name_pairs: set[tuple[str, str]] = set()  # the pairs of a name's pieces (奥通 巴耶娃)
    measure_pairs: set[tuple[str, str]] = set()  # a non-name before a measure word (美克美 家)
    for number, sentence in enumerate(sentences):
        lowered, flags, pos = sentence.lowered, sentence.flags, sentence.pos
        leads = False  # whether the word before may lead a unit
        for index in range(len(lowered)):
            flag = flags[index]
            if flag & PUNCTUATION:
                leads = False
                continue
            word = lowered[index]
            long_enough = len(word) >= 2
            # One-character words are counted only where they may join a unit (most are 的,
            # 在, 是...: the counts of the rest were a third of the walk's instructions).
            if long_enough or pos[index] in _ONE_CHARACTER_PIECES:
                said[word] = said.get(word, 0) + 1
            if flag & VERB:
                if index > 0 and lowered[index - 1] == "的":
                    nominal_verbs.add(word)
                leads = False
                continue
            if (
                leads
                and ((flag & NOMINAL and long_enough) or pos[index] in _SPLIT_OFF)
                and _may_pair(sentence, index, long_enough=long_enough)
            ):
                pair = (lowered[index - 1], word)
                pairs[pair] = pairs.get(pair, 0) + 1
                places.append((number, index))
                if (flag | flags[index - 1]) & PERSON:
                    name_pairs.add(pair)
                elif not long_enough and pos[index] == _MEASURE:
                    measure_pairs.add(pair)
            # A noun, name or verbal noun of two characters or more, or a distinguishing word
            # (副, 省级): not a numeral or measure (一位, 亿), a time (今年), nor a one-character
            # piece jieba left over from a word it cut wrongly.
            leads = bool(flag & NOMINAL and long_enough) or pos[index] == _DISTINGUISHING
    texts: list[str] = []  # the sentences' lower-cased text, made when a measure pair asks
    joining = {
        pair
        for pair, times in pairs.items()
        if _joins(pair, times, said, name_pairs)
        or (times >= MIN_REPEATS and pair in measure_pairs and _always_before(pair, sentences, texts))
    }
    if not joining:
        return WholeUnits(list(sentences), {}, said, nominal_verbs)
    heads: dict[int, set[int]] = {}
    for number, index in places:
        sentence = sentences[number]
        if (sentence.lowered[index - 1], sentence.lowered[index]) in joining:
            heads.setdefault(number, set()).add(index)
    pieces: dict[str, tuple[str, ...]] = {}
    joined = [
        _join(sentence, heads[number], pieces, said) if number in heads else sentence
        for number, sentence in enumerate(sentences)
    ]
    return WholeUnits(joined, pieces, said, nominal_verbs)


def _always_before(pair: tuple[str, str], sentences: Sequence[SentenceWords], texts: list[str]) -> bool:
    """Whether the article writes the pair's first word nowhere but before the measure word
    (美克美 家: jieba cuts 美克美 / 家 and once 美克美 / 家以, and the brand is 美克美家 each time),
    counted in the characters, so that a cut elsewhere still counts. A measure word after a
    noun is no measure of it but the end of a name (美克美家, LG杯); a numeral is never one
    (垃圾多, 徐宝珍三 and 女子组第 cut the next words), nor a word the article also writes
    apart (家 of 一家企业 counts not against it: the first word decides)."""
    if not texts:
        texts.extend("".join(sentence.lowered) for sentence in sentences)
    first, head = pair
    together = first + head
    return sum(text.count(first) for text in texts) == sum(text.count(together) for text in texts)


def _joins(pair: tuple[str, str], times: int, said: dict[str, int], name_pairs: set[tuple[str, str]]) -> bool:
    """Whether the pair, said ``times`` times, is one unit: neither word is said outside it;
    or both are pieces of a person's name (``name_pairs``: :func:`_may_pair` pairs a name only
    with another piece of a name) and the pair is how the article mostly says each: 奥通 巴耶娃
    three times and 巴耶娃 once more, where jieba cut 由奥通 / 巴耶娃, is a name said whole."""
    if times < MIN_REPEATS:
        return False
    first, second = said[pair[0]], said[pair[1]]
    if first == times and second == times:
        return True
    return pair in name_pairs and 2 * times > first and 2 * times > second


def _may_pair(sentence: SentenceWords, index: int, *, long_enough: bool) -> bool:
    """Whether word ``index`` may close a unit with the word before it (which may lead one).
    The head is a noun, name or verbal noun of two characters or more, or a numeral or measure
    word jieba split off a noun (一带 一路, 美克美 家; never one with a digit). A person's name
    pairs only with another piece of a name (a cut transliteration: 奥通 巴耶娃), never with a
    title before or after it (总书记 习近平, 习近平 主席). A unit stays within ``MAX_UNIT_CHARS``."""
    before = index - 1
    texts, flags = sentence.texts, sentence.flags
    if len(texts[before]) + len(texts[index]) > MAX_UNIT_CHARS:
        return False
    flag = flags[index]
    if not flag & NOMINAL:
        return (
            sentence.pos[index] in _SPLIT_OFF
            and bool(flags[before] & NOMINAL)
            and not any(character.isdigit() for character in texts[index])
        )
    if not long_enough:
        return False
    if bool(flag & PERSON) == bool(flags[before] & PERSON):
        return True
    return bool(flag & NAME_PIECE and flags[before] & NAME_PIECE)


def _join(
    sentence: SentenceWords, heads: set[int], pieces: dict[str, tuple[str, ...]], said: dict[str, int]
) -> SentenceWords:
    """``sentence`` with each word of ``heads`` joined to the word before it; each unit's
    pieces go to ``pieces``, and each occurrence of a unit is counted in ``said`` instead of
    its pieces' (which keep only what the article says of them outside their units)."""
    lowered, pos, flags = sentence.lowered, sentence.pos, sentence.flags
    spans: list[tuple[int, int, str, int]] = []
    start = 0
    for index in range(1, len(lowered) + 1):
        if index in heads:
            continue
        if index - start > 1:
            # The unit reads as its last nominal word (a numeral or measure word closing it
            # leaves the tag before it).
            last = max(k for k in range(start, index) if k == start or flags[k] & NOMINAL)
            spans.append((start, index, pos[last], flags[last]))
            unit = "".join(lowered[start:index])
            pieces[unit] = tuple(lowered[start:index])
            said[unit] = said.get(unit, 0) + 1
            for piece in pieces[unit]:
                left = said[piece] - 1
                if left:
                    said[piece] = left
                else:
                    del said[piece]
        start = index
    return joined_words(sentence, spans)

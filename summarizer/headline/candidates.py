"""Headline candidates of one sentence, all made by deleting words (never adding one):

- ``CLAUSE``: a clause, trimmed (:mod:`summarizer.headline.clauses`);
- ``SHORTER``: a long clause without its leading attribute (…的) or cut after a noun;
- ``JOINED``: two short neighbouring clauses with the comma between them;
- ``SUBJECT_PREDICATE``: the sentence's subject with a later clause that has none of its own
  (山阳区…，…，不断把…向纵深推进 -> 山阳区不断把…向纵深推进);
- ``COMPRESSED``: a clause, or a subject with its predicate, less its deletable phrases (a
  leading phrase of place, time or means, the titles before a name, a manner adverb, a second
  predicate joined by 并): what an editor drops to make a headline of a sentence;
- ``LEARNED``: the words the learned deletion model keeps (made in
  :mod:`summarizer.headline.compression`).

A candidate keeps real tokens of the sentence, so its character spans are its provenance.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Final

from summarizer.document import Token
from summarizer.headline import tag_classes as tc
from summarizer.headline.clauses import Clause, is_reporting_frame, join_tokens, trim
from summarizer.headline.form import may_end_before, predicate_tagged_as_noun
from summarizer.headline.wordlists import (
    CLAUSE_MARKS,
    DEMONSTRATIVE_CHARACTERS,
    DEMONSTRATIVES,
    DESTINATION_VERBS,
    FIRST_PERSON_PLURAL,
    FRAME_LOCALISERS,
    FRAME_PREPOSITIONS,
    LIST_CONJUNCTIONS,
    NEEDS_BEFORE,
    NEGATION_AND_TIME_ADVERBS,
    OBLIGATIONS,
    PERSONAL_PRONOUNS,
    PREDICATE_JOINERS,
    PROPOSAL_VERBS,
    QUOTES,
    RELATIVE_TIME,
    SELF_STANDING_PRONOUNS,
    TIME_LOCALISERS,
    WISHES_AND_PLANS,
    word_set,
)
from summarizer.text.speech import SPEECH_VERBS

CLAUSE: Final = 0
SHORTER: Final = 1
JOINED: Final = 2
SUBJECT_PREDICATE: Final = 3
COMPRESSED: Final = 4
# Kept by the learned deletion model (:mod:`summarizer.headline.compression`).
LEARNED: Final = 5
KINDS: Final = 6

# Classes of tag prefixes (:mod:`summarizer.headline.tag_classes`: a bit per prefix).
# A shortened headline ends on a noun: a cut after a verb would leave its object out.
_PREFIX_END: Final = tc.N | tc.VN | tc.ENG | tc.J | tc.I | tc.L
# Cutting before these would strand a modifier (的, 之) or split a compound or number.
_BINDING_NEXT: Final = tc.N | tc.U | tc.Q | tc.M | tc.ENG | tc.F | tc.K | tc.J
_LIST_WORDS: Final = LIST_CONJUNCTIONS | frozenset("、")
# What a subject is made of: nouns, names, numbers with their measure words, attributes.
_SUBJECT_WORD: Final = tc.N | tc.J | tc.ENG | tc.M | tc.Q | tc.B | tc.K | tc.S
_SUBJECT_HEAD: Final = tc.N | tc.J | tc.ENG
# A clause without a subject of its own opens on its verb or on an adverb before it.
_PREDICATE_OPENING: Final = tc.V | tc.D
# Words of a time or place adverbial: time and place words, localizers, numbers of a date.
_ADVERBIAL: Final = tc.T | tc.S | tc.F | tc.M | tc.Q
_PREDICATE_AFTER_SUBJECT: Final = tc.V | tc.D | tc.P
# A clause ending on one of these says when (…开展以来), not who.
_TIME_CLAUSE_ENDINGS: Final = TIME_LOCALISERS | word_set("来")
# Prepositions whose phrase says where, when, by what means or on what basis: the statement
# stands without it. (Not 对, 把, 向, 同, 与, 给: they bring in who or what the verb acts on.)
_DELETABLE_PREPOSITIONS: Final = FRAME_PREPOSITIONS | word_set(
    "从 自 经 经过 通过 随着 按照 依照 根据 依据 围绕 本着 截至 截止 趁 借助 凭借 面对"
)
_MAX_TITLE_WORDS: Final = 3
# Words of a title before a name (临时政府总理, 江南省省长): nouns, organisations, the country.
_TITLE_POS: Final = frozenset(("n", "nt", "ns", "nrt"))
# The first word of a transliterated name in two words (奥通 巴耶娃), tagged as another name.
_NAME_PART_POS: Final = frozenset(("nz", "nrt"))
# Adverbs that carry the meaning (negation, time, degree, scope) stay.
_MEANINGFUL_ADVERBS: Final = NEGATION_AND_TIME_ADVERBS | word_set(
    "依然 还是 只是 只有 都是 也是 第一次 不得 不用 无须 必须 一定 几乎 完全 至少 最多"
)
# Verbs that, opening a clause, go with a noun of what came before as its modifier or its
# list (…，包括…; …，来自…): glued to the sentence's subject they make no statement.
_MODIFIER_VERBS: Final = word_set("包括 包含 来自 位于 属于 涉及 覆盖 涵盖 其中 即 例如 比如 如 像")
_FRAME_CLOSERS: Final = frozenset(("为", "作为"))
_COPULAS: Final = word_set("是 为 系")
# Words of a wish, a plan or a call opening a predicate: the predicates after it are in its scope.
_SCOPE_WORDS: Final = WISHES_AND_PLANS | OBLIGATIONS
# A speaker (我们要…) and the words of obligation (OBLIGATIONS) that make what follows a call:
# the predicate alone is the imperative line that titles a speech (我们需要加快… -> 加快…).
# Adverbs between the speaker and the call (我们还要, 我们一定要, 我们都必须).
_CALL_ADVERBS: Final = word_set("还 也 都 一定 更 仍 仍然 继续 始终 更加 就")


class Candidate:
    """A headline candidate: ``tokens`` of sentence ``sentence_index`` in reading order, their
    ``text`` (:func:`join_tokens`), the ``position`` of the clause it starts in and its ``kind``.
    A plain compiled class, for the reason :class:`~summarizer.document.Token` is one."""

    def __init__(
        self, sentence_index: int, position: int, tokens: tuple[Token, ...], text: str, kind: int
    ) -> None:
        self.sentence_index: Final[int] = sentence_index
        self.position: Final[int] = position
        self.tokens: Final[tuple[Token, ...]] = tokens
        self.text: Final[str] = text
        self.kind: Final[int] = kind

    def __repr__(self) -> str:
        return (
            f"Candidate(sentence_index={self.sentence_index!r}, position={self.position!r}, "
            f"text={self.text!r}, kind={self.kind!r})"
        )


def sentence_candidates(
    sentence_index: int,
    tokens: tuple[Token, ...],
    clauses: tuple[Clause, ...],
    *,
    subject: tuple[int, tuple[Token, ...]],
    min_chars: int,
    max_chars: int,
    shorten_above: int,
) -> list[Candidate]:
    """Every candidate of one sentence (``tokens`` as :func:`~summarizer.headline.clauses.
    sentence_tokens` gives them, ``clauses`` their clauses, ``subject`` the clause position and
    tokens :func:`sentence_subject` finds in them), distinct texts only."""
    found: dict[str, Candidate] = {}
    bounds = (min_chars, max_chars)
    subject_clause, subject_tokens = subject
    for clause in clauses:
        # A clause is trimmed already and its text made.
        if _is_new(found, bounds, clause.text):
            found[clause.text] = Candidate(
                sentence_index, clause.position, clause.tokens, clause.text, CLAUSE
            )
        if len(clause.text) > shorten_above:
            # After the sentence's subject, a verb opening a clause may be that subject's
            # predicate (甲党建议…，实现相同收入的家庭缴纳…): its "attribute" is no modifier to drop.
            predicate_clause = (
                bool(subject_tokens) and clause.position > subject_clause and _is_verb(clause.tokens[0])
            )
            for variant in _shorter_forms(
                clause, max_chars=min(max_chars, len(clause.text) - 1), drop_attribute=not predicate_clause
            ):
                _add(found, bounds, sentence_index, clause.position, variant, SHORTER)
    # Runs of neighbouring clauses joined by the commas between them, as long as they fit: trimmed
    # clauses joined at a comma need no trimming, and their texts joined are the run's text.
    for begin in range(len(clauses) - 1):
        joined = clauses[begin].tokens
        text = clauses[begin].text
        if _says_when_or_where(joined):
            # …开展以来，甲区坚持…; 在…会上，甲区…: an editor deletes the leading time or place
            # clause (the statement after it is a candidate of its own), never keeps it.
            continue
        # A predicate without a subject (同比增长8.7%, 推进改革) goes on with clauses that have
        # none either: joined to one with a subject of its own (…，外贸实现“开门红”) it is a
        # piece of what was said before, left in front of a new statement.
        predicate_first = tc.classes(joined[0]) & _PREDICATE_OPENING or predicate_tagged_as_noun(joined, 0)
        for end in range(begin + 1, len(clauses)):
            first, second = clauses[end - 1], clauses[end]
            if second.position != first.position + 1 or len(text) + 1 + len(second.text) > max_chars:
                break
            if predicate_first and holds_own_subject(second.tokens):
                break
            comma = _break_between(tokens, first, second)
            if comma is None:
                break
            joined = (*joined, comma, *second.tokens)
            text = text + comma.text + second.text
            if _is_new(found, bounds, text):
                found[text] = Candidate(sentence_index, clauses[begin].position, joined, text, JOINED)
    pairs: list[tuple[int, tuple[Token, ...]]] = []
    if subject_tokens:
        # The speaker of an attribution (张三指出，…) goes with what he does, never with the
        # copula of the words said, whose subject a time word was (今年是… -> not 张三是…).
        speaker = any(
            clause.position == subject_clause and clause.tokens[-1].text in SPEECH_VERBS for clause in clauses
        )
        scoped = _opens_scope(clauses, subject_clause, subject_tokens[-1].start) or _only_in_a_state(
            clauses, subject_clause, subject_tokens
        )
        for clause in clauses if not scoped else ():
            opening = clause.tokens[0]
            if (
                clause.position > subject_clause
                and (tc.classes(opening) & _PREDICATE_OPENING or predicate_tagged_as_noun(clause.tokens, 0))
                and opening.text not in _MODIFIER_VERBS
                and not (speaker and opening.text in _COPULAS)
            ):
                if (
                    pairs
                    and pairs[-1][1][len(subject_tokens)].text in _SCOPE_WORDS
                    and opening.text not in _SCOPE_WORDS
                ):
                    # 甲愿深化互信，拓展合作: the clauses after a wish or a call are in its
                    # scope; the subject with them alone (甲拓展合作) says what was not done.
                    # A clause of a wish of its own (…，并有意…) opens a scope of its own.
                    break
                pairs.append((clause.position, (*subject_tokens, *clause.tokens)))
                _add(
                    found,
                    bounds,
                    sentence_index,
                    subject_clause,
                    (*subject_tokens, *clause.tokens),
                    SUBJECT_PREDICATE,
                )
    for clause in clauses:
        compressed = _compressed(clause.tokens)
        if compressed is not None:
            _add(found, bounds, sentence_index, clause.position, compressed, COMPRESSED)
    for _, pair in pairs:
        compressed = _compressed(pair)
        if compressed is not None:
            _add(found, bounds, sentence_index, subject_clause, compressed, COMPRESSED)
    return list(found.values())


def _opens_scope(clauses: tuple[Clause, ...], subject_clause: int, subject_end: int) -> bool:
    """Whether the verb after the subject in its own clause (past adverbs: 也, 还) is a wish, a
    plan, a call or a proposal (甲也建议以…，实现…): the later clauses say what it proposes, not
    what the subject did, and go with no subject."""
    for clause in clauses:
        if clause.position != subject_clause:
            continue
        # The subject's last token and the words after it (a time word may stand before it).
        index = 0
        while index < len(clause.tokens) and clause.tokens[index].start <= subject_end:
            index += 1
        while index < len(clause.tokens) and clause.tokens[index].pos == "d":
            index += 1
        return index < len(clause.tokens) and (
            clause.tokens[index].text in _SCOPE_WORDS or clause.tokens[index].text in PROPOSAL_VERBS
        )
    return False


def _only_in_a_state(
    clauses: tuple[Clause, ...], subject_clause: int, subject_tokens: tuple[Token, ...]
) -> bool:
    """Whether the subject's own clause ends on one predicate word after it, with no object (现有
    税率不变, 房价平稳, adverbs before it allowed), and the subject names no one (no person,
    place or organisation): a thing in a state, not an agent. The predicates of the next clauses
    are not that thing's acts (现有税率不变，提高纳税级差: not 现有税率提高纳税级差); a named
    subject acts on (甲公司成立，推出…)."""
    if any(tc.classes(token) & tc.NAME for token in subject_tokens):
        return False
    subject_end = subject_tokens[-1].start
    for clause in clauses:
        if clause.position != subject_clause:
            continue
        tokens = clause.tokens
        index = 0
        while index < len(tokens) and tokens[index].start <= subject_end:
            index += 1
        while index < len(tokens) - 1 and tc.classes(tokens[index]) & tc.D:
            index += 1
        return index == len(tokens) - 1 and (_is_verb(tokens[index]) or tc.classes(tokens[index]) & tc.A != 0)
    return False


def _add(
    found: dict[str, Candidate],
    bounds: tuple[int, int],
    sentence_index: int,
    position: int,
    kept: tuple[Token, ...],
    kind: int,
) -> None:
    """Trim ``kept`` and add it to ``found`` if its text is new and of a length within ``bounds``."""
    kept = trim(kept)
    if kept:
        text = join_tokens(kept)
        # A clause that frames the report never got here; a part of one cannot frame it either,
        # unless deleting words brought two pieces together.
        if _is_new(found, bounds, text) and (kind < SUBJECT_PREDICATE or not is_reporting_frame(text)):
            found[text] = Candidate(sentence_index, position, kept, text, kind)


def _is_new(found: dict[str, Candidate], bounds: tuple[int, int], text: str) -> bool:
    """Whether ``text`` is of a length within ``bounds`` and not yet in ``found``."""
    return bounds[0] <= len(text) <= bounds[1] and text not in found


def _compressed(base: tuple[Token, ...]) -> tuple[Token, ...] | None:
    """``base`` less its deletable phrases (None when it has none)."""
    units = deletable_phrases(base)
    if not units:
        return None
    kept: list[Token] = []
    start = 0
    for begin, end in units:
        kept.extend(base[start:begin])
        start = end
    kept.extend(base[start:])
    return tuple(kept)


def deletable_phrases(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Token ranges an editor may delete without breaking the statement: a prepositional phrase
    of place, time, means or basis before its verb (在…, 通过…, 根据…), the titles before a
    person's name (国家主席习近平), a manner adverb before its verb (不断, 进一步), and a second
    predicate joined by 并 / 并且 / 同时. Ranges are disjoint and in reading order."""
    units: list[tuple[int, int]] = []
    count = len(tokens)
    index = _call_length(tokens)
    if index:
        units.append((0, index))
    while index < count:
        token = tokens[index]
        text = token.text
        bits = tc.classes(token)
        if bits & tc.P and text in _DELETABLE_PREPOSITIONS:
            end = index + 1
            while (
                end < count
                and not _ends_phrase(tokens[end])
                and not _subject_after_phrase(tokens, index, end)
            ):
                end += 1
            # 从A到B: 到 closes the frame 从 opened; it is no predicate the phrase leads to.
            if (
                index + 1 < end < count
                and _opens_predicate(tokens, end)
                and tokens[end].text not in DESTINATION_VERBS
            ):
                units.append((index, end))
                index = end
                continue
        elif bits & tc.NR and index > 0 and _is_person_after(tokens, index):
            # Titles before a name that opens the statement: 国家主席习近平会见… -> 习近平会见…;
            # a transliterated name may come in two words, the first taken for another name.
            name = index - 1 if tokens[index - 1].pos in _NAME_PART_POS else index
            begin = name
            while begin > 0 and name - begin < _MAX_TITLE_WORDS and tokens[begin - 1].pos in _TITLE_POS:
                begin -= 1
            if begin == 0 and name > 0:
                units.append((begin, name))
        elif (
            bits & tc.D
            and len(text) >= 2
            and text not in _MEANINGFUL_ADVERBS
            # After a verb and before 的 an adverb sits in a modifier of the object (实现相同
            # 收入的家庭): not the main verb's manner, and its meaning goes with it.
            and not (_modifier_follows(tokens, index) and _verb_before(tokens, index))
            and index + 1 < count
            and tc.classes(tokens[index + 1]) & tc.V
        ):
            units.append((index, index + 1))
        elif (
            text in PREDICATE_JOINERS
            and index > 0
            and index + 1 < count
            and tc.classes(tokens[index + 1]) & (tc.V | tc.D)
        ):
            units.append((index, count))
            break
        index += 1
    return units


def _verb_before(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether a verb stands before ``tokens[index]`` in its clause."""
    for position in range(index - 1, -1, -1):
        token = tokens[position]
        if token.text in CLAUSE_MARKS:
            return False
        if _is_verb(token):
            return True
    return False


def _modifier_follows(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether 的 follows ``tokens[index]`` before the clause ends."""
    for token in tokens[index + 1 :]:
        if token.text == "的":
            return True
        if token.text in CLAUSE_MARKS:
            return False
    return False


def _call_length(tokens: tuple[Token, ...]) -> int:
    """The number of tokens of a speaker's call opening ``tokens`` (我们要, 我们还必须, 要) when a
    predicate follows it, else 0: deleted, they leave the predicate as an imperative."""
    # Plain statements, no conditional expressions: mypyc 2.4.1 compiles some of those to code
    # that gcc rejects (see clauses._time_run).
    index = 0
    if tokens and tokens[0].text in FIRST_PERSON_PLURAL:
        index = 1
    while index < len(tokens) and tokens[index].text in _CALL_ADVERBS:
        index += 1
    if index + 1 >= len(tokens) or tokens[index].text not in OBLIGATIONS:
        return 0
    after = tc.classes(tokens[index + 1])
    if after & (tc.V | tc.D) and not after & tc.VN:
        return index + 1
    return 0


def _opens_predicate(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the predicate starts at ``index``: a verb, a preposition, or an adverb before one
    (an "adverb" before a noun is a tagging slip: 首都 tagged d). Not 为 or 作为, which close a
    frame the phrase before opened (以…为…, 按照…为…, 把…作为…): deleting that phrase would leave
    them without it."""
    bits = tc.classes(tokens[index])
    if bits & (tc.V | tc.P):
        return tokens[index].text not in _FRAME_CLOSERS
    return (
        bits & tc.D != 0
        and index + 1 < len(tokens)
        and tc.classes(tokens[index + 1]) & (_PREDICATE_AFTER_SUBJECT | tc.A) != 0
    )


def _is_person_after(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether the name at ``index`` is a person acting: a verb, an adverb or a preposition
    follows it (not a noun, as in a place name 文苑街道)."""
    return index + 1 < len(tokens) and tc.classes(tokens[index + 1]) & _PREDICATE_AFTER_SUBJECT != 0


def _ends_phrase(token: Token) -> bool:
    """Whether ``token`` ends a prepositional phrase: a verb, an adverb, another preposition,
    a conjunction, a punctuation mark or a quotation mark (never deleted in part)."""
    bits = tc.classes(token)
    return bits & (tc.V | tc.VN) == tc.V or bits & (tc.D | tc.P | tc.C | tc.X) != 0 or token.text in QUOTES


def _subject_after_phrase(tokens: tuple[Token, ...], opening: int, index: int) -> bool:
    """Whether ``tokens[index]``, past the first word of the phrase that a preposition at
    ``opening`` opened, is a pronoun that names who acts (在家里 | 自己操作…; 在会上 | 大家…), not a
    word of the place or time: the phrase ends before it, and deleting the phrase leaves the
    subject. A demonstrative (在北京这座城市) stays a word of the phrase."""
    token = tokens[index]
    return (
        index > opening + 1
        and tc.classes(token) & tc.R != 0
        and token.text[0] not in DEMONSTRATIVE_CHARACTERS
    )


def _break_between(tokens: tuple[Token, ...], first: Clause, second: Clause) -> Token | None:
    """The comma of the sentence between two neighbouring clauses that were not trimmed where
    they meet it (None if another mark stands there, or a word was trimmed off)."""
    end = first.tokens[-1].start + len(first.tokens[-1].text)
    for token in tokens:
        if token.start == end:
            if (
                token.pos == "x"
                and token.text in ("，", ",")
                and second.tokens[0].start == end + len(token.text)
            ):
                return token
            return None
    return None


def sentence_subject(clauses: tuple[Clause, ...]) -> tuple[int, tuple[Token, ...]]:
    """The subject of the sentence: the nominal words opening the first clause that goes on
    with a verb, an adverb or a preposition (its predicate), with the clause's position. Leading
    time clauses (…开展以来) and adverbials (在…会上) are passed over; a quotation is taken
    whole or not at all. Where the clause is an attribution (张三表示，…), the subject of the
    words said is the one the later predicates go with: the next clause's, if it has one, else
    the speaker's."""
    for number, clause in enumerate(clauses):
        if _says_when_or_where(clause.tokens):
            continue
        subject = _clause_subject(clause.tokens)
        if subject and clause.tokens[-1].text in SPEECH_VERBS and number + 1 < len(clauses):
            said = clauses[number + 1]
            said_subject = _clause_subject(said.tokens)
            # What is said has a subject of its own (张三表示，李四将…), or it is the speaker's
            # (张三宣布，将…).
            if said_subject:
                return said.position, said_subject
        # only the first clause with words can hold the sentence's subject
        return (clause.position, subject) if subject else (-1, ())
    return -1, ()


def narrating_subject(
    clauses: tuple[Clause, ...], subject: tuple[int, tuple[Token, ...]]
) -> tuple[Token, ...]:
    """The subject that the sentence's later predicates need: the sentence's (``subject``, as
    :func:`sentence_subject` finds it), else a personal pronoun opening the sentence (我们在这里
    欢聚一堂，…，感到…: who 我们 are, the headline cannot say), else a noun phrase alone in the
    first clause before a predicate (位于…的博物馆，举办了…), else that of a leading time clause
    followed by a clause with none of its own (该局负责人了解到困难后，积极帮助…: 帮助… narrates
    what the 负责人 did). Only for refusing candidates that lost it; these subjects are not
    paired with predicates, as the sentence's subject is."""
    if subject[1]:
        return subject[1]
    for number, clause in enumerate(clauses):
        if _says_when_or_where(clause.tokens):
            continue
        tokens = clause.tokens
        if (
            len(tokens) > 1
            and tokens[0].text in PERSONAL_PRONOUNS
            and tc.classes(tokens[1]) & _PREDICATE_AFTER_SUBJECT
        ):
            return tokens[:1]
        if number + 1 < len(clauses) and _is_nominal_clause(tokens):
            # 位于江南的某博物馆，举办了…: a noun phrase alone in its clause, then a predicate
            opening = tc.classes(clauses[number + 1].tokens[0])
            if opening & _PREDICATE_OPENING and not opening & tc.VN:
                return tokens
        break
    for clause, following in pairwise(clauses):
        if clause.tokens[-1].text not in _TIME_CLAUSE_ENDINGS:
            break
        found = _clause_subject(clause.tokens)
        if found:
            first = following.tokens[0]
            return found if tc.classes(first) & _PREDICATE_OPENING or first.pos == "ad" else ()
    return ()


def pointer_subject(clauses: tuple[Clause, ...]) -> tuple[Token, ...]:
    """The pronoun that points back to the story's place or body (该市, 该镇, 此校) opening the
    sentence's first clause before its predicate (past a leading time or place clause): the
    subject the sentence's predicates narrate, which a headline of them cannot name (it deletes
    words, and the name pointed to is in another sentence). Only for ranking the candidates that
    lost it below those with a subject; ``()`` when there is none."""
    for clause in clauses:
        tokens = clause.tokens
        if _says_when_or_where(tokens):
            continue
        first = tokens[0]
        if (
            len(tokens) > 1
            and tc.classes(first) & tc.R
            and len(first.text) > 1
            and first.text[0] in DEMONSTRATIVE_CHARACTERS
            and first.text not in NEEDS_BEFORE
            and first.text not in DEMONSTRATIVES
            and (tc.classes(tokens[1]) & _PREDICATE_AFTER_SUBJECT or tokens[1].pos == "ad")
        ):
            return tokens[:1]
        break
    return ()


def _is_nominal_clause(tokens: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` (a clause) are a noun phrase with a modifier: they end on a noun or a
    name and hold 的 (位于江南的某博物馆)."""
    last = tc.classes(tokens[-1])
    if not last & _SUBJECT_HEAD or last & tc.VN:
        return False
    return any(token.text == "的" for token in tokens)


def holds_own_subject(tokens: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` open on a subject followed by its predicate (:func:`_clause_subject`)."""
    return bool(_clause_subject(tokens))


def _clause_subject(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """The nominal words opening ``tokens`` when a predicate follows them, else ``()``. A list
    of them (titles, 委员、书记张三) is one subject. A time word before them (会上, 当晚) is
    not part of it."""
    begin = 0
    while begin < len(tokens) - 1 and tc.classes(tokens[begin]) & tc.T and tokens[begin].text not in QUOTES:
        begin += 1
    end = begin
    quoted = False
    verb_as_noun = False
    while end < len(tokens):
        token = tokens[end]
        bits = tc.classes(token)
        if predicate_tagged_as_noun(tokens, end):
            # 甲公司计划/n 租赁/v 土地: the predicate opens on a verb the tagger took for a noun.
            verb_as_noun = True
            break
        if token.pos == "x" and token.text in QUOTES:
            quoted = not quoted
        elif (
            end == begin
            and bits & tc.R
            and (token.text[0] in DEMONSTRATIVE_CHARACTERS or token.text in SELF_STANDING_PRONOUNS)
        ):
            pass  # 该区…负责人, 这家企业, 我国…: a subject all the same, which a later predicate needs
        elif token.text == "、" and end > begin:
            pass  # the items of a list, or a person's titles: the subject's head comes last
        elif bits & tc.L and end + 1 < len(tokens) and tc.classes(tokens[end + 1]) & tc.N:
            pass  # a fixed phrase inside a compound name (城乡一体化示范区)
        elif bits & tc.VN and _titles_a_name(tokens, end + 1):
            pass  # a verbal noun in a person's title (广告营销副总裁张三)
        elif not bits & _SUBJECT_WORD or bits & tc.VN:
            break
        end += 1
    # An adverbial adjective (正式, 积极: tagged ad) opens a predicate as an adverb does.
    if (
        not quoted
        and begin < end < len(tokens)
        and (tc.classes(tokens[end]) & _PREDICATE_AFTER_SUBJECT or tokens[end].pos == "ad" or verb_as_noun)
    ):
        subject = tokens[begin:end]
        if tc.classes(subject[-1]) & _SUBJECT_HEAD and sum(len(t.text) for t in subject) >= 2:
            return subject
    return ()


def _titles_a_name(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether nouns from ``tokens[index]`` on lead to a person's name: a title (…副总裁张三)."""
    if index >= len(tokens) or tokens[index].pos != "n":
        return False
    for token in tokens[index + 1 :]:
        if tc.classes(token) & tc.NR:
            return True
        if token.pos != "n":
            return False
    return False


def _is_verb(token: Token) -> bool:
    return tc.is_verb(token)


def _says_when_or_where(tokens: tuple[Token, ...]) -> bool:
    """Whether a clause is a time clause (…开展以来) or an adverbial of time or place (在…会上,
    近日): the sentence's subject and its statement come after it."""
    return tokens[-1].text in _TIME_CLAUSE_ENDINGS or _is_leading_adverbial(tokens)


def _is_leading_adverbial(tokens: tuple[Token, ...]) -> bool:
    """Whether a clause is only an adverbial of time or place, with no verb, adverb or pronoun
    (年前，…; 上世纪70年代，…; 近日，…; 在江南市，…): the sentence's subject comes after it."""
    first = tokens[0]
    # 在…会上, 在…下: a place or an occasion, whatever verbs its noun phrase holds (在江南召开的
    # 会议上).
    if first.text in FRAME_PREPOSITIONS and tokens[-1].text in FRAME_LOCALISERS and len(tokens) > 2:
        return True
    # A preposition of place or time, or a time word at the end, makes the whole an adverbial.
    opened_by_preposition = (tc.classes(first) & tc.P and first.text in _DELETABLE_PREPOSITIONS) or (
        tc.classes(tokens[-1]) & tc.T != 0
    )
    for token in tokens:
        bits = tc.classes(token)
        if (bits & (tc.V | tc.A) and not bits & tc.VN) or bits & (tc.D | tc.R):
            return False
        if not opened_by_preposition and not (
            bits & _ADVERBIAL or token.text in RELATIVE_TIME or token.text in QUOTES
        ):
            return False
    return True


def _shorter_forms(clause: Clause, *, max_chars: int, drop_attribute: bool) -> list[tuple[Token, ...]]:
    forms: list[tuple[Token, ...]] = []
    # A clause without the character 的 holds no token 的: its text answers without a scan.
    without_attribute = (
        _drop_leading_attribute(clause.tokens) if drop_attribute and "的" in clause.text else None
    )
    if without_attribute is not None:
        forms.append(without_attribute)
    for base in (clause.tokens, *forms):
        prefix = _longest_prefix(base, max_chars=max_chars)
        if prefix is not None:
            forms.append(prefix)
    return forms


def _drop_leading_attribute(tokens: tuple[Token, ...]) -> tuple[Token, ...] | None:
    """ "期待已久的诺基亚游戏服务正式上线" -> "诺基亚游戏服务正式上线"; a named subject before 的 stays."""
    index = _first_attribute_mark(tokens)
    if index < 0:
        return None
    head = tokens[:index]
    if not head or any(tc.classes(t) & tc.NAME for t in head):
        return None
    # A preposition before 的 with no verb takes the phrase as its object (以99米的高度成就了…):
    # without it the rest opens on that object. (由…主办的…: the verb makes a relative clause.)
    if any(tc.classes(t) & tc.P for t in head) and not any(_is_verb(t) for t in head):
        return None
    return tokens[index + 1 :]


def _first_attribute_mark(tokens: tuple[Token, ...]) -> int:
    """Index of the first 的 before the last token, or -1."""
    for index in range(len(tokens) - 1):
        if tokens[index].text == "的":
            return index
    return -1


def _longest_prefix(tokens: tuple[Token, ...], *, max_chars: int) -> tuple[Token, ...] | None:
    """The longest start of ``tokens`` within ``max_chars`` that still reads as a complete phrase."""
    # The cut may follow any token but the last whose end is within ``max_chars``; the longest
    # prefix is the last cut that reads well, so the cuts are tried from the end.
    fitting = 0
    length = 0
    for token in tokens:
        length += len(token.text)
        if length > max_chars:
            break
        fitting += 1
    for index in range(min(fitting, len(tokens) - 1) - 1, -1, -1):
        if (
            tc.classes(tokens[index]) & _PREFIX_END
            # The rules of form allow a clause cut short only before an adjunct.
            and may_end_before(tokens[index + 1])
            and not tc.classes(tokens[index + 1]) & _BINDING_NEXT
            # A cut just after 、 or 和 would end in the middle of a list.
            and not any(t.text in _LIST_WORDS for t in tokens[max(0, index - 2) : index + 2])
            and not _opens_preposition(tokens, index)
        ):
            return tokens[: index + 1]
    return None


def _opens_preposition(tokens: tuple[Token, ...], end: int) -> bool:
    """Whether a preposition (在…, 以…) up to ``tokens[end]`` still waits for the verb it modifies."""
    for token in reversed(tokens[: end + 1]):
        bits = tc.classes(token)
        if bits & tc.P:
            return True
        if bits & (tc.V | tc.VN) == tc.V:
            return False
    return False

"""Whether a candidate reads as a headline at all: the editor's rules of form.

A headline is a statement that stands on its own. It never opens on a word that needs what came
before (就, 也, 而, 是, 把, 该 …), never ends on one that needs what follows (的, 和, a
preposition, a modal such as 能够, a verb whose object was cut off), is never only a name with
its titles, a place or a time phrase (it says something: it holds a verb or an adjective), and
never leaves a verb or a preposition without the words it governs where a piece was deleted.

The rules read part-of-speech tags and a few closed classes of function words; no news word.
:func:`form_fault` names the first rule a candidate breaks, or returns ``""``.
"""

from __future__ import annotations

from typing import Final

from summarizer.document import Token
from summarizer.headline import tag_classes as tc
from summarizer.headline.wordlists import (
    ADVERBIAL_LOCALISERS,
    ASPECT_MARKS,
    CLAUSE_BREAKS,
    CLAUSE_MARKS,
    CLOSING_QUOTES,
    COORDINATORS,
    DEMONSTRATIVES,
    DESTINATION_VERBS,
    NEEDS_AFTER,
    NEEDS_BEFORE,
    OBJECT_FRONTING,
    OBLIGATIONS,
    OPENING_QUOTES,
    PERSONAL_PRONOUNS,
    PROPOSAL_VERBS,
    QUOTE_PAIRS,
    RELATIVE_TIME,
    SELF_STANDING_PRONOUNS,
    SPEAKER_PRONOUNS,
    TIME_PREPOSITIONS,
    word_set,
)
from summarizer.terms.verb_lexicon import ambiguous_verbs, noun_tagged_verbs, opens_a_verb_run
from summarizer.text.speech import SPEECH_VERBS  # they close an attribution (…表示，…)

# Classes of tag prefixes, as bits of :mod:`summarizer.headline.tag_classes`.
# Conjunctions, particles, modal particles, interjections, onomatopoeia, prepositions,
# localizers (以来, 中) and measure words cannot open a statement.
_BAD_OPENING_POS: Final = tc.C | tc.U | tc.Y | tc.E | tc.O | tc.P | tc.F | tc.Q | tc.X
# Conjunctions, particles, prepositions, adverbs and pronoun-like words cannot close one.
_BAD_ENDING_POS: Final = tc.C | tc.U | tc.Y | tc.E | tc.O | tc.P | tc.D
# Tags of words that make a statement of a clause (a verb, an adjective), where ``vn`` (a
# verb used as a noun) does not.
_PREDICATE_POS: Final = tc.V | tc.A | tc.I
_NOMINAL_POS: Final = tc.N | tc.VN | tc.M | tc.Q | tc.B | tc.J | tc.ENG | tc.K | tc.S | tc.T | tc.R
_DATE_UNITS: Final = frozenset("年月日号时")
# The words of a date or a time: numbers, measure words, time words, localisers (年底, 以来).
_DATE_POS: Final = tc.M | tc.Q | tc.T | tc.F
# Verbs that introduce the adverbial of a later verb (围绕…开展, 按照…推进, 通过…实现): with
# nothing after their object they say how or why, not what happened.
_COVERBS: Final = word_set(
    "围绕 按照 依照 根据 依据 通过 为了 本着 随着 经过 借助 凭借 针对 基于 鉴于 对于 关于 依托 遵循 "
    "紧扣 紧紧围绕 立足 立足于 着眼 着眼于 对标 对照 以"
)
# After a subject these are the verb 'pass' (全会通过…法), not 'by means of'.
_PASSING_VERBS: Final = word_set("通过 经过")
# Verbs that need their subject: of the mind (渴望, 决定: whose wish) and of relation (关系,
# 意味着: what bears on what). Opening a candidate they make no statement and no call (nobody is
# told to wish or to bear on something).
_SUBJECT_VERBS: Final = word_set(
    "渴望 希望 盼望 期望 期待 想 想要 打算 决定 愿意 喜欢 担心 害怕 感到 觉得 梦想 "
    "关系 关乎 事关 意味着 在于 取决于 归功于 标志着"
)
# Words that open a clause of result or purpose after a comma (…，使…; …，从而…): it leads from the
# act before it, which is what a headline states.
_RESULT_OPENERS: Final = word_set("使 让 令 致使 从而 进而 以便 以免")
# What an adjective right before it modifies: a noun or a name.
_ATTRIBUTED_POS: Final = tc.N | tc.J
# A dash opens an appositive (…武装——鲁南铁道大队) or a name (…主题为“…”—…发布会).
_DASHES: Final = frozenset("—－-")
# A noun phrase ends on a noun, a name or a number.
_APPOSITIVE_END_POS: Final = tc.N | tc.J | tc.ENG | tc.M | tc.Q
# The words of a subject opening a candidate: nouns, names, numbers, pronouns, time words and
# localizers (村子里).
_SUBJECT_WORD_POS: Final = _NOMINAL_POS | tc.F
# Adverbs right after the subject that contrast with or add to what came before (…却缺…).
_LINKING_ADVERBS: Final = word_set("却 也 亦 则 同样 也都 也将 也是")
# Adverbs right after the subject that hold it to a condition said before it in its sentence
# (只有…，产品才会…). Opening the sentence, the words before 才 are its condition themselves
# (长大才发现…: the tagger may well take the verb for a name).
_CONDITION_ADVERBS: Final = word_set("才 才会 才能")
# Prepositions of purpose or means: a clause they open leads to the verb of another clause.
_ADJUNCT_PREPOSITIONS: Final = word_set("为了 以便 以免 通过")
# Words that open a frame which 作为 closes (把…作为…, 以…作为…, 将…作为…).
_FRAME_OPENERS: Final = OBJECT_FRONTING | word_set("以 拿 视")
# Prepositions of a basis (按…), which lead to the verb that acts on it.
_BASIS_PREPOSITIONS: Final = word_set("按 按照 依照 依据 根据")
# Words of obligation or a call between a subject and its later predicates (…要…, 必须…): the
# predicates read as a programme (推进…, 坚决打赢…), which a headline may state without the subject.
_CALL_WORDS: Final = OBLIGATIONS | word_set("要求 号召")
# Verbs of commitment (…坚持A，着力B): a call over the rest of their own clause only. Across a
# comma the subject's later predicates narrate (山阳区坚持高位推动，…，不断把…推进).
_COMMITMENT_WORDS: Final = word_set("坚持 着力 努力 力争 确保")
_OWN_SUBJECT_POS: Final = tc.N | tc.J | tc.ENG | tc.M | tc.Q | tc.B | tc.K | tc.S | tc.R | tc.L
_QUESTION_MARKS: Final = frozenset(("？", "?"))
# Verbs of intention the tagger writes as nouns (计划, 规划, 谋划 …). With a verb right after
# them they take it as their object: they are the predicate (…，计划租赁土地…), not its subject.
_INTENTION_NOUNS: Final = word_set("计划 规划 筹划 谋划 设想 意欲 企图")
# Adverbs of comparison the tagger writes as abbreviations (同比/j 增长8.7%): no subject either.
_COMPARISON_ADVERBS: Final = word_set("同比 环比")
# What a verb's object cannot open on: a mark, a particle, a conjunction, a modal particle.
_NO_OBJECT_POS: Final = tc.X | tc.U | tc.C | tc.Y


def predicate_tagged_as_noun(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether ``tokens[index]``, tagged as a noun, opens a predicate at this occurrence: a verb
    of intention (计划), a word the training articles use as a verb
    (:mod:`summarizer.terms.verb_lexicon`) or an adverb of comparison (同比), followed by a verb
    with its object (计划/n 租赁/v 土地/n); or a word of the lexicon's ambiguous band in a run of
    such verbs before their object (:func:`_band_verb_in_a_run`). A noun there would be the
    subject of that verb; these words are its predicate, and a clause they open has no subject."""
    token = tokens[index]
    if index + 2 >= len(tokens) or not (token.pos == "n" or token.text in _COMPARISON_ADVERBS):
        return False
    if _band_verb_in_a_run(tokens, index):
        return True
    verb, after = tokens[index + 1], tokens[index + 2]
    if not tc.classes(verb) & tc.V or tc.classes(after) & _NO_OBJECT_POS or after.text in CLAUSE_MARKS:
        return False
    return (
        token.text in _INTENTION_NOUNS
        or token.text in _COMPARISON_ADVERBS
        or token.text in noun_tagged_verbs()
    )


def _band_verb_in_a_run(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether ``tokens[index]``, a word of the lexicon's ambiguous band (对标, 对表: verbs about as
    often as nouns), is a verb here: before another verb of the band or of the lexicon and an
    object (孟州市 | 对标 | 对表 | 省委), as the key phrase grammar reads it."""
    return opens_a_verb_run(
        tokens[index].text, tokens[index + 1].text, ambiguous=ambiguous_verbs(), lexicon=noun_tagged_verbs()
    ) and (tc.classes(tokens[index + 2]) & _ATTRIBUTED_POS != 0)


def form_fault(tokens: tuple[Token, ...], following: Token | None = None) -> str:
    """The first rule of form that ``tokens`` (a candidate, in reading order, pieces of one
    sentence) breaks, or ``""``. ``following`` is the sentence's token right after the last one
    kept, if the candidate ends before its clause does (``None`` at a clause end)."""
    words = [token for token in tokens if token.pos != "x" and token.text.strip()]
    if not words:
        return "empty"
    if tokens[0].text in OPENING_QUOTES and _only_quoted(tokens):
        return "only a quotation or a title: says nothing of its own"
    first = words[0]
    if first.text in NEEDS_BEFORE and first.text not in SELF_STANDING_PRONOUNS:
        return "opens on a word that needs what came before"
    # "eng" (a Latin word) is no interjection ("e"), though its tag starts alike.
    if tc.classes(first) & _BAD_OPENING_POS and first.pos != "eng" and tokens[0].text not in OPENING_QUOTES:
        return "opens on a function word"
    if tc.classes(first) & tc.R and first.text not in SELF_STANDING_PRONOUNS:
        return "opens on a pronoun"
    if _opens_on_time(words):
        return "opens on a date or a time"
    last = words[-1]
    if last.text in NEEDS_AFTER or last.text in SPEECH_VERBS:
        return "ends on a word that needs what follows"
    if tc.classes(last) & _BAD_ENDING_POS and last.pos != "eng" and last.text != "了":
        return "ends on a function word"
    if last.text in ADVERBIAL_LOCALISERS and (
        (len(words) > 1 and tc.classes(words[-2]) & tc.V) or _closes_adverbial_frame(tokens)
    ):
        return "ends on the localizer of an adverbial (在…带领下, 会议在…的基础上): its verb is cut off"
    # A preposition inside is a sign of a statement too: the tagger takes some verbs for nouns
    # (险胜, 战胜), never a preposition.
    if not _says_something(words):
        return "says nothing: no verb or adjective (a name, a place, a time)"
    if _names_a_person_only(words):
        return "a name with its titles: no verb or adjective says what the person did"
    if _is_noun_phrase(words):
        return "a noun phrase: its only verb is inside the modifier before 的"
    for token in words:
        if token.text in PERSONAL_PRONOUNS:
            if token.text in SPEAKER_PRONOUNS:
                return "a person's words: speaks as 我, 我们 or 你"
            return "refers back with 他, 她 or 它 to a person named before"
    # The nominal words opening the candidate (its subject, if a predicate follows): read by
    # two rules, found once.
    subject_end = _subject_length(words)
    if _only_adverbial_verb(tokens, words, subject_end):
        return "only an adverbial (围绕…, 按照…, 通过…): no verb says what happened"
    if words[0].text in DESTINATION_VERBS and not any(_is_predicate(token) for token in words[1:]):
        return "only a destination (到…, a 从…到… frame cut): no predicate of its own"
    if words[0].text in _SUBJECT_VERBS:
        return "a verb of the mind or of relation (渴望, 关系) without its subject"
    if _ends_on_a_date(tokens):
        return "ends on a date after 截至 or 从 (…，截至2019年底): the statement it dates is cut"
    if words[0].text in PROPOSAL_VERBS:
        # 建议…修改…: what is asked for, not done, and by whom the headline cannot say (jieba
        # often tags 建议 as a noun, so the tag does not tell).
        return "a proposal or a demand (建议, 呼吁) without who made it"
    if tc.classes(words[0]) & tc.NR and _name_as_verb(words):
        return "a verb the tagger took for a name (荣获2009…), with no subject"
    if _points_back(words):
        return "points back with 这, 此, 该 or 其 to what came before"
    if 0 < subject_end < len(words) and words[subject_end].text in _LINKING_ADVERBS:
        # 村子里却缺舞台, 情况也在困扰…: the adverb after the subject contrasts with or adds to
        # what came before.
        return "an adverb after the subject (却, 也) links it to what came before"
    joined = _joined_clause_fault(tokens)
    if joined:
        return joined
    if _ends_on_adjunct_clause(tokens):
        return "ends on an adjunct clause (以…, 在…) that leads to no verb"
    if _frame_without_opener(words):
        return "作为 without the 把 or 以 that opens its frame"
    if following is not None and following.text in _QUESTION_MARKS:
        return "a question: a headline states"
    if following is not None and _cut_inside_phrase(following):
        return "cut inside a phrase"
    if following is not None and following.pos != "x" and _fronts_an_object(words):
        # 把/将/被 put the main verb at the end of the clause: a cut before it loses that verb.
        return "cut before the verb of 把, 将 or 被"
    if _preposition_without_verb(words) or _ends_on_prepositional_phrase(words):
        return "a preposition without the verb it leads to"
    return _gap_fault(tokens)


def _ends_on_a_date(tokens: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` end on a preposition of time (截至, 从, 于) and a date or a time (截至
    2019年底, 于3月5日), the preposition opening its clause or following its subject: it says
    when, and the statement it dates is not there. After a verb it is the verb's complement
    (成立于1990年); 到 and 至 close a span or a degree (发展到现在, 五成至一倍)."""
    index = len(tokens) - 1
    dated = False
    while index > 0 and tc.classes(tokens[index]) & _DATE_POS:
        token = tokens[index]
        dated = dated or tc.classes(token) & tc.T != 0 or token.text[-1:] in _DATE_UNITS
        index -= 1
    text = tokens[index].text
    if not dated or text not in TIME_PREPOSITIONS or text in DESTINATION_VERBS:
        return False
    return (
        index == 0 or tokens[index - 1].text in CLAUSE_BREAKS or not _is_verb_or_adjective(tokens[index - 1])
    )


def _subject_length(words: list[Token]) -> int:
    """The number of nominal words opening ``words`` (the words of a candidate, no marks)."""
    end = 0
    while end < len(words) and tc.classes(words[end]) & _SUBJECT_WORD_POS:
        end += 1
    return end


def _is_noun_phrase(words: list[Token]) -> bool:
    """Whether ``words`` (one clause) are a noun phrase whose only predicate is in the modifier
    before its last 的: the predicate opens the clause (发生断电的地区) or stands right before 的
    (主席发表的贺词, 亲爱的祖国); a run of them opening it (威名远扬的武装) too. Not
    张三发表重要的讲话 (two predicates: the main verb and the modifier's), 张三承担车队的任务
    (the verb governs the phrase 车队的任务) nor a verb marked by 了, 着 or an adverb (a main
    verb)."""
    last_de = -1
    for index in range(len(words) - 1, 0, -1):
        text = words[index].text
        if text == "的":
            last_de = index
            break
        if text in CLAUSE_BREAKS:
            return False  # more than one clause: the first says what it says
    if last_de < 1 or last_de == len(words) - 1:
        return False
    for token in words[last_de + 1 :]:
        if _is_verb_or_adjective(token) or tc.classes(token) & (tc.P | tc.D | tc.C):
            return False  # the head noun goes on with a predicate of its own
    # The predicates of the modifier: one word or a run of them (威名远扬: 威名 远扬).
    first_predicate = -1
    last_predicate = -1
    for index in range(last_de):
        token = words[index]
        if (
            token.text in ASPECT_MARKS
            or token.text in CLAUSE_BREAKS
            or tc.classes(token) & (tc.P | tc.D | tc.C)
        ):
            return False
        if _is_verb_or_adjective(token):
            if first_predicate < 0:
                first_predicate = index
            elif last_predicate != index - 1:
                return False
            last_predicate = index
    # A run that does not open the clause may be a verb with the modifier of its object.
    return first_predicate == 0 or (first_predicate >= 0 and first_predicate == last_predicate == last_de - 1)


def _only_adverbial_verb(tokens: tuple[Token, ...], words: list[Token], subject_end: int) -> bool:
    """Whether ``words`` open on a verb that introduces an adverbial (围绕, 按照, 为了), or hold
    one right after their nominal opening words (up to ``subject_end``), with no predicate after
    its object: 围绕共圆小康梦 says around what, not what was done; 甲公司凭借优异的表现, what the
    subject did is missing. (通过了…, with its aspect mark, is the verb 'pass'.)"""
    first = 0
    if words[0].text not in _COVERBS:
        if subject_end >= len(words) - 1:
            return False
        first = subject_end
    if words[first].text not in _COVERBS:
        return False
    if first > 0 and (words[first].text in _PASSING_VERBS or tokens[0].text in OPENING_QUOTES):
        return False  # 全会通过…; 《…关于…的意见》印发: the coverb is inside a title
    if first + 1 < len(words) and tc.classes(words[first + 1]) & tc.M:
        # 以100-78战胜…, 以3票当选: a score or a count, and the tagger often takes the verb
        # after it for a noun (战胜 tagged n).
        return False
    if first + 1 < len(words) and words[first + 1].text in ASPECT_MARKS:
        return False
    # The object may hold verbs in a modifier before its last 的 (围绕“…过大年”的主题): only a
    # predicate after that 的 goes on past the object.
    after = 1
    for index in range(len(words) - 1, 0, -1):
        if words[index].text == "的":
            after = index + 1
            break
    return not any(_is_predicate(token) for token in words[max(after, first + 1) :])


def _name_as_verb(words: list[Token]) -> bool:
    """Whether ``words`` open on a "name" right before a number or a time and hold no verb, adverb
    or preposition after it: the tagger took the verb for a name (荣获[nr] 2009年度…奖项), and the
    candidate is a predicate without its subject. A person followed by a date acts in a verb
    after it (张三2009年加盟…)."""
    if len(words) < 2 or not tc.classes(words[1]) & (tc.M | tc.T):
        return False
    return not any(token.pos == "v" or tc.classes(token) & (tc.D | tc.P) for token in words[1:])


def _is_verb_or_adjective(token: Token) -> bool:
    bits = tc.classes(token)
    return bits & _PREDICATE_POS != 0 and not bits & tc.VN


def _points_back(words: list[Token]) -> bool:
    """Whether a demonstrative (这类, 此, 该) stands in ``words``, or 其 opens a clause: 其 inside
    a clause may refer to its own subject (法国召回其大使)."""
    for index, token in enumerate(words):
        text = token.text
        if text in DEMONSTRATIVES and (text != "其" or index == 0 or words[index - 1].text in CLAUSE_BREAKS):
            return True
    return False


def _joined_clause_fault(tokens: tuple[Token, ...]) -> str:
    """The fault of a candidate of several clauses at a break between two of them: a clause
    before it that ends on a verb of saying (张三表示，…; 报告指出：…) is an attribution, which an
    editor deletes (the words said stand as a candidate of their own); a clause after it that
    opens on a word of result or purpose (…开展活动，使…取得成效; …，让消费者…) runs on past the
    statement into what it led to."""
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.pos == "x" and token.text in CLAUSE_BREAKS:
            if tokens[index - 1].text in SPEECH_VERBS:
                return "holds an attribution (…表示，…): the statement stands without it"
            # After a noun phrase alone (低廉的价格，让…) the clause of 让 is its predicate.
            if tokens[index + 1].text in _RESULT_OPENERS and any(
                tc.classes(word) & tc.V and not tc.classes(word) & tc.VN for word in tokens[:index]
            ):
                return "holds a clause of result (…，使…): the headline states the act"
    return ""


def _ends_on_adjunct_clause(tokens: tuple[Token, ...]) -> bool:
    """Whether the last of several clauses (after a comma) opens on a preposition: an adjunct
    (以…为基础, 在…中) that leads to a verb the candidate does not hold."""
    for index in range(len(tokens) - 2, 0, -1):
        if tokens[index].pos == "x" and tokens[index].text in CLAUSE_BREAKS:
            opening = tokens[index + 1]
            if not tc.classes(opening) & tc.P:
                return False
            return opening.text in _ADJUNCT_PREPOSITIONS or not any(
                _is_verb_or_adjective(token) for token in tokens[index + 2 :]
            )
    return False


def _closes_adverbial_frame(tokens: tuple[Token, ...]) -> bool:
    """Whether the last word, a localizer, closes a frame that 在 opened in the same clause, not
    right after a verb: 会议在…的基础上 leads to a verb the candidate lacks, where 红旗飘扬在
    广场上 (在 after its verb) says where something happened."""
    for index in range(len(tokens) - 2, -1, -1):
        token = tokens[index]
        if token.text in CLAUSE_BREAKS:
            return False
        if token.text == "在" and tc.classes(token) & tc.P:
            return index == 0 or not _is_verb_or_adjective(tokens[index - 1])
    return False


def _frame_without_opener(words: list[Token]) -> bool:
    """Whether 作为 closes a frame (…作为硬任务, with no verb after it) whose opener (把, 以, 将)
    is not in ``words``: the deletion or the cut lost it."""
    opened = False
    for index, token in enumerate(words):
        if token.text in _FRAME_OPENERS:
            opened = True
        elif token.text == "作为" and index > 0 and not opened:
            return not any(_is_predicate(t) for t in words[index + 1 :])
    return False


def _only_quoted(tokens: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` (opening on a quotation mark) close on its partner, with no other
    closing mark of the kind between: one quotation, nothing around it."""
    closer = QUOTE_PAIRS.get(tokens[0].text)
    return tokens[-1].text == closer and all(token.text != closer for token in tokens[1:-1])


def _says_something(words: list[Token]) -> bool:
    """Whether a word is a verb or an adjective (a predicate), or a preposition: the tagger takes
    some verbs for nouns (险胜, 战胜), never a preposition. An adjective right before a noun
    modifies it (新中央别墅区, 公募基金): it says nothing of its own. A verbal noun says something
    with the quantity it reaches (:func:`_verbal_noun_with_quantity`)."""
    for index, token in enumerate(words):
        bits = tc.classes(token)
        if bits & tc.P:
            return True
        if bits & tc.VN:
            if _verbal_noun_with_quantity(words, index):
                return True
            continue  # a verbal noun is no predicate of itself (:func:`_is_predicate`)
        # :func:`_is_predicate`, the class bits read once.
        if (
            bits & _PREDICATE_POS
            and token.text not in NEEDS_AFTER
            and not (
                bits & tc.A and index + 1 < len(words) and tc.classes(words[index + 1]) & _ATTRIBUTED_POS
            )
        ):
            return True
    return False


def _verbal_noun_with_quantity(words: list[Token], index: int) -> bool:
    """Whether ``words[index]`` is a verbal noun with a number right after it: a verb with the
    quantity it reaches (人口首次突破/vn 800万人, 投资/vn 5亿元), which a noun does not take."""
    return (
        tc.classes(words[index]) & tc.VN != 0
        and index + 1 < len(words)
        and tc.classes(words[index + 1]) & tc.M != 0
    )


def _names_a_person_only(words: list[Token]) -> bool:
    """Whether ``words`` hold a person's name but no verb or adjective, only nouns, titles and
    idioms used as modifiers (…见义勇为大学生杨…)."""
    person = False
    for token in words:
        bits = tc.classes(token)
        if bits & (tc.V | tc.VN) == tc.V or bits & tc.A:
            return False
        if bits & tc.NR:
            person = True
    return person


def _fronts_an_object(words: list[Token]) -> bool:
    return any(_fronts_object(token) for token in words)


def _opens_on_time(words: list[Token]) -> bool:
    """Whether the first word is a time word (今天, 上午), one made of them that the tagger
    took for something else (昨天早上), or a number of a date (1914年, 3月)."""
    first = words[0]
    if tc.classes(first) & tc.T or first.text[:2] in RELATIVE_TIME or first.text[:3] in RELATIVE_TIME:
        return True
    if not tc.classes(first) & tc.M:
        return False
    unit = (
        first.text[-1:] if first.text[-1:] in _DATE_UNITS else (words[1].text[:1] if len(words) > 1 else "")
    )
    return unit in _DATE_UNITS


def _fronts_object(token: Token) -> bool:
    return tc.classes(token) & tc.P != 0 and token.text in ("把", "将", "被")


def _preposition_without_verb(words: list[Token]) -> bool:
    """Whether 把, 将, 被 or 对 has no verb after it: 不断把…工作 lacks 推进."""
    waiting = False
    for token in words:
        bits = tc.classes(token)
        if bits & tc.P and token.text in ("把", "将", "被", "对"):
            waiting = True
        elif waiting and bits & _PREDICATE_POS and not bits & tc.VN:
            waiting = False
    return waiting


def _ends_on_prepositional_phrase(words: list[Token]) -> bool:
    """Whether the last clause of ``words`` ends on a phrase of basis (按…, 按照…, 根据…) that no
    verb follows (…只是按纳税人的收入水平: the verb it leads to was left out of the sentence).
    Only these: the tagger takes 在, 通过, 以 for prepositions where they are verbs or lead to a
    verb it tags as a noun (母亲一生都在乡下, 委员会通过一项报告, 以3∶2险胜…)."""
    for index in range(len(words) - 1, 0, -1):
        token = words[index]
        if token.text in CLAUSE_BREAKS or _is_predicate_word(token):
            return False
        if tc.classes(token) & tc.P:
            return token.text in _BASIS_PREPOSITIONS
    return False


def _is_predicate_word(token: Token) -> bool:
    """Whether ``token`` may be a predicate: a verb, an adjective, an idiom or a fixed phrase."""
    return _is_verb_or_adjective(token) or tc.classes(token) & tc.L != 0


def _is_predicate(token: Token) -> bool:
    return _is_verb_or_adjective(token) and token.text not in NEEDS_AFTER


def may_end_before(following: Token) -> bool:
    """Whether a headline may end inside its clause just before ``following``: before a
    preposition or a coordination only (the converse of :func:`_cut_inside_phrase`, for the
    candidates that cut a clause short)."""
    return following.pos != "x" and not _cut_inside_phrase(following)


def _cut_inside_phrase(following: Token) -> bool:
    """Whether the clause goes on, after the candidate's last word, with more of the same
    phrase. Inside a clause, only an adjunct may follow what a headline keeps: a phrase opened
    by a preposition (在…, 于…) or a coordination (和…, 并…); any other word (the noun or verb
    of a compound, an object, a number's unit, 的, an adverb and its verb, a quotation) belongs
    with what comes before it."""
    pos = following.pos
    if pos == "x":
        text = following.text
        return not (text in CLAUSE_BREAKS or text.isspace())
    bits = tc.classes(following)
    if bits & tc.P:
        return False
    if bits & tc.C:
        return following.text not in COORDINATORS
    return True


def _gap_fault(tokens: tuple[Token, ...]) -> str:
    """Where a piece was deleted between two kept tokens, the token before the gap must not be
    left waiting for what was deleted (a preposition or 的 before its noun)."""
    for index in range(len(tokens) - 1):
        before = tokens[index]
        if before.start + len(before.text) == tokens[index + 1].start:
            continue
        # jieba writes 于 into the word before it (拟于, 已于, 定于): that word governs too.
        if (
            tc.classes(before) & tc.P
            or before.text in ("的", "之", "和", "与", "及", "或", "、")
            or (len(before.text) > 1 and before.text.endswith("于"))
        ):
            return "a deletion leaves a word without what it governs"
        if before.pos == "m" and tokens[index + 1].pos == "m":
            return "a deletion inside a number or a date (于2019年[12月]30日)"
        if _is_verb_or_adjective(tokens[index + 1]) and _fronted_before(tokens, index):
            # 把…向纵深推进 -> 把…推进, 把…进一步落实 -> 把…落实: the verb of 把 wants the
            # complement or the adverb that went (a verb inside the object, 把…创建工作, has
            # no deletion before it).
            return "a deletion between the object of 把 or 将 and its verb"
    return ""


def _fronted_before(tokens: tuple[Token, ...], index: int) -> bool:
    """Whether 把 or 将 (a preposition) stands in the clause of ``tokens`` up to ``index``."""
    for position in range(index, -1, -1):
        token = tokens[position]
        if token.text in CLAUSE_BREAKS:
            return False
        if token.text in OBJECT_FRONTING and tc.classes(token) & tc.P:
            return True
    return False


def quotations(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """The quotations of a sentence (``tokens``): the indices of each opening mark and of its
    closing partner. A quotation the sentence does not close runs past its last token
    (``len(tokens)``); one it closes without opening ran from before its first (-1)."""
    found: list[tuple[int, int]] = []
    open_at: list[tuple[str, int]] = []
    for index, token in enumerate(tokens):
        text = token.text
        if text in QUOTE_PAIRS:
            open_at.append((QUOTE_PAIRS[text], index))
        elif text in CLOSING_QUOTES:
            depth = len(open_at) - 1
            while depth >= 0 and open_at[depth][0] != text:
                depth -= 1
            if depth >= 0:
                found.append((open_at[depth][1], index))
                del open_at[depth:]
            else:
                found.append((-1, index))
    found.extend((opened, len(tokens)) for _, opened in open_at)
    return found


def context_fault(
    tokens: tuple[Token, ...],
    sentence: tuple[Token, ...],
    quotes: list[tuple[int, int]],
    first: int,
    last: int,
    following: int,
    own_subject: bool,
) -> str:
    """The first rule of form that ``tokens`` (a candidate) break in their ``sentence``, or
    ``""``: the candidate's first token is ``sentence[first]``, its last ``sentence[last]``
    (words between them may have been deleted; read only when there are ``quotes``), the token
    after its last one
    (past closing quotation marks) ``sentence[following]`` (``len(sentence)`` at its end);
    ``quotes`` are :func:`quotations` of ``sentence``; ``own_subject`` says whether the candidate
    opens on a subject with its predicate.

    - a candidate ends inside a quotation it opened before (围绕“共圆小康梦，…”: a slogan or
      a title split at its comma), or holds a piece inside one without a subject of its own
      (someone's words: whose, about what);
    - after a dash comes an appositive, a name (…武装——鲁南铁道大队): a noun phrase, unless a
      preposition, an adverb, an aspect mark or a verb before anything but a noun marks a
      statement (——甲区把…聚焦…);
    - a cut before a preposition or a conjunction whose phrase runs into 的 before any verb cut
      a noun phrase (评价中国[同各国的良好关系], 一支活跃[在鲁南的武装])."""
    for opened, closed in quotes:
        if last <= opened or first >= closed:
            continue  # outside the quotation
        # The quotation's first and last words, whether its marks were kept or trimmed.
        ends_inside = last < closed - 1
        if first <= opened and ends_inside:
            return "ends inside a quotation: a slogan, a title or words cut short"
        if first > opened + 1 and last >= closed:
            continue  # the end of a name in quotation marks, and what it does
        # A call (必须坚持…, 要…) stands without a subject, in quotation marks or not.
        if (first > opened + 1 or ends_inside) and not own_subject and tokens[0].text not in _CALL_WORDS:
            return "a piece of a quotation without its subject: whose words, about what"
    if first > 0 and _condition_after_subject(tokens):
        return "an adverb after the subject (才) holds it to a condition said before it"
    if (
        first > 0
        and sentence[first - 1].text[:1] in _DASHES
        and tc.classes(tokens[-1]) & _APPOSITIVE_END_POS
        and not _marks_a_statement(tokens)
    ):
        return "an appositive after a dash: a name, not a statement"
    if tokens[-1].text in ADVERBIAL_LOCALISERS and _frame_opened_before(sentence, first):
        return "ends on the localizer of a 在… frame opened before it: a place or an occasion"
    if (
        first > 0
        and tc.classes(sentence[first - 1]) & tc.P
        and sentence[first - 1].text not in OBJECT_FRONTING
        and sentence[first - 1].text not in CLAUSE_BREAKS
    ):
        # 法院对[…一案作出判决], 欧盟向[拉脱维亚提供…]: the candidate opens on the object of a
        # preposition it lost. (The object of 把 or 将 with its verb reads as a passive: 民警将
        # [佛像追回].)
        return "opens on the object of a preposition left out"
    if (
        following + 1 < len(sentence)
        and sentence[following].text in CLAUSE_BREAKS
        and _is_verb_or_adjective(sentence[following + 1])
        and _last_clause_opening(tokens).text in _COVERBS
    ):
        # 紧扣…目标任务，统筹推进…: the coverb's clause says how the next clause's verb acts,
        # whatever verbs its object holds (…建成…任务).
        return "an adverbial clause (紧扣…, 围绕…) that leads to the verb of the next clause"
    if following < len(sentence):
        after = sentence[following]
        if tc.classes(after) & tc.P or after.text in COORDINATORS:
            for token in sentence[following + 1 :]:
                if token.text == "的":
                    return "cut inside a noun phrase: the phrase after the cut runs into 的"
                if _is_verb_or_adjective(token) or token.text in CLAUSE_BREAKS:
                    break
    return ""


def _condition_after_subject(tokens: tuple[Token, ...]) -> bool:
    """Whether 才 (才会, 才能) follows the nominal words opening ``tokens``."""
    nominal = False
    for token in tokens:
        if token.pos == "x":
            continue
        if not tc.classes(token) & _SUBJECT_WORD_POS:
            return nominal and token.text in _CONDITION_ADVERBS
        nominal = True
    return False


def _last_clause_opening(tokens: tuple[Token, ...]) -> Token:
    """The first token of the last clause of ``tokens``."""
    for index in range(len(tokens) - 1, 0, -1):
        if tokens[index - 1].text in CLAUSE_BREAKS:
            return tokens[index]
    return tokens[0]


def _frame_opened_before(sentence: tuple[Token, ...], first: int) -> bool:
    """Whether 在 opened a frame in the clause before ``sentence[first]`` (在这一盛典上 ->
    [最具影响力的盛典上]: the candidate is the rest of the frame)."""
    for index in range(first - 1, -1, -1):
        token = sentence[index]
        if token.text in CLAUSE_BREAKS:
            return False
        if token.text == "在" and tc.classes(token) & tc.P:
            return True
    return False


def _marks_a_statement(tokens: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` hold a mark of a statement, not of a name: a preposition (把…), an
    adverb, an aspect mark, or a verb followed by anything but a noun (a verb before a noun may
    be part of a compound name: 创新峰会, 定制化服务). An adverb before such a verb is a word of
    the name the tagger took for an adverb (全新定制化服务)."""
    for index, token in enumerate(tokens):
        bits = tc.classes(token)
        if bits & tc.P or token.text in ASPECT_MARKS:
            return True
        if bits & tc.D and not (
            index + 2 < len(tokens)
            and _is_verb_or_adjective(tokens[index + 1])
            and tc.classes(tokens[index + 2]) & _ATTRIBUTED_POS
        ):
            return True
        if (
            _is_verb_or_adjective(token)
            and not bits & tc.A
            and (index + 1 == len(tokens) or not tc.classes(tokens[index + 1]) & _ATTRIBUTED_POS)
        ):
            return True
    return False


def lost_subject(
    tokens: tuple[Token, ...], sentence: tuple[Token, ...], subject: tuple[Token, ...], own_subject: bool
) -> bool:
    """Whether ``tokens`` (a candidate of ``sentence``) state a predicate whose subject
    (``subject``, the sentence's, empty if it has none) was left out, where the sentence
    narrates (…区开展活动，慰问…): the candidate opens on no subject of its own (for a personal
    pronoun, 我们, 他: ``own_subject`` says whether it opens on a subject with its predicate, and
    no later clause of it goes without one) and no word of
    obligation (要, 必须) stands between the subject and the candidate, which would make it a
    call that stands without the subject (…要坚决打赢… -> 坚决打赢…)."""
    if not subject:
        return False
    first = tokens[0]
    subject_end = subject[-1].start + len(subject[-1].text)
    if first.start < subject_end:
        return False  # the candidate holds the subject, or opens before it
    if subject[0].text in PERSONAL_PRONOUNS:
        # 我们…，叙友情、话国是，…，感到格外高兴: a subject of its own is a subject with its
        # predicate, and every clause of the candidate goes with it.
        if own_subject and not _predicate_clause_after(tokens):
            return False
    elif (
        tc.classes(first) & _OWN_SUBJECT_POS
        and not tc.classes(first) & tc.VN
        and not predicate_tagged_as_noun(tokens, 0)
    ):
        return False  # a subject of its own (names and nouns, not a verb tagged as a noun)
    commitment = False
    for index, token in enumerate(sentence):
        if token.start >= first.start:
            break
        if token.start >= subject_end and token.text in _CALL_WORDS and not _listed(sentence, index):
            return False
        if token.text in CLAUSE_MARKS:
            commitment = False
        elif token.start >= subject_end and token.text in _COMMITMENT_WORDS:
            commitment = True
    return not commitment


def _listed(sentence: tuple[Token, ...], index: int) -> bool:
    """Whether ``sentence[index]`` is an item of a list (next to 、): 高标准要求、高质量推进 names a
    manner of work, no call."""
    return (index > 0 and sentence[index - 1].text == "、") or (
        index + 1 < len(sentence) and sentence[index + 1].text == "、"
    )


def _predicate_clause_after(tokens: tuple[Token, ...]) -> bool:
    """Whether a clause after the first of ``tokens`` opens on a verb or an adverb: a predicate
    without a subject of its own."""
    for index in range(1, len(tokens) - 1):
        if tokens[index].text in CLAUSE_BREAKS and tc.classes(tokens[index + 1]) & (tc.V | tc.D):
            return not tc.classes(tokens[index + 1]) & tc.VN
    return False


def is_bare_subject(tokens: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` are only nominal words (a name, a place, a title with a name): what
    can stand as the subject of a statement, never as a statement."""
    return bool(tokens) and all(
        tc.classes(token) & _NOMINAL_POS or tc.classes(token) & (tc.NAME | tc.X) for token in tokens
    )

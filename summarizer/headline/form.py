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
from summarizer.headline.clauses import RELATIVE_TIME
from summarizer.headline.wordlists import CLAUSE_MARKS, word_set

# Tag prefixes typed as tuples of any length (a fixed-length tuple constant is rebuilt by the
# compiler at every ``startswith``).
# Conjunctions, particles, modal particles, interjections, onomatopoeia, prepositions,
# localizers (以来, 中) and measure words cannot open a statement.
_BAD_OPENING_POS: Final[tuple[str, ...]] = ("c", "u", "y", "e", "o", "p", "f", "q", "x")
# Conjunctions, particles, prepositions, adverbs and pronoun-like words cannot close one.
_BAD_ENDING_POS: Final[tuple[str, ...]] = ("c", "u", "y", "e", "o", "p", "d")
# Words that point back to what came before: adverbs of sequence and addition, the copula,
# the object-fronting and causative verbs, anaphoric pronouns.
NEEDS_BEFORE: Final = word_set(
    "就 也 还 并 并且 而 而且 而是 但 但是 却 则 又 再 才 都 即 亦 仍 仍然 更 便 乃 故 "
    "是 为 把 将 对 使 让 令 被 由 给 据 和 与 同 及 以及 或 或者 因 因此 因为 所以 于是 从而 进而 "
    "同时 此外 另外 然而 其中 其 其实 此 该 这 那 这些 那些 这个 那个 这里 那里 这样 那样 这种 "
    "那种 这次 此次 这是 他 她 它 他们 她们 它们 我 你 我们 你们 咱们 大家 自己 之 所 等 不仅 "
    "不但 只有 只要 如果 虽然 尽管 即使 既 不过 甚至 以便 以免 否则 可见 总之 首先 其次 最后 "
    "一方面 另一方面 对此 为此 因而 由此 至此 随后 接着 然后 后来 当时 届时 一是 二是 三是"
)
# Pronouns that name a place of the speaker stand on their own (我国, 我省).
_SELF_STANDING_PRONOUNS: Final = word_set("我国 我省 我市 我区 我县 我军 全国 全省 全市")
# Words that need what follows: modifiers, conjunctions, modals, the copula and verbs that
# always take an object or a clause (speech, cognition, 进行, 成为 …), localizers of time.
NEEDS_AFTER: Final = word_set(
    "的 之 地 得 和 与 及 以及 或 或者 并 且 而 等 等等 着 所 "
    "能 能够 会 不会 可以 可 可能 要 不要 应 应该 应当 需 需要 须 必须 将 将要 得以 愿 愿意 "
    "想 敢 肯 不能 不得 必将 正在 已经 已 还 就 也 都 又 再 才 更 最 很 非常 十分 不断 进一步 "
    "是 不是 有 没有 成为 作为 包括 位于 属于 达到 占 进行 加以 予以 给予 主营 涉及 面临 拥有 "
    "具有 提供 使 让 令 把 将 对 向 在 为 从 以 "
    "令人 让人 使人 基本 一直 将会 "
    "表示 说 称 指出 认为 强调 介绍 透露 表明 显示 要求 提出 希望 称赞 指 问 答 告诉 坦言 报道 "
    "以来 以后 之后 以前 之前 期间 之际 前夕 时 时候 后 前 当中 之中 之间 以内 以上 以下 左右"
)
# Tags of words that make a statement of a clause (a verb, an adjective), where ``vn`` (a
# verb used as a noun) does not.
_PREDICATE_POS: Final[tuple[str, ...]] = ("v", "a", "i")
_NOMINAL_POS: Final[tuple[str, ...]] = ("n", "vn", "m", "q", "b", "j", "eng", "k", "s", "t", "r")
_QUOTE_OPENERS: Final = frozenset("“‘《「『")
# The marks that end a clause: what follows a candidate that ends with its clause.
_BREAKS: Final = frozenset("，,。！？!?；;：:…—")
# Conjunctions that open a coordinated phrase or a second predicate: what precedes them stands.
_COORDINATORS: Final = word_set("和 与 及 以及 或 或者 并 并且 同时 而且")
_DATE_UNITS: Final = frozenset("年月日号时")
# A person speaking (我们, 你): a quotation or a speech, not the paper's statement.
_SPEAKER_PRONOUNS: Final = word_set("我 我们 你 你们 您 咱 咱们")
# Determiners that point at what came before (这类…, 该…, 其…): the headline would need it.
_DEMONSTRATIVES: Final = word_set(
    "这 那 这些 那些 这个 那个 这种 那种 这类 那类 此类 这样 那样 此 该 其 这次 此次 这里 那里"
)
# Adverbs right after the subject that contrast with or add to what came before (…却缺…).
_LINKING_ADVERBS: Final = word_set("却 也 亦 则 同样 也都 也将 也是")
# Prepositions of purpose or means: a clause they open leads to the verb of another clause.
_ADJUNCT_PREPOSITIONS: Final = word_set("为了 以便 以免 通过")
# Words that open a frame which 作为 closes (把…作为…, 以…作为…, 将…作为…).
_FRAME_OPENERS: Final = word_set("把 将 以 拿 视")
# Verbs of saying that close an attribution before the words said (…表示，…).
_SPEECH_VERBS: Final = word_set("表示 说 称 指出 认为 强调 透露 表明 坦言 介绍 说道 告诉 提到 宣布 预计")
_ASPECT_MARKS: Final = word_set("了 着 过")
# Words of obligation or a call between a subject and its later predicates (…要…, 必须…): the
# predicates read as a programme (推进…, 坚决打赢…), which a headline may state without the subject.
_CALL_WORDS: Final = word_set("要 必须 应 应当 应该 需 需要 务必 要求 号召 将")
# Verbs of commitment (…坚持A，着力B): a call over the rest of their own clause only. Across a
# comma the subject's later predicates narrate (山阳区坚持高位推动，…，不断把…推进).
_COMMITMENT_WORDS: Final = word_set("坚持 着力 努力 力争 确保")
_OWN_SUBJECT_POS: Final[tuple[str, ...]] = ("n", "j", "eng", "m", "q", "b", "k", "s", "r")
_QUESTION_MARKS: Final = frozenset(("？", "?"))
_CLOSER: Final = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}


def form_fault(tokens: tuple[Token, ...], following: Token | None = None) -> str:
    """The first rule of form that ``tokens`` (a candidate, in reading order, pieces of one
    sentence) breaks, or ``""``. ``following`` is the sentence's token right after the last one
    kept, if the candidate ends before its clause does (``None`` at a clause end)."""
    words = [token for token in tokens if token.pos != "x" and token.text.strip()]
    if not words:
        return "empty"
    if tokens[0].text in _QUOTE_OPENERS and _only_quoted(tokens):
        return "only a quotation or a title: says nothing of its own"
    first = words[0]
    if first.text in NEEDS_BEFORE and first.text not in _SELF_STANDING_PRONOUNS:
        return "opens on a word that needs what came before"
    # "eng" (a Latin word) is no interjection ("e"), though its tag starts alike.
    if first.pos.startswith(_BAD_OPENING_POS) and first.pos != "eng" and tokens[0].text not in _QUOTE_OPENERS:
        return "opens on a function word"
    if first.pos.startswith("r") and first.text not in _SELF_STANDING_PRONOUNS:
        return "opens on a pronoun"
    if _opens_on_time(words):
        return "opens on a date or a time"
    last = words[-1]
    if last.text in NEEDS_AFTER:
        return "ends on a word that needs what follows"
    if last.pos.startswith(_BAD_ENDING_POS) and last.pos != "eng" and last.text != "了":
        return "ends on a function word"
    # A preposition inside is a sign of a statement too: the tagger takes some verbs for nouns
    # (险胜, 战胜), never a preposition.
    if not _says_something(words):
        return "says nothing: no verb or adjective (a name, a place, a time)"
    if _names_a_person_only(words):
        return "a name with its titles: no verb or adjective says what the person did"
    if _is_noun_phrase(words):
        return "a noun phrase: its only verb is inside the modifier before 的"
    if any(token.text in _SPEAKER_PRONOUNS for token in words):
        return "a person's words: speaks as 我, 我们 or 你"
    if _points_back(words):
        return "points back with 这, 此, 该 or 其 to what came before"
    if _links_back_after_subject(words):
        return "an adverb after the subject (却, 也) links it to what came before"
    if _holds_attribution(tokens):
        return "holds an attribution (…表示，…): the statement stands without it"
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
    if _preposition_without_verb(words):
        return "a preposition without the verb it leads to"
    return _gap_fault(tokens)


def _is_noun_phrase(words: list[Token]) -> bool:
    """Whether ``words`` (one clause) are a noun phrase whose only predicate is in the modifier
    before its last 的: the predicate opens the clause (发生断电的地区) or stands right before 的
    (主席发表的贺词, 亲爱的祖国). Not 张三发表重要的讲话 (two predicates: the main verb and the
    modifier's), 张三承担车队的任务 (the verb governs the phrase 车队的任务) nor a verb marked by
    了, 着 or an adverb (a main verb)."""
    last_de = -1
    for index in range(len(words) - 1, 0, -1):
        text = words[index].text
        if text == "的":
            last_de = index
            break
        if text in _BREAKS:
            return False  # more than one clause: the first says what it says
    if last_de < 1 or last_de == len(words) - 1:
        return False
    for token in words[last_de + 1 :]:
        if _is_verb_or_adjective(token) or token.pos.startswith(("p", "d", "c")):
            return False  # the head noun goes on with a predicate of its own
    predicate = -1
    for index in range(last_de):
        token = words[index]
        if token.text in _ASPECT_MARKS or token.pos.startswith(("p", "d", "c")) or token.text in _BREAKS:
            return False
        if _is_verb_or_adjective(token):
            if predicate >= 0:
                return False
            predicate = index
    return predicate == 0 or predicate == last_de - 1


def _is_verb_or_adjective(token: Token) -> bool:
    pos = token.pos
    return pos.startswith(_PREDICATE_POS) and not pos.startswith("vn")


def _points_back(words: list[Token]) -> bool:
    """Whether a demonstrative (这类, 此, 该) stands in ``words``, or 其 opens a clause: 其 inside
    a clause may refer to its own subject (法国召回其大使)."""
    for index, token in enumerate(words):
        text = token.text
        if text in _DEMONSTRATIVES and (text != "其" or index == 0 or words[index - 1].text in _BREAKS):
            return True
    return False


def _links_back_after_subject(words: list[Token]) -> bool:
    """Whether the first word after the nominal words opening ``words`` (the subject) is an
    adverb that contrasts with or adds to what came before: 村子里却缺舞台, 情况也在困扰…"""
    for index, token in enumerate(words):
        if not token.pos.startswith(_NOMINAL_POS) and not token.pos.startswith(("nr", "ns", "nt", "nz", "f")):
            return index > 0 and token.text in _LINKING_ADVERBS
    return False


def _holds_attribution(tokens: tuple[Token, ...]) -> bool:
    """Whether a clause before a break ends on a verb of saying (张三表示，…; 报告指出：…): an
    attribution, which an editor deletes; the words said stand as a candidate of their own."""
    for index in range(1, len(tokens) - 1):
        token = tokens[index]
        if token.pos == "x" and token.text in _BREAKS and tokens[index - 1].text in _SPEECH_VERBS:
            return True
    return False


def _ends_on_adjunct_clause(tokens: tuple[Token, ...]) -> bool:
    """Whether the last of several clauses (after a comma) opens on a preposition: an adjunct
    (以…为基础, 在…中) that leads to a verb the candidate does not hold."""
    for index in range(len(tokens) - 2, 0, -1):
        if tokens[index].pos == "x" and tokens[index].text in _BREAKS:
            opening = tokens[index + 1]
            if not opening.pos.startswith("p"):
                return False
            return opening.text in _ADJUNCT_PREPOSITIONS or not any(
                _is_verb_or_adjective(token) for token in tokens[index + 2 :]
            )
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
    closer = _CLOSER.get(tokens[0].text)
    return tokens[-1].text == closer and all(token.text != closer for token in tokens[1:-1])


def _says_something(words: list[Token]) -> bool:
    """Whether a word is a verb or an adjective (a predicate), or a preposition: the tagger takes
    some verbs for nouns (险胜, 战胜), never a preposition."""
    return any(_is_predicate(token) or token.pos.startswith("p") for token in words)


def _names_a_person_only(words: list[Token]) -> bool:
    """Whether ``words`` hold a person's name but no verb or adjective, only nouns, titles and
    idioms used as modifiers (…见义勇为大学生杨…)."""
    person = False
    for token in words:
        pos = token.pos
        if (pos.startswith("v") and not pos.startswith("vn")) or pos.startswith("a"):
            return False
        if pos.startswith("nr"):
            person = True
    return person


def _fronts_an_object(words: list[Token]) -> bool:
    return any(_fronts_object(token) for token in words)


def _opens_on_time(words: list[Token]) -> bool:
    """Whether the first word is a time word (今天, 上午), one made of them that the tagger
    took for something else (昨天早上), or a number of a date (1914年, 3月)."""
    first = words[0]
    if first.pos.startswith("t") or first.text[:2] in RELATIVE_TIME or first.text[:3] in RELATIVE_TIME:
        return True
    if not first.pos.startswith("m"):
        return False
    unit = (
        first.text[-1:] if first.text[-1:] in _DATE_UNITS else (words[1].text[:1] if len(words) > 1 else "")
    )
    return unit in _DATE_UNITS


def _fronts_object(token: Token) -> bool:
    return token.pos.startswith("p") and token.text in ("把", "将", "被")


def _preposition_without_verb(words: list[Token]) -> bool:
    """Whether 把, 将, 被 or 对 has no verb after it: 不断把…工作 lacks 推进."""
    waiting = False
    for token in words:
        pos = token.pos
        if pos.startswith("p") and token.text in ("把", "将", "被", "对"):
            waiting = True
        elif waiting and pos.startswith(_PREDICATE_POS) and not pos.startswith("vn"):
            waiting = False
    return waiting


def _is_predicate(token: Token) -> bool:
    pos = token.pos
    return pos.startswith(_PREDICATE_POS) and not pos.startswith("vn") and token.text not in NEEDS_AFTER


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
        return not (text in _BREAKS or text.isspace())
    if pos.startswith("p"):
        return False
    if pos.startswith("c"):
        return following.text not in _COORDINATORS
    return True


def _gap_fault(tokens: tuple[Token, ...]) -> str:
    """Where a piece was deleted between two kept tokens, the token before the gap must not be
    left waiting for what was deleted (a preposition or 的 before its noun)."""
    for index in range(len(tokens) - 1):
        before = tokens[index]
        if before.start + len(before.text) == tokens[index + 1].start:
            continue
        if before.pos.startswith("p") or before.text in ("的", "之", "和", "与", "及", "或", "、"):
            return "a deletion leaves a word without what it governs"
    return ""


def lost_subject(tokens: tuple[Token, ...], sentence: tuple[Token, ...], subject: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` (a candidate of ``sentence``) state a predicate whose subject
    (``subject``, the sentence's, empty if it has none) was left out, where the sentence
    narrates (…区开展活动，慰问…): the candidate opens on no subject of its own and no word of
    obligation (要, 必须) stands between the subject and the candidate, which would make it a
    call that stands without the subject (…要坚决打赢… -> 坚决打赢…)."""
    if not subject:
        return False
    first = tokens[0]
    subject_end = subject[-1].start + len(subject[-1].text)
    if first.start < subject_end:
        return False  # the candidate holds the subject, or opens before it
    if first.pos.startswith(_OWN_SUBJECT_POS) and not first.pos.startswith("vn"):
        return False  # a subject of its own (names and nouns; verbs tagged as nouns get through)
    commitment = False
    for token in sentence:
        if token.start >= first.start:
            break
        if token.start >= subject_end and token.text in _CALL_WORDS:
            return False
        if token.text in CLAUSE_MARKS:
            commitment = False
        elif token.start >= subject_end and token.text in _COMMITMENT_WORDS:
            commitment = True
    return not commitment


def is_bare_subject(tokens: tuple[Token, ...]) -> bool:
    """Whether ``tokens`` are only nominal words (a name, a place, a title with a name): what
    can stand as the subject of a statement, never as a statement."""
    return bool(tokens) and all(
        token.pos.startswith(_NOMINAL_POS) or token.pos.startswith(("nr", "ns", "nt", "nz", "x"))
        for token in tokens
    )

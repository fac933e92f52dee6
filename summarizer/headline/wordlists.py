"""The closed classes of words and marks that the headline rules share, each named once.

A list that another is made of is written once and the other composed from it (the
coordinators are the list conjunctions and the predicate joiners; the endings of a time clause
are the time localisers and 来), so that adding a word to a class adds it to every rule that
reads the class. A list that one rule alone reads stays beside that rule. Words are written as
one space-separated string each (:func:`word_set`); no news word is listed, only function words
and closed classes of verbs.
"""

from __future__ import annotations

from typing import Final


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, a space-separated list."""
    return frozenset(text.split())


# The tags jieba gives names: persons (nr, and nrt, nrfg after it), places, organisations and
# other proper nouns. Prefixes: a tag that starts with one is a name's.
NAME_TAGS: Final[tuple[str, ...]] = ("nr", "ns", "nt", "nz")

# Marks.
# Marks inside a sentence between two of its clauses (not its end).
CLAUSE_MARKS: Final = frozenset("，,；;：:")
# The marks that end a clause (a one-character token that is one of these breaks it).
CLAUSE_BREAKS: Final = CLAUSE_MARKS | frozenset("。！？!?…—")
# Each opening quotation mark with its closing partner.
QUOTE_PAIRS: Final = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』"}
OPENING_QUOTES: Final = frozenset(QUOTE_PAIRS)
CLOSING_QUOTES: Final = frozenset(QUOTE_PAIRS.values())
QUOTES: Final = OPENING_QUOTES | CLOSING_QUOTES
# The first characters of the pronouns that point at a noun after them or before the sentence
# (该区, 这款, 此次, 那家).
DEMONSTRATIVE_CHARACTERS: Final = frozenset("该这此那")

# Conjunctions and joiners.
# Conjunctions between the items of a list (甲和乙).
LIST_CONJUNCTIONS: Final = word_set("和 与 及 以及 或")
# Words that join a second predicate to the first (…，并…; 同时…).
PREDICATE_JOINERS: Final = word_set("并 并且 同时 而且")
# Conjunctions that open a coordinated phrase or a second predicate: what precedes them stands.
COORDINATORS: Final = LIST_CONJUNCTIONS | PREDICATE_JOINERS | word_set("或者")
# Words that tie a clause to what came before it: connectives, and a time pointed at (此次).
LINKS_BACK: Final = word_set(
    "而 而且 但 但是 并 并且 同时 此外 另外 然而 因此 所以 于是 不过 其中 其实 此次 这次"
)

# Particles.
ASPECT_MARKS: Final = word_set("了 着 过")

# Localisers.
# Localisers that end a time clause (…开展以来, …之际, …时).
TIME_LOCALISERS: Final = word_set("以来 以后 之后 期间 之际 前夕 时 时候 后 前")
# Localisers that close an adverbial of circumstance after a verb or a 在 (在…带领下, 在…中).
ADVERBIAL_LOCALISERS: Final = word_set("下 中 上 里")
# Localisers that close a 在… frame of place or occasion (在…会上, 在…期间).
FRAME_LOCALISERS: Final = ADVERBIAL_LOCALISERS | word_set("内 外 间 期间 之际 之中 之下")

# Prepositions and coverbs.
# The prepositions of a place or an occasion frame (在…上).
FRAME_PREPOSITIONS: Final = word_set("在 于")
# Verbs that close a 从… frame or name where to (从A到B, 到…).
DESTINATION_VERBS: Final = word_set("到 至")
# Prepositions that open a time phrase (于2019年…, 截至…, 从…到…).
TIME_PREPOSITIONS: Final = FRAME_PREPOSITIONS | DESTINATION_VERBS | word_set("从 自 截至 截止")
# Prepositions that front the object before its verb (把…推进, 将…落实).
OBJECT_FRONTING: Final = word_set("把 将")

# Modals and verbs of the will.
# Words of obligation (must, should): after a subject, what follows is a call, not a deed.
# The strongest of them make a call in a speech (我们要…, 必须…): a sentence that holds one (as a
# part of a word too: 需要, 要求) is read for the calls it makes.
CALLS: Final = word_set("要 必须 务必")
OBLIGATIONS: Final = CALLS | word_set("应 应当 应该 需 需要")
# Modals of ability and likelihood: a headline neither opens on one (会组织学生…: whose?) nor
# ends on one.
MODALS: Final = word_set("能 能够 会 不会 可以 可 可能 不能 将会")
# Words of a wish or a plan: what follows them is not done yet.
WISHES_AND_PLANS: Final = word_set("愿 愿意 将 拟 计划 希望 准备 打算 决心 力争 有意 意欲")
# Verbs of a proposal or a demand: what follows them is what they ask for.
PROPOSAL_VERBS: Final = word_set("建议 提议 倡议 呼吁 主张 要求")

# Adverbs.
# Adverbs of negation and of time of two characters or more, which carry the meaning of the
# statement (没有, 尚未, 已经, 首次): never deleted from a headline.
NEGATION_AND_TIME_ADVERBS: Final = word_set(
    "不再 没有 尚未 从未 并未 未能 不能 不会 已经 正在 曾经 仍然 首次 再次 将要 即将"
)

# Pronouns.
# Determiners that point at what came before (这类…, 该…, 其…): the headline would need it.
DEMONSTRATIVES: Final = word_set(
    "这 那 这些 那些 这个 那个 这种 那种 这类 那类 此类 这样 那样 此 该 其 这次 此次 这里 那里"
)
# The speaker and those spoken for (我们要…).
FIRST_PERSON_PLURAL: Final = word_set("我们 咱们")
# A person speaking (我们, 你): a quotation or a speech, not the paper's statement.
SPEAKER_PRONOUNS: Final = FIRST_PERSON_PLURAL | word_set("我 你 你们 您 咱")
# A person named before (他, 她们): who it is, the headline cannot say.
THIRD_PERSON_PRONOUNS: Final = word_set("他 她 它 他们 她们 它们")
# The personal pronouns, which stand for a subject named elsewhere or for the speaker.
PERSONAL_PRONOUNS: Final = SPEAKER_PRONOUNS | THIRD_PERSON_PRONOUNS
# Pronouns that name a place of the speaker stand on their own (我国, 我省).
SELF_STANDING_PRONOUNS: Final = word_set("我国 我省 我市 我区 我县 我军 全国 全省 全市")

# Time.
# Words of a time relative to the report (近日, 今年, 上午, 当地时间).
RELATIVE_TIME: Final = word_set(
    "近日 日前 近期 目前 当前 此前 此后 随后 今年以来 近年来 近些年来 近些年 多年来 长期以来 一直以来 "
    "昨 昨天 昨日 今天 今日 明天 明日 前天 当天 当日 当晚 当时 同日 届时 日内 昨晚 今晚 今晨 昨夜 "
    "上午 下午 中午 晚上 晚间 凌晨 早上 傍晚 夜间 "
    "今年 去年 明年 前年 本月 上月 下月 本周 上周 下周 周末 "
    "周一 周二 周三 周四 周五 周六 周日 周末 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 "
    "上周一 上周二 上周三 上周四 上周五 上周六 上周日 下周一 下周二 下周三 下周四 下周五 "
    "北京时间 当地时间"
)

# What a headline cannot open or end on.
# Words that point back to what came before: adverbs of sequence and addition, the copula,
# the object-fronting and causative verbs, anaphoric pronouns.
NEEDS_BEFORE: Final = (
    LINKS_BACK
    | LIST_CONJUNCTIONS
    | MODALS
    | word_set(
        "就 也 还 并 而 而是 但 却 则 又 再 才 都 即 亦 仍 仍然 更 便 乃 故 "
        "是 为 把 将 对 使 让 令 被 由 给 据 同 或者 因 因为 "
        "其 此 该 这 那 这些 那些 这个 那个 这里 那里 这样 那样 这种 "
        "那种 这是 他 她 它 他们 她们 它们 我 你 我们 你们 咱们 大家 自己 之 所 等 不仅 "
        "不但 只有 只要 如果 虽然 尽管 即使 既 甚至 以便 以免 否则 可见 总之 首先 其次 最后 "
        "一方面 另一方面 对此 为此 因而 由此 至此 随后 接着 然后 后来 当时 届时 一是 二是 三是 "
        "比如 例如 譬如 曾 曾经 曾任 历任 先后 接下来 此后 之后 其后 与此同时 从而 进而"
    )
)
# Words that need what follows: modifiers, conjunctions, modals, the copula and verbs that
# always take an object or a clause (speech, cognition, 进行, 成为 …), localisers of time.
NEEDS_AFTER: Final = (
    LIST_CONJUNCTIONS
    | OBLIGATIONS
    | MODALS
    | TIME_LOCALISERS
    | word_set(
        "的 之 地 得 或者 并 且 而 等 等等 着 所 "
        "不要 须 将 将要 得以 愿 愿意 "
        "想 敢 肯 不得 必将 正在 已经 已 还 就 也 都 又 再 才 更 最 很 非常 十分 不断 进一步 "
        "是 不是 即 有 没有 成为 作为 包括 位于 属于 达到 占 进行 加以 予以 给予 主营 涉及 面临 拥有 "
        "具有 提供 使 让 令 把 对 向 在 为 从 以 "
        "令人 让人 使人 基本 一直 "
        "表示 说 称 指出 认为 强调 介绍 透露 表明 显示 要求 提出 希望 称赞 指 问 答 告诉 坦言 报道 "
        "以前 之前 当中 之中 之间 以内 以上 以下 左右"
    )
)

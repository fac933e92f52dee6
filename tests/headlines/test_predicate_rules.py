"""A headline holds a predicate of its own, on made-up tokens: not only a destination (到…) or a
coverb's adverbial (紧扣…, …凭借…), not a verb that needs its subject (渴望, 关系, 曾任) or a verb
taken for a name without one, no clause of result (…，使…), no 把 whose verb lost its complement,
no piece of a prepositional frame; and a speaker's call (我们要…) gives its predicate as an
imperative line."""

from __future__ import annotations

import summarizer
from summarizer.document import Token
from summarizer.headline.candidates import deletable_phrases, sentence_candidates, sentence_subject
from summarizer.headline.clauses import clauses_of, join_tokens, sentence_tokens
from summarizer.headline.form import context_fault, form_fault, lost_subject, quotations

from .helpers import make_sentence


def tokens(pairs: list[tuple[str, str]]) -> tuple[Token, ...]:
    return sentence_tokens(make_sentence(pairs))


def _context(sentence: tuple[Token, ...], first: int, last: int) -> str:
    """context_fault of sentence[first:last + 1] as a candidate (no subject of its own)."""
    return context_fault(
        sentence[first : last + 1], sentence, quotations(sentence), first, last, last + 1, False
    )


def _candidates(pairs: list[tuple[str, str]], *, shorten_above: int = 40) -> dict[str, tuple[Token, ...]]:
    sentence = tokens(pairs)
    clauses = clauses_of(0, sentence)
    found = sentence_candidates(
        0,
        sentence,
        clauses,
        subject=sentence_subject(clauses),
        min_chars=2,
        max_chars=40,
        shorten_above=shorten_above,
    )
    return {candidate.text: candidate.tokens for candidate in found}


def test_a_destination_alone_is_no_statement_and_a_from_to_frame_is_not_deleted() -> None:
    # 从甲会议到乙会议: 到 closes the frame 从 opened.
    frame = tokens([("从", "p"), ("甲市", "ns"), ("会议", "n"), ("到", "v"), ("乙市", "ns"), ("会议", "n")])
    assert deletable_phrases(frame) == []
    assert form_fault(frame[3:]).startswith("only a destination")
    # 到 as the main verb after its subject, or with a verb after it, states.
    assert form_fault(tokens([("张三", "nr"), ("到", "v"), ("乙市", "ns")])) == ""
    assert form_fault(tokens([("到", "v"), ("乙市", "ns"), ("考察", "v"), ("工作", "vn")])) == ""


def test_a_speakers_call_gives_its_predicate_as_an_imperative() -> None:
    call = [
        ("我们", "r"),
        ("还", "d"),
        ("要", "v"),
        ("加快", "v"),
        ("结构", "n"),
        ("升级", "vn"),
        ("。", "x"),
    ]
    sentence = tokens(call)
    assert deletable_phrases(sentence[:-1]) == [(0, 3)]
    found = _candidates(call)
    assert "加快结构升级" in found
    imperative = found["加快结构升级"]
    assert form_fault(imperative) == ""
    assert not lost_subject(imperative, sentence, sentence[:1], False)
    # The speaker's words with the pronoun stay refused; a modal before a noun is no call.
    assert form_fault(sentence[:-1]) != ""
    assert deletable_phrases(tokens([("我们", "r"), ("要", "v"), ("钱", "n")])) == []


def test_a_speech_without_a_headline_in_its_lead_gives_its_calls() -> None:
    greetings = "同志们、朋友们！" * 4
    narration = "我们在这里欢聚一堂，感到格外高兴。" * 4
    text = greetings + narration + "我们要加快江南新区建设。我们必须坚持绿色发展。"
    headlines = [headline.text for headline in summarizer.analyze(text).headlines]
    assert headlines
    assert all("我们" not in headline for headline in headlines)
    assert {"加快江南新区建设", "坚持绿色发展"} & set(headlines)


def test_a_clause_of_result_runs_past_the_statement() -> None:
    act = [("甲区", "ns"), ("开展", "v"), ("活动", "vn"), ("，", "x")]
    result = [("使", "v"), ("干部", "n"), ("取得", "v"), ("成效", "n")]
    assert form_fault(tokens([*act, *result])).startswith("holds a clause of result")
    assert form_fault(tokens(act[:3])) == ""
    # After a noun phrase alone the clause of 让 is its predicate (低廉的价格，让消费者…).
    price = [
        ("低廉", "a"),
        ("的", "uj"),
        ("价格", "n"),
        ("，", "x"),
        ("让", "v"),
        ("消费者", "n"),
        ("入手", "v"),
    ]
    assert form_fault(tokens(price)) == ""
    # 使 inside the clause is its verb.
    assert form_fault(tokens([("科技", "n"), ("使", "v"), ("生活", "n"), ("更", "d"), ("美好", "a")])) == ""


def test_no_deletion_between_the_object_of_ba_and_its_verb() -> None:
    sentence = tokens(
        [
            ("甲区", "ns"),
            ("把", "p"),
            ("创建", "v"),
            ("工作", "vn"),
            ("向", "p"),
            ("纵深", "d"),
            ("推进", "v"),
        ]
    )
    whole = form_fault(sentence)
    assert whole == ""
    without_complement = (*sentence[:4], sentence[6])
    assert form_fault(without_complement).startswith("a deletion between the object of 把")


def test_a_noun_in_a_list_is_no_call_that_keeps_a_predicate_standing() -> None:
    pairs = [
        ("甲区", "ns"),
        ("坚持", "v"),
        ("高标准", "n"),
        ("要求", "v"),
        ("、", "x"),
        ("高质量", "n"),
        ("推进", "v"),
        ("，", "x"),
        ("持续", "vd"),
        ("推进", "v"),
        ("创建", "v"),
        ("工作", "vn"),
    ]
    sentence = tokens(pairs)
    _, subject = sentence_subject(clauses_of(0, sentence))
    assert join_tokens(subject) == "甲区"
    assert lost_subject(sentence[8:], sentence, subject, False)
    # A call (…要求各地…) still stands without the subject.
    call = tokens([("甲区", "ns"), ("要求", "v"), ("，", "x"), ("持续", "vd"), ("推进", "v"), ("工作", "vn")])
    assert not lost_subject(call[3:], call, call[:1], False)


def test_a_fixed_phrase_inside_a_compound_name_stays_in_the_subject() -> None:
    pairs = [("城乡", "n"), ("一体化", "l"), ("示范区", "n"), ("街道", "n"), ("推进", "v"), ("工作", "vn")]
    _, subject = sentence_subject(clauses_of(0, tokens(pairs)))
    assert join_tokens(subject) == "城乡一体化示范区街道"


def test_a_coverb_and_its_object_is_only_an_adverbial() -> None:
    assert form_fault(tokens([("紧扣", "v"), ("小康", "n"), ("目标", "n"), ("任务", "n")])).startswith(
        "only an adverbial"
    )
    # Verbs in the modifier of the coverb's object (…过大年的主题) are no predicate.
    theme = [("围绕", "v"), ("欢乐", "a"), ("过", "v"), ("大年", "n"), ("的", "uj"), ("主题", "n")]
    assert form_fault(tokens(theme)).startswith("only an adverbial")
    assert form_fault(tokens([*theme, ("开展", "v"), ("活动", "vn")])) == ""
    # After its subject too; but a subject's 通过 is the verb 'pass'.
    means = [("甲公司", "nt"), ("凭借", "p"), ("优异", "a"), ("的", "uj"), ("成绩", "n")]
    assert form_fault(tokens(means)).startswith("only an adverbial")
    spirit = [("哨兵", "n"), ("以", "p"), ("顶风", "n"), ("精神", "n")]
    assert form_fault(tokens(spirit)).startswith("only an adverbial")
    # A coverb inside a title is no adverbial of the verb after it.
    title = [
        ("《", "x"),
        ("中央", "n"),
        ("关于", "p"),
        ("建设", "vn"),
        ("的", "uj"),
        ("意见", "n"),
        ("》", "x"),
    ]
    assert form_fault(tokens([*title, ("印发", "v")])) == ""
    assert form_fault(tokens([("全会", "n"), ("通过", "v"), ("决议", "n")])) == ""
    # 以 before a score: the verb after it, which the tagger took for a noun, is the predicate.
    score = [("甲队", "nt"), ("以", "p"), ("100-78", "m"), ("战胜", "n"), ("乙队", "nt")]
    assert form_fault(tokens(score)) == ""


def test_verbs_that_need_their_subject_open_no_headline() -> None:
    for verb in ("渴望", "关系"):
        assert form_fault(tokens([(verb, "v"), ("重返", "v"), ("球队", "n")])).startswith(
            "a verb of the mind"
        ), verb
    for word in ("曾任", "历任"):
        assert form_fault(tokens([(word, "v"), ("外交部长", "n")])).startswith(
            "opens on a word that needs"
        ), word
    assert form_fault(tokens([("张三", "nr"), ("渴望", "v"), ("重返", "v"), ("球队", "n")])) == ""


def test_a_verb_taken_for_a_name_before_a_number_has_no_subject() -> None:
    award = [("荣获", "nr"), ("2009", "m"), ("年度", "n"), ("最具", "vg"), ("价值", "n"), ("奖项", "n")]
    assert form_fault(tokens(award)).startswith("a verb the tagger took for a name")
    person = [("张三", "nr"), ("2009", "m"), ("年", "m"), ("加盟", "v"), ("球队", "n")]
    assert form_fault(tokens(person)) == ""


def test_no_candidate_opens_on_the_object_of_a_lost_preposition() -> None:
    sentence = tokens([("法院", "n"), ("对", "p"), ("甲案", "n"), ("作出", "v"), ("判决", "n")])
    assert _context(sentence, 2, 4).startswith("opens on the object of a preposition")
    assert _context(sentence, 0, 4) == ""
    # The object of 将 with its verb reads as a passive (民警将[佛像追回]).
    fronted = tokens([("民警", "n"), ("将", "p"), ("佛像", "n"), ("追回", "v")])
    assert _context(fronted, 2, 3) == ""


def test_no_candidate_ends_a_frame_that_zai_opened_before_it() -> None:
    sentence = tokens(
        [
            ("在", "p"),
            ("这一", "r"),
            ("北京", "ns"),
            ("最具", "vg"),
            ("影响力", "n"),
            ("盛典", "n"),
            ("上", "f"),
        ]
    )
    assert _context(sentence, 3, 6).startswith("ends on the localizer of a 在… frame")
    statement = tokens([("红旗", "n"), ("飘扬", "v"), ("在", "p"), ("广场", "n"), ("上", "f")])
    assert _context(statement, 0, 4) == ""


def test_a_coverbs_clause_before_the_next_clauses_verb_is_its_adverbial() -> None:
    sentence = tokens(
        [
            ("紧扣", "v"),
            ("全面", "n"),
            ("建成", "v"),
            ("小康", "n"),
            ("任务", "n"),
            ("，", "x"),
            ("统筹", "v"),
            ("推进", "v"),
            ("工作", "vn"),
        ]
    )
    assert form_fault(sentence[:5]) == ""  # its object holds a verb: form alone lets it through
    assert _context(sentence, 0, 4).startswith("an adverbial clause")
    assert _context(sentence, 0, 8) == ""
    # The coverb's clause last in a candidate of two clauses leads out of it too.
    before = tokens(
        [("贯彻", "v"), ("精神", "n"), ("，", "x"), *((token.text, token.pos) for token in sentence)]
    )
    assert _context(before, 0, 7).startswith("an adverbial clause")
    assert _context(before, 0, 11) == ""


def test_an_adverb_inside_the_object_is_not_deleted_as_the_verbs_manner() -> None:
    manner = tokens([("甲区", "ns"), ("不断", "d"), ("推进", "v"), ("工作", "vn")])
    assert deletable_phrases(manner) == [(1, 2)]
    inside = tokens(
        [
            ("甲党", "nt"),
            ("实现", "v"),
            ("相同", "d"),
            ("收入", "v"),
            ("的", "uj"),
            ("家庭", "n"),
            ("纳税", "v"),
        ]
    )
    assert deletable_phrases(inside) == []


def test_a_clause_after_the_subject_keeps_its_opening_verbs_object() -> None:
    # 甲党建议，实现相同收入的家庭纳税: 实现 is the subject's verb, its object no attribute.
    pairs = [
        ("甲党", "nt"),
        ("建议", "v"),
        ("，", "x"),
        ("实现", "v"),
        ("收入", "n"),
        ("相同", "a"),
        ("的", "uj"),
        ("家庭", "n"),
        ("缴纳", "v"),
        ("相同", "a"),
        ("的", "uj"),
        ("税额", "n"),
    ]
    sentence = tokens(pairs)
    clauses = clauses_of(0, sentence)
    found = sentence_candidates(
        0, sentence, clauses, subject=sentence_subject(clauses), min_chars=2, max_chars=40, shorten_above=4
    )
    texts = {candidate.text for candidate in found}
    assert "实现收入相同的家庭缴纳相同的税额" in texts
    assert "家庭缴纳相同的税额" not in texts
    # A later clause that opens on its own subject's attribute loses it as before.
    own = [("甲党", "nt"), ("建议", "v"), ("，", "x"), ("那些", "r"), *pairs[4:]]
    own_tokens = tokens(own)
    clauses = clauses_of(0, own_tokens)
    found = sentence_candidates(
        0, own_tokens, clauses, subject=sentence_subject(clauses), min_chars=2, max_chars=40, shorten_above=4
    )
    assert "家庭缴纳相同的税额" in {candidate.text for candidate in found}
    # Opening the sentence, a leading attribute is dropped as before.
    opening = tokens(pairs[3:])
    clauses = clauses_of(0, opening)
    found = sentence_candidates(
        0, opening, clauses, subject=sentence_subject(clauses), min_chars=2, max_chars=40, shorten_above=4
    )
    assert "家庭缴纳相同的税额" in {candidate.text for candidate in found}


def test_a_verbal_noun_in_a_persons_title_stays_in_the_subject() -> None:
    pairs = [
        ("甲公司", "nt"),
        ("广告", "n"),
        ("营销", "vn"),
        ("总监", "n"),
        ("张三", "nr"),
        ("宣布", "v"),
        ("计划", "n"),
    ]
    _, subject = sentence_subject(clauses_of(0, tokens(pairs)))
    assert join_tokens(subject) == "甲公司广告营销总监张三"
    # Elsewhere a verbal noun after nouns is their predicate (…资金流动总体稳定).
    flow = [("我国", "n"), ("资金", "n"), ("流动", "vn"), ("总体", "n"), ("稳定", "a")]
    _, subject = sentence_subject(clauses_of(0, tokens(flow)))
    assert join_tokens(subject) == "我国资金"


def test_an_adverb_before_a_verb_of_a_compound_name_marks_no_statement_after_a_dash() -> None:
    # …发布会——品牌新高度暨全新定制化服务发布会: 全新 tagged as an adverb, 定制 as a verb.
    sentence = tokens(
        [
            ("甲市", "ns"),
            ("召开", "v"),
            ("大会", "n"),
            ("—", "x"),
            ("品牌", "n"),
            ("全新", "d"),
            ("定制", "v"),
            ("化", "n"),
            ("服务", "vn"),
            ("发布会", "n"),
        ]
    )
    assert _context(sentence, 4, 9).startswith("an appositive after a dash")
    # An adverb before its verb and that verb's object marks a statement.
    stated = tokens([("大会", "n"), ("—", "x"), ("甲区", "ns"), ("不断", "d"), ("推进", "v"), ("工作", "vn")])
    assert _context(stated, 2, 5) == ""


def test_an_adverbial_adjective_after_the_subject_opens_its_predicate() -> None:
    pairs = [("甲公司", "nt"), ("总监", "n"), ("正式", "ad"), ("宣布", "v"), ("计划", "n")]
    _, subject = sentence_subject(clauses_of(0, tokens(pairs)))
    assert join_tokens(subject) == "甲公司总监"


def test_no_subject_goes_with_a_predicate_in_the_scope_of_its_wish() -> None:
    pairs = [
        ("张三", "nr"),
        ("会见", "v"),
        ("李四", "nr"),
        ("，", "x"),
        ("愿", "v"),
        ("深化", "v"),
        ("互信", "vn"),
        ("，", "x"),
        ("拓展", "v"),
        ("合作", "vn"),
    ]
    texts = set(_candidates(pairs))
    assert "张三愿深化互信" in texts
    assert "张三拓展合作" not in texts


def test_every_word_of_obligation_opens_a_scope_and_a_call() -> None:
    # 需要, 应该, 务必 as 要 and 必须: the predicates after them are not done yet, and a speaker's
    # call less the speaker and the modal is the imperative line.
    for modal in ("需要", "应该", "务必", "应", "需"):
        pairs = [
            ("张三", "nr"),
            (modal, "v"),
            ("深化", "v"),
            ("互信", "vn"),
            ("，", "x"),
            ("拓展", "v"),
            ("合作", "vn"),
        ]
        texts = set(_candidates(pairs))
        assert "张三拓展合作" not in texts, modal
        call = tokens([("我们", "r"), (modal, "v"), ("加快", "v"), ("结构", "n"), ("升级", "vn")])
        assert deletable_phrases(call) == [(0, 2)], modal


def test_the_speaker_never_goes_with_the_copula_of_the_words_said() -> None:
    # 张三指出，今年是关键之年: the time word was the copula's subject, not 张三.
    pairs = [
        ("张三", "nr"),
        ("指出", "v"),
        ("，", "x"),
        ("今年", "t"),
        ("是", "v"),
        ("关键", "n"),
        ("之", "u"),
        ("年", "m"),
        ("，", "x"),
        ("要", "v"),
        ("推进", "v"),
        ("改革", "vn"),
    ]
    texts = set(_candidates(pairs))
    assert "张三是关键之年" not in texts
    assert "张三要推进改革" in texts


def test_no_attribute_is_dropped_from_the_object_of_a_preposition() -> None:
    pairs = [
        ("以", "p"),
        ("99", "m"),
        ("米", "q"),
        ("的", "uj"),
        ("高度", "n"),
        ("成就", "n"),
        ("了", "ul"),
        ("地标", "n"),
        ("建筑", "n"),
    ]
    assert "高度成就了地标建筑" not in set(_candidates(pairs, shorten_above=4))
    # With a verb before 的 the phrase is a relative clause, which goes (由甲方主办的年会…).
    relative = [
        ("由", "p"),
        ("甲方", "n"),
        ("主办", "v"),
        ("的", "uj"),
        ("年会", "n"),
        ("正式", "ad"),
        ("开幕", "v"),
    ]
    assert "年会正式开幕" in set(_candidates(relative, shorten_above=4))
    # Before a subject the attribute goes as before.
    expected = [
        ("期待", "v"),
        ("已久", "d"),
        ("的", "uj"),
        ("游戏", "n"),
        ("服务", "vn"),
        ("正式", "ad"),
        ("上线", "v"),
    ]
    sentence = tokens(expected)
    clauses = clauses_of(0, sentence)
    found = sentence_candidates(
        0, sentence, clauses, subject=sentence_subject(clauses), min_chars=2, max_chars=40, shorten_above=4
    )
    assert "游戏服务正式上线" in {candidate.text for candidate in found}


def test_a_headline_needs_neither_the_step_before_nor_the_condition_before() -> None:
    # 接下来 and 此后 say what follows what came before; 才 after the subject holds it to a
    # condition said before.
    for opening in ("接下来", "此后"):
        step = [(opening, "c"), ("甲公司", "nt"), ("将", "d"), ("研究", "v"), ("方案", "n")]
        assert form_fault(tokens(step)) == "opens on a word that needs what came before"
    # 只有质量过硬，产品才会受欢迎: the condition was said before the candidate in its sentence.
    condition_before = [("只有", "c"), ("质量", "n"), ("过硬", "a"), ("，", "x")]
    condition = tokens(
        [*condition_before, ("产品", "n"), ("才", "d"), ("会", "v"), ("受", "v"), ("欢迎", "v")]
    )
    assert _context(condition, 4, 8).startswith("an adverb after the subject (才)")
    without = tokens([*condition_before, ("产品", "n"), ("会", "v")])
    assert _context(without, 4, 5) == ""


def test_words_before_cai_that_open_the_sentence_are_its_condition() -> None:
    # 长大才发现…: opening the sentence, the words before 才 are the condition (the tagger took
    # the verb 长大 for a place name); the candidate says it all.
    pairs = [("长大", "ns"), ("才", "d"), ("发现", "v"), ("豪宅", "n"), ("不", "d"), ("好", "a"), ("住", "v")]
    sentence = tokens(pairs)
    assert form_fault(sentence) == ""
    assert _context(sentence, 0, len(sentence) - 1) == ""


def test_no_deletion_right_after_a_word_ending_on_yu_nor_inside_a_date() -> None:
    # 拟于近期由多部门印发: deleting 近期 leaves 于 without its object.
    def placed(pairs: list[tuple[str, str]], deleted: set[int]) -> tuple[Token, ...]:
        kept, start = [], 0
        for index, (text, pos) in enumerate(pairs):
            if index not in deleted:
                kept.append(Token(text, pos, start))
            start += len(text)
        return tuple(kept)

    # jieba writes 于 into the word before it (拟于).
    pairs = [("甲公司", "nt"), ("拟于", "v"), ("近期", "t"), ("由", "p"), ("多部门", "n"), ("印发", "v")]
    assert form_fault(placed(pairs, {2})) == "a deletion leaves a word without what it governs"
    assert form_fault(placed(pairs, set())) == ""
    date = [("会议", "n"), ("2019", "m"), ("年", "m"), ("12", "m"), ("月", "m"), ("30", "m"), ("日", "m")]
    date += [("召开", "v")]
    assert form_fault(placed(date, {3, 4})).startswith("a deletion inside a number or a date")
    assert form_fault(placed(date, set())) == ""

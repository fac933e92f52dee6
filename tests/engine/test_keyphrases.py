"""Key phrases: whole words, noun phrases or names that start and end on content words, no
subject with its verb, no quoted sentence, none nested in a better one, scored by the shipped
model as its file defines it."""

from __future__ import annotations

import json
import math
import random
import re
from importlib import resources

from summarizer import Engine
from summarizer.keyphrases import (
    FEATURES,
    MAX_NAME_CHARS,
    PhraseCandidates,
    choose_phrases,
    extract_keyphrases,
    phrase_candidates,
)
from summarizer.keyphrases import _quoted_spans as quoted_spans
from summarizer.rank.keywords import rank_keywords
from summarizer.terms.model import PHRASE_MODEL_FILE
from summarizer.terms.tags import FUNCTION, NOMINAL, tag_flags
from summarizer.terms.verb_lexicon import ambiguous_verbs, noun_tagged_verbs
from summarizer.terms.words import article_words

ARTICLE = (
    "本报北京3月2日电（记者王小明）第十届中国国际农产品博览会2日在北京开幕。"
    "来自30个国家和地区的1200家企业参加本届农产品博览会，展出优质农产品两万多种。"
    "农业农村部负责人表示，农产品博览会为农民增收搭建了平台。"
    "本届农产品博览会首次设立“数字农业”展区，集中展示智慧农业成果。"
    "会议指出，数字农业是乡村振兴的重要支撑，要加快乡村振兴，推动乡村的振兴。"
    "会议指出，要做好知识产权保护，抓好知识产权保护，要加强知识产权的保护。"
    "一位农民说：“肉可以吃”，又说“日子一天天好起来”。"
    "（责任编辑：李华）"
)


def _phrases(engine: Engine) -> list[str]:
    return [phrase.text for phrase in engine.analyze(ARTICLE).keyphrases]


def test_phrases_are_whole_words_starting_and_ending_on_content_words(engine: Engine) -> None:
    phrases = _phrases(engine)
    assert phrases
    document = engine.document(ARTICLE)
    tokens = [token for sentence in document.sentences for token in sentence.tokens]
    starts = {token.start: token for token in tokens}
    ends = {token.end: token for token in tokens}
    for phrase in phrases:
        start = ARTICLE.find(phrase)
        assert start >= 0, phrase
        first, last = starts.get(start), ends.get(start + len(phrase))
        assert first is not None and last is not None, f"{phrase} cuts a word"
        if phrase.startswith("“"):  # a quoted name with its head (“数字农业”展区) opens on the name
            first = starts.get(start + 1)
            assert first is not None, f"{phrase} cuts a word"
        assert not tag_flags(first.pos) & FUNCTION and not tag_flags(last.pos) & FUNCTION, phrase
        assert len(phrase) <= MAX_NAME_CHARS


def test_no_phrase_is_nested_in_another(engine: Engine) -> None:
    phrases = [phrase.lower() for phrase in _phrases(engine)]
    for index, phrase in enumerate(phrases):
        assert not any(phrase in other or other in phrase for other in phrases[index + 1 :]), phrase


def test_no_subject_with_its_verb_nor_a_quoted_sentence() -> None:
    """会议指出 (a subject and its verb) is no candidate, 乡村振兴 and 知识产权保护 are (the article
    says 振兴 and 保护 as nouns, after 的, and each phrase twice); “肉可以吃” and
    “日子一天天好起来” are quoted sentences."""
    engine = Engine()
    document = engine.document(ARTICLE)
    sentences = document.content_sentences
    words = article_words(sentences)
    ranking = rank_keywords(document, stop_words=engine.stop_words, count=10, max_sentences=400, words=words)
    texts = phrase_candidates(sentences, words, ranking.scores).texts
    assert "会议指出" not in texts
    assert "乡村振兴" in texts and "知识产权保护" in texts
    assert "肉可以吃" not in texts and "日子一天天好起来" not in texts
    assert "数字农业" in texts  # a quoted name, and a grammar phrase too
    # Grammar phrases hold nominal words only, but for a head used as a noun.
    for sentence in words:
        for index, flag in enumerate(sentence.flags):
            if sentence.texts[index] in {"指出", "表示"}:
                assert not flag & NOMINAL


def test_scores_are_the_shipped_models_probabilities_over_the_best(engine: Engine) -> None:
    data = json.loads(resources.files("summarizer.data").joinpath(PHRASE_MODEL_FILE).read_text("utf-8"))
    assert tuple(data["features"]) == FEATURES
    document = engine.document(ARTICLE)
    sentences = document.content_sentences
    words = article_words(sentences)
    ranking = rank_keywords(document, stop_words=engine.stop_words, count=10, max_sentences=400, words=words)
    candidates = phrase_candidates(sentences, words, ranking.scores)
    probability = {
        text: 1.0
        / (1.0 + math.exp(-(sum(w * x for w, x in zip(data["weights"], row, strict=True)) + data["bias"])))
        for text, row in zip(candidates.texts, candidates.rows, strict=True)
    }
    phrases = extract_keyphrases(document, ranking.scores, count=5, max_sentences=400, words=words)
    best = probability[phrases[0].text]
    assert best == max(probability.values())
    for phrase in phrases:
        assert math.isclose(phrase.score, probability[phrase.text] / best, rel_tol=1e-9)
    scores = [phrase.score for phrase in phrases]
    assert scores == sorted(scores, reverse=True)


def test_no_phrases_asked_none_given(engine: Engine) -> None:
    document = engine.document(ARTICLE)
    assert extract_keyphrases(document, {}, count=0, max_sentences=400) == ()


# Made-up sentences, one per pattern: a verbal noun after an adverb is a verb with its object;
# a one-character noun suffix closes a name (大湾 + 区); a verbal noun the article also uses as a
# verb still heads a phrase that ends its run (基础设施建设，); a determiner, a relational or a
# time noun, and a common noun before a place make no phrase; jieba's name tag on a common
# word that opens on no surname (道德) does not keep it out of a phrase.
PATTERNS = (
    "各地积极运用数字平台，数字平台越来越多。粤港澳大湾区建设稳步推进，粤港澳大湾区发展迅速。"
    "城市基础设施建设、乡镇基础设施建设，各地不断建设。所有参赛选手都拿到了奖牌，参赛选手很高兴。"
    "学校方面表示，北京时间昨天发布了新规。金砖国家领导人厦门会晤举行。"
    "各地开展道德模范评选，道德模范代表发言。"
)


def _candidates(engine: Engine, text: str) -> list[str]:
    document = engine.document(text)
    sentences = document.content_sentences
    words = article_words(sentences)
    ranking = rank_keywords(document, stop_words=engine.stop_words, count=10, max_sentences=400, words=words)
    return phrase_candidates(sentences, words, ranking.scores).texts


def test_candidate_patterns_and_refusals(engine: Engine) -> None:
    texts = _candidates(engine, PATTERNS)
    assert "数字平台" in texts and "运用数字平台" not in texts
    assert "粤港澳大湾区" in texts and "粤港澳大湾区建设" in texts and "粤港澳大湾" not in texts
    assert "基础设施建设" in texts
    assert not any(text.startswith("所有") for text in texts)
    assert "学校方面" not in texts and "北京时间" not in texts
    assert not any("领导人厦门" in text for text in texts)
    assert "道德模范" in texts


# Made-up sentences: 利用 and 谋划 are verbs jieba tags as nouns (the lexicon the trainer learns
# from the words' neighbours, given here so that the test reads the rule, not the model).
VERBS_AS_NOUNS = (
    "这家公司利用连锁药店推销药品。连锁药店遍布全国各地，公司利用连锁药店收集信息。"
    "各地全盘谋划乡村发展，坚持全盘谋划。"
)


def _candidates_with(
    engine: Engine, text: str, lexicon: frozenset[str], ambiguous: frozenset[str] = frozenset()
) -> list[str]:
    document = engine.document(text)
    words = article_words(document.content_sentences)
    return phrase_candidates(
        document.content_sentences, words, {}, verb_lexicon=lexicon, ambiguous_lexicon=ambiguous
    ).texts


def test_a_verb_tagged_as_a_noun_neither_takes_its_object_into_a_phrase_nor_heads_one(engine: Engine) -> None:
    plain = _candidates_with(engine, VERBS_AS_NOUNS, frozenset())
    assert "利用连锁药店" in plain and "全盘谋划" in plain  # jieba's tags alone
    texts = _candidates_with(engine, VERBS_AS_NOUNS, frozenset({"利用", "谋划"}))
    assert "连锁药店" in texts and "乡村发展" in texts  # cut to the noun part
    assert not any("利用" in text for text in texts)
    assert not any("谋划" in text for text in texts)
    # Where the article uses it as a noun (after 的), it may head a phrase.
    as_noun = _candidates_with(engine, VERBS_AS_NOUNS + "好的谋划是成功的一半。", frozenset({"利用", "谋划"}))
    assert "全盘谋划" in as_noun


def test_the_shipped_lexicon_holds_verbs_jieba_tags_as_nouns() -> None:
    lexicon = noun_tagged_verbs()
    assert lexicon and all(len(word) >= 2 for word in lexicon)
    assert not lexicon & {"建设", "发展", "工作", "群众"}


def test_a_one_character_modifier_after_another_content_character_opens_no_phrase(engine: Engine) -> None:
    """打 | 好 | 污染: 好 is the verb's complement; 短焦 | 镜头 stays whole."""
    texts = _candidates_with(engine, "各地打好污染治理攻坚战，打好污染治理攻坚战很重要。", frozenset())
    assert not any(text.startswith("好") for text in texts)
    assert "短焦镜头" in _candidates_with(engine, "这款投影机配有短焦镜头，短焦镜头画面清晰。", frozenset())


def test_no_phrase_ends_on_a_word_jieba_glued_to_shi(engine: Engine) -> None:
    """演讲时 ("when speaking") is a time clause's verb, not a topic."""
    text = "他在大会上发表主题演讲时说，主题演讲时间很长。他发表主题演讲时表示，经济将增长。"
    assert not any(phrase.endswith("时") for phrase in _candidates_with(engine, text, frozenset()))


def test_a_quoted_verb_and_its_object_is_no_name(engine: Engine) -> None:
    """“布置作业” ("set homework") opens on a verb jieba tags as a noun: a quoted predicate."""
    text = "教育局要求学校“布置作业”要适量，“布置作业”不能过多。"
    assert "布置作业" in _candidates_with(engine, text, frozenset())  # jieba's tags alone
    assert "布置作业" not in _candidates_with(engine, text, frozenset({"布置"}))


def test_a_noun_suffix_closes_its_word_whatever_its_tag(engine: Engine) -> None:
    """jieba tags 园 of 纪念园 zg: the phrase runs on to it, and none ends on 纪念."""
    texts = _candidates_with(engine, "游客参观抗战纪念园，抗战纪念园游人如织。", frozenset())
    assert "抗战纪念园" in texts
    assert not any(text.endswith("纪念") for text in texts)


def test_no_phrase_ends_on_a_modifier_most_of_its_uses_carry_on_from(engine: Engine) -> None:
    """人民抗日 is followed by its head (武装) in most uses and never stands as a whole run."""
    text = "这支人民抗日武装很强大。人民抗日武装驻地在山里。根据地人民抗日的决心很大。"
    texts = _candidates_with(engine, text, frozenset())
    assert "人民抗日武装" in texts
    assert "人民抗日" not in texts


def test_no_phrase_opens_inside_a_compound_of_a_verbal_noun(engine: Engine) -> None:
    """消防 | 救援 | 队伍 | 指战员: 救援 modifies 队伍, so 队伍指战员 cuts a compound in two."""
    text = "消防救援队伍指战员奋战在一线，消防救援队伍指战员很辛苦。"
    texts = _candidates_with(engine, text, frozenset())
    assert "消防救援队伍指战员" in texts
    assert "队伍指战员" not in texts


def test_a_noun_jieba_glued_to_a_localiser_is_in_no_phrase(engine: Engine) -> None:
    """车站里 ("in the station") is where something happens, not a topic's word."""
    text = "她是高铁车站里流动的风景，高铁车站里人来人往。高铁车站里流动的旅客很多。"
    texts = _candidates_with(engine, text, frozenset())
    assert not any("车站里" in text for text in texts)


def test_a_quoted_subject_and_its_adjective_is_no_name(engine: Engine) -> None:
    """“白杨不老” ("the poplar never ages") ends on an adjective: a predicate, not a name."""
    text = "墙上挂着“白杨不老”的条幅，“白杨不老”四个字写得好。活动叫“美丽乡村”，“美丽乡村”很有名。"
    texts = _candidates_with(engine, text, frozenset())
    assert "白杨不老" not in texts
    assert "美丽乡村" in texts
    coined = _candidates_with(engine, "志愿者穿上“志愿红”，“志愿红”成为街头风景。", frozenset())
    assert "志愿红" in coined  # a name in a colour (中国红), not a predicate


def test_a_quoted_name_with_the_noun_it_modifies_is_a_phrase(engine: Engine) -> None:
    """“厕所革命”工作: the grammar stops at the quote, the quoted name with its head is the topic,
    spelled with its quotes; a quoted clause takes no head (“肉可以吃”)."""
    texts = _candidates_with(engine, "全村推进“厕所革命”工作，“厕所革命”工作成效明显。", frozenset())
    assert "“厕所革命”工作" in texts
    clause = _candidates_with(engine, "他说“肉可以吃”问题不大，“肉可以吃”问题解决了。", frozenset())
    assert not any(text.startswith("“") for text in clause)


def test_a_themed_year_keeps_its_year(engine: Engine) -> None:
    """年 tagged a number closes a themed year's name before punctuation or 的; before a noun it
    is "yearly" (汽车年产能), and no phrase ends on it there."""
    text = "今年是中法文化旅游年，中法文化旅游年的活动很多。这家工厂汽车年产能达十万辆。"
    texts = _candidates_with(engine, text, frozenset())
    assert "中法文化旅游年" in texts
    assert "中法文化旅游" not in texts  # a piece of the year's name
    assert not any(text.endswith("年") and "汽车" in text for text in texts)


def test_no_phrase_holds_a_given_name_jieba_cut_from_its_surname(engine: Engine) -> None:
    """李 | 黄河 (tagged a place) is a person wherever the article says 黄河 after 李, even where
    jieba glues the surname to the word before (致李 | 黄河 | 倒地)."""
    texts = _candidates_with(engine, "歹徒刺伤李黄河，致李黄河倒地后逃离。李黄河被送往医院。", frozenset())
    assert not any("黄河" in text for text in texts)


def test_no_phrase_ends_inside_a_place_name_jieba_cut(engine: Engine) -> None:
    """粤港澳大湾 | 区分 | 会场 is 粤港澳大湾区 | 分会场: no phrase ends on 大湾 nor opens on 区分."""
    text = "粤港澳大湾区分会场灯火辉煌，粤港澳大湾区分会场观众很多。"
    texts = _candidates_with(engine, text, frozenset())
    assert "粤港澳大湾区分会场" in texts
    assert not any(text.endswith("大湾") or text.startswith("区分") for text in texts)


def test_no_phrase_cuts_an_english_name_at_its_space(engine: Engine) -> None:
    """Light SA公司 is one name: neither 责令Light nor SA公司; a model number is whole (佳能SX10
    of 佳能SX10 IS)."""
    text = "监管部门责令Light SA公司整改，Light SA公司表示接受。佳能SX10 IS相机上市，佳能SX10 IS相机很轻。"
    texts = _candidates_with(engine, text, frozenset())
    assert not any(text.endswith("Light") or text.startswith("SA") for text in texts)
    assert "佳能SX10" in texts


def test_no_two_phrases_cross(engine: Engine) -> None:
    """党支部书记 and 书记队伍活力 share 书记 where the article says 党支部书记队伍活力: the list
    keeps the better one, not two pieces crossing."""
    text = (
        "本报讯 全县党支部书记队伍活力明显增强。县里实施头雁工程，激发党支部书记队伍活力。"
        "今年有五名党支部书记参加培训，党支部书记带头创业。头雁工程让党支部书记队伍活力十足，村民收入增加。"
    )
    phrases = [phrase.text for phrase in engine.analyze(text).keyphrases]
    assert "党支部书记" in phrases
    assert "书记队伍活力" not in phrases


def test_a_word_of_the_ambiguous_band_is_a_verb_only_in_a_run_of_verbs_before_their_object(
    engine: Engine,
) -> None:
    """宁安市 | 对标 | 对表 | 中央 | 部署: two verbs of the band side by side before a noun are
    verbs there (no phrase holds a subject with its verbs); 加沙 | 地带, where 地带 stands alone,
    stays a noun."""
    text = "宁安市对标对表中央部署，宁安市对标对表中央部署。加沙地带局势紧张，加沙地带局势紧张。"
    plain = _candidates_with(engine, text, frozenset())
    assert any("对标" in phrase for phrase in plain)  # jieba's tags alone: 宁安市对标对表中央...
    texts = _candidates_with(engine, text, frozenset(), frozenset({"对标", "对表", "地带"}))
    assert not any("对标" in phrase or "对表" in phrase for phrase in texts)
    assert "中央部署" in texts
    assert "加沙地带局势" in texts  # 地带 is a noun where no verb stands beside it


def test_the_shipped_lexicon_lists_ambiguous_words_apart() -> None:
    ambiguous = ambiguous_verbs()
    assert ambiguous and not ambiguous & noun_tagged_verbs()
    assert all(len(word) >= 2 for word in ambiguous)


def test_a_phrase_always_said_before_the_same_verb_is_a_cut_of_a_longer_name(engine: Engine) -> None:
    """专题民主生活 | 会: jieba tags 会 a verb, and the article always says the phrase before it."""
    meeting = "各支部召开专题民主生活会。"
    assert "专题民主生活" in _candidates_with(engine, meeting, frozenset())  # said once: no evidence
    assert "专题民主生活" not in _candidates_with(engine, meeting * 3, frozenset())
    varied = "各支部召开专题民主生活会。专题民主生活会开得好。专题民主生活，大家都重视。"
    assert "专题民主生活" in _candidates_with(engine, varied, frozenset())


def test_a_name_jieba_glued_to_lu_leads_no_phrase() -> None:
    """罗晓晓率 | 调研组 ("Luo Xiaoxiao leads the research group"): jieba glues an unknown name
    to 率 and tags the word nz (here by a user word standing for it); the phrase would be a
    subject with its verb and object. A rate (贫困发生率) is no name."""
    text = "副主任罗晓晓率调研组赴湖南。罗晓晓率调研组走访农户。湖南贫困发生率下降，贫困发生率很低。"
    plain = Engine(user_dict=[("罗晓晓率", 10, "n")])
    assert "罗晓晓率调研组" in _candidates_with(plain, text, frozenset())  # read as a noun
    glued = Engine(user_dict=[("罗晓晓率", 10, "nz")])
    texts = _candidates_with(glued, text, frozenset())
    assert not any("罗晓晓率" in phrase for phrase in texts)
    assert "湖南贫困发生率" in texts or "贫困发生率" in " ".join(texts)


def test_an_organisations_name_is_taken_whole(engine: Engine) -> None:
    """A run of nouns that opens on a name and ends on an organisation's head is its name,
    whole: no cut of it (国际传播研究院 of 华东戏曲国际传播研究院), whatever noun follows it
    (院长, 新任秘书长); 组织, which jieba tags a verb, closes one after a verbal noun."""
    text = (
        "华东戏曲国际传播研究院院长李明明出席活动。"
        "华东戏曲国际传播研究院院长李明明表示，将继续推动交流。"
        "会上，东海合作组织新任秘书长介绍了东海合作组织发展情况。"
    )
    texts = _candidates_with(engine, text, frozenset())
    assert "华东戏曲国际传播研究院" in texts
    assert not any(text.endswith("研究院") and text != "华东戏曲国际传播研究院" for text in texts)
    assert "东海合作组织" in texts
    assert "东海合作" not in texts


def test_an_organisations_name_before_another_head_is_part_of_the_longer_name(engine: Engine) -> None:
    """东海国际合作组织 | 委员会: the name goes on to the next head; said only so, the shorter
    name is a cut (always followed by a noun of the run), the longer one is whole."""
    text = "东海国际合作组织委员会今天开会。东海国际合作组织委员会主席发言。"
    texts = _candidates_with(engine, text, frozenset())
    assert "东海国际合作组织委员会" in texts
    assert "东海国际合作组织" not in texts


def _candidates_of(engine: Engine, text: str) -> PhraseCandidates:
    document = engine.document(text)
    words = article_words(document.content_sentences)
    return phrase_candidates(document.content_sentences, words, {})


def test_an_organisations_name_takes_the_place_of_its_better_ranked_piece(engine: Engine) -> None:
    """A name whole wins over its cut: where the piece (华东戏曲) ranks above the name that
    holds it and the article says the name at least half as often, the name takes the
    piece's place and value; a piece said mostly apart from the name stays a topic."""
    text = (
        "华东戏曲国际传播研究院发布年度报告。华东戏曲国际传播研究院专家介绍，华东戏曲受到欢迎。"
        "华东戏曲保护工作不断推进。"
    )
    candidates = _candidates_of(engine, text)
    piece = candidates.texts.index("华东戏曲")
    name = candidates.texts.index("华东戏曲国际传播研究院")
    values = [0.1] * len(candidates.texts)
    values[piece], values[name] = 0.9, 0.3
    chosen = choose_phrases(candidates, values, count=3)
    assert chosen[0] == (name, 0.9)
    assert piece not in [index for index, _ in chosen]

    said_apart = text + "华东戏曲走进校园。华东戏曲走进社区。华东戏曲走向世界。"
    candidates = _candidates_of(engine, said_apart)
    piece = candidates.texts.index("华东戏曲")
    values = [0.1] * len(candidates.texts)
    values[piece] = 0.9
    assert choose_phrases(candidates, values, count=3)[0] == (piece, 0.9)


def test_quoted_spans_are_those_of_the_quote_pattern() -> None:
    """The walk over code points finds the quotes the pattern
    ``[“《「]([^”》」“《「\\s]{2,12})[”》」]`` finds, on text of marks, spaces and words."""
    pattern = re.compile(r"[“《「]([^”》」“《「\s]{2,12})[”》」]")
    alphabet = "“《「”》」 \u3000ab中国文化年"
    generator = random.Random(7)
    for _ in range(20000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 30)))
        expected = [(match.start(), match.end() - 1) for match in pattern.finditer(text)]
        assert quoted_spans(text) == expected, text


def test_no_phrase_opens_on_or_ends_before_a_place_head_after_a_name(engine: Engine) -> None:
    """jieba cuts a place's head from its name (望京 | 街道, 新华 | 街道): the head closes the
    name, so no phrase opens on it (街道返村群众) nor ends on the name before it (朝阳区望京)."""
    text = "朝阳区望京街道花家地社区开展活动。新华街道返村党支部开展活动。新华街道返村群众参与。"
    texts = _candidates_with(engine, text, frozenset())
    assert not any(text.startswith(("街道", "社区")) for text in texts), texts
    assert "朝阳区望京" not in texts

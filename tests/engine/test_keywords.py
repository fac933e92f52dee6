"""Keywords: nouns and names of the article, names whole, none inside a better one, scored by the
shipped logistic model exactly as its file defines it."""

from __future__ import annotations

import json
import math
from importlib import resources

from hypothesis import given
from hypothesis import strategies as st

from summarizer import Engine
from summarizer.rank.keywords import FEATURES, _distinct, keyword_candidates, keyword_model, rank_keywords
from summarizer.terms.keyphraseness import (
    GENERIC_SHARE,
    GENERIC_WEIGHT,
    KEYPHRASENESS_FILE,
    KeyphrasenessTable,
    keyphraseness,
)
from summarizer.terms.model import KEYWORD_MODEL_FILE, LinearModel
from summarizer.terms.tags import tag_flags
from summarizer.terms.words import SentenceWords, article_words

ARTICLE = (
    "本报北京3月2日电（记者王小明）第十届中国国际农产品博览会2日在北京开幕。"
    "来自30个国家和地区的1200家企业参加本届农产品博览会，展出优质农产品两万多种。"
    "农业农村部负责人表示，农产品博览会为农民增收搭建了平台。"
    "本届农产品博览会首次设立“数字农业”展区，集中展示智慧农业成果。"
    "卡塔尔埃米尔塔米姆·本·哈马德·阿勒萨尼参观了展区。"
    "（责任编辑：李华）"
)


def _tagged(*tagged: str) -> SentenceWords:
    """A sentence of words given as ``text/tag``."""
    texts = [item.split("/")[0] for item in tagged]
    tags = [item.split("/")[1] for item in tagged]
    return SentenceWords(texts, list(texts), tags, [tag_flags(tag) for tag in tags], [1] * len(texts), 0)


# Verbs and adjectives of the article: what happened, not what the story is about.
_NOT_KEYWORDS = {"开幕", "参加", "展出", "表示", "搭建", "设立", "展示", "优质", "集中", "参观"}


def test_keywords_are_nouns_and_names_of_the_article(engine: Engine) -> None:
    """None of the first five is a verb or adjective, none of the ten a verb. (jieba tags 优质 a
    noun in 优质农产品: the tenth of a five-sentence article's keywords may be it, against the
    generic 企业 and 国家.)"""
    keywords = [keyword.text for keyword in engine.analyze(ARTICLE).keywords]
    assert len(keywords) == 10
    assert all(keyword in ARTICLE for keyword in keywords)
    assert not set(keywords[:5]) & _NOT_KEYWORDS
    assert not set(keywords) & (_NOT_KEYWORDS - {"优质", "集中"})
    assert "农产品" in keywords or "农产品博览会" in keywords


def test_a_transliterated_name_is_one_candidate(engine: Engine) -> None:
    """jieba cuts 塔米姆·本·哈马德·阿勒萨尼 into pieces; the keywords read it whole."""
    words = article_words(engine.document(ARTICLE).content_sentences)
    candidates = keyword_candidates(words, stop_words=engine.stop_words, every_candidate=True)
    assert "塔米姆·本·哈马德·阿勒萨尼" in candidates.texts
    assert not [text for text in candidates.texts if text in {"塔", "米姆", "哈马德", "阿勒萨尼"}]


def test_no_keyword_is_inside_a_better_keyword(engine: Engine) -> None:
    keywords = [keyword.text for keyword in engine.analyze(ARTICLE).keywords]
    for index, keyword in enumerate(keywords):
        assert not any(keyword in better for better in keywords[:index]), keyword


def test_scores_are_the_shipped_models_probabilities_over_the_best(engine: Engine) -> None:
    """The plain definition: sigmoid(features · weights + bias − genericness) from the JSON
    files (the keyphraseness column and the generic words' shares from its file), divided by the
    best candidate's."""
    data = json.loads(resources.files("summarizer.data").joinpath(KEYWORD_MODEL_FILE).read_text("utf-8"))
    assert tuple(data["features"]) == FEATURES
    table = json.loads(resources.files("summarizer.data").joinpath(KEYPHRASENESS_FILE).read_text("utf-8"))
    document = engine.document(ARTICLE)
    words = article_words(document.content_sentences)
    candidates = keyword_candidates(words, stop_words=engine.stop_words)
    column = [row[FEATURES.index("keyphraseness")] for row in candidates.rows]
    assert column == [table["log_odds"].get(word, table["prior"]) for word in candidates.words]
    shares = table["shares"]
    generic = {word: GENERIC_WEIGHT * math.log(shares[word] / GENERIC_SHARE) for word in shares}
    assert generic and min(generic.values()) >= 0.0
    probabilities = [
        1.0
        / (
            1.0
            + math.exp(
                -(
                    sum(w * x for w, x in zip(data["weights"], row, strict=True))
                    + data["bias"]
                    - generic.get(word, 0.0)
                )
            )
        )
        for word, row in zip(candidates.words, candidates.rows, strict=True)
    ]
    best = max(probabilities)
    ranking = rank_keywords(document, stop_words=engine.stop_words, count=10, max_sentences=400)
    by_word = dict(zip(candidates.words, probabilities, strict=True))
    for keyword in ranking.keywords:
        assert math.isclose(keyword.score, by_word[keyword.text.lower()] / best, rel_tol=1e-9)
    assert ranking.keywords[0].score == 1.0


def test_keyphraseness_moves_the_ranking_the_way_its_weight_says(engine: Engine) -> None:
    """A word the table says editors always use rises; one they never use falls."""
    document = engine.document(ARTICLE)
    shipped = keyphraseness()
    plain = rank_keywords(document, stop_words=engine.stop_words, count=10, max_sentences=400)
    target = plain.keywords[-1].text.lower()
    boosted = KeyphrasenessTable({**shipped.log_odds, target: 5.0}, shipped.prior)
    raised = rank_keywords(
        document, stop_words=engine.stop_words, count=10, max_sentences=400, statistics=boosted
    )
    assert [keyword.text.lower() for keyword in raised.keywords].index(target) < len(plain.keywords) - 1


_WORDS = st.sampled_from(["a", "ab", "b", "abc", "c", "bc", "xa"])


@given(st.lists(st.tuples(_WORDS, st.booleans()), max_size=10), st.integers(0, 6))
def test_distinct_keeps_no_word_inside_a_better_one_and_names_whole(
    items: list[tuple[str, bool]], count: int
) -> None:
    words = [word for word, _ in items]
    whole = [name for _, name in items]
    chosen = _distinct(list(range(len(words))), words, whole, count)
    assert len(chosen) <= count
    assert len(set(chosen)) == len(chosen)
    for place, index in enumerate(chosen):
        # No chosen word is inside one chosen before it...
        assert not any(words[index] in words[better] for better in chosen[:place] if better < index)
        # ...and a whole name never sits beside a piece of it.
        if whole[index]:
            assert not any(words[other] in words[index] for other in chosen if other != index)


def test_a_word_said_once_late_is_scored_only_if_editors_use_it(engine: Engine) -> None:
    """塔米姆·本·哈马德·阿勒萨尼 is said once, in the fifth sentence: unscored unless the
    statistics say editors use the word more than an unknown one."""
    words = article_words(engine.document(ARTICLE).content_sentences)
    name = "塔米姆·本·哈马德·阿勒萨尼"
    shipped = keyphraseness()
    assert name not in keyword_candidates(words, stop_words=engine.stop_words, statistics=shipped).texts
    used = KeyphrasenessTable({**shipped.log_odds, name.lower(): shipped.prior + 1.0}, shipped.prior)
    assert name in keyword_candidates(words, stop_words=engine.stop_words, statistics=used).texts
    # Words said more than once, or early, are always scored.
    every = keyword_candidates(words, stop_words=engine.stop_words, every_candidate=True)
    scored = set(keyword_candidates(words, stop_words=engine.stop_words).words)
    assert "农产品" in scored and set(every.words) >= scored


def test_a_better_keyword_said_longer_by_a_place_ending_takes_no_second_slot() -> None:
    """福州 then 福州市: one place, one slot; 福州大学 is another thing and keeps its own."""
    words = ["福州", "福州市", "福州大学", "鼓楼区"]
    assert _distinct([0, 1, 2, 3], words, [False] * 4, 4) == [0, 2, 3]


def test_a_banner_or_league_ending_is_a_place_ending_as_the_names_read_it() -> None:
    """The keywords read a place's ending as terms.entities does (one set): 青禾 then 青禾旗 or
    青禾盟 is one place, one slot; a country's 国 ends a name too."""
    assert _distinct([0, 1, 2], ["青禾", "青禾旗", "禾湾"], [False] * 3, 3) == [0, 2]
    assert _distinct([0, 1, 2], ["青禾", "青禾盟", "禾湾"], [False] * 3, 3) == [0, 2]
    assert _distinct([0, 1], ["禾兰", "禾兰国"], [False] * 2, 2) == [0]


def test_an_organisation_ending_needs_a_name_before_it() -> None:
    """干部 and 社会 end with 部 and 会 but name no organisation; 禾工局 does."""
    sentences = [
        _tagged("禾工局/n", "走访/v", "社会/n", "。/x"),
        _tagged("干部/n", "服务/v", "社会/n", "。/x"),
    ]
    candidates = keyword_candidates(sentences, stop_words=frozenset(), every_candidate=True)
    column = FEATURES.index("organisation_ending")
    ending = {word: row[column] for word, row in zip(candidates.words, candidates.rows, strict=True)}
    assert ending == {"禾工局": 1.0, "干部": 0.0, "社会": 0.0}


def test_a_fixed_expression_is_a_candidate_an_idiom_is_not() -> None:
    """jieba's dictionary holds noun phrases such as 对外开放 or 个人所得税 whole, tagged l: a
    story may be about one. Idioms (tagged i) say how, not what."""
    sentences = [
        _tagged("推进/v", "禾湾开放/l", "。/x"),
        _tagged("青禾/ns", "一禾既往/i", "支持/v", "禾湾开放/l", "。/x"),
    ]
    candidates = keyword_candidates(sentences, stop_words=frozenset(), every_candidate=True)
    assert candidates.words == ["禾湾开放", "青禾"]


def test_a_form_of_address_is_no_keyword(engine: Engine) -> None:
    """A speech's 同志们、朋友们！ says whom it is for: a word the article mostly uses so is no
    candidate, while a noun said with 们 inside a clause stays one (孩子们在…)."""
    speech = (
        "同志们，朋友们：新春佳节即将到来，我们在这里欢聚一堂。"
        "过去一年，青禾县新建学校三所，孩子们在新校园里读书。"
        "同志们、朋友们！青禾县的学校还要再建五所，孩子们盼着新学校。"
        "同志们、朋友们！让我们共同迎接新的一年。"
    )
    words = article_words(engine.document(speech).content_sentences)
    scored = keyword_candidates(words, stop_words=engine.stop_words).words
    every = keyword_candidates(words, stop_words=engine.stop_words, every_candidate=True).words
    assert {"同志", "朋友"} <= set(every)
    assert not {"同志", "朋友"} & set(scored)
    assert "孩子" in scored


def test_the_stem_of_a_longer_word_is_no_keyword() -> None:
    """机动 before the suffix 式 each time (机动式考察) is no topic of the article: 考察 is."""
    sentences = [
        _tagged("湖区/n", "开展/v", "“/x", "机动/n", "式/k", "”/x", "考察/vn", "。/x"),
        _tagged("湖区/n", "制定/v", "“/x", "机动/n", "式/k", "”/x", "考察/vn", "办法/n", "。/x"),
    ]
    every = keyword_candidates(sentences, stop_words=frozenset(), every_candidate=True).words
    scored = keyword_candidates(sentences, stop_words=frozenset()).words
    assert "机动" in every
    assert "机动" not in scored
    assert {"湖区", "考察"} <= set(scored)


def _said(sentences: list[SentenceWords], word: str) -> int:
    """How often the candidate ``word`` counts as said (its log_tf feature read back)."""
    candidates = keyword_candidates(sentences, stop_words=frozenset(), every_candidate=True)
    row = candidates.rows[candidates.words.index(word)]
    return round(math.exp(row[FEATURES.index("log_tf")]) - 1)


def test_a_place_pointed_back_to_counts_as_said_again() -> None:
    """青禾市 named once, then 该市 twice: the place is said three times; 该区 points to no
    place ending in 市, and a pointer before any name points to nothing."""
    sentences = [
        _tagged("该市/r", "举办/v", "展会/n", "。/x"),
        _tagged("青禾市/ns", "举办/v", "展会/n", "。/x"),
        _tagged("该市/r", "建成/v", "学校/n", "，/x", "该市/r", "还/d", "修建/v", "道路/n", "。/x"),
        _tagged("该区/r", "修建/v", "道路/n", "。/x"),
    ]
    assert _said(sentences, "青禾市") == 3
    other = [
        _tagged("他们/r", "建成/v", "学校/n", "。/x") if index == 2 else s
        for index, s in enumerate(sentences)
    ]
    assert _said(other, "青禾市") == 1


def test_the_engines_scores_are_the_models_probabilities_of_the_rows(engine: Engine) -> None:
    """The engine sums the features into the score without making rows: the same floats, to
    the last bit, as the model's probabilities of the rows the trainers fit."""
    model = keyword_model()
    words = article_words(engine.document(ARTICLE).content_sentences)
    for every in (False, True):
        candidates = keyword_candidates(words, stop_words=engine.stop_words, every_candidate=every)
        assert all(len(row) == len(FEATURES) for row in candidates.rows)
        assert candidates.probabilities(model) == model.probabilities(candidates.rows)
    # A model whose every weight differs tells a feature added in the wrong place.
    shuffled = LinearModel(model.features, tuple(float(k + 1) for k in range(len(FEATURES))), 0.5)
    candidates = keyword_candidates(words, stop_words=engine.stop_words)
    assert candidates.probabilities(shuffled) == shuffled.probabilities(candidates.rows)


def test_a_keyword_most_articles_hold_is_lowered_by_how_many(engine: Engine) -> None:
    """As a keyword, a word the table says most articles hold loses GENERIC_WEIGHT ×
    log(share / GENERIC_SHARE) of log-odds, more the more articles hold it; a word under
    GENERIC_SHARE loses nothing; the key phrases still read the model's scores."""
    document = engine.document(ARTICLE)
    shipped = keyphraseness()
    plain = KeyphrasenessTable(shipped.log_odds, shipped.prior)
    shares = {"农产品": 0.4, "博览会": 0.08, "展区": GENERIC_SHARE / 2}
    generic = KeyphrasenessTable(shipped.log_odds, shipped.prior, shares)
    before = rank_keywords(
        document, stop_words=engine.stop_words, count=10, max_sentences=400, statistics=plain
    )
    after = rank_keywords(
        document, stop_words=engine.stop_words, count=10, max_sentences=400, statistics=generic
    )
    assert after.scores == before.scores
    candidates = keyword_candidates(article_words(document.content_sentences), stop_words=engine.stop_words)
    lowered = {
        word: 1.0 / (1.0 + math.exp(-(value - generic.genericness(word))))
        for word, value in zip(candidates.words, candidates.log_odds(keyword_model()), strict=True)
    }
    best = max(lowered.values())
    for keyword in after.keywords:
        assert math.isclose(keyword.score, lowered[keyword.text.lower()] / best, rel_tol=1e-9)
    assert generic.genericness("展区") == 0.0
    assert generic.genericness("农产品") > generic.genericness("博览会") > 0.0
    assert math.isclose(generic.genericness("农产品"), GENERIC_WEIGHT * math.log(0.4 / GENERIC_SHARE))
    # 农产品 was first; 0.58 of log-odds lower, it falls behind 博览会, 0.17 lower.
    assert [keyword.text for keyword in before.keywords][:2] == ["农产品", "博览会"]
    assert [keyword.text for keyword in after.keywords][:2] == ["博览会", "农产品"]


def test_a_word_said_inside_longer_words_is_ranked_by_how_often() -> None:
    """rank_substring: the candidate said most often, alone or inside longer words, ranks 0;
    equal counts rank in order of first occurrence."""
    sentences = [
        _tagged("禾湾/n", "青禾/n", "青禾镇/ns", "。/x"),
        _tagged("青禾村/ns", "禾湾/n", "。/x"),
        _tagged("湖区/n", "。/x"),
    ]
    candidates = keyword_candidates(sentences, stop_words=frozenset(), every_candidate=True)
    column = FEATURES.index("rank_substring")
    ranks = {
        word: round(math.exp(row[column]) - 1)
        for word, row in zip(candidates.words, candidates.rows, strict=True)
    }
    # 青禾: once alone, twice inside (青禾镇, 青禾村); 禾湾: twice; then the rest by first occurrence.
    assert ranks == {"青禾": 0, "禾湾": 1, "青禾镇": 2, "青禾村": 3, "湖区": 4}
    within = FEATURES.index("log_substring_count")
    said = {
        word: round(math.exp(row[within]) - 1)
        for word, row in zip(candidates.words, candidates.rows, strict=True)
    }
    assert said == {"禾湾": 2, "青禾": 3, "青禾镇": 1, "青禾村": 1, "湖区": 1}

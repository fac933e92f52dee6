"""Whole units (summarizer.terms.units): pieces the article never says apart are one keyword."""

from __future__ import annotations

from summarizer.rank.keywords import keyword_candidates
from summarizer.terms.tags import PUNCTUATION, tag_flags
from summarizer.terms.units import MIN_REPEATS, whole_units
from summarizer.terms.words import SentenceWords


def _sentence(*tagged: str, paragraph: int = 0) -> SentenceWords:
    """Words given as ``text/tag``."""
    texts = [item.split("/")[0] for item in tagged]
    tags = [item.split("/")[1] for item in tagged]
    return SentenceWords(
        texts,
        [text.lower() for text in texts],
        tags,
        [tag_flags(tag) for tag in tags],
        [1] * len(texts),
        paragraph,
    )


def _words(sentences: list[SentenceWords]) -> list[list[str]]:
    return [list(sentence.texts) for sentence in sentences]


def test_two_nouns_never_said_apart_join() -> None:
    sentences = [
        _sentence("蓝湾/n", "港区/n", "今年/t", "扩建/v", "。/x"),
        _sentence("工人/n", "来到/v", "蓝湾/n", "港区/n", "。/x"),
    ]
    units = whole_units(sentences)
    assert _words(units.sentences) == [["蓝湾港区", "今年", "扩建", "。"], ["工人", "来到", "蓝湾港区", "。"]]
    assert units.pieces == {"蓝湾港区": ("蓝湾", "港区")}
    joined = units.sentences[0]
    assert joined.pos[0] == "n" and joined.widths[0] == 2


def test_a_piece_also_said_alone_stays_apart() -> None:
    """港区 also stands alone: the pair is no unit, whatever its count."""
    sentences = [
        _sentence("蓝湾/n", "港区/n", "扩建/v", "。/x"),
        _sentence("蓝湾/n", "港区/n", "开工/v", "。/x"),
        _sentence("港区/n", "很/d", "大/a", "。/x"),
    ]
    assert _words(whole_units(sentences).sentences) == _words(sentences)


def test_a_pair_said_once_stays_apart() -> None:
    assert MIN_REPEATS == 2
    sentences = [_sentence("蓝湾/n", "港区/n", "扩建/v", "。/x")]
    assert whole_units(sentences).pieces == {}


def test_runs_of_three_join_pair_by_pair() -> None:
    run = ("青禾/n", "作风/n", "建设/vn")
    sentences = [_sentence(*run, "开展/v", "。/x"), _sentence("推进/v", *run, "。/x")]
    units = whole_units(sentences)
    assert _words(units.sentences)[0] == ["青禾作风建设", "开展", "。"]
    assert units.pieces == {"青禾作风建设": ("青禾", "作风", "建设")}


def test_no_unit_across_punctuation_or_with_verbs_numbers_and_titles() -> None:
    for pair in (
        ("蓝湾/n", "，/x"),  # punctuation
        ("扩建/v", "港区/n"),  # a verb before the head
        ("三个/m", "港区/n"),  # a numeral
        ("今年/t", "港区/n"),  # a time
        ("主任/n", "林晓禾/nr"),  # a title before a name
        ("林晓禾/nr", "主任/n"),  # and after it
        ("蓝湾/n", "扩建/v"),  # a verb as head
    ):
        sentences = [_sentence(*pair, "。/x"), _sentence(*pair, "。/x")]
        assert whole_units(sentences).pieces == {}, pair


def test_pieces_of_a_cut_name_join() -> None:
    sentences = [
        _sentence("阿尔萨/nr", "科洛夫/nr", "说/v", "。/x"),
        _sentence("阿尔萨/nr", "科洛夫/nr", "来/v", "。/x"),
    ]
    assert whole_units(sentences).pieces == {"阿尔萨科洛夫": ("阿尔萨", "科洛夫")}


def test_the_unit_is_the_keyword_candidate_not_its_pieces() -> None:
    sentences = [
        _sentence("蓝湾/n", "港区/n", "今年/t", "扩建/v", "码头/n", "。/x"),
        _sentence("工人/n", "来到/v", "蓝湾/n", "港区/n", "。/x", paragraph=1),
    ]
    candidates = keyword_candidates(sentences, stop_words=frozenset(), every_candidate=True)
    assert "蓝湾港区" in candidates.words
    assert not {"蓝湾", "港区"} & set(candidates.words)
    assert candidates.pieces == {"蓝湾港区": ("蓝湾", "港区")}


def test_a_numeral_or_measure_word_split_off_a_noun_joins_it() -> None:
    """一带 一路 / 美克美 家: jieba splits a numeral or measure word off the term; the unit keeps
    the noun's part of speech. A number with digits never joins."""
    sentences = [
        _sentence("共建/v", "蓝带/n", "一路/m", "倡议/n", "。/x"),
        _sentence("蓝带/n", "一路/m", "建设/vn", "。/x"),
        _sentence("禾克禾/ns", "家/q", "品牌/n", "。/x"),
        _sentence("禾克禾/ns", "家/q", "窗帘/n", "。/x"),
        _sentence("港币/n", "100/m", "。/x"),
        _sentence("港币/n", "100/m", "。/x"),
    ]
    units = whole_units(sentences)
    assert units.pieces == {"蓝带一路": ("蓝带", "一路"), "禾克禾家": ("禾克禾", "家")}
    assert units.sentences[0].pos[1] == "n" and units.sentences[2].pos[0] == "ns"


def test_pieces_of_a_name_tagged_apart_join() -> None:
    """奥通 (nz) + 巴耶娃 (nr): two pieces of a name, whatever jieba tagged each."""
    sentences = [
        _sentence("奥禾/nz", "巴耶娃/nr", "说/v", "。/x"),
        _sentence("奥禾/nz", "巴耶娃/nr", "来/v", "。/x"),
    ]
    assert whole_units(sentences).pieces == {"奥禾巴耶娃": ("奥禾", "巴耶娃")}


def test_the_walk_counts_the_joined_words_and_the_verbs_used_as_nouns() -> None:
    """What the keyword candidates' walk reads instead of counting again: every word of two
    characters or more of the joined sentences (and one-character words that may join a unit,
    not 的), and the verbs said after 的."""
    sentences = [
        _sentence("蓝湾/n", "港区/n", "的/uj", "保护/v", "。/x"),
        _sentence("保护/v", "蓝湾/n", "港区/n", "。/x"),
    ]
    units = whole_units(sentences)
    counted: dict[str, int] = {}
    for sentence in units.sentences:
        for word, flag in zip(sentence.lowered, sentence.flags, strict=True):
            if not flag & PUNCTUATION and len(word) >= 2:
                counted[word] = counted.get(word, 0) + 1
    assert units.said == counted == {"蓝湾港区": 2, "保护": 2}
    assert units.nominal_verbs == {"保护"}


def test_pieces_of_a_name_join_where_the_pair_is_how_the_article_mostly_says_them() -> None:
    """奥禾 巴耶娃 twice and 巴耶娃 once alone (jieba cut 由奥禾 / 巴耶娃): the name is one
    word where it is whole, and 巴耶娃 keeps its own occurrence."""
    sentences = [
        _sentence("奥禾/nz", "巴耶娃/nr", "说/v", "。/x"),
        _sentence("总理/n", "奥禾/nz", "巴耶娃/nr", "来/v", "。/x"),
        _sentence("由奥禾/nz", "巴耶娃/nr", "担任/v", "。/x"),
    ]
    units = whole_units(sentences)
    assert units.pieces == {"奥禾巴耶娃": ("奥禾", "巴耶娃")}
    assert _words(units.sentences)[1] == ["总理", "奥禾巴耶娃", "来", "。"]
    assert units.said["奥禾巴耶娃"] == 2 and units.said["巴耶娃"] == 1 and "奥禾" not in units.said


def test_pieces_of_a_name_said_mostly_apart_stay_apart() -> None:
    """巴耶娃 is said alone more often than with 奥禾: no unit (nor for nouns said apart at all)."""
    sentences = [
        _sentence("奥禾/nz", "巴耶娃/nr", "说/v", "。/x"),
        _sentence("奥禾/nz", "巴耶娃/nr", "来/v", "。/x"),
        _sentence("巴耶娃/nr", "担任/v", "。/x"),
        _sentence("巴耶娃/nr", "走/v", "。/x"),
        _sentence("巴耶娃/nr", "笑/v", "。/x"),
    ]
    assert whole_units(sentences).pieces == {}


def test_a_name_cut_before_a_measure_word_joins_though_jieba_once_cuts_it_otherwise() -> None:
    """A measure word after a noun ends a name (蓝鲸 家 is the brand 蓝鲸家): the first word is
    written nowhere but before it, though once jieba glued the measure word to what follows
    (蓝鲸 / 家以) and the measure word also counts things elsewhere (一家门店)."""
    sentences = [
        _sentence("蓝鲸/nz", "家/q", "发布/v", "窗帘/n", "。/x"),
        _sentence("蓝鲸/nz", "家以/x", "服务/vn", "取胜/v", "。/x"),
        _sentence("蓝鲸/nz", "家/q", "开设/v", "一家/m", "门店/n", "，/x", "家/q", "…/x"),
    ]
    units = whole_units(sentences)
    assert units.pieces == {"蓝鲸家": ("蓝鲸", "家")}
    assert _words(units.sentences)[0][0] == "蓝鲸家"


def test_no_measure_unit_where_the_first_word_stands_elsewhere_or_before_a_numeral() -> None:
    """The same pair stays apart when the article also writes 垃圾 without 桶, and a numeral
    after a noun never closes a unit this way (垃圾 多 / 垃圾 多: 垃圾多 is no name)."""
    apart = [
        _sentence("垃圾/n", "桶/q", "满/a", "。/x"),
        _sentence("垃圾/n", "桶/q", "空/a", "。/x"),
        _sentence("清理/v", "垃圾/n", "。/x"),
    ]
    assert whole_units(apart).pieces == {}
    numeral = [
        _sentence("垃圾/n", "多/m", "，/x", "河沟/n", "脏/a", "。/x"),
        _sentence("垃圾/n", "多/m", "的/uj", "地方/n", "。/x"),
        _sentence("多/m", "处/q", "堆放/v", "。/x"),
    ]
    assert whole_units(numeral).pieces == {}

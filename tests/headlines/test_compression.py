"""The learned deletion model: how the trainer labels the words of a sentence against a headline,
and how the engine turns keep probabilities into candidates (whole units, no verb, number or
negation deleted, spans of the source kept). Synthetic sentences only."""

from __future__ import annotations

import pytest

from summarizer.document import Token
from summarizer.headline.compression import chunk_deletions, units
from summarizer.headline.model import headline_model
from summarizer.headline.suggest import headline_spans

pytest.importorskip("sklearn", reason="the trainer module imports the train extra lazily")
from scripts.train.headline_compression import aligned_characters, kept_labels


def tokens_of(*pairs: tuple[str, str]) -> tuple[Token, ...]:
    made: list[Token] = []
    start = 0
    for text, pos in pairs:
        made.append(Token(text, pos, start))
        start += len(text)
    return tuple(made)


def test_labels_keep_the_words_whose_characters_the_headline_holds_in_order() -> None:
    words = ["昨天", "小明", "在", "公园", "里", "高兴", "地", "放", "风筝", "。"]
    labels, held = kept_labels(words, "小明公园放风筝")
    assert labels == [0, 1, 0, 1, 0, 0, 0, 1, 1, -1]
    assert held == 7


def test_labels_need_half_of_a_word_and_ignore_marks_in_the_headline() -> None:
    labels, held = kept_labels(["大熊猫", "乐园", "开放"], "熊猫：开放！")
    assert labels == [1, 0, 1]  # two of three characters of 大熊猫
    assert held == 4


def test_alignment_follows_the_order_of_the_headline() -> None:
    # 风筝 comes before 小明 in the headline: only one of them can be aligned in order.
    held = aligned_characters("小明放风筝", "风筝小明")
    assert sum(held) == 2


def test_units_keep_quotations_names_numbers_and_de_phrases_whole() -> None:
    tokens = tokens_of(
        ("张", "nr"),
        ("小明", "nr"),
        ("买", "v"),
        ("了", "ul"),
        ("3", "m"),
        ("只", "q"),
        ("红色", "n"),
        ("的", "uj"),
        ("“", "x"),
        ("风", "n"),
        ("筝", "n"),
        ("”", "x"),
    )
    texts = ["".join(t.text for t in tokens[a:b]) for a, b in units(tokens)]
    assert texts == ["张小明", "买了", "3只", "红色的“风筝”"]


def _clause() -> tuple[Token, ...]:
    return tokens_of(("小明", "nr"), ("昨天", "t"), ("在", "p"), ("公园", "n"), ("放", "v"), ("风筝", "n"))


def test_the_run_the_model_wants_dropped_goes_whole_and_spans_follow() -> None:
    tokens = _clause()
    odds = {t.start: 2.0 for t in tokens}
    odds[tokens[1].start] = odds[tokens[2].start] = odds[tokens[3].start] = -2.0  # 昨天在公园
    made = chunk_deletions(tokens, odds)
    assert made
    first = made[0]
    assert "".join(t.text for t in first) == "小明放风筝"
    assert headline_spans(first) == [(0, 2), (7, 10)]


def test_no_run_deletes_a_verb_or_a_number_or_cuts_a_compound() -> None:
    tokens = tokens_of(("小明", "nr"), ("放", "v"), ("3", "m"), ("只", "q"), ("风筝", "n"), ("比赛", "vn"))
    odds = {t.start: 2.0 for t in tokens}
    for index in (1, 2, 3, 4):
        odds[tokens[index].start] = -5.0
    for kept in chunk_deletions(tokens, odds):
        texts = [t.text for t in kept]
        assert "放" in texts and "3" in texts and "只" in texts
        assert "风筝" in texts  # between the number and 比赛: deleting it cuts a compound


def test_nothing_is_deleted_when_every_word_is_as_likely_kept() -> None:
    tokens = _clause()
    assert chunk_deletions(tokens, {t.start: 0.5 for t in tokens}) == []


def test_the_shipped_model_reads_and_scores() -> None:
    model = headline_model().compression
    assert model.weights and model.function_words
    assert all(len(name) < 40 for name in model.weights)  # feature names, no sentences


def test_the_fast_probabilities_equal_the_named_features() -> None:
    from summarizer.headline.clauses import clauses_of
    from summarizer.headline.compression import SentenceBase
    from summarizer.headline.ranking import ArticleView
    from summarizer.headline.words import ArticleWords

    from .helpers import make_sentence

    pairs = [("小明", "nr"), ("昨天", "t"), ("在", "p"), ("“", "x"), ("快乐", "a"), ("”", "x")]
    pairs += [("公园", "n"), ("里", "f"), ("高兴", "a"), ("地", "uv"), ("放", "v"), ("了", "ul")]
    pairs += [("3", "m"), ("只", "q"), ("风筝", "n"), ("，", "x"), ("并", "c"), ("说", "v"), ("好玩", "a")]
    sentence = make_sentence(pairs)
    model = headline_model()
    base = SentenceBase(sentence.tokens, clauses_of(0, sentence.tokens))
    article = ArticleView(ArticleWords([sentence], ()), model.title_words)
    fast = model.compression.keep_probabilities(base, article)
    assert len(fast) == len(base.tokens) > 5
    for index, probability in enumerate(fast):
        assert probability == pytest.approx(model.compression.named_probability(base, index, article))


def test_a_preposition_goes_only_with_its_whole_phrase_up_to_the_verb() -> None:
    # 在 alone before an adjective, 为 alone before a verb, a piece of 往…的方向 after a kept 往.
    lone = tokens_of(("满足", "v"), ("群众", "n"), ("在", "p"), ("健康", "a"), ("方面", "n"), ("需求", "n"))
    frame = tokens_of(
        ("会议", "n"), ("为", "p"), ("做好", "v"), ("工作", "vn"), ("作出", "v"), ("部署", "vn")
    )
    inside = tokens_of(("对外开放", "l"), ("往", "p"), ("更", "d"), ("深", "a"), ("的", "uj"), ("方向", "n"))
    inside += tokens_of(("走", "v"))
    for clause, low in ((lone, "在"), (frame, "为")):
        odds = {t.start: (-4.0 if t.text == low else 2.0) for t in clause}
        for kept in chunk_deletions(clause, odds):
            assert low in [t.text for t in kept], "".join(t.text for t in kept)
    odds = {t.start: (-4.0 if t.text == "深" else 2.0) for t in inside}
    made = chunk_deletions(inside, odds)
    assert made  # the whole phrase 往更深的方向 may go
    for kept in made:
        texts = [t.text for t in kept]
        assert "往" not in texts or "深" in texts, "".join(texts)


def test_no_deletion_sets_two_nouns_side_by_side_or_takes_what_jiang_fronts() -> None:
    joined = tokens_of(("运行", "v"), ("风险", "n"), ("较", "zg"), ("高", "a"), ("无人机", "l"))
    joined += tokens_of(("的", "uj"), ("管理", "vn"))
    fronted = tokens_of(("导演", "n"), ("屡屡", "d"), ("将", "d"), ("镜头", "n"), ("定格", "n"))
    fronted += tokens_of(("于", "p"), ("中国", "ns"))
    # 较 alone may go (a degree adverb); 高, which says how the risk is, may not.
    for clause, low in ((joined, "高"), (fronted, "镜头")):
        odds = {t.start: (-4.0 if t.text in (low, "高", "定格") else 2.0) for t in clause}
        for kept in chunk_deletions(clause, odds):
            assert low in [t.text for t in kept], "".join(t.text for t in kept)


def test_no_deletion_takes_the_noun_a_demonstrative_points_at() -> None:
    # 这款 without 机器 points at nothing the headline says.
    tokens = tokens_of(("亮度", "n"), ("让", "v"), ("这款", "r"), ("机器", "n"), ("能", "v"), ("适应", "v"))
    tokens += tokens_of(
        ("环境", "n"),
    )
    odds = {t.start: (-4.0 if t.text == "机器" else 2.0) for t in tokens}
    for kept in chunk_deletions(tokens, odds):
        texts = [t.text for t in kept]
        assert "这款" not in texts or "机器" in texts, "".join(texts)

"""Key phrases and keywords: whole words, noun-phrase shape, diversity, and their bigram recall
of real titles on the dev sets (score.py's keywords_bigram_recall)."""

from __future__ import annotations

import itertools
import re

import pytest

from summarizer import Engine
from summarizer.keyphrases import HEAD_POS, MAX_CHARS, extract_keyphrases
from summarizer.rank.keywords import keywords_beside, rank_keywords
from tests.engine.conftest import DevArticles

ARTICLE = (
    "本报北京3月2日电（记者王小明）第十届中国国际农产品博览会2日在北京开幕。"
    "来自30个国家和地区的1200家企业参加本届农产品博览会，展出优质农产品两万多种。"
    "农业农村部负责人表示，农产品博览会为农民增收搭建了平台。"
    "本届农产品博览会首次设立“数字农业”展区，集中展示智慧农业成果。"
    "（责任编辑：李华）"
)
_UNIT = re.compile(r"[A-Za-z]+|[0-9]+(?:\.[0-9]+)?|[\u3400-\u9fff\uf900-\ufaff]")


def _bigrams(text: str) -> set[tuple[str, str]]:
    units = _UNIT.findall(text.lower())
    return set(itertools.pairwise(units))


def _word_boundaries(engine: Engine, text: str) -> tuple[set[int], dict[int, str]]:
    """Offsets where words start or end, and the part of speech of the word ending at each."""
    document = engine.document(text)
    tokens = [token for sentence in document.sentences for token in sentence.tokens]
    bounds = {token.start for token in tokens} | {token.end for token in tokens}
    return bounds, {token.end: token.pos for token in tokens}


def test_phrases_are_whole_words_ending_on_a_head(engine: Engine) -> None:
    phrases = [phrase.text for phrase in engine.analyze(ARTICLE).keyphrases]
    assert phrases, "expected key phrases"
    bounds, ending_pos = _word_boundaries(engine, ARTICLE)
    for phrase in phrases:
        start = ARTICLE.find(phrase)
        assert start >= 0, phrase
        assert start in bounds and start + len(phrase) in bounds, f"{phrase} cuts a word"
        if not phrase.startswith(("“", "《")):
            assert ending_pos[start + len(phrase)] in HEAD_POS | {"x"}, phrase


def test_phrases_keep_out_datelines_and_credits(engine: Engine) -> None:
    result = engine.analyze(ARTICLE)
    for phrase in result.keyphrases:
        assert "王小明" not in phrase.text and "记者" not in phrase.text and "李华" not in phrase.text


def test_no_phrase_is_inside_a_better_one_and_phrases_are_bounded(engine: Engine) -> None:
    phrases = [phrase.text for phrase in engine.analyze(ARTICLE).keyphrases]
    for index, phrase in enumerate(phrases):
        assert len(phrase) <= MAX_CHARS
        assert not any(phrase in better for better in phrases[:index])
    assert len(set(phrases)) == len(phrases)


def test_phrases_say_more_than_one_keyword_again_and_again(engine: Engine) -> None:
    """The repeated subject (农产品博览会) is said once, not in every phrase."""
    phrases = [phrase.text for phrase in engine.analyze(ARTICLE).keyphrases]
    assert sum("农产品博览会" in phrase for phrase in phrases) <= 1


def test_no_keyword_is_inside_a_better_keyword(engine: Engine) -> None:
    keywords = [keyword.text for keyword in engine.analyze(ARTICLE).keywords]
    for index, keyword in enumerate(keywords):
        assert not any(keyword in better for better in keywords[:index]), keyword


def test_phrases_and_scores_are_deterministic() -> None:
    first = Engine().analyze(ARTICLE).keyphrases
    second = Engine().analyze(ARTICLE).keyphrases
    assert first == second
    scores = [phrase.score for phrase in first]
    assert scores[0] == pytest.approx(1.0) and all(0.0 <= score <= 1.0 for score in scores)


@pytest.mark.parametrize("name", ["peoples_daily.jsonl", "thucnews.jsonl"])
def test_title_bigram_recall_on_dev_articles(engine: Engine, dev_articles: DevArticles, name: str) -> None:
    """Keywords and phrases together say a good part of the real title. The issue asks 0.30
    on each whole file (jieba's TF-IDF keywords reach 0.19); a sample of 300 articles, which
    varies more, must stay clearly above the baseline."""
    recalls = []
    for record in dev_articles(name, 300):
        wanted = _bigrams(record.get("title_core") or record["title"])
        if not wanted:
            continue
        result = engine.analyze(record["text"])
        said: set[tuple[str, str]] = set()
        for item in (*result.keywords[:10], *result.keyphrases[:5]):
            said |= _bigrams(item.text)
        recalls.append(len(wanted & said) / len(wanted))
    assert sum(recalls) / len(recalls) >= 0.26


def test_keywords_beside_the_phrases_skip_words_a_phrase_says(engine: Engine) -> None:
    document = engine.document(ARTICLE)
    ranking = rank_keywords(
        document,
        stop_words=engine.stop_words,
        window=2,
        damping=0.85,
        count=10,
        max_sentences=400,
        reserve=25,
    )
    assert ranking.keywords == ranking.ranked[:10]
    phrases = extract_keyphrases(
        document, ranking.scores, keywords=20, keywords_shown=0, count=5, max_sentences=400
    )
    beside = keywords_beside(ranking, phrases, count=10)
    said = [phrase.text.lower() for phrase in phrases]
    assert 0 < len(beside) <= 10
    assert all(not any(word.text.lower() in phrase for phrase in said) for word in beside)
    # Still best first, and every word the ranking put first that no phrase holds is kept.
    ranked = [word.text for word in ranking.ranked]
    positions = [ranked.index(word.text) for word in beside]
    assert positions == sorted(positions)
    skipped = [word for word in ranking.ranked[: positions[-1]] if word not in beside]
    assert all(any(word.text.lower() in phrase for phrase in said) for word in skipped)


def test_keywords_beside_without_phrases_are_the_keywords(engine: Engine) -> None:
    ranking = rank_keywords(
        engine.document(ARTICLE),
        stop_words=engine.stop_words,
        window=2,
        damping=0.85,
        count=6,
        max_sentences=400,
        reserve=10,
    )
    assert keywords_beside(ranking, (), count=6) == ranking.keywords

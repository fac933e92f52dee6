"""Names jieba cuts apart, joined (summarizer.terms.entities), as the keywords read them."""

from __future__ import annotations

from summarizer import Engine
from summarizer.terms.words import article_words


def _words(engine: Engine, text: str) -> list[str]:
    return [
        word for sentence in article_words(engine.document(text).content_sentences) for word in sentence.texts
    ]


def test_a_chain_of_place_names_is_one_word(engine: Engine) -> None:
    assert "博爱县磨头镇" in _words(engine, "博爱县磨头镇开展能力作风建设年活动。")


def test_a_common_noun_of_places_joins_no_place_name(engine: Engine) -> None:
    """大城市, 直辖市, 城市 end like places (jieba even tags them ns) but name none: the place
    after them stays a word of its own."""
    words = _words(engine, "巴西大城市里约热内卢多个地区断电。直辖市北京和沿海城市厦门的居民。")
    assert {"里约热内卢", "北京", "厦门"} <= set(words)
    assert not [word for word in words if len(word) > 3 and word.startswith(("大城市", "直辖市", "城市"))]

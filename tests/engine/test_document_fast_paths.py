"""The fast forms of document building agree exactly with the plain computations they replace:
sentences made with their views at once, the splitter's scans, the boilerplate pre-filter."""

from __future__ import annotations

import gc
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import Engine, build_info
from summarizer.document import _CASELESS_END, _CASELESS_FIRST, DocSentence, _has_case, build_document
from summarizer.rank.vocabulary import Vocabulary
from summarizer.text import boilerplate, split_sentences
from summarizer.text.punctuation import SENTENCE_ENDS
from summarizer.text.split import _CLOSERS, _MAX_PROTECTED_SPAN, _PAIRS, _QUOTE_CLOSERS

_TEXTS = [
    "本报北京1月31日电（记者 王强）国务院召开常务会议。会议指出，GDP增长6.5%。\n（责任编辑：李明）",
    "Apple公司发布iPhone X，售价８９９９元。  他说：“我们赢了！明天再战。”\u3000\n新华社记者 张三 摄",
    "ΣΑΣ 与 İstanbul 的 ＮＢＡ 球迷\t见面。《你好！世界。》很好看……（完）",
    "没有标点的一行\n\n\n第二段 有 空格 。",
]


@pytest.mark.parametrize("text", _TEXTS)
def test_sentences_hold_the_views_their_tokens_give(engine: Engine, text: str) -> None:
    document = build_document(text, tokenizer=engine.tokenizer)
    assert document.sentences
    for sentence in document.sentences:
        plain = DocSentence(
            sentence.index,
            sentence.text,
            sentence.start,
            sentence.end,
            sentence.tokens,
            sentence.is_boilerplate,
            sentence.paragraph,
        )
        assert sentence == plain
        assert (sentence.lowered, sentence.lowered_words) == (plain.lowered, plain.lowered_words)
        assert sentence.lowered_words == tuple(word.text.lower() for word in sentence.words)


def test_no_character_of_the_caseless_range_has_a_lower_case() -> None:
    # What lets a Chinese word stand for its own lower case (document._has_case).
    changed = [code for code in range(_CASELESS_FIRST, _CASELESS_END) if chr(code).lower() != chr(code)]
    assert changed == []
    assert _CASELESS_FIRST <= ord("中") < _CASELESS_END


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6))
def test_a_word_without_case_is_its_own_lower_case(word: str) -> None:
    if not _has_case(word):
        assert word.lower() == word


@pytest.mark.parametrize("text", _TEXTS)
def test_token_count_counts_the_word_tokens(engine: Engine, text: str) -> None:
    document = build_document(text, tokenizer=engine.tokenizer)
    assert document.token_count == sum(
        token.is_word for sentence in document.sentences for token in sentence.tokens
    )


def _plain_split(text: str) -> list[tuple[int, int, int]]:
    """The splitter as first written: a character-by-character scan for the matching closer
    and a protected flag for every character of the line."""
    spans: list[tuple[int, int, int]] = []
    paragraph = 0
    line_start = 0
    for line in text.split("\n"):
        inside = [False] * len(line)
        for open_at, char in enumerate(line):
            if char not in _PAIRS or inside[open_at]:
                continue
            depth = 0
            for index in range(open_at, min(len(line), open_at + _MAX_PROTECTED_SPAN + 1)):
                depth += (line[index] == char) - (line[index] == _PAIRS[char])
                if depth == 0:
                    inside[open_at + 1 : index] = [True] * (index - open_at - 1)
                    break
        ends = []
        index = 0
        while index < len(line):
            char = line[index]
            ends_here = char in SENTENCE_ENDS and not inside[index]
            closes = (
                char in _QUOTE_CLOSERS
                and index > 0
                and line[index - 1] in SENTENCE_ENDS
                and inside[index - 1]
            )
            index += 1
            if ends_here or closes:
                while index < len(line) and (line[index] in SENTENCE_ENDS or line[index] in _CLOSERS):
                    index += 1
                ends.append(index)
        start = 0
        found = False
        for end in [*ends, len(line)]:
            segment = line[start:end]
            stripped = segment.strip()
            if stripped:
                first = line_start + start + len(segment) - len(segment.lstrip())
                spans.append((first, first + len(stripped), paragraph))
                found = True
            start = end
        paragraph += found
        line_start += len(line) + 1
    return spans


_SPLIT_ALPHABET = st.sampled_from([*SENTENCE_ENDS, *_CLOSERS, *_PAIRS, "\n", " ", "\u3000", "字", "a"])


@given(st.lists(_SPLIT_ALPHABET, max_size=60).map("".join))
def test_split_sentences_is_the_plain_scan(text: str) -> None:
    assert [(span.start, span.end, span.paragraph) for span in split_sentences(text)] == _plain_split(text)


def test_a_long_unclosed_quote_protects_nothing() -> None:
    text = "他说：“" + "很长。" * (_MAX_PROTECTED_SPAN // 3 + 1) + "”结束。"
    assert [(span.start, span.end, span.paragraph) for span in split_sentences(text)] == _plain_split(text)


_NEWSROOM_PIECES = st.sampled_from(
    [
        "本报", "北京", "1月31日", "电", "专电", "讯", "消息", "据", "新华社", "中新网", "记者", "通讯员",
        "特约", "实习", "王强", "马 强", "（", "）", "(", ")", "【", "】", "责任编辑", "编辑", "来源", "作者",
        "摄", "报道", "完", "全文完", "END", "：", "——", " ", "\u3000", "。", "会议", "Smith",
    ]
)  # fmt: skip


@given(st.lists(_NEWSROOM_PIECES, max_size=10).map("".join))
def test_the_newsroom_word_filter_changes_no_answer(sentence: str) -> None:
    stripped = sentence.strip()
    assert boilerplate.is_boilerplate_line(sentence) == (
        boilerplate._line_kind(stripped) if stripped else None
    )
    assert boilerplate.find_dateline(sentence) == boilerplate._dateline_length(sentence)


def test_compiled_documents_tokens_sentences_and_spans_go_untracked_by_the_garbage_collector(
    engine: Engine,
) -> None:
    # They can be in no reference cycle; tracked, an article's tokens set off about one
    # collection each (summarizer/document.py).
    if "summarizer.document" not in build_info.compiled_modules():
        pytest.skip("the source build: mypyc_attr(acyclic=True) applies to the compiled classes only")
    document = build_document(_TEXTS[0], tokenizer=engine.tokenizer)
    sentence = document.sentences[0]
    assert not gc.is_tracked(document)
    assert not gc.is_tracked(sentence)
    assert not gc.is_tracked(sentence.tokens[0])
    assert not gc.is_tracked(split_sentences(_TEXTS[0])[0])
    # A compiled class not marked acyclic stays tracked: the check tells the two apart.
    assert gc.is_tracked(Vocabulary.build([["农业"]]))


def test_the_engine_runs_where_mypy_extensions_is_not_installed() -> None:
    # mypyc_attr is read by the compiler only: an install without mypy (a runtime-only
    # environment) must import and analyse, compiled or from source.
    script = (
        "import sys; sys.modules['mypy_extensions'] = None\n"
        "import summarizer\n"
        "analysis = summarizer.analyze('新华社北京电 今天全市开展植树活动。两千名市民参加了活动。')\n"
        "print(len(analysis.summary))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 1


def test_the_cased_blocks_hold_every_character_lower_changes() -> None:
    """fold_width_and_case asks ``str.lower`` only where a text holds a character of the
    blocks: they must hold every character of the plane that it changes once folded, by this
    Python's own Unicode tables; and what is marked as changed for sure must change."""
    from summarizer.text import normalize

    bits = normalize._width_and_case_bits()
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        folded = normalize._TABLE.get(code, char)
        mark = bits.get(char, 0)
        if folded.lower() != folded:
            assert mark & (normalize._LOWERS | normalize._MAY_LOWER), hex(code)
        if mark & normalize._LOWERS:
            assert folded.lower() != folded, hex(code)
        assert bool(mark & normalize._FOLDS) == (code in normalize._TABLE), hex(code)


@given(
    st.lists(
        st.sampled_from(["中文", "Ａ", "ａ", "A", "é", "É", "Σ", "\u3000", "𐐀", "𝐀", "ǅ", "１", "，", " "]),
        max_size=40,
    ),
    st.integers(min_value=0, max_value=700),
)
def test_fold_width_and_case_is_normalize_width_and_lower(pieces: list[str], padding: int) -> None:
    from summarizer.text.normalize import fold_width_and_case, normalize_width

    text = "新" * padding + "".join(pieces)
    normalized = normalize_width(text)
    assert fold_width_and_case(text) == (normalized, normalized.lower() != normalized)


def test_tokens_keep_one_shared_string_and_number_per_tag() -> None:
    from summarizer.document import Token
    from summarizer.terms.tags import TAGS, tag_flags, tag_number

    for tag in ("n", "x", "nr", "uj", "eng", "nrt", "nrfg", "zg"):
        fresh = "".join(list(tag))  # a new string, as rjieba hands
        token = Token("词", fresh, 0)
        assert token.pos == tag and token.pos is TAGS[token.tag] and tag_number(fresh) == token.tag
    for tag in ("", "N", "é", "nw1", "ñn", "userpos"):
        token = Token("词", tag, 0)
        assert token.tag == -1 and token.pos == tag and tag_flags(tag) == 0
    assert [tag_number(tag) for tag in TAGS] == list(range(len(TAGS)))

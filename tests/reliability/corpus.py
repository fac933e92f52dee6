"""Hostile and odd inputs, each with the outcome every interface must give.

Three kinds:

- :data:`TEXT_CASES`: texts. The library (``analyze``, ``pages.parse``) and ``summarizer batch``
  give a valid result for every one of them; the API and ``summarizer summarize`` answer a
  valid record, or the error the case names (blank text, over the character limit, not
  representable as UTF-8).
- :data:`OPTION_CASES`: option values. Each either is accepted, or is rejected naming its
  field: ``OptionsError`` in the library, 422 in the API, exit code 2 in the CLI.
- :data:`REQUEST_CASES`: raw HTTP requests (bodies, media types, methods, paths) for the API.

The API is built with these limits (its documented defaults, spelled out here so the
expectations do not drift when a default changes).

Texts are hand-written for these tests; no dev or news text is copied here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

TEXT_LIMIT = 100_000  # characters per text
BODY_LIMIT = 1_048_576  # bytes per request body
BATCH_LIMIT = 100  # articles per /v1/batch call

ARTICLE = (
    "本报讯（记者 王小明）市政府昨日召开新闻发布会，宣布今年将新建二十所公办幼儿园。"
    "市教育局负责人介绍，新建幼儿园主要分布在人口增长较快的新城区，预计可新增学位六千个。"
    "据了解，全市学前教育毛入园率已达百分之九十五，但部分片区仍存在入园难问题。"
    "教育局表示，将同步加强师资培训，确保新园开办后保教质量不打折扣。"
    "家长李女士说：“家门口就有公办园，孩子上学方便多了。”"
)
TRADITIONAL = (
    "香港特別行政區政府今日宣佈，將於下月起推出新一輪社區支援措施。"
    "政府發言人表示，措施涵蓋學校、醫院及公共交通工具，預計惠及逾百萬市民。"
    "多個民間團體對有關安排表示歡迎，認為有助紓緩基層家庭的經濟壓力。"
    "立法會議員亦呼籲各界加強合作，確保資源用得其所。"
)
_LONG_RUN = "中国经济稳步发展人民生活持续改善科技创新能力显著增强"  # cycled, never punctuated
# TRADITIONAL with every other character in simplified script (區区, 發发 in one word).
_MIXED_IN_WORDS = (
    "香港特別行政区政府今日宣佈，将於下月起推出新一轮社區支援措施。政府发言人表示，措施涵蓋学校、医院。"
)


@dataclass(frozen=True, kw_only=True)
class TextCase:
    """A text. ``api`` is the status of ``POST /v1/summarize`` (JSON body and text/plain body
    alike); ``cli`` the exit code of ``summarizer summarize``; ``summarized`` that the summary
    must not be empty (a real article, whatever its script or markup)."""

    name: str
    text: str
    api: int = 200
    api_code: str | None = None
    cli: int = 0
    summarized: bool = False


def _blank(name: str, text: str) -> TextCase:
    return TextCase(name=name, text=text, api=422, api_code="empty_text", cli=1)


TEXT_CASES: tuple[TextCase, ...] = (
    _blank("empty", ""),
    _blank("whitespace_only", " \t\r\n\u3000\u00a0\u2003\n\n  "),
    _blank("only_newlines", "\n" * 5000),
    TextCase(name="only_ascii_punctuation", text="!?.,;:'\"()[]{}-_/\\|@#$%^&*~`<>" * 20),
    TextCase(name="only_cjk_punctuation", text="。！？；，、：“”‘’《》（）【】……——·" * 50),
    TextCase(name="one_char", text="中"),
    TextCase(name="one_sentence_no_final_punctuation", text="市政府今天召开会议研究部署下一阶段的重点工作"),
    TextCase(
        name="line_200k_chars_no_punctuation",
        text=(_LONG_RUN * (200_000 // len(_LONG_RUN) + 1))[:200_000],
        api=413,
        api_code="text_too_long",
    ),
    TextCase(name="ascii_token_60k_no_spaces", text="a" * 60_000),
    TextCase(name="text_at_the_limit", text=(_LONG_RUN + "。") * (TEXT_LIMIT // (len(_LONG_RUN) + 1))),
    TextCase(name="10000_identical_tiny_sentences", text="好。" * 10_000),
    TextCase(name="10000_distinct_tiny_sentences", text="".join(f"第{i}句。" for i in range(10_000))),
    TextCase(name="500_identical_sentences", text="市政府召开常务会议研究部署重点工作。" * 500),
    TextCase(
        name="one_5000_char_sentence_of_clauses",
        text="，".join(["各地区各部门认真贯彻落实会议精神"] * 300) + "。",
        summarized=True,
    ),
    TextCase(
        name="mixed_scripts",
        text=(
            "北京时间今天上午，NASA宣布Artemis计划推迟。Россия и Китай подписали соглашение。"
            "وقالت الوزارة إن المشروع سيكتمل。東京では桜が満開です。서울에서 회의가 열렸다。"
            "मंत्रालय ने बयान जारी किया। Ελληνικά κείμενα εδώ。"
        ),
    ),
    TextCase(name="traditional_chinese", text=TRADITIONAL, summarized=True),
    # Traditional input goes through its simplified view (summarizer.script): what OpenCC cannot
    # convert stays as written, and every output is still a piece of the input.
    TextCase(name="traditional_mixed_inside_words", text=_MIXED_IN_WORDS * 5, summarized=True),
    TextCase(
        name="traditional_with_private_use",
        text=TRADITIONAL.replace("政府", "政\ue000府").replace("。", "\U000f0000。"),
        summarized=True,
    ),
    TextCase(
        name="traditional_with_unconvertible_characters",
        # Extension B and compatibility ideographs, a rare character (輖), symbols, kana, NUL.
        text=TRADITIONAL.replace("今日", "今日𠀀𪚥輖豈更").replace("，", "，№℃の\x00") * 3,
        summarized=True,
    ),
    TextCase(
        name="traditional_at_the_limit",
        text=(TRADITIONAL * (TEXT_LIMIT // len(TRADITIONAL) + 1))[:TEXT_LIMIT],
        summarized=True,
    ),
    TextCase(
        name="traditional_over_the_limit",
        text=TRADITIONAL * (TEXT_LIMIT // len(TRADITIONAL) + 1),
        api=413,
        api_code="text_too_long",
        summarized=True,
    ),
    TextCase(
        name="html_markup",
        text=(
            "<!DOCTYPE html><html><head><title>新闻</title><style>p{color:red}</style></head><body>"
            f"<h1>幼儿园建设提速</h1><p>{ARTICLE}</p><script>alert('x')</script>"
            "<p>&lt;转载请注明出处&gt;&nbsp;&#x4e2d;&#20013;</p></body></html>"
        ),
        summarized=True,
    ),
    TextCase(
        name="markdown_markup",
        text=(
            f"# 幼儿园建设提速\n\n> 引用：{ARTICLE[:40]}\n\n- 列表一\n- 列表二\n\n**{ARTICLE}**\n\n"
            "```python\nprint('code')\n```\n\n[链接](http://example.com) ![图](x.png)\n\n"
            "| 表 | 格 |\n|---|---|\n"
        ),
        summarized=True,
    ),
    TextCase(
        name="emoji_and_astral",
        text="今天天气很好😀🎉。国旗🇨🇳飘扬👨‍👩‍👧‍👦。生僻字𠀀𠀁𪚥𩸽很少见。数学符号𝔸𝕓𝟙出现在文中。🙂" * 20,
        summarized=True,
    ),
    TextCase(name="only_emoji", text="😀🎉🇨🇳👨‍👩‍👧‍👦" * 100),
    TextCase(
        name="control_chars_and_nul",
        text="市政府\x00召开\x01会议\x07。\x1b[31m红色\x1b[0m字\x08。\x7f\x9f结束。",
    ),
    TextCase(name="only_nul", text="\x00" * 1000),
    TextCase(name="byte_order_mark", text="\ufeff" + ARTICLE, summarized=True),
    TextCase(
        name="zero_width_and_bidi", text="市\u200b政\u200c府\u200d召\u2060开\u202e会议\u202c。\ufeff" * 30
    ),
    TextCase(name="unicode_line_separators", text=ARTICLE.replace("。", "。\u2028").replace("，", "\u2029")),
    TextCase(name="carriage_returns_and_form_feeds", text=ARTICLE.replace("。", "。\r\f\v\x1c\x1d\x1e\x85")),
    TextCase(
        name="fullwidth_forms", text="ＡＢＣ公司发布２０２４年财报，营收增长１２．５％。Ｑ３表现尤其亮眼！"
    ),
    TextCase(name="combining_marks", text="a\u0301\u0302\u0303\u0304" * 2000 + "。"),
    TextCase(
        name="private_use_and_noncharacters", text="\ue000\uf8ff\ufffe\uffff\U000f0000\U0010fffd。" * 100
    ),
    TextCase(name="unbalanced_brackets", text="（" * 3000 + "《" * 3000 + "“" * 3000 + "。"),
    TextCase(name="nested_brackets", text="（" * 3000 + "内容" + "）" * 3000 + "。"),
    TextCase(
        name="only_english",
        text="The city council met on Monday. It approved the budget. Residents welcomed it.",
    ),
    TextCase(name="only_digits", text="1234567890 " * 1000),
    TextCase(name="only_dateline", text="本报北京1月31日电（记者 张三 李四）"),
    TextCase(name="csv_table", text="日期,城市,气温\n" + "2024-01-01,北京,-3\n" * 500),
    TextCase(
        name="injection_strings",
        text="'; DROP TABLE news; -- $(rm -rf /) `id` {{7*7}} ${jndi:ldap://x} %s%n%x "
        "<img src=x onerror=alert(1)>。",
    ),
    TextCase(
        name="path_like_text", text="../../../../etc/passwd。file:///etc/shadow。C:\\Windows\\win.ini。"
    ),
    TextCase(name="json_as_text", text=json.dumps({"text": ARTICLE, "max_chars": -1}, ensure_ascii=False)),
    TextCase(
        name="lone_surrogate",
        text="市政府\ud800召开会议。\udfff结束。",
        api=400,
        api_code="invalid_unicode",
        cli=1,
    ),
    TextCase(
        name="traditional_lone_surrogate",
        text="香港特別行政區政府\ud800今日宣佈。\udfff政府發言人表示。",
        api=400,
        api_code="invalid_unicode",
        cli=1,
    ),
)


@dataclass(frozen=True, kw_only=True)
class OptionCase:
    """Option values. ``field`` names the option that must be rejected (None: accepted).
    ``query`` spells the same values as query parameters and CLI flags take them (strings),
    None when JSON types have no such spelling (arrays, objects, null)."""

    name: str
    options: dict[str, Any]
    field: str | None
    query: dict[str, str] | None = None
    api_accepts: bool = False  # JSON Schema integers: the API takes 3.0 as 3 where Options refuses it


def _bad(option: str, value: Any, label: str, *, query: str | None = None) -> OptionCase:
    spelled = None if query is None else {option: query}
    return OptionCase(name=f"{option}_{label}", options={option: value}, field=option, query=spelled)


_INT_OPTIONS = (
    "max_chars",
    "sentences",
    "keywords",
    "keyphrases",
    "headlines",
    "window",
    "max_sentences_ranked",
)
_FLOAT_OPTIONS = ("damping", "position_weight", "redundancy")

OPTION_CASES: tuple[OptionCase, ...] = (
    # Wrong types, for every option.
    *(_bad(name, "3", "string_number") for name in _INT_OPTIONS),
    *(_bad(name, 2.5, "float", query="2.5") for name in _INT_OPTIONS),
    *(_bad(name, True, "boolean", query="true") for name in _INT_OPTIONS + _FLOAT_OPTIONS),
    *(_bad(name, [3], "array") for name in _INT_OPTIONS + _FLOAT_OPTIONS),
    *(_bad(name, {"value": 3}, "object") for name in _INT_OPTIONS + _FLOAT_OPTIONS),
    *(_bad(name, "0.5", "string_number") for name in _FLOAT_OPTIONS),
    *(_bad(name, None, "null") for name in ("keywords", "keyphrases", "headlines", "damping", "similarity")),
    _bad("similarity", 1, "number", query="1"),
    _bad("similarity", "BM25 ", "near_miss", query="BM25 "),
    _bad("output_script", "Traditional", "near_miss", query="Traditional"),
    _bad("output_script", "zh-Hant", "language_tag", query="zh-Hant"),
    _bad("output_script", 1, "number", query="1"),
    _bad("output_script", None, "null"),
    _bad("output_script", ["taiwan"], "array"),
    # Negative counts, zero where one is the minimum, out of range.
    *(_bad(name, -1, "negative", query="-1") for name in _INT_OPTIONS),
    _bad("max_chars", 0, "zero", query="0"),
    _bad("sentences", 0, "zero", query="0"),
    _bad("window", 1, "below_range", query="1"),
    _bad("damping", 1.0, "at_open_bound", query="1.0"),
    _bad("damping", 0, "at_open_bound_low", query="0"),
    _bad("redundancy", -0.0001, "below_range", query="-0.0001"),
    # Huge numbers.
    _bad("max_chars", 10**30, "huge_int", query=str(10**30)),
    _bad("keywords", 2**63, "int64_overflow", query=str(2**63)),
    _bad("headlines", 101, "just_over_max", query="101"),
    _bad("position_weight", 1e308, "huge_float", query="1e308"),
    _bad("damping", 1e-400, "underflow_to_zero", query="1e-400"),
    _bad("damping", "nan", "nan_string", query="nan"),
    _bad("damping", "inf", "inf_string", query="inf"),
    # Unknown fields are errors, not ignored.
    OptionCase(
        name="unknown_option",
        options={"max_chars": 50, "maxchars": 50},
        field="maxchars",
        query={"max_chars": "50", "maxchars": "50"},
    ),
    OptionCase(
        name="title_is_not_an_option", options={"title": "标题"}, field="title", query={"title": "标题"}
    ),
    # Accepted values, at the edges.
    OptionCase(name="all_counts_zero", options={"keywords": 0, "keyphrases": 0, "headlines": 0}, field=None),
    OptionCase(name="max_chars_null", options={"max_chars": None}, field=None, query={"max_chars": "none"}),
    OptionCase(name="max_chars_one", options={"max_chars": 1}, field=None, query={"max_chars": "1"}),
    OptionCase(
        name="max_chars_max", options={"max_chars": 100_000}, field=None, query={"max_chars": "100000"}
    ),
    OptionCase(
        name="sentences_max",
        options={"sentences": 100, "max_chars": None},
        field=None,
        query={"sentences": "100", "max_chars": "none"},
    ),
    OptionCase(
        name="integral_float",
        options={"keywords": 3.0},
        field="keywords",
        api_accepts=True,
    ),
    OptionCase(
        name="similarity_textrank",
        options={"similarity": "textrank"},
        field=None,
        query={"similarity": "textrank"},
    ),
    *(
        OptionCase(
            name=f"output_script_{script}",
            options={"output_script": script},
            field=None,
            query={"output_script": script},
        )
        for script in ("original", "simplified", "traditional", "taiwan", "hongkong")
    ),
    OptionCase(
        name="float_options_in_range",
        options={"damping": 0.5, "position_weight": 0, "redundancy": 1, "window": 10},
        field=None,
        query={"damping": "0.5", "position_weight": "0", "redundancy": "1", "window": "10"},
    ),
)


@dataclass(frozen=True, kw_only=True)
class RequestCase:
    """A raw request to the API and the status and error code it must get."""

    name: str
    body: bytes = b""
    content_type: str | None = "application/json"
    method: str = "POST"
    path: str = "/v1/summarize"
    query: str = ""
    status: int = 200
    code: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _nested(depth: int) -> bytes:
    return b'{"text": "\xe6\x96\x87\xe3\x80\x82", "x": ' + b"[" * depth + b"]" * depth + b"}"


_OK = _json({"text": ARTICLE})

REQUEST_CASES: tuple[RequestCase, ...] = (
    RequestCase(name="plain_article", body=_OK),
    RequestCase(name="json_charset_utf8", body=_OK, content_type="application/json; charset=utf-8"),
    RequestCase(name="json_charset_uppercase", body=_OK, content_type="application/json; charset=UTF-8"),
    RequestCase(name="text_plain_article", body=ARTICLE.encode(), content_type="text/plain; charset=utf-8"),
    RequestCase(
        name="text_plain_with_query_options",
        body=ARTICLE.encode(),
        content_type="text/plain",
        query="max_chars=40&keywords=2",
    ),
    RequestCase(name="json_body_sent_as_text_plain", body=_OK, content_type="text/plain"),
    RequestCase(name="with_id", body=_json({"id": "a-1", "text": ARTICLE})),
    RequestCase(name="numeric_id", body=_json({"id": 42, "text": ARTICLE})),
    RequestCase(
        name="id_object", body=_json({"id": {"a": 1}, "text": ARTICLE}), status=422, code="invalid_type"
    ),
    # Malformed bodies: 400.
    RequestCase(name="invalid_json", body=b'{"text": "abc"', status=400, code="invalid_json"),
    RequestCase(name="trailing_garbage", body=_OK + b" x", status=400, code="invalid_json"),
    RequestCase(name="empty_json_body", body=b"", status=400, code="invalid_json"),
    RequestCase(name="whitespace_json_body", body=b" \n\t", status=400, code="invalid_json"),
    RequestCase(name="plain_text_with_json_type", body=ARTICLE.encode(), status=400, code="invalid_json"),
    RequestCase(name="non_utf8_json", body=b'{"text": "\xff\xfe\xc3\x28"}', status=400, code="invalid_utf8"),
    RequestCase(
        name="gbk_json", body='{"text": "中文新闻。"}'.encode("gbk"), status=400, code="invalid_utf8"
    ),
    RequestCase(name="utf16_json", body='{"text": "中文"}'.encode("utf-16"), status=400, code="invalid_utf8"),
    RequestCase(
        name="non_utf8_text_plain",
        body=b"\xd6\xd0\xce\xc4",
        content_type="text/plain",
        status=400,
        code="invalid_utf8",
    ),
    RequestCase(
        name="lone_surrogate_escape", body=b'{"text": "a\\ud800b"}', status=400, code="invalid_unicode"
    ),
    RequestCase(
        name="lone_low_surrogate_key",
        body=b'{"text": "ab", "\\udc00": 1}',
        status=400,
        code="invalid_unicode",
    ),
    RequestCase(name="valid_surrogate_pair_escape", body=b'{"text": "\\ud83d\\ude00\\u4e2d\\u6587\\u3002"}'),
    RequestCase(name="deeply_nested_json_100k", body=_nested(100_000), status=400, code="invalid_json"),
    RequestCase(name="nested_json_65", body=_nested(65), status=400, code="invalid_json"),
    RequestCase(
        name="duplicate_keys",
        body=b'{"text": "\xe5\x85\xab\xe3\x80\x82", "text": 5}',
        status=400,
        code="invalid_json",
    ),
    RequestCase(
        name="duplicate_option_keys",
        body=b'{"text": "ab", "max_chars": 50, "max_chars": -1}',
        status=400,
        code="invalid_json",
    ),
    RequestCase(name="nan_literal", body=b'{"text": "ab", "damping": NaN}', status=400, code="invalid_json"),
    RequestCase(
        name="infinity_literal",
        body=b'{"text": "ab", "max_chars": Infinity}',
        status=400,
        code="invalid_json",
    ),
    RequestCase(
        name="number_5000_digits",
        body=b'{"text": "ab", "max_chars": ' + b"9" * 5000 + b"}",
        status=400,
        code="invalid_json",
    ),
    # Well-formed JSON of the wrong shape: 422.
    RequestCase(name="json_array_body", body=b"[]", status=422, code="invalid_body"),
    RequestCase(name="json_string_body", body=b'"text"', status=422, code="invalid_body"),
    RequestCase(name="json_null_body", body=b"null", status=422, code="invalid_body"),
    RequestCase(name="missing_text", body=b"{}", status=422, code="missing_field"),
    RequestCase(name="text_null", body=b'{"text": null}', status=422, code="invalid_type"),
    RequestCase(name="text_number", body=b'{"text": 12}', status=422, code="invalid_type"),
    RequestCase(name="text_array", body=_json({"text": [ARTICLE]}), status=422, code="invalid_type"),
    RequestCase(
        name="text_nested_object",
        body=_json({"text": {"a": {"b": ARTICLE}}}),
        status=422,
        code="invalid_type",
    ),
    RequestCase(name="options_in_query_with_json", body=_OK, query="max_chars=50"),
    RequestCase(
        name="invalid_query_option_under_json_value",
        body=_json({"text": ARTICLE, "window": 2}),
        query="window=11",
        status=422,
        code="invalid_option",
    ),
    RequestCase(
        name="query_option_with_batch",
        path="/v1/batch",
        body=_json({"articles": []}),
        query="keywords=2",
        status=422,
        code="invalid_option",
    ),
    RequestCase(
        name="repeated_query_option",
        body=ARTICLE.encode(),
        content_type="text/plain",
        query="keywords=1&keywords=2",
        status=422,
        code="invalid_option",
    ),
    RequestCase(
        name="over_sentence_limit",
        body=_json({"text": ARTICLE, "max_sentences_ranked": 100_000}),
        status=422,
        code="over_limit",
    ),
    # Media types: 415.
    RequestCase(
        name="xml",
        body=b"<text>abc</text>",
        content_type="application/xml",
        status=415,
        code="unsupported_media_type",
    ),
    RequestCase(
        name="form_urlencoded",
        body=b"text=abc",
        content_type="application/x-www-form-urlencoded",
        status=415,
        code="unsupported_media_type",
    ),
    RequestCase(
        name="multipart",
        body=b"--b\r\n\r\nabc\r\n--b--",
        content_type="multipart/form-data; boundary=b",
        status=415,
        code="unsupported_media_type",
    ),
    RequestCase(
        name="no_content_type", body=_OK, content_type=None, status=415, code="unsupported_media_type"
    ),
    RequestCase(
        name="json_latin1_charset",
        body=_OK,
        content_type="application/json; charset=latin-1",
        status=415,
        code="unsupported_media_type",
    ),
    RequestCase(
        name="octet_stream",
        body=b"\x00\x01\x02",
        content_type="application/octet-stream",
        status=415,
        code="unsupported_media_type",
    ),
    # Size limits: 413.
    RequestCase(
        name="wire_dump_5mb_text_plain",
        body=("新闻稿。" * 450_000).encode(),
        content_type="text/plain",
        status=413,
        code="body_too_large",
    ),
    RequestCase(
        name="json_over_body_limit",
        body=_json({"text": "a" * (BODY_LIMIT + 10)}),
        status=413,
        code="body_too_large",
    ),
    RequestCase(
        name="text_over_char_limit",
        body=_json({"text": "字" * (TEXT_LIMIT + 1)}),
        status=413,
        code="text_too_long",
    ),
    RequestCase(
        name="batch_over_count_limit",
        path="/v1/batch",
        body=_json({"articles": [{"id": i, "text": "短文。"} for i in range(BATCH_LIMIT + 1)]}),
        status=413,
        code="too_many_articles",
    ),
    RequestCase(
        name="batch_article_over_char_limit",
        path="/v1/batch",
        body=_json({"articles": [{"id": 1, "text": "字" * (TEXT_LIMIT + 1)}]}),
        status=413,
        code="text_too_long",
    ),
    # Batches: bad records become error records, the call succeeds.
    RequestCase(
        name="batch_with_bad_records",
        path="/v1/batch",
        body=_json(
            {
                "articles": [
                    {"id": 1, "text": ARTICLE},
                    {"id": 2},
                    {"id": 3, "text": None},
                    7,
                    [],
                    {"id": 4, "text": 5},
                    {"text": ""},
                ]
            }
        ),
    ),
    RequestCase(name="batch_empty", path="/v1/batch", body=_json({"articles": []})),
    RequestCase(
        name="batch_articles_not_list",
        path="/v1/batch",
        body=_json({"articles": {"id": 1}}),
        status=422,
        code="invalid_type",
    ),
    RequestCase(
        name="batch_unknown_option",
        path="/v1/batch",
        body=_json({"articles": [], "colour": 1}),
        status=422,
        code="invalid_option",
    ),
    RequestCase(name="pages_plain", path="/v1/pages", body=_json({"text": "标题\n" + ARTICLE})),
    RequestCase(
        name="pages_blank", path="/v1/pages", body=_json({"text": "\n\n"}), status=422, code="empty_text"
    ),
    # Routing: JSON 404/405.
    RequestCase(
        name="get_on_post_endpoint",
        method="GET",
        body=b"",
        content_type=None,
        status=405,
        code="method_not_allowed",
    ),
    RequestCase(
        name="delete_on_post_endpoint",
        method="DELETE",
        body=b"",
        content_type=None,
        status=405,
        code="method_not_allowed",
    ),
    RequestCase(name="unknown_path", path="/v1/summarise", status=404, code="not_found"),
    RequestCase(
        name="path_traversal",
        path="/../../etc/passwd",
        method="GET",
        body=b"",
        content_type=None,
        status=404,
        code="not_found",
    ),
    RequestCase(
        name="encoded_traversal",
        path="/static/..%2f..%2fpyproject.toml",
        method="GET",
        body=b"",
        content_type=None,
        status=404,
        code="not_found",
    ),
)

#!/usr/bin/env python3
"""Check that every output of ``summarizer batch`` is a verbatim piece of its input.

    python scripts/check_verbatim.py articles DATA.jsonl PRED.jsonl
    python scripts/check_verbatim.py pages DATA.jsonl PRED.jsonl

Beside ``../shared/tools/score.py`` in ``make eval`` (which measures quality, not this). Prints one
JSON object: how many outputs were checked, the share that is verbatim, and the first failures.
Exit status 1 when any output is not verbatim.

Articles: every sentence is ``text[start:end]``; every summary sentence is its sentence or the start
of it; every keyword and key phrase occurs in the text; every headline is its ``spans`` cut from the
text, joined by punctuation or spaces only. Keywords, key phrases and headlines are compared
with full-width letters and digits folded, as the engine reads them.

Pages: the text of a page is cut and rejoined (titles over two lines, column breaks), so each
output is read as its runs of letters between punctuation and spaces, and each run must occur in
the page with its white space removed (a paragraph's run may straddle one repaired column break:
two pieces). The articles' analyses are checked against their own paragraphs the same way (a
headline's run may be up to four pieces of its sentence: the headline stage leaves phrases out).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

from summarizer.text.normalize import normalize_width

_RUN = re.compile(r"[^\W_]+")  # letters, digits and CJK between punctuation and spaces
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def fold(text: str) -> str:
    return normalize_width(text)


def article_checks(text: str, record: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    sentences = record.get("sentences") or []
    for s in sentences:
        yield "sentence", s["text"] == text[s["start"] : s["end"]]
    for s in record.get("summary") or []:
        source = sentences[s["index"]] if 0 <= s["index"] < len(sentences) else None
        yield "summary", source is not None and text[source["start"] :].startswith(s["text"])
    folded = fold(text)
    for name in ("keywords", "keyphrases"):
        for item in record.get(name) or []:
            yield name, fold(item["text"]) in folded
    for headline in record.get("headlines") or []:
        yield "headline", _spans_spell(folded, headline)


def _spans_spell(folded: str, headline: dict[str, Any]) -> bool:
    spans = headline.get("spans") or []
    rest, cursor = fold(headline["text"]), 0
    leftover: list[str] = []
    for start, end in spans:
        piece = folded[start:end]
        found = rest.find(piece, cursor)
        if not piece or found < 0:
            return False
        leftover.append(rest[cursor:found])
        cursor = found + len(piece)
    leftover.append(rest[cursor:])
    return bool(spans) and not any(_CJK.search(part) for part in leftover)


def _runs_found(output: str, haystack: str, *, pieces: int = 1) -> bool:
    for run in _RUN.findall(fold(output)):
        if run in haystack:
            continue
        if pieces < 2 or not _covered(run, haystack, pieces):
            return False
    return True


def _covered(run: str, haystack: str, pieces: int) -> bool:
    """``run`` is at most ``pieces`` pieces of ``haystack``, each the longest that occurs."""
    position = 0
    while position < len(run) and pieces > 0:
        length = 0
        while position + length < len(run) and run[position : position + length + 1] in haystack:
            length += 1
        if length == 0:
            return False
        position += length
        pieces -= 1
    return position == len(run)


def page_checks(text: str, record: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    page = _SPACE.sub("", fold(text))
    for article in record.get("articles") or []:
        for name in ("title", "kicker", "subtitle", "dateline", "author", "author_note"):
            if article.get(name):
                yield name, _runs_found(article[name], page)
        for name in ("bylines", "section_headings"):
            for value in article.get(name) or []:
                yield name, _runs_found(value, page)
        for paragraph in article.get("paragraphs") or []:
            yield "paragraph", _runs_found(paragraph, page, pieces=2)
        body = _SPACE.sub("", fold("".join(article.get("paragraphs") or [])))
        for s in article.get("summary") or []:
            yield "summary", _runs_found(s["text"], body)
        for name in ("keywords", "keyphrases"):
            for item in article.get(name) or []:
                yield name, _runs_found(item["text"], body)
        for item in article.get("headlines") or []:  # pieces of a sentence, a phrase left out
            yield "headlines", _runs_found(item["text"], body, pieces=4)
    for caption in record.get("captions") or []:
        yield "caption", _runs_found(caption["text"] + (caption.get("credit") or ""), page, pieces=2)
    for label in record.get("page_labels") or []:
        yield "page_label", _runs_found(label, page)
    for fragment in record.get("fragments") or []:
        yield "fragment", _runs_found(fragment["text"], page, pieces=2)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in ("articles", "pages"):
        sys.stderr.write("usage: check_verbatim.py {articles,pages} DATA.jsonl PRED.jsonl\n")
        return 2
    mode, data_path, pred_path = argv
    with open(data_path, encoding="utf-8") as lines:
        texts = {str(r["id"]): r["text"] for r in map(json.loads, filter(str.strip, lines))}
    checked = verbatim = 0
    failures: list[dict[str, str]] = []
    checks = article_checks if mode == "articles" else page_checks
    with open(pred_path, encoding="utf-8") as lines:
        for record in map(json.loads, filter(str.strip, lines)):
            text = texts.get(str(record.get("id")))
            if text is None or record.get("error"):
                continue
            for kind, ok in checks(text, record):
                checked += 1
                verbatim += ok
                if not ok and len(failures) < 10:
                    failures.append({"id": str(record["id"]), "output": kind})
    share = round(verbatim / checked, 6) if checked else None
    json.dump({"outputs": checked, "verbatim": share, "failures": failures}, sys.stdout)
    sys.stdout.write("\n")
    return 0 if checked == verbatim else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

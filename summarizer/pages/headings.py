"""A kicker and its title set on one line: where the title starts.

Extraction that joins the lines of a text block (PyMuPDF's blocks, among others) runs a kicker
into its title, 某某强调狠抓整改工作切实提高攻坚质量成效, and with the lines it loses the type sizes
that told them apart. What is left is how headlines read: a kicker ends the way a headline ends
(——, ：, a speech verb, a finished clause), a title starts the way a headline starts, a title of
two matched halves (共建幸福院 舒心享晚年) starts where its first half does, and one line is
rarely two headlines' length. A log-linear model weighs these cues over every word boundary of
the line, and over not splitting it at all; ``scripts/train/page_headings.py`` fits it on the
kickers and titles of the training corpus (``make train``) and writes
``summarizer/data/page_headings.json``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import rjieba

from summarizer.pages.seams import word_across
from summarizer.pages.text import column_tag_start

MODEL_FILE = "page_headings.json"
_SPACES = re.compile(r"\s+")
_OPENERS, _CLOSERS = "“《（(「‘【", "”》）)」’】"
_LENGTH_BUCKETS = (2, 4, 6, 8, 10, 12, 15, 18, 22, 27, 33)
_NAMED = frozenset({"nr", "ns", "nt", "nz", "j"})  # names of people, places, bodies; abbreviations
MIN_PART_CHARS = 2

Features = list[tuple[str, float]]


@dataclass(frozen=True)
class BoundaryWords:
    """How often a word starts or ends a headline, against how often it occurs in one at all
    (smoothed log ratios): 强调 and —— end kickers, 确保 and 让 start titles."""

    starts: Mapping[str, float]
    ends: Mapping[str, float]
    unseen: float

    def start(self, word: str) -> float:
        return self.starts.get(word, self.unseen)

    def end(self, word: str) -> float:
        return self.ends.get(word, self.unseen)


@dataclass(frozen=True)
class HeadingModel:
    weights: Mapping[str, float]
    boundary_words: BoundaryWords

    def score(self, features: Features) -> float:
        return sum(self.weights.get(name, 0.0) * value for name, value in features)


@dataclass(frozen=True)
class Option:
    """Where the title would start (0: the whole line is the title) and what says so."""

    start: int
    features: Features


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text.strip())


def _bucket(length: int) -> int:
    return next((bound for bound in _LENGTH_BUCKETS if length <= bound), 99)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
    return depth == 0


def _word_class(tag: str) -> str:
    """A coarse part of speech: names apart, the rest by the tag's first letter."""
    if tag in _NAMED:
        return "N" + tag
    return tag[0] if tag and tag[0] in "nvadpmtrcuq" else "x"


def options(
    line: str, words: BoundaryWords, at: Collection[int] | None = None, *, over_subtitle: bool = False
) -> list[Option]:
    """Not splitting ``line``, and splitting it at each word boundary a kicker can end at
    (not inside brackets or quotes, not beside a space, both parts at least two characters;
    only at the offsets ``at`` when given). ``over_subtitle``: a subtitle (——…) follows the
    line; a headline with a subtitle seldom has a kicker too (4% against 30% without one, in
    the training corpus)."""
    raw = rjieba.tag(line)
    tagged = [(word, _word_class(tag)) for word, tag in raw]
    result = [Option(0, _whole_line_features(line, tagged))]
    position = 0
    open_preposition = False
    for index, (word, tag) in enumerate(raw[:-1]):
        position += len(word)
        # 以…, 在…, 从… opened and no verb after it yet: the clause needs what follows
        open_preposition = tag == "p" or (open_preposition and tag != "v")
        left, right = line[:position], line[position:]
        if at is not None and position not in at:
            continue
        if len(left.strip()) < MIN_PART_CHARS or len(right.strip()) < MIN_PART_CHARS:
            continue
        if left.endswith(" ") or right.startswith(" ") or not _balanced(left):
            continue
        features = _split_features(left, right, tagged, index + 1, words)
        if open_preposition:
            features.append(("left_open_preposition", 1.0))
        if over_subtitle:
            features.append(("split_over_subtitle", 1.0))
        result.append(Option(position, features))
    return result


def _whole_line_features(line: str, tagged: Sequence[tuple[str, str]]) -> Features:
    verbs = sum(1 for _, word_class in tagged if word_class == "v")
    names = ["whole", f"whole_length={_bucket(len(line))}", f"whole_verbs={min(verbs, 4)}"]
    if " " in line:
        names.append("whole_space")
    if "，" in line:
        names.append("whole_comma")
    if "——" in line:
        names.append("whole_dash")
    return [(name, 1.0) for name in names]


def _split_features(
    left: str, right: str, tagged: Sequence[tuple[str, str]], first_right: int, words: BoundaryWords
) -> Features:
    left_word, right_word = tagged[first_right - 1][0], tagged[first_right][0]
    left_classes = [word_class for _, word_class in tagged[:first_right]]
    right_classes = [word_class for _, word_class in tagged[first_right:]]
    left_length, right_length = _bucket(len(left)), _bucket(len(right))
    names = [
        "split",
        f"left_length={left_length}",
        f"right_length={right_length}",
        f"lengths={left_length}_{right_length}",
        f"left_word={left_word}",
        f"right_word={right_word}",
        f"left_char={left[-1]}",
        f"right_char={right[0]}",
        f"left_class={left_classes[-1]}",
        f"right_class={right_classes[0]}",
        f"classes={left_classes[-1]}{right_classes[0]}",
        f"left_verbs={min(left_classes.count('v'), 3)}",
        f"right_verbs={min(right_classes.count('v'), 3)}",
    ]
    if len(left_classes) > 1:
        names.append(f"left_classes={left_classes[-2]}{left_classes[-1]}")
    if len(right_classes) > 1:
        names.append(f"right_classes={right_classes[0]}{right_classes[1]}")
    names.extend(_shape_cues(left, right))
    if word_across(left, right):
        names.append("word_across")
    features: Features = [(name, 1.0) for name in names]
    features.append(("kicker_end_word", words.end(left_word)))
    features.append(("title_start_word", words.start(right_word)))
    return features


def _shape_cues(left: str, right: str) -> list[str]:
    """Punctuation and the shape of matched halves, the cues that read the same in any paper."""
    cues = []
    if left.endswith("——"):
        cues.append("left_dash")
    if left[-1] in "：:":
        cues.append("left_colon")
    if left[-1] in "》”":
        cues.append("left_closes")
    if left[-1].isdigit() or left[-1] == "%":
        cues.append("left_figure")
    if right[0] in "“《":
        cues.append("right_opens")
    if right[0].isdigit():
        cues.append("right_figure")
    if "——" in right:
        cues.append("right_dash")
    if "，" in left:
        cues.append("left_comma")
    if "，" in right:
        cues.append("right_comma")
    if " " in left:
        cues.append("left_space")
    halves = right.split(" ")
    if len(halves) == 2:
        cues.append("right_halves" if len(halves[0]) == len(halves[1]) else "right_space")
    elif len(halves) > 2:
        cues.append("right_spaces")
    clauses = left.rstrip("，—：").split("，")
    if len(clauses) >= 2:
        cues.append("left_clauses_match" if len(clauses[-1]) == len(clauses[-2]) else "left_clauses")
    return cues


def best_start(
    line: str,
    model: HeadingModel,
    at: Collection[int] | None = None,
    *,
    split: bool = False,
    over_subtitle: bool = False,
) -> int:
    """Where the title starts in ``line`` (0 when the line is one headline). If the type changed
    size in it (``split``), the line holds two headlines and is split: where, the words decide
    among the line ends ``at`` (measured: the same choices as preferring the size change)."""
    found = options(line, model.boundary_words, at, over_subtitle=over_subtitle)
    if split and len(found) > 1:
        found = found[1:]
    elif split and at is not None:
        # the tokenizer reads a word across the only line end where the type changed (60米 /
        # 苏炳添 read 米苏): the printed line end says more than the tokenizer
        ends = [k for k in at if min(k, len(line) - k) >= MIN_PART_CHARS]
        if len(ends) == 1:
            return ends[0]
    # the best score wins; on a tie, the earlier start (no split first)
    return max(found, key=lambda option: (model.score(option.features), -option.start)).start


def split_kicker(
    text: str,
    model: HeadingModel | None = None,
    *,
    at: Collection[int] | None = None,
    size_changed: bool = False,
    over_subtitle: bool = False,
) -> tuple[str | None, str]:
    """``(kicker, title)`` of a heading line, the kicker None when the line is one headline;
    split only at the offsets ``at`` (where printed lines were joined) when given, and surely
    if the type changed size (``size_changed``). A column tag closing the line, （人民论坛）,
    stays with the title and is no cue."""
    model = model or heading_model()
    line, offsets = _squash_with_offsets(text)
    tag_start = column_tag_start(line)
    head = line[:tag_start].rstrip()
    if len(head) < 2 * MIN_PART_CHARS:
        return None, text.strip()
    allowed = None if at is None else {offsets[k] for k in at if k < len(offsets)}
    start = best_start(head, model, allowed, split=size_changed, over_subtitle=over_subtitle)
    if start == 0:
        return None, text.strip()
    return head[:start], line[start:]


def _squash_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`squash_spaces`, and where each offset of ``text`` falls in the result."""
    chars: list[str] = []
    offsets: list[int] = []
    for char in text:
        offsets.append(len(chars))
        if not char.isspace():
            chars.append(char)
        elif chars and chars[-1] != " ":
            chars.append(" ")
    line = "".join(chars).rstrip()
    return line, [min(offset, len(line)) for offset in offsets]


def model_from_record(record: Mapping[str, object]) -> HeadingModel:
    boundary = record["boundary_words"]
    assert isinstance(boundary, Mapping)
    weights = record["weights"]
    assert isinstance(weights, Mapping)
    return HeadingModel(
        {str(k): float(v) for k, v in weights.items()},
        BoundaryWords(
            {str(k): float(v) for k, v in boundary["starts"].items()},
            {str(k): float(v) for k, v in boundary["ends"].items()},
            float(boundary["unseen"]),
        ),
    )


@functools.cache
def heading_model() -> HeadingModel:
    """The shipped model, read once per process (it never changes)."""
    text = resources.files("summarizer.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return model_from_record(json.loads(text))


def log_ratio(count: int, occurrences: int) -> float:
    """Smoothed log share of a word's occurrences at a headline boundary."""
    return math.log((count + 0.1) / (occurrences + 1.0))

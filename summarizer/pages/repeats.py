"""Repeated text: paragraphs printed twice (kept once) and stray pieces that repeat part
of another paragraph (flagged as fragments). Blocks are compared by shared character
shingles, so a page costs time linear in its length, not quadratic in its paragraphs."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher

from summarizer.pages.lines import Block, Kind
from summarizer.pages.model import Fragment, Repair
from summarizer.pages.text import is_heading_like

SHINGLE = 8
MIN_CHARS = 12  # shorter lines (headings, labels) may legitimately recur
NEAR_COPY = 0.9  # share of both blocks' shingles (or aligned characters) for a (near-)exact copy
CANDIDATE_COPY = 0.3  # below this share of shingles, two blocks are not compared character by character
PARTIAL_COPY = 0.4  # share of the shorter block's shingles for a partial copy
EDGE_CHARS = 20

_NOT_TEXT = re.compile(r"[\s\W_]+")


def _shingles(text: str) -> set[str]:
    core = _NOT_TEXT.sub("", text)
    if len(core) < SHINGLE:
        return {core}
    return {core[i : i + SHINGLE] for i in range(len(core) - SHINGLE + 1)}


def _comparable(block: Block) -> bool:
    return block.kind is Kind.BODY and len(block.text) >= MIN_CHARS and not is_heading_like(block.text)


def _shingle_sets(blocks: tuple[Block, ...]) -> list[set[str]]:
    return [_shingles(block.text) if _comparable(block) else set() for block in blocks]


def _overlaps(shingle_sets: list[set[str]]) -> dict[tuple[int, int], int]:
    """Shared shingle counts for every pair of blocks that share any."""
    owners: dict[str, list[int]] = defaultdict(list)
    for index, shingles in enumerate(shingle_sets):
        for shingle in shingles:
            owners[shingle].append(index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for indexes in owners.values():
        if len(indexes) > 1:
            for position, first in enumerate(indexes):
                for second in indexes[position + 1 :]:
                    shared[(first, second)] += 1
    return shared


def _near_copy(one: str, other: str, shared: int, size_one: int, size_other: int) -> bool:
    """Nearly all shingles shared, or (a few characters changed) nearly all characters aligned."""
    if shared >= NEAR_COPY * size_one and shared >= NEAR_COPY * size_other:
        return True
    left, right = _NOT_TEXT.sub("", one), _NOT_TEXT.sub("", other)
    # a much shorter block is a piece (the half of a broken paragraph), not a copy
    if shared < CANDIDATE_COPY * min(size_one, size_other) or min(len(left), len(right)) < NEAR_COPY * max(
        len(left), len(right)
    ):
        return False
    return SequenceMatcher(None, left, right, autojunk=False).ratio() >= NEAR_COPY


def drop_repeats(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Keep the first copy of every (near-)exact repeat; the kept block records the repair."""
    shingle_sets = _shingle_sets(blocks)
    sizes = [len(s) for s in shingle_sets]
    dropped: dict[int, int] = {}  # dropped index -> kept index
    for (first, second), count in sorted(_overlaps(shingle_sets).items()):
        if first in dropped or second in dropped:
            continue
        if _near_copy(blocks[first].text, blocks[second].text, count, sizes[first], sizes[second]):
            dropped[second] = first
    if not dropped:
        return blocks
    extra: dict[int, list[Repair]] = defaultdict(list)
    for removed, kept in dropped.items():
        extra[kept].append(Repair("repeat", blocks[removed].lines, "repeated paragraph kept once"))
    return tuple(
        replace(block, repairs=block.repairs + tuple(extra[index]))
        for index, block in enumerate(blocks)
        if index not in dropped
    )


def _same_edge(one: str, other: str) -> bool:
    """The two texts start or end with the same run of characters (a copied head or tail),
    unlike a sentence quoted twice in one story."""
    left, right = _NOT_TEXT.sub("", one), _NOT_TEXT.sub("", other)
    return max(_common_prefix(left, right), _common_prefix(left[::-1], right[::-1])) >= EDGE_CHARS


def _common_prefix(one: str, other: str) -> int:
    for length, (a, b) in enumerate(zip(one, other, strict=False)):
        if a != b:
            return length
    return min(len(one), len(other))


def flag_partial_copies(
    blocks: tuple[Block, ...], fits: Callable[[int], bool]
) -> tuple[tuple[Block, ...], tuple[Fragment, ...]]:
    """A block repeating a good part, not all, of another is a stray piece of that other
    text, when it does not fit its place (``fits(index)`` false) and the other does. A
    sentence quoted twice in one story fits both places and is left alone."""
    shingle_sets = _shingle_sets(blocks)
    sizes = [len(s) for s in shingle_sets]
    flagged: dict[int, int] = {}
    for (first, second), count in sorted(_overlaps(shingle_sets).items()):
        if first in flagged or second in flagged:
            continue
        smaller = min(sizes[first], sizes[second])
        whole_copy = count >= NEAR_COPY * smaller
        if whole_copy or count < PARTIAL_COPY * smaller:
            continue
        if not _same_edge(blocks[first].text, blocks[second].text):
            continue
        first_fits, second_fits = fits(first), fits(second)
        if first_fits == second_fits:
            continue
        stray, other = (second, first) if first_fits else (first, second)
        flagged[stray] = other
    fragments = tuple(
        Fragment(
            blocks[index].text,
            blocks[index].lines,
            f"repeats part of lines {list(blocks[other].lines)}",
            None,
        )
        for index, other in sorted(flagged.items())
    )
    return tuple(b for i, b in enumerate(blocks) if i not in flagged), fragments


def rejoin_halves_of_repeats(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A paragraph printed again in one piece shows where its first printing was broken:
    when a block equals two consecutive earlier blocks put together, those two are joined
    (a column break) and the copy is dropped (a repeat)."""
    cores = [_NOT_TEXT.sub("", b.text) if b.kind is Kind.BODY else "" for b in blocks]
    halves = {cores[i] + cores[i + 1]: i for i in range(len(blocks) - 1) if cores[i] and cores[i + 1]}
    joins: dict[int, int] = {}  # first half -> copy
    for index, core in enumerate(cores):
        first = halves.get(core) if len(core) >= MIN_CHARS else None
        if first is not None and first + 1 < index and first not in joins and index not in joins.values():
            joins[first] = index
    if not joins:
        return blocks
    copies = set(joins.values())
    result: list[Block] = []
    skip = False
    for index, block in enumerate(blocks):
        if skip or index in copies:
            skip = False
            continue
        if index in joins:
            tail, copy = blocks[index + 1], blocks[joins[index]]
            repairs = (
                *block.repairs,
                *tail.repairs,
                Repair("column_break", (block.lines[-1], tail.lines[0]), "confirmed by a whole copy"),
                Repair("repeat", copy.lines, "repeated paragraph kept once"),
            )
            result.append(
                replace(block, text=block.text + tail.text, lines=block.lines + tail.lines, repairs=repairs)
            )
            skip = True
            continue
        result.append(block)
    return tuple(result)

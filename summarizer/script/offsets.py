"""Offsets of a converted text (a *view*) mapped back to the text it was made from.

OpenCC's character and variant dictionaries replace a run of characters by a run of the same
length, and then the view is aligned with its source character by character (the usual case,
:data:`ALIGNED`). A phrase dictionary may not (Taiwan's 肯亞 is 肯尼亚 in mainland usage): a
replaced run whose length changes becomes one *opaque* segment, whose inside maps to its edges,
so that a span of the view always maps to a span of the source that holds all of it, and never
cuts a replaced run in two.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class OffsetMap:
    """View offsets to source offsets. Outside the opaque segments, which are sorted and
    disjoint, a view offset is a source offset shifted by the length differences before it."""

    view_starts: tuple[int, ...] = ()
    view_ends: tuple[int, ...] = ()
    source_starts: tuple[int, ...] = ()
    source_ends: tuple[int, ...] = ()

    @property
    def is_aligned(self) -> bool:
        return not self.view_starts

    def start(self, offset: int) -> int:
        """Where a span starting at view ``offset`` starts in the source (inside an opaque
        segment: at its start)."""
        if not self.view_starts:
            return offset
        segment = bisect.bisect_right(self.view_starts, offset) - 1
        if segment < 0:
            return offset
        if offset < self.view_ends[segment]:
            return self.source_starts[segment]
        return offset - self.view_ends[segment] + self.source_ends[segment]

    def end(self, offset: int) -> int:
        """Where a span ending at view ``offset`` ends in the source (inside an opaque
        segment: at its end)."""
        if not self.view_starts:
            return offset
        segment = bisect.bisect_left(self.view_starts, offset) - 1
        if segment < 0:
            return offset
        if offset <= self.view_ends[segment]:
            return self.source_ends[segment] if offset > self.view_starts[segment] else offset
        return offset - self.view_ends[segment] + self.source_ends[segment]

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self.view_starts:
            return start, end
        source_start = self.start(start)
        return source_start, max(source_start, self.end(end))

    def inverse(self) -> OffsetMap:
        """The map from the source's offsets to the view's."""
        return OffsetMap(self.source_starts, self.source_ends, self.view_starts, self.view_ends)


ALIGNED: Final = OffsetMap()

# Characters no OpenCC dictionary entry spans: converting the runs between them one by one
# gives the conversion of the whole text, with every run's edges known.
_RUN_BREAKS: Final = frozenset("\n\r\t 　。，、；：？！,.;:?!()（）“”‘’「」『』《》")


def aligned_conversion(text: str, convert: Callable[[str], str]) -> tuple[str, OffsetMap]:
    """``convert(text)`` and the map of its offsets back to ``text``."""
    view = convert(text)
    if len(view) == len(text):
        return view, ALIGNED
    return _run_by_run(text, convert)


def _run_by_run(text: str, convert: Callable[[str], str]) -> tuple[str, OffsetMap]:
    """The conversion of each run between breaks. In a run whose length changes, the blocks
    that difflib finds alike, or replaced by as many characters, stay aligned; each other
    change (a word replaced by a longer or shorter one) is an opaque segment."""
    pieces: list[str] = []
    segments: list[tuple[int, int, int, int]] = []  # view start, view end, source start, source end
    view_length = 0
    start = 0
    for end in [*(i for i, c in enumerate(text) if c in _RUN_BREAKS), len(text)]:
        run = text[start:end]
        converted = convert(run) if run else run
        if len(converted) != len(run):
            matcher = difflib.SequenceMatcher(None, run, converted, autojunk=False)
            for _, run_start, run_end, view_start, view_end in matcher.get_opcodes():
                if run_end - run_start == view_end - view_start:
                    continue
                if run_start == run_end or view_start == view_end:
                    # Inserted or deleted characters join their neighbour: no span maps to nothing.
                    if run_start > 0 and view_start > 0:
                        run_start, view_start = run_start - 1, view_start - 1
                    else:
                        run_end, view_end = run_end + 1, view_end + 1
                segment = (
                    view_length + view_start,
                    view_length + view_end,
                    start + run_start,
                    start + run_end,
                )
                if segments and segments[-1][1] >= segment[0]:
                    previous = segments.pop()
                    segment = (
                        previous[0],
                        max(previous[1], segment[1]),
                        previous[2],
                        max(previous[3], segment[3]),
                    )
                segments.append(segment)
        pieces.append(converted)
        view_length += len(converted)
        if end < len(text):
            pieces.append(text[end])
            view_length += 1
        start = end + 1
    view_starts, view_ends, source_starts, source_ends = (
        list(column) for column in zip(*segments, strict=True)
    )
    return "".join(pieces), OffsetMap(
        tuple(view_starts), tuple(view_ends), tuple(source_starts), tuple(source_ends)
    )

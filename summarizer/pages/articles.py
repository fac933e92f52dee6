"""From a laid-out draft to an :class:`Article`: bylines, dateline, author marks and notes
become fields; the clean body goes to the engine, without boilerplate paragraphs."""

from __future__ import annotations

from summarizer.deadline import Deadline
from summarizer.engine import Engine
from summarizer.options import Options
from summarizer.pages.lines import Kind, normalize_byline
from summarizer.pages.model import Article, Repair
from summarizer.pages.segment import Draft
from summarizer.pages.text import DATELINE, ends_sentence

BODY_KINDS = (Kind.BODY, Kind.SUBTITLE, Kind.CLOSING_DATELINE, Kind.END_MARK)
BOILERPLATE_KINDS = (Kind.CLOSING_DATELINE, Kind.END_MARK)


def build_article(
    draft: Draft, *, engine: Engine, options: Options, deadline: Deadline | None = None
) -> Article:
    bylines: list[str] = []
    author = author_note = dateline = None
    paragraphs: list[str] = []
    repairs: list[tuple[Repair, ...]] = []
    headings: list[str] = []
    summary_input: list[str] = []
    lines: list[int] = list(draft.title.lines) if draft.title else []
    for entry in draft.entries:
        block = entry.block
        lines.extend(block.lines)
        if block.kind is Kind.BYLINE:
            bylines.append(normalize_byline(block.text))
        elif block.kind is Kind.AUTHOR_MARK:
            author = "".join(block.text.lstrip("□").split())
        elif block.kind is Kind.AUTHOR_NOTE:
            author_note = block.text
        elif block.kind in BODY_KINDS:
            text = block.text
            if not paragraphs and dateline is None and block.kind is Kind.BODY:
                match = DATELINE.match(text)
                if match and match.end() < len(text):
                    dateline, text = match.group().strip(), text[match.end() :]
            paragraphs.append(text)
            repairs.append(block.repairs)
            if entry.role == "heading":
                headings.append(text)
            if block.kind not in BOILERPLATE_KINDS:
                summary_input.append(text)
    truncated = bool(summary_input) and not ends_sentence(summary_input[-1])
    return Article(
        title=draft.title.text if draft.title else None,
        kicker=draft.kicker,
        subtitle=draft.subtitle,
        bylines=tuple(bylines),
        dateline=dateline,
        author=author,
        author_note=author_note,
        section_headings=tuple(headings),
        paragraphs=tuple(paragraphs),
        paragraph_repairs=tuple(repairs),
        truncated=truncated,
        lines=tuple(sorted(lines)),
        analysis=engine.analyze("\n".join(summary_input), options=options, deadline=deadline),
    )

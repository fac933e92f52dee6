"""A page recovered from its simplified view, given back in the input's words.

The page stages read the view (their cues, 本报讯, 记者, 的是在, are simplified), and cut and rejoin
its lines: a title over two lines, a paragraph broken across columns, a byline with its spaces
tidied. Every text of the page is therefore found again in the view as a run of pieces, each
cut from the input (or from the view re-spelt in the script asked for); what no piece holds (a
space put back between a role and a name) stays as the stages wrote it. Each article's analysis,
made of its simplified body, is then mapped back onto the body's own words like any analysis
(:func:`summarizer.script.respell.respell`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from summarizer.pages.model import Article, Caption, Fragment, Page
from summarizer.result import Analysis
from summarizer.script.convert import OutputScript, ScriptConverter, Target
from summarizer.script.offsets import ALIGNED, OffsetMap
from summarizer.script.respell import respell
from summarizer.script.view import ScriptView

Analyze = Callable[[str], Analysis]


def respell_page(
    page: Page,
    view: ScriptView,
    *,
    output_script: OutputScript,
    converter: ScriptConverter,
    analyze: Analyze,
    first_line: int = 1,
) -> Page:
    """``page`` (recovered from ``view.text``) with every text taken from ``view.source`` or
    spelt in ``output_script``. ``analyze`` analyses an article body of the input with the
    page's options, for a body that its paragraphs do not spell again (none is known).
    ``first_line``: the number the page's records give the view's first line (a PDF page is
    respelt against its own lines of the document's, see :mod:`summarizer.pages.pdf.view`)."""
    target: Target | None = None if output_script == "original" else output_script
    if view.is_source and target is None:
        return page
    spelling, to_spelling = view.spelling(converter, target)
    locator = _Locator(view, spelling, to_spelling, first_line)
    articles = tuple(
        _article(
            article,
            locator,
            view,
            _article_region(article, page.articles, locator),
            output_script=output_script,
            converter=converter,
            analyze=analyze,
        )
        for article in page.articles
    )
    captions = tuple(_caption(caption, locator) for caption in page.captions)
    labels = tuple(locator.respell(label, locator.page)[0] for label in page.page_labels)
    fragments = tuple(_fragment(fragment, locator) for fragment in page.fragments)
    return replace(page, articles=articles, captions=captions, page_labels=labels, fragments=fragments)


class _Region(NamedTuple):
    """Where a text of the page is looked for first, as offsets of the view: from ``hint``
    (where the lines it was made of start), or from ``floor`` for a piece that stands whole
    above them (a kicker above its title), up to ``ceiling``."""

    hint: int
    floor: int
    ceiling: int


class _Locator:
    """Finds a text of the page in the view as ascending pieces, and spells it from the input."""

    def __init__(self, view: ScriptView, spelling: str, to_spelling: OffsetMap, first_line: int) -> None:
        self.view = view.text
        self.spelling = spelling
        self.to_spelling = to_spelling
        self.first_line = first_line
        # Where each line starts (the first is numbered ``first_line``, as the page stages number it).
        self.line_starts = [0]
        for line in self.view.splitlines(keepends=True):
            self.line_starts.append(self.line_starts[-1] + len(line))
        self.page = _Region(0, 0, len(self.view))

    def line_start(self, line: int) -> int:
        return self.line_starts[min(max(line - self.first_line, 0), len(self.line_starts) - 1)]

    def lines(self, lines: tuple[int, ...], floor: int | None = None) -> _Region:
        """The region of the view that ``lines`` span (the page when none is known); a piece
        may stand whole above them from the start of line ``floor``."""
        if not lines:
            return self.page
        hint = self.line_start(min(lines))
        start = hint if floor is None else self.line_start(floor)
        return _Region(hint, start, self.line_start(max(lines) + 1))

    def respell(self, text: str, region: _Region) -> tuple[str, str]:
        """``text`` spelt from the input, and the same pieces as they read in the view (equal
        lengths: the text's counterpart in the view, which an analysis was made of). Each
        piece is looked for in ``region`` first: the same words may stand in another story
        (wire copy in the other script, a repeated line), and only its own are its spelling."""
        spelt: list[str] = []
        viewed: list[str] = []
        position = 0
        cursor = region.hint
        while position < len(text):
            found, length = self._piece(text, position, cursor, region)
            if length == 0:
                # Not in its region (a text the stages moved): anywhere on the page.
                found, length = self._piece(text, position, cursor, self.page)
            if length == 0:
                spelt.append(text[position])  # a character the stages wrote: kept as it is
                viewed.append(text[position])
                position += 1
                continue
            start, end = self.to_spelling.span(found, found + length)
            spelt.append(self.spelling[start:end])
            viewed.append(self.view[found : found + length])
            position += length
            cursor = found + length
        return "".join(spelt), "".join(viewed)

    def _piece(self, text: str, position: int, cursor: int, region: _Region) -> tuple[int, int]:
        """The longest prefix of ``text[position:]`` from ``cursor`` in ``region``, or one
        that stands whole before the cursor (a kicker above its title)."""
        cursor = min(max(cursor, region.floor), region.ceiling)
        found, length = self._longest(text, position, cursor, region.ceiling)
        if cursor > region.floor and position + length < len(text):
            before, longer = self._longest(text, position, region.floor, region.ceiling)
            if longer > length:
                return before, longer
        return found, length

    def _longest(self, text: str, position: int, start: int, end: int) -> tuple[int, int]:
        """The longest prefix of ``text[position:]`` that occurs in ``view[start:end]``
        (a binary search: every shorter prefix of one that occurs occurs too)."""
        low, high = 0, min(len(text) - position, end - start)
        found = -1
        while low < high:
            middle = (low + high + 1) // 2
            at = self.view.find(text[position : position + middle], start, end)
            if at >= 0:
                low, found = middle, at
            else:
                high = middle - 1
        if low and found < 0:  # pragma: no cover - low > 0 only after a find succeeded
            found = self.view.find(text[position : position + low], start, end)
        return found, low


def _article_region(article: Article, articles: tuple[Article, ...], locator: _Locator) -> _Region:
    """An article's texts stand on its lines, and its kicker (which has none) on those above
    them, after the last line of the stories above."""
    if not article.lines:
        return locator.page
    first = min(article.lines)
    above = [line for other in articles if other is not article for line in other.lines if line < first]
    return locator.lines(article.lines, max(above, default=locator.first_line - 1) + 1)


def _article(
    article: Article,
    locator: _Locator,
    view: ScriptView,
    region: _Region,
    *,
    output_script: OutputScript,
    converter: ScriptConverter,
    analyze: Analyze,
) -> Article:
    def spelt(text: str | None) -> str | None:
        return None if text is None else locator.respell(text, region)[0]

    paragraphs = [locator.respell(paragraph, region) for paragraph in article.paragraphs]
    body = _body(article.analysis, paragraphs, view)
    if body is not None:
        analysis = respell(article.analysis, body, output_script=output_script, converter=converter)
        analysis = replace(analysis, stats=replace(analysis.stats, script=view.script))
    else:
        analysis = analyze("\n".join(source for source, viewed in paragraphs))
    return replace(
        article,
        title=spelt(article.title),
        kicker=spelt(article.kicker),
        subtitle=spelt(article.subtitle),
        bylines=tuple(locator.respell(byline, region)[0] for byline in article.bylines),
        dateline=spelt(article.dateline),
        author=spelt(article.author),
        author_note=spelt(article.author_note),
        section_headings=tuple(locator.respell(heading, region)[0] for heading in article.section_headings),
        paragraphs=tuple(source for source, _ in paragraphs),
        paragraph_repairs=tuple(
            tuple(replace(repair, detail=_detail(repair.detail, locator, region)) for repair in repairs)
            for repairs in article.paragraph_repairs
        ),
        analysis=analysis,
    )


def _body(analysis: Analysis, paragraphs: list[tuple[str, str]], view: ScriptView) -> ScriptView | None:
    """The article's body as analysed, over its own words: its paragraphs less the closing
    datelines and end marks, which the engine was not given (they hold none of its sentences).
    ``None`` when that does not spell the analysed text again."""
    held = [pair for pair in paragraphs if any(s.text and s.text in pair[1] for s in analysis.sentences)]
    for chosen in (held, paragraphs):
        body_view = "\n".join(viewed for _, viewed in chosen)
        body_source = "\n".join(source for source, _ in chosen)
        if len(body_view) == analysis.stats.characters == len(body_source) and all(
            body_view[s.start : s.end] == s.text for s in analysis.sentences
        ):
            return ScriptView(body_source, body_view, view.script, ALIGNED)
    return None


def _detail(detail: str, locator: _Locator, region: _Region) -> str:
    """A repair's detail: the text on either side of a seam (``持续|深入学习``), or a note."""
    if "|" not in detail:
        return detail
    return "|".join(locator.respell(side, region)[0] for side in detail.split("|"))


def _caption(caption: Caption, locator: _Locator) -> Caption:
    region = locator.lines(caption.lines)
    credit = None if caption.credit is None else locator.respell(caption.credit, region)[0]
    return replace(caption, text=locator.respell(caption.text, region)[0], credit=credit)


def _fragment(fragment: Fragment, locator: _Locator) -> Fragment:
    return replace(fragment, text=locator.respell(fragment.text, locator.lines(fragment.lines))[0])


__all__ = ["respell_page"]

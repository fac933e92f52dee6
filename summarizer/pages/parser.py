"""The page pipeline, in order: lines (an extractor's printed lines joined into paragraphs
first, ``reflow``), repeats, captions (a credit glued to its caption split off), stray copies,
column breaks, repeats again (a repeat of a broken paragraph shows only once it is whole),
broken starts, layout (a kicker run into its title split off, ``headings``; a one-line title
told from a section heading by the words around it, ``openings``; packages of stories folded),
articles."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from summarizer.deadline import Deadline, check
from summarizer.engine import Engine
from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.pages.articles import build_article
from summarizer.pages.breaks import flag_broken_starts, join_column_breaks
from summarizer.pages.captions import extract_captions
from summarizer.pages.continuations import restore_reading_order
from summarizer.pages.lines import Block, read_blocks
from summarizer.pages.model import Article, Caption, Fragment, Page
from summarizer.pages.repeats import drop_repeats, flag_partial_copies, rejoin_halves_of_repeats
from summarizer.pages.seams import seam_evidence
from summarizer.pages.segment import lay_out
from summarizer.pages.text import is_finished, starts_mid_sentence
from summarizer.script import simplified_view
from summarizer.script.page import respell_page


def _fits_in_place(blocks: tuple[Block, ...], index: int) -> bool:
    """The block's first and last sentences connect with its neighbours (or need not)."""
    text = blocks[index].text
    following = blocks[index + 1].text if index + 1 < len(blocks) else ""
    preceding = blocks[index - 1].text if index > 0 else ""
    end_fits = is_finished(text) or (bool(following) and seam_evidence(text, following))
    start_fits = not starts_mid_sentence(text) or (bool(preceding) and not is_finished(preceding))
    return end_fits and start_fits


def _split_items(items: tuple[Block | Caption, ...]) -> list[tuple[Block, ...] | Caption]:
    """Runs of blocks between captions, so that no stage joins across a caption."""
    groups: list[tuple[Block, ...] | Caption] = []
    run: list[Block] = []
    for item in items:
        if isinstance(item, Caption):
            groups.extend([tuple(run), item] if run else [item])
            run = []
        else:
            run.append(item)
    if run:
        groups.append(tuple(run))
    return groups


def parse(
    text: str,
    *,
    engine: Engine | None = None,
    options: Options = DEFAULT_OPTIONS,
    deadline: Deadline | None = None,
) -> Page:
    """Recover the articles of a page extracted from an e-paper PDF, and summarize each.
    With a ``deadline``, work that would run past it stops with
    :class:`~summarizer.deadline.DeadlineExceeded` (checked between the page's steps and
    inside each article's analysis)."""
    if engine is None:
        from summarizer import default_engine

        engine = default_engine()
    # A traditional page is recovered from its simplified view, and given back in its own words.
    view = simplified_view(text, engine.scripts)
    page = _recover(view.text, engine, replace(options, output_script="original"), deadline)
    return respell_page(
        page,
        view,
        output_script=options.output_script,
        converter=engine.scripts,
        analyze=partial(engine.analyze, options=options, deadline=deadline),
    )


def _recover(text: str, engine: Engine, options: Options, deadline: Deadline | None) -> Page:
    check(deadline, "page")
    page = read_blocks(text)
    blocks = drop_repeats(page.blocks)
    items, captions = extract_captions(blocks)
    items = restore_reading_order(items, printed_lines=page.printed_lines)
    fragments: list[Fragment] = []
    cleaned: list[Block | Caption] = []
    for group in _split_items(items):
        check(deadline, "page")
        if isinstance(group, Caption):
            cleaned.append(group)
            continue
        kept, strays = flag_partial_copies(group, partial(_fits_in_place, group))
        kept = drop_repeats(rejoin_halves_of_repeats(join_column_breaks(kept)))
        kept, broken = flag_broken_starts(kept)
        fragments.extend(strays + broken)
        cleaned.extend(kept)
    check(deadline, "page")
    layout = lay_out(tuple(cleaned), printed_lines=page.printed_lines, frames_marked=page.frames_marked)
    articles = tuple(
        build_article(d, engine=engine, options=options, deadline=deadline) for d in layout.drafts
    )
    return Page(articles, captions, layout.labels, _place(fragments, articles))


def _place(fragments: list[Fragment], articles: tuple[Article, ...]) -> tuple[Fragment, ...]:
    """Each fragment names the article it stood in: the last one starting above it."""
    starts = [min(a.lines) if a.lines else 0 for a in articles]
    return tuple(
        replace(f, article=max((k for k, s in enumerate(starts) if s <= f.lines[0]), default=None))
        for f in sorted(fragments, key=lambda f: f.lines)
    )

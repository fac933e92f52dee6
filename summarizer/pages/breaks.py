"""Column breaks: a paragraph cut at the bottom of a column and continued at the top of
the next one is joined again; a piece that starts mid-sentence and continues nothing is
a fragment."""

from __future__ import annotations

from summarizer.pages.lines import Block, Kind
from summarizer.pages.model import Fragment, Repair
from summarizer.pages.seams import continues
from summarizer.pages.text import starts_mid_sentence

_SEAM_CONTEXT = 8


def join_column_breaks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    joined: list[Block] = []
    for block in blocks:
        if joined and continues(joined[-1], block):
            joined.append(join_blocks(joined.pop(), block))
        else:
            joined.append(block)
    return tuple(joined)


def join_blocks(head: Block, tail: Block) -> Block:
    """One paragraph of ``head`` and the rest of it, ``tail``, with the seam as a repair."""
    seam = f"{head.text[-_SEAM_CONTEXT:]}|{tail.text[:_SEAM_CONTEXT]}"
    repair = Repair("column_break", (head.lines[-1], tail.lines[0]), seam)
    at = len(head.text)
    return Block(
        head.text + tail.text,
        head.lines + tail.lines,
        Kind.BODY,
        head.blank_before,
        head.repairs + tail.repairs + (repair,),
        # the printed line ends of both halves, and the seam: a column's last line ended there
        breaks=(*head.breaks, at, *(at + k for k in tail.breaks)) if head.breaks or tail.breaks else (),
        size_changes=(*head.size_changes, *(at + k for k in tail.size_changes)),
        box_breaks=(*head.box_breaks, *(at + k for k in tail.box_breaks)),
        first_indent=head.first_indent,
    )


def flag_broken_starts(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], tuple[Fragment, ...]]:
    """After joining, a body block still starting mid-sentence follows a finished paragraph
    (or no paragraph at all): its sentence began somewhere else on the page."""
    kept: list[Block] = []
    fragments: list[Fragment] = []
    for block in blocks:
        if block.kind is Kind.BODY and starts_mid_sentence(block.text):
            fragments.append(
                Fragment(block.text, block.lines, "starts mid-sentence after a finished paragraph", None)
            )
        else:
            kept.append(block)
    return tuple(kept), tuple(fragments)

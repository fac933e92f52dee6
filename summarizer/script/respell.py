"""The last step of the pipeline: every output of an analysis of the view, taken from the input.

The stages work on the simplified view (:mod:`summarizer.script.view`); here, and only here,
their outputs are mapped back: sentence and summary offsets through the view's offset map,
keywords and key phrases (substrings of the analysed text) through their first occurrence in
the view, headlines through their pieces (``Headline.spans``). Every text is then cut from the
input (``output_script="original"``: the input's own words in its own script) or from the view
converted to the script a newsroom asked for; every offset refers to the input.

Keywords, key phrases and headlines are read, as the tokens are, with full-width letters and
digits folded to ASCII (``summarizer.text.normalize``): that folding keeps lengths, so it is
applied to the piece cut from the input exactly as to the analysed one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from summarizer.result import Analysis, Headline, ScoredText, Sentence
from summarizer.script.convert import OutputScript, ScriptConverter, Target
from summarizer.script.offsets import OffsetMap
from summarizer.script.view import ScriptView
from summarizer.text.normalize import normalize_width

Span = tuple[int, int]


def respell(
    analysis: Analysis, view: ScriptView, *, output_script: OutputScript, converter: ScriptConverter
) -> Analysis:
    """``analysis`` (of ``view.text``) with every output taken from ``view.source`` or spelt in
    ``output_script``, and every offset an offset of ``view.source``."""
    target: Target | None = None if output_script == "original" else output_script
    if view.is_source and target is None:
        # The input was analysed as it is, and every output is already a piece of it.
        return analysis
    spelling, to_spelling = view.spelling(converter, target)
    speller = _Speller(view, spelling, to_spelling)
    notes = list(analysis.notes)
    return replace(
        analysis,
        sentences=speller.sentences(analysis.sentences),
        summary=speller.sentences(analysis.summary),
        keywords=_distinct(speller.substring(k, notes) for k in analysis.keywords),
        keyphrases=_distinct(speller.substring(k, notes) for k in analysis.keyphrases),
        headlines=tuple(speller.headline(h, notes) for h in analysis.headlines),
        notes=tuple(notes),
    )


class _Speller:
    """Cuts the outputs of the view from ``spelling`` (the input, or the view re-spelt)."""

    def __init__(self, view: ScriptView, spelling: str, to_spelling: OffsetMap) -> None:
        self.view = view
        self.spelling = spelling
        self.to_spelling = to_spelling
        self._folded_view: str | None = None

    def piece(self, start: int, end: int) -> str:
        """The text of the view's span ``[start, end)`` in the output's spelling."""
        spelt_start, spelt_end = self.to_spelling.span(start, end)
        return self.spelling[spelt_start:spelt_end]

    def sentences(self, sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        if self.view.offsets.is_aligned and self.to_spelling.is_aligned:
            # The usual case, made without a call per sentence: the same offsets, the text
            # cut from the spelling.
            spelling = self.spelling
            return tuple(
                [Sentence(s.index, spelling[s.start : s.end], s.start, s.end, s.score) for s in sentences]
            )
        return tuple(map(self.sentence, sentences))

    def sentence(self, sentence: Sentence) -> Sentence:
        start, end = self.view.offsets.span(sentence.start, sentence.end)
        return Sentence(sentence.index, self.piece(sentence.start, sentence.end), start, end, sentence.score)

    def substring(self, scored: ScoredText, notes: list[str]) -> ScoredText:
        """A keyword or key phrase, at its first occurrence in the view (width-folded, as the
        tokens are, when it is not found as it is)."""
        text = scored.text
        # Most words hold no full-width letter: found in the view as it is, they are found
        # without folding the whole view.
        start = self.view.text.find(text)
        if start < 0:
            if self._folded_view is None:
                self._folded_view = normalize_width(self.view.text)
            start = self._folded_view.find(text)
        if start < 0:
            notes.append(f"{text!r} is not a piece of the input: shown as analysed")
            return scored
        return ScoredText(normalize_width(self.piece(start, start + len(text))), scored.score)

    def headline(self, headline: Headline, notes: list[str]) -> Headline:
        """The headline's pieces cut from the output's spelling, joined as the analysed ones
        were (``headline.spans`` are offsets of the view here)."""
        if not headline.spans:
            located = self.substring(ScoredText(headline.text, headline.score), notes)
            return replace(headline, text=located.text)
        parts: list[str] = []
        cursor = 0
        text = headline.text
        for start, end in headline.spans:
            # The headline stage joins the pieces as they stand in the view (full-width letters,
            # ％ and ideographic spaces kept); a text made of the tokens has them width-folded.
            analysed = self.view.text[start:end]
            found = text.find(analysed, cursor)
            if found < 0:
                analysed = normalize_width(analysed)
                found = text.find(analysed, cursor)
            if found < 0:  # spans that do not spell the text: keep the text as analysed
                notes.append(f"headline {text!r}: its pieces are not its text; shown as analysed")
                return headline
            parts.append(text[cursor:found])
            # The input's own characters, full-width ones too, as a simplified input's headline.
            parts.append(self.piece(start, end))
            cursor = found + len(analysed)
        parts.append(text[cursor:])
        spans = tuple(self.view.source_span(start, end) for start, end in headline.spans)
        return Headline("".join(parts), headline.score, headline.sentence_index, spans)


def _distinct(items: Iterable[ScoredText]) -> tuple[ScoredText, ...]:
    """Two analysed words may be one word of the input (乾 and 幹 are both 干): it is said once."""
    seen: set[str] = set()
    kept: list[ScoredText] = []
    for item in items:
        if item.text not in seen:
            seen.add(item.text)
            kept.append(item)
    return tuple(kept)

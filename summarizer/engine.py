"""The engine: one object holding the read-only resources (tokenizer, stop words) and the
analysis pipeline. Safe to share between threads: ``analyze`` keeps no state on ``self``,
and the tokenizer loads its dictionary once, under a lock.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from summarizer.deadline import Deadline, check
from summarizer.document import Document, build_document
from summarizer.headline import SENTENCE_POSITION_WEIGHT, suggest_headlines
from summarizer.keyphrases import extract_keyphrases
from summarizer.options import DEFAULT_OPTIONS, Options
from summarizer.rank.keywords import rank_keywords
from summarizer.rank.sentences import rank_sentences
from summarizer.result import Analysis, Sentence, StageTimes, Stats
from summarizer.script import ScriptConverter, respell, simplified_view
from summarizer.select import select_summary
from summarizer.subheadings import subheadings
from summarizer.terms.words import article_words
from summarizer.text.stopwords import default_stop_words
from summarizer.tokenizer import DEFAULT_BACKEND, Tokenizer, make_tokenizer, parse_user_dict

# A tiny article that runs every stage: what preloading and the readiness probe analyse.
WARM_UP_TEXT = "新闻摘要服务启动。"


class Engine:
    """Analyses articles. ``tokenizer`` is "rjieba" (default) or "jieba"; ``user_dict`` is a
    jieba-format file or an iterable of words (``"word [freq] [pos]"`` or tuples);
    ``stop_words`` are added to the shipped list. None of this touches jieba's global state."""

    def __init__(
        self,
        *,
        tokenizer: str = DEFAULT_BACKEND,
        user_dict: str | Path | Iterable[str | tuple[Any, ...]] | None = None,
        stop_words: Iterable[str] | None = None,
    ) -> None:
        self.tokenizer: Tokenizer = make_tokenizer(tokenizer, parse_user_dict(user_dict))
        extra = frozenset(word.strip().lower() for word in stop_words or () if word.strip())
        self.stop_words: frozenset[str] = default_stop_words() | extra
        # OpenCC, loaded on the first traditional input or re-spelt output.
        self.scripts = ScriptConverter()

    def preload(self) -> None:
        """Load now what is otherwise loaded on first use: the tokenizer's dictionary and the
        IDF table. Workers forked afterwards share them, and no request pays for loading them.
        scipy is left to the few articles long enough to need it (some 5,000 characters and
        more): loaded before a fork, it made every batch worker slower (measured: --workers 2
        took 2.74 s instead of 2.42 s on 1,200 articles). OpenCC's converters to the simplified
        view are loaded too (some 25 ms), so that no worker pays them on its first traditional
        article; those that re-spell outputs (``output_script``, some 0.1 s) load on first use."""
        self.analyze(WARM_UP_TEXT)
        self.scripts.preload_view()

    def document(self, text: str, *, deadline: Deadline | None = None) -> Document:
        """Normalise, split and tokenize ``text`` once, marking datelines and bylines."""
        return build_document(text, tokenizer=self.tokenizer, deadline=deadline)

    def analyze(
        self, text: str, *, options: Options = DEFAULT_OPTIONS, deadline: Deadline | None = None
    ) -> Analysis:
        """The analysis of one article. With a ``deadline``, work that would run past it stops
        with :class:`~summarizer.deadline.DeadlineExceeded` (checked between the steps and
        inside tokenization); an analysis that finishes in time is the same as without one."""
        started = time.perf_counter()
        if not isinstance(text, str):
            raise TypeError(f"text must be a string, not {type(text).__name__}")
        # Each step's time goes to Stats.stages (for the service's metrics): a clock read
        # between steps, some 0.1 microseconds each.
        # 0. The script: a traditional input is analysed through its simplified view.
        check(deadline, "document")
        view = simplified_view(text, self.scripts)
        # 1-2. One normalisation, split and tokenization for every stage; boilerplate marked.
        document = self.document(view.text, deadline=deadline)
        notes = list(_document_notes(document))
        ranking_started = time.perf_counter()
        # 3. Sentence salience.
        check(deadline, "ranking")
        sentence_ranking = rank_sentences(
            document,
            stop_words=self.stop_words,
            similarity=options.similarity,
            damping=options.damping,
            position_weight=options.position_weight,
            max_ranked=options.max_sentences_ranked,
        )
        notes.extend(sentence_ranking.notes)
        # 4. Keywords, from the words of the content sentences (names joined), which the key
        # phrases read too.
        words = article_words(document.content_sentences[: options.max_sentences_ranked])
        keyword_ranking = rank_keywords(
            document,
            stop_words=self.stop_words,
            count=options.keywords,
            max_sentences=options.max_sentences_ranked,
            words=words,
        )
        if document.content_sentences:
            notes.extend(keyword_ranking.notes)
        keyphrases_started = time.perf_counter()
        # 5. Key phrases.
        check(deadline, "keyphrases")
        keyphrases = extract_keyphrases(
            document,
            keyword_ranking.scores,
            count=options.keyphrases,
            max_sentences=options.max_sentences_ranked,
            words=words,
        )
        summary_started = time.perf_counter()
        # 6. Summary.
        check(deadline, "summary")
        max_chars, sentence_count = options.summary_bounds(len(document.content_sentences))
        # The subheadings of a series: neither summary nor headline material (found once).
        heads = subheadings(document)
        summary = select_summary(
            document,
            sentence_ranking.scores,
            max_chars=max_chars,
            sentences=sentence_count,
            redundancy=options.redundancy,
            stop_words=self.stop_words,
            heads=heads,
        )
        headlines_started = time.perf_counter()
        # 7. Headlines.
        check(deadline, "headlines")
        headlines = (
            suggest_headlines(
                document,
                sentence_ranking.blended(SENTENCE_POSITION_WEIGHT),
                keyword_ranking.keywords,
                count=options.headlines,
                heads=heads,
            )
            if options.headlines
            else ()
        )
        headlines_done = time.perf_counter()
        sentences = tuple(
            Sentence(s.index, s.text, s.start, s.end, sentence_ranking.scores[s.index])
            for s in document.sentences
        )
        analysis = Analysis(
            sentences=sentences,
            summary=summary,
            keywords=keyword_ranking.keywords,
            keyphrases=keyphrases,
            headlines=headlines,
            stats=Stats(len(text), len(sentences), document.token_count, 0.0),
            notes=tuple(notes),
        )
        # 8. Every output taken from the input (or spelt in ``output_script``), offsets the input's.
        analysis = respell(analysis, view, output_script=options.output_script, converter=self.scripts)
        finished = time.perf_counter()
        stages = StageTimes(
            document=(ranking_started - started) * 1000.0,
            ranking=(keyphrases_started - ranking_started) * 1000.0,
            keyphrases=(summary_started - keyphrases_started) * 1000.0,
            summary=(headlines_started - summary_started) * 1000.0,
            headlines=(headlines_done - headlines_started) * 1000.0,
        )
        elapsed_ms = (finished - started) * 1000.0
        stats = Stats(len(text), len(sentences), document.token_count, elapsed_ms, stages, view.script)
        a = analysis
        return Analysis(a.sentences, a.summary, a.keywords, a.keyphrases, a.headlines, stats, a.notes)


def _document_notes(document: Document) -> Iterable[str]:
    if not document.text.strip():
        yield "empty text: nothing to summarise"
    elif not document.sentences:
        yield "no sentence found"
    elif not document.content_sentences:
        yield "only datelines, bylines or credits: nothing to summarise"
    boilerplate = len(document.sentences) - len(document.content_sentences)
    if boilerplate and document.content_sentences:
        yield f"{boilerplate} dateline, byline or credit sentence(s) kept out of the results"

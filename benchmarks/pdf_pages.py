"""PDF pages (issue 17): a typical A3 newspaper page from PDF bytes to page records.
Target: under 300 ms per page.

    .venv/bin/python -m benchmarks.pdf_pages [--quick] [--shared ../shared]

The pages are the first page of each dev PDF (../shared/eval/dev/pdf: full 4-6 column A3 pages
of 5,000-6,500 characters), each copied into a one-page PDF so that a run reads exactly one
page. The time is ``parse_pdf`` as the API and the CLI call it: the sandboxed reader (a forked
child: PDFium's characters, lines, reading order) and then, in this process, paragraphs,
headings, captions, assembly and the engine's analysis of every article. The two parts are
also timed apart (the reader, ``read_layout``; the rest, ``pages_from_layout``).
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Callable, Sequence
from functools import partial

from benchmarks.common import Report, Settings, Skip, Timing, at_most, script_main, time_runs

TITLE = "PDF page to records (parse_pdf), typical A3 dev page"
TARGET_MS = 300.0


def first_pages(settings: Settings, count: int) -> list[bytes]:
    """The first page of ``count`` dev PDFs, each as a one-page PDF."""
    import pypdfium2

    folder = settings.dev / "pdf"
    paths = sorted(folder.glob("*.pdf")) if folder.is_dir() else []
    if not paths:
        raise Skip(f"no PDFs in {folder}: the dev sets live in ../shared beside the repository")
    pages = []
    for path in paths[:count]:
        source = pypdfium2.PdfDocument(path.read_bytes())
        single = pypdfium2.PdfDocument.new()
        single.import_pages(source, [0])
        out = io.BytesIO()
        single.save(out)
        pages.append(out.getvalue())
        single.close()
        source.close()
    return pages


def measure(settings: Settings) -> Report:
    from summarizer import default_engine
    from summarizer.pages import parse_pdf
    from summarizer.pages.pdf.parser import pages_from_layout, read_layout

    count, runs = (2, 1) if settings.quick else (20, 3)
    pages = first_pages(settings, count)
    engine = default_engine()
    engine.preload()
    layouts = [read_layout(page) for page in pages]
    characters = [
        sum(len(line.text) for c in layout.pages[0].columns for line in c.lines) for layout in layouts
    ]
    work: dict[str, Callable[[bytes, object], object]] = {
        "parse_pdf (bytes to records)": lambda data, layout: parse_pdf(data, engine=engine),
        "  reader (sandboxed child: PDFium, lines, order)": lambda data, layout: read_layout(data),
        "  layout to records (paragraphs, headings, engine)": lambda data, layout: pages_from_layout(
            layout,  # type: ignore[arg-type]
            engine=engine,
        ),
    }
    per_page: dict[str, list[float]] = {name: [] for name in work}
    for data, layout in zip(pages, layouts, strict=True):
        for name, run in work.items():  # interleaved: a slow phase of the machine hits every part
            timing: Timing = time_runs(partial(run, data, layout), runs=runs, warmup=1)
            per_page[name].append(timing.median * 1000)
    rows = tuple(
        (
            name,
            f"{statistics.median(values):.1f}",
            f"{min(values):.1f}–{max(values):.1f}",
            f"{sorted(values)[max(0, int(len(values) * 0.9) - 1)]:.1f}",
        )
        for name, values in per_page.items()
    )
    total = statistics.median(per_page["parse_pdf (bytes to records)"])
    return Report(
        title=TITLE,
        columns=("step", "ms/page (median)", "min–max", "p90"),
        rows=rows,
        checks=(at_most("ms per typical A3 page (median)", total, TARGET_MS),),
        notes=(
            f"{len(pages)} pages of {min(characters):,}-{max(characters):,} characters, "
            f"{runs} timed runs each (median per page, then median over pages); wall clock, as the "
            "reader runs in a child process whose CPU time this process does not see",
            "PDFium places the characters of these PDFs' non-embedded Chinese font with a system "
            "font (Noto CJK here): most of the reader's time (summarizer/pages/pdf/reader.py)",
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    return script_main(measure, TITLE, __doc__ or TITLE, argv)


if __name__ == "__main__":
    raise SystemExit(main())

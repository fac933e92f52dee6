"""The ``summarizer`` command: summarize, page, batch, serve, eval.

Exit codes: 0 success, 1 bad input data, 2 usage errors. Errors are one line on stderr.
"""

from __future__ import annotations

import functools
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NoReturn

import click
from click.core import ParameterSource

from summarizer.options import OUTPUT_SCRIPTS, SIMILARITIES, Options, OptionsError
from summarizer.text.punctuation import join_sentences

EXIT_DATA_ERROR = 1
EXIT_USAGE_ERROR = 2


class DataError(click.ClickException):
    """The input data is unusable (not UTF-8, empty, not a batch of this output ...)."""

    exit_code = EXIT_DATA_ERROR


class OneLineErrorGroup(click.Group):
    """A group whose errors are one line on stderr with no usage text and no traceback."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except click.Abort:
            _fail("aborted", EXIT_DATA_ERROR)
        except OSError as error:
            _fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "), EXIT_DATA_ERROR)
        except Exception as error:  # a bug: still one line, as promised, but naming the failure
            _fail(f"internal error: {type(error).__name__}: {error}", EXIT_DATA_ERROR)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)


def _fail(message: str, exit_code: int) -> NoReturn:
    click.echo(f"summarizer: error: {' '.join(message.split())}", err=True)
    sys.exit(exit_code)


class OptionalIntType(click.ParamType):  # type: ignore[type-arg]  # generic only in click>=8.2
    """An integer, or ``none`` for no value (``--max-chars none``: no character budget)."""

    name = "integer|none"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int | None:
        if value is None or isinstance(value, int):
            return value
        if str(value).strip().lower() == "none":
            return None
        try:
            return int(value)
        except ValueError:
            self.fail(f"{value!r} is not an integer or 'none'", param, ctx)


OPTIONAL_INT = OptionalIntType()
_OPTION_TYPES: dict[str, tuple[click.ParamType[Any, Any], str]] = {
    "max_chars": (OPTIONAL_INT, "summary budget in characters, or 'none' [default: 120]"),
    "sentences": (OPTIONAL_INT, "summary length in sentences, or 'none' [default: none]"),
    "length": (click.STRING, "summary length replacing the two above: 3 (sentences), 120c, 20%"),
    "keywords": (click.INT, "number of keywords [default: 10]"),
    "keyphrases": (click.INT, "number of key phrases [default: 5]"),
    "headlines": (click.INT, "number of headline suggestions [default: 3]"),
    "window": (click.INT, "co-occurrence window of the keyword graph [default: 2]"),
    "similarity": (click.Choice(SIMILARITIES), "sentence similarity [default: bm25]"),
    "damping": (click.FLOAT, "PageRank damping factor [default: 0.85]"),
    "position_weight": (click.FLOAT, "weight of the lead-position prior [default: 0.5]"),
    "redundancy": (click.FLOAT, "MMR redundancy penalty [default: 0.3]"),
    "max_sentences_ranked": (click.INT, "sentences considered by the ranking [default: 400]"),
    "output_script": (
        click.Choice(OUTPUT_SCRIPTS),
        "script of the outputs: the input's own (original) or converted [default: original]",
    ),
}


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def analysis_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds a flag per :class:`Options` field and passes the validated ``options``."""

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        context = click.get_current_context()
        given = {}
        for name in _OPTION_TYPES:
            value = kwargs.pop(name)
            if context.get_parameter_source(name) is not ParameterSource.DEFAULT:
                given[name] = value
        try:
            options = Options.from_mapping(given)
        except OptionsError as error:
            raise click.BadParameter(error.message, param_hint=_flag(error.field)) from None
        return command(options=options, **kwargs)

    for name, (kind, help_text) in reversed(_OPTION_TYPES.items()):
        wrapper = click.option(_flag(name), name, type=kind, default=None, help=help_text)(wrapper)
    return wrapper


@click.group(cls=OneLineErrorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zh-news-summarizer")
def main() -> None:
    """Summaries, key phrases and headline suggestions for Chinese news."""


def _read_text(stream: BinaryIO, *, name: str | None = None) -> str:
    name = name or getattr(stream, "name", "-")
    name = "the input" if name in ("-", "<stdin>") else str(name)
    try:
        text = stream.read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{name} is not UTF-8 text (bad byte at offset {error.start})") from None
    if not text.strip():
        raise DataError(f"{name} is empty")
    return text


def _print_json(record: dict[str, Any]) -> None:
    click.echo(json.dumps(record, ensure_ascii=False))


def _continued_line(continued: dict[str, Any]) -> str:
    """A PDF page's text that went into an article of an earlier page, said where it went."""
    first, last = continued["lines"] or (0, 0)
    title = continued["title"] or "(untitled)"
    return (
        f"(lines {first}-{last} continue article {continued['article'] + 1} of page {continued['page']}, "
        f"{title}: summarized there)"
    )


def _readable(record: dict[str, Any]) -> str:
    lines = ["Headlines:"]
    lines += [f"  {n}. {h['text']}" for n, h in enumerate(record["headlines"], start=1)] or ["  (none)"]
    summary = join_sentences(s["text"] for s in record["summary"])
    lines += ["Summary:", "  " + (summary.replace("\n", "\n  ") or "(none)")]
    lines += ["Key phrases: " + ("、".join(k["text"] for k in record["keyphrases"]) or "(none)")]
    lines += ["Keywords: " + ("、".join(k["text"] for k in record["keywords"]) or "(none)")]
    script = record["stats"].get("script", "simplified")
    if script != "simplified":  # said when the input was read through its simplified view
        lines += [f"Script: {script}"]
    return "\n".join(lines)


@main.command()
@click.argument("file", default="-", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="print the JSON record")
@analysis_options
def summarize(file: BinaryIO, as_json: bool, options: Options) -> None:
    """Summarize one article from FILE (or stdin when FILE is - or absent)."""
    from summarizer import default_engine

    record = default_engine().analyze(_read_text(file), options=options).to_record(None)
    click.echo(json.dumps(record, ensure_ascii=False) if as_json else _readable(record))


@main.command()
@click.argument("file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="print the JSON record (one per PDF page, one a line)")
@analysis_options
def page(file: BinaryIO, as_json: bool, options: Options) -> None:
    """Recover and summarize the articles of a newspaper page in FILE: e-paper text, or a
    PDF file (every page of it)."""
    from summarizer import default_engine
    from summarizer.pages import parse

    data = file.read()
    if _is_pdf(data, getattr(file, "name", "")):
        records = _pdf_page_records(data, getattr(file, "name", "-"), options)
    else:
        text = _read_text(io.BytesIO(data), name=getattr(file, "name", "-"))
        records = [parse(text, engine=default_engine(), options=options).to_record(None)]
    for record in records:
        if as_json:
            _print_json(record)
            continue
        if record.get("page") is not None:
            click.echo(f"=== Page {record['page']}" + "".join(f" ({note})" for note in record["notes"]))
            for continued in record["continued"]:
                click.echo(_continued_line(continued))
        if not record["articles"] and not record.get("continued"):
            click.echo("(no article found on this page)")
        for number, article in enumerate(record["articles"], start=1):
            click.echo(f"== Article {number}: {article.get('title') or '(untitled)'}")
            click.echo(_article_head(article) + _readable(article))


def _article_head(article: dict[str, Any]) -> str:
    """What the page printed around an article's title, as the web page shows it: its kicker,
    subtitle and who wrote it where (bylines, dateline, author), each line only when there."""
    author = article.get("author")
    if author and article.get("author_note"):
        author = f"{author} {article['author_note']}"
    credit = " · ".join(
        part for part in [*article.get("bylines", []), article.get("dateline"), author] if part
    )
    lines = [
        f"{label}: {value}"
        for label, value in (
            ("Kicker", article.get("kicker")),
            ("Subtitle", article.get("subtitle")),
            ("By", credit),
        )
        if value
    ]
    return "".join(line + "\n" for line in lines)


def _is_pdf(data: bytes, name: str) -> bool:
    from summarizer.pages.pdf.reader import MAGIC_WINDOW, PDF_MAGIC

    return PDF_MAGIC in data[:MAGIC_WINDOW] or str(name).lower().endswith(".pdf")


def _pdf_page_records(data: bytes, name: str, options: Options) -> list[dict[str, Any]]:
    """One record per page of the PDF ``data``; the id is ``<file name>#<page>``."""
    from summarizer import default_engine
    from summarizer.pages import PdfError, parse_pdf

    label = "stdin" if name in ("-", "<stdin>") else Path(name).name
    try:
        pages = parse_pdf(data, engine=default_engine(), options=options)
    except PdfError as error:
        raise DataError(f"{label}: {error.message} ({error.code})") from None
    return [page.to_record(f"{label}#{page.number}") for page in pages]


@main.command()
@click.argument("input_path", metavar="IN", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output_path", required=True, type=click.Path(path_type=Path))
@click.option("--pages", is_flag=True, help="each record's text is a newspaper page")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="worker processes")
@click.option("--resume", is_flag=True, help="continue an interrupted run into the same output")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True)
@click.option("--master", default=None, help="Spark master URL (with --engine spark) [default: local[*]]")
@click.option(
    "--progress/--no-progress", default=None, help="progress bar on stderr [default: on a terminal]"
)
@click.option(
    "--article-budget",
    "article_budget_s",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="stop an analysis that takes longer: an over_budget error record [default: no limit]",
)
@analysis_options
def batch(
    input_path: Path,
    output_path: Path,
    pages: bool,
    workers: int,
    resume: bool,
    engine: str,
    master: str | None,
    progress: bool | None,
    article_budget_s: float | None,
    options: Options,
) -> None:
    """Analyse every JSON line of IN (a .jsonl file; only `id` and `text` are read) into one
    output record per line, in input order. A bad line gives an error record with its line
    number. With --pages, IN may also be a PDF file or a folder of PDFs: one record per PDF
    page, with the id `<path>#<page>`."""
    from summarizer.batch import ProgressBar, ResumeError, run_batch
    from summarizer.pages.pdf.batch import is_pdf_input, run_pdf_batch

    if input_path.resolve() == output_path.resolve():
        raise click.UsageError("the output must not be the input file")
    if is_pdf_input(input_path):
        if not pages:
            raise click.UsageError("PDF input needs --pages (every PDF page is a newspaper page)")
        if engine != "local" or master is not None:
            raise click.UsageError("PDF input works with the local engine only")
        if not input_path.exists():
            raise click.BadParameter(f"{input_path} does not exist", param_hint="IN")
        if output_path.is_dir():
            raise click.BadParameter(f"{output_path} is a directory", param_hint="--output")
        show = sys.stderr.isatty() if progress is None else progress
        pdf_bar = ProgressBar(lambda text: click.echo(text, err=True, nl=False)) if show else None
        try:
            summary = run_pdf_batch(
                input_path, output_path, options=options, workers=workers, resume=resume, progress=pdf_bar
            )
        except ResumeError as error:
            raise DataError(f"cannot resume {output_path}: {error}") from None
        click.echo(f"wrote {summary.records} records ({summary.errors} errors) to {output_path}", err=True)
        return
    if engine == "spark":
        if article_budget_s is not None:
            raise click.UsageError("--article-budget works with the local engine only")
        # Spark reads Parquet directories and cluster URLs (hdfs://, s3a://): it checks paths itself.
        _spark_batch(input_path, output_path, options=options, pages=pages, master=master, resume=resume)
        return
    if not input_path.is_file():
        raise click.BadParameter(f"{input_path} is not a file", param_hint="IN")
    if output_path.is_dir():
        raise click.BadParameter(f"{output_path} is a directory", param_hint="--output")
    if master is not None:
        raise click.UsageError("--master needs --engine spark")
    show_progress = sys.stderr.isatty() if progress is None else progress
    bar = ProgressBar(lambda text: click.echo(text, err=True, nl=False)) if show_progress else None
    try:
        summary = run_batch(
            input_path,
            output_path,
            options=options,
            pages=pages,
            workers=workers,
            resume=resume,
            progress=bar,
            article_budget_s=article_budget_s,
        )
    except ResumeError as error:
        raise DataError(f"cannot resume {output_path}: {error}") from None
    resumed = f", {summary.skipped} already there" if summary.skipped else ""
    click.echo(
        f"wrote {summary.records} records ({summary.errors} errors){resumed} to {output_path}", err=True
    )


def _spark_batch(
    input_path: Path, output_path: Path, *, options: Options, pages: bool, master: str | None, resume: bool
) -> None:
    if resume:
        raise click.UsageError("--resume works with the local engine only")
    try:
        from summarizer.spark import run_batch as spark_run_batch
    except ImportError as error:
        raise click.ClickException(
            f"the Spark engine needs the [spark] extra (pip install 'zh-news-summarizer[spark]'): {error}"
        ) from None
    try:
        spark_run_batch(str(input_path), str(output_path), options=options, pages=pages, master=master)
    except ValueError as error:  # unknown extension, no `text` column ...
        raise DataError(str(error)) from None


def _setting_flag(name: str) -> str:
    """The flag of a server setting: its name, less a unit suffix (``request_budget_s``:
    ``--request-budget``)."""
    return "--" + name.removesuffix("_s").replace("_", "-")


def server_settings(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds a flag per setting of :class:`api.ApiConfig` (except the keys, which a flag would
    show in ``ps``: environment only) and passes the settings as ``api``: each flag given wins
    over its ``SUMMARIZER_*`` variable, which wins over the default."""
    from dataclasses import fields, replace

    from api.config import SECRET_SETTINGS, SETTING_HELP, ApiConfig, ConfigError, env_variable, parse_setting

    names = [f.name for f in fields(ApiConfig) if f.name not in SECRET_SETTINGS]

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> Any:
        given = {name: raw for name in names if (raw := kwargs.pop(name)) is not None}
        try:
            api = ApiConfig.from_env(os.environ)
        except ConfigError as error:
            raise click.UsageError(f"{env_variable(error.name)}: {error}") from None
        try:
            values: dict[str, Any] = {name: parse_setting(name, raw) for name, raw in given.items()}
            api = replace(api, **values)
        except ConfigError as error:
            raise click.BadParameter(str(error), param_hint=_setting_flag(error.name)) from None
        return command(api=api, **kwargs)

    for name in reversed(names):
        default = getattr(ApiConfig(), name)
        shown = ",".join(default) if isinstance(default, tuple) else default
        help_text = SETTING_HELP.get(name, "see docs/API.md")
        if "[default" not in help_text:
            help_text += f"  [default: {shown}]"
        wrapper = click.option(
            _setting_flag(name),
            name,
            default=None,
            metavar="SECONDS" if name.endswith("_s") else "VALUE",
            help=f"{help_text}  [env var: {env_variable(name)}]",
        )(wrapper)
    return wrapper


@main.command()
@click.option("--host", envvar="SUMMARIZER_HOST", default="127.0.0.1", show_default=True, show_envvar=True)
@click.option(
    "--port",
    envvar="SUMMARIZER_PORT",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    show_envvar=True,
)
@click.option(
    "--workers",
    envvar="SUMMARIZER_WORKERS",
    type=click.IntRange(min=1),
    default=None,
    show_envvar=True,
    help="gunicorn worker processes [default: CPU count]",
)
@click.option(
    "--tokenizer",
    envvar="SUMMARIZER_TOKENIZER",
    type=click.Choice(["rjieba", "jieba", "posseg"]),
    default="rjieba",
    show_default=True,
    show_envvar=True,
    help="the engine's tokenizer (posseg, textrank4zh's, is slow: for comparisons)",
)
@click.option(
    "--log-level",
    envvar="SUMMARIZER_LOG_LEVEL",
    type=click.Choice(["debug", "info", "warning", "error", "critical"]),
    default="info",
    show_default=True,
    show_envvar=True,
    help="JSON log lines on stdout at this level (the access log always)",
)
@server_settings
@click.option("--dev", is_flag=True, help="Flask's development server instead of gunicorn (one process)")
def serve(
    host: str, port: int, workers: int | None, tokenizer: str, log_level: str, api: Any, dev: bool
) -> None:
    """Serve the REST API and the web page (gunicorn, engine loaded before forking). Every
    setting is a flag or a SUMMARIZER_* variable (docs/API.md); SUMMARIZER_API_KEY and
    SUMMARIZER_METRICS_KEY are variables only."""
    from summarizer.serve import ServeSettings, run_dev_server, run_server

    settings = ServeSettings(
        host=host, port=port, workers=workers, tokenizer=tokenizer, log_level=log_level, api=api
    )
    if dev:
        run_dev_server(settings)
    else:
        run_server(settings)


@main.command(name="eval")
@click.argument(
    "data_path", metavar="DATA.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--pred",
    "pred_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="score these predictions (output of `summarizer batch`) instead of running the engine",
)
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="worker processes")
@analysis_options
def evaluate(data_path: Path, pred_path: Path | None, workers: int, options: Options) -> None:
    """The dev metrics of score.py (articles mode) for DATA.jsonl, computed with rouge-score."""
    from summarizer.evaluation import evaluate_file

    try:
        metrics = evaluate_file(data_path, pred_path, options=options, workers=workers)
    except ValueError as error:
        raise DataError(str(error)) from None
    click.echo(json.dumps(metrics, ensure_ascii=False))

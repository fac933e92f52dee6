"""Server settings: limits, API key and CORS, from code or from ``SUMMARIZER_*`` variables."""

from __future__ import annotations

import math
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields

from summarizer.options import DEFAULT_OPTIONS
from summarizer.pages.pdf.limits import PdfLimits

ENV_PREFIX = "SUMMARIZER_"
MIN_SENTENCES_RANKED = 2  # the engine's own minimum for the option
MAX_REQUEST_BUDGET_S = 300.0  # gunicorn's worker timeout grows with the budget (summarizer.serve)
SECRET_SETTINGS = ("api_key", "metrics_key")  # read from the environment only, never from flags
# What each setting does, for `summarizer serve --help` (docs/API.md has the full table).
SETTING_HELP = {
    "max_body_bytes": "larger bodies get 413 body_too_large",
    "max_text_chars": "longer texts get 413 text_too_long",
    "max_batch_articles": "more articles per /v1/batch call get 413 too_many_articles",
    "max_sentences_ranked": "a higher max_sentences_ranked option gets 422 over_limit",
    "cors_origins": "comma-separated origins allowed to call from a browser [default: none, CORS off]",
    "request_budget_s": "seconds a request may take, queue included (504 over_budget, 503 overloaded)",
    "max_queue": "analyses waiting per worker; one more gets 503 overloaded at once",
    "max_pdf_bytes": "a larger PDF body gets 413 body_too_large",
    "max_pdf_pages": "a PDF with more pages gets 413 too_many_pages",
    "pdf_timeout_ms": "reading a PDF that takes longer gets 422 pdf_too_complex",
    "pdf_memory_mb": "reading a PDF that needs more memory gets 422 pdf_too_complex",
}


class ConfigError(ValueError):
    """A server setting has a wrong value; ``name`` is the setting."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


@dataclass(frozen=True, kw_only=True)
class ApiConfig:
    """What the server accepts. Each limit has its own error (see ``api.openapi``)."""

    max_body_bytes: int = 1_048_576  # 413 body_too_large
    max_text_chars: int = 100_000  # 413 text_too_long, per text (a whole page is ~20,000)
    max_batch_articles: int = 100  # 413 too_many_articles
    max_sentences_ranked: int = DEFAULT_OPTIONS.max_sentences_ranked * 5  # 422 over_limit on the option
    api_key: str | None = None  # when set, /v1/* needs "Authorization: Bearer <key>"
    cors_origins: tuple[str, ...] = ()  # CORS is off unless origins are listed

    # Operations: the work budget of a request, the analysis queue, the metrics' key.
    # Time a request may take in this server, queue included: past it, 503 overloaded (still
    # queued) or 504 over_budget (analysing). Well under gunicorn's worker timeout.
    request_budget_s: float = 10.0
    max_queue: int = 32  # analyses waiting per worker process; one more is 503 overloaded at once
    metrics_key: str | None = None  # when set, GET /metrics needs it as Bearer (else the API key)

    # PDF pages: POST /v1/pages with Content-Type: application/pdf (api.pdf).
    max_pdf_bytes: int = 20 * 1024 * 1024  # 413 body_too_large for a PDF body
    max_pdf_pages: int = 32  # 413 too_many_pages
    pdf_timeout_ms: int = 30_000  # 422 pdf_too_complex: reading the PDF took longer
    pdf_memory_mb: int = 1024  # 422 pdf_too_complex: reading it needed more memory

    def __post_init__(self) -> None:
        self._check_pdf_limits()
        for name in ("max_body_bytes", "max_text_chars", "max_batch_articles", "max_sentences_ranked"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(name, f"must be a positive integer, got {value!r}")
        if self.max_sentences_ranked < MIN_SENTENCES_RANKED:
            raise ConfigError("max_sentences_ranked", f"must be at least {MIN_SENTENCES_RANKED}")
        if self.api_key is not None and not self.api_key.strip():
            raise ConfigError("api_key", "must not be empty (leave it unset to turn the key off)")
        if self.api_key is not None and not (self.api_key.isascii() and self.api_key.isprintable()):
            raise ConfigError("api_key", "must be printable ASCII, as HTTP headers carry it")
        if "*" in self.cors_origins:
            raise ConfigError("cors_origins", "list the allowed origins; '*' is not accepted")
        self._check_operations()

    def _check_operations(self) -> None:
        budget = self.request_budget_s
        if isinstance(budget, bool) or not isinstance(budget, (int, float)) or not math.isfinite(budget):
            raise ConfigError("request_budget_s", f"must be a number of seconds, got {budget!r}")
        if not 0 < budget <= MAX_REQUEST_BUDGET_S:
            raise ConfigError("request_budget_s", f"must be over 0 and at most {MAX_REQUEST_BUDGET_S} s")
        if isinstance(self.max_queue, bool) or not isinstance(self.max_queue, int) or self.max_queue < 0:
            raise ConfigError("max_queue", f"must be an integer of 0 or more, got {self.max_queue!r}")
        if self.metrics_key is not None and not (
            self.metrics_key.strip() and self.metrics_key.isascii() and self.metrics_key.isprintable()
        ):
            raise ConfigError("metrics_key", "must be printable ASCII and not empty")

    def _check_pdf_limits(self) -> None:
        for name in ("max_pdf_bytes", "max_pdf_pages", "pdf_timeout_ms", "pdf_memory_mb"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(name, f"must be a positive integer, got {value!r}")

    @property
    def pdf_limits(self) -> PdfLimits:
        """What one PDF request may cost the reader (a forked child, killed at the limits)."""
        return PdfLimits(
            max_bytes=self.max_pdf_bytes,
            max_pages=self.max_pdf_pages,
            timeout_s=self.pdf_timeout_ms / 1000,
            memory_mb=self.pdf_memory_mb,
        )

    @property
    def default_sentences_ranked(self) -> int:
        """The engine's default for requests that do not say, unless this server allows fewer."""
        return min(DEFAULT_OPTIONS.max_sentences_ranked, self.max_sentences_ranked)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> ApiConfig:
        """``SUMMARIZER_MAX_BODY_BYTES``, ``SUMMARIZER_API_KEY``, ``SUMMARIZER_CORS_ORIGINS``
        (comma-separated), ``SUMMARIZER_REQUEST_BUDGET_S`` ... (the field's name in capitals);
        unset or empty variables keep the defaults, except that a set but blank key
        (``SUMMARIZER_API_KEY``, ``SUMMARIZER_METRICS_KEY``) is an error."""
        values: dict[str, object] = {}
        for field in fields(cls):
            variable = env_variable(field.name)
            if field.name in SECRET_SETTINGS:
                # A blank key must not quietly turn authentication off.
                if variable in environ:
                    values[field.name] = environ[variable].strip()
                continue
            raw = environ.get(variable, "").strip()
            if raw:
                values[field.name] = parse_setting(field.name, raw)
        return cls(**values)  # type: ignore[arg-type]


def env_variable(name: str) -> str:
    """The environment variable of the setting ``name``: ``SUMMARIZER_`` and the name in capitals."""
    return ENV_PREFIX + name.upper()


def setting_type(name: str) -> object:
    """The type of the setting ``name`` as :class:`ApiConfig` declares it (``int``, ``float``,
    ``str | None``, ``tuple[str, ...]``)."""
    return typing.get_type_hints(ApiConfig)[name]


def parse_setting(name: str, raw: str) -> object:
    """A setting's value from its text (an environment variable, a command-line flag), by its type."""
    kind = setting_type(name)
    if kind == tuple[str, ...]:
        return tuple(item.strip() for item in raw.split(",") if item.strip())
    for number, what in ((int, "an integer"), (float, "a number")):
        if kind == number:
            try:
                return number(raw)
            except ValueError:
                raise ConfigError(name, f"must be {what}, got {raw!r}") from None
    return raw

"""Server settings: limits, API key and CORS, from code or from ``SUMMARIZER_*`` variables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from summarizer.options import DEFAULT_OPTIONS
from summarizer.pages.pdf.limits import PdfLimits

ENV_PREFIX = "SUMMARIZER_"
MIN_SENTENCES_RANKED = 2  # the engine's own minimum for the option


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
        (comma-separated) ... ; unset or empty variables keep the defaults, except that a set
        but blank ``SUMMARIZER_API_KEY`` is an error."""
        values: dict[str, object] = {}
        for field in fields(cls):
            variable = ENV_PREFIX + field.name.upper()
            if field.name == "api_key":
                # A blank key must not quietly turn authentication off.
                if variable in environ:
                    values[field.name] = environ[variable].strip()
                continue
            raw = environ.get(variable, "").strip()
            if not raw:
                continue
            if field.name == "cors_origins":
                values[field.name] = tuple(origin.strip() for origin in raw.split(",") if origin.strip())
            else:
                try:
                    values[field.name] = int(raw)
                except ValueError:
                    raise ConfigError(field.name, f"must be an integer, got {raw!r}") from None
        return cls(**values)  # type: ignore[arg-type]

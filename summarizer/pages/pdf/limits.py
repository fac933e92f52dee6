"""What a PDF may cost before it is refused, and the one error type of the PDF path.

Every refusal has a code that the CLI prints and the REST API maps to a status (413 for a
size limit, 422 for a file that cannot be read as a newspaper page); the message says what
was wrong in words a newsroom archivist can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

# Codes of :class:`PdfError`, with the HTTP status the REST API answers for each.
ERROR_STATUS = {
    "not_pdf": 422,  # the bytes are not a PDF at all
    "invalid_pdf": 422,  # damaged, truncated, or structured past the reader's limits
    "encrypted_pdf": 422,  # needs a password
    "no_text_layer": 422,  # a scan: images of text, and no OCR here
    "pdf_too_large": 413,  # over max_bytes
    "too_many_pages": 413,  # over max_pages
    "pdf_too_complex": 422,  # reading it took more than the time or memory budget
}


class PdfError(ValueError):
    """A PDF that is refused or cannot be read; ``code`` is one of :data:`ERROR_STATUS`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        if code not in ERROR_STATUS:
            raise ValueError(f"unknown PDF error code {code!r}")
        self.code = code
        self.message = message

    def __reduce__(self) -> tuple[type[PdfError], tuple[str, str]]:
        return (PdfError, (self.code, self.message))


@dataclass(frozen=True, kw_only=True)
class PdfLimits:
    """Bounds on one PDF document. The reading (PDFium and the layout geometry) runs in a
    child process that is killed at ``timeout_s`` and may use at most ``memory_mb`` megabytes
    more than its parent: a decompression bomb or a pathological page then costs one refusal,
    never the server's memory or a hung worker."""

    max_bytes: int = 100 * 1024 * 1024
    max_pages: int = 500
    timeout_s: float = 60.0
    memory_mb: int = 2048
    # Run the reader in a forked child with the two budgets above. Without it (only for
    # trusted files, or where os.fork does not exist) neither budget can be enforced.
    isolated: bool = True

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_pages", "memory_mb"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")
        if isinstance(self.timeout_s, bool) or not isinstance(self.timeout_s, (int, float)):
            raise ValueError(f"timeout_s must be a number, got {self.timeout_s!r}")
        if not self.timeout_s > 0:
            raise ValueError(f"timeout_s must be positive, got {self.timeout_s!r}")


DEFAULT_LIMITS = PdfLimits()

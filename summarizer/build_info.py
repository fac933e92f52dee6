"""Which of the engine's modules run compiled by mypyc (see setup.py) rather than as source."""

from __future__ import annotations

import importlib.machinery
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent


def compiled_modules() -> tuple[str, ...]:
    """The package's modules that import as C extensions (an extension file shadows the
    ``.py`` file beside it), in name order; empty for a source-only install
    (``SUMMARIZER_PURE_PYTHON=1``)."""
    return tuple(sorted(_extensions()))


def stale_compiled_modules() -> tuple[str, ...]:
    """The compiled modules whose source was edited after they were built: until a rebuild,
    the old code is what runs."""
    stale = []
    for name, extension in sorted(_extensions().items()):
        source = extension.with_name(extension.name.split(".", 1)[0] + ".py")
        if source.exists() and source.stat().st_mtime > extension.stat().st_mtime:
            stale.append(name)
    return tuple(stale)


def _extensions() -> dict[str, Path]:
    # Longest suffix first: ".cpython-311-x86_64-linux-gnu.so" before ".so".
    suffixes = sorted(importlib.machinery.EXTENSION_SUFFIXES, key=len, reverse=True)
    found = {}
    for path in PACKAGE_ROOT.rglob("*"):
        suffix = next((suffix for suffix in suffixes if path.name.endswith(suffix)), None)
        if suffix is not None:
            parts = path.relative_to(PACKAGE_ROOT).with_name(path.name.removesuffix(suffix)).parts
            found[".".join(("summarizer", *parts)).removesuffix(".__init__")] = path
    return found


def install_note() -> str | None:
    """What to tell after an install that gave the pure-Python build although none was asked
    for (``SUMMARIZER_PURE_PYTHON``): setup.py fell back, having found no C compiler or no
    Python headers. None after a compiled install, or a pure one that was asked for."""
    import os

    if compiled_modules() or os.environ.get("SUMMARIZER_PURE_PYTHON", "0") != "0":
        return None
    return (
        "summarizer: installed the pure-Python build: no C compiler or Python headers were found "
        "(same results, about a quarter slower). To compile it, install gcc and the Python headers "
        "(Debian: python3-dev), then `make clean` and install again."
    )


if __name__ == "__main__":
    note = install_note()
    if note is not None:
        print(note)

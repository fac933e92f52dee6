"""Import the engine from its Python source even where its modules are compiled (setup.py).

A sampling profiler sees only Python frames, and a module compiled by mypyc runs without them:
profiles of where the time goes are therefore taken on the same modules as Python source. Call
:func:`use_source` before anything imports ``summarizer``.
"""

from __future__ import annotations

import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

PACKAGE = "summarizer"


class _SourceFinder:
    """Finds ``summarizer`` and its submodules as ``.py`` files, never as extension modules."""

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if name.partition(".")[0] != PACKAGE:
            return None
        source_only = (importlib.machinery.SourceFileLoader, importlib.machinery.SOURCE_SUFFIXES)
        # The benchmarks run from the repository root, where sys.path finds the package.
        for entry in path if path is not None else sys.path:
            spec = importlib.machinery.FileFinder(entry, source_only).find_spec(name)
            if spec is not None:
                return spec
        return None


def use_source() -> None:
    """From now on this process imports the engine's modules from source."""
    if PACKAGE in sys.modules:
        raise RuntimeError(f"{PACKAGE} is already imported: call use_source() before importing it")
    if not any(isinstance(finder, _SourceFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())

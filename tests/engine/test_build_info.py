"""Which modules run compiled, and which compiled modules are older than their source."""

from __future__ import annotations

import importlib.machinery
import os
from pathlib import Path

import pytest

from summarizer import build_info

SUFFIX = max(importlib.machinery.EXTENSION_SUFFIXES, key=len)


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A package folder with a compiled module, a compiled subpackage and a source-only module."""
    for name in ("document", "rank/__init__", "options"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{name}.py").write_text("", encoding="utf-8")
    for name in ("document", "rank/__init__"):
        (tmp_path / f"{name}{SUFFIX}").write_bytes(b"")
        _age(tmp_path / f"{name}.py", seconds=60)
    monkeypatch.setattr(build_info, "PACKAGE_ROOT", tmp_path)
    return tmp_path


def _age(path: Path, *, seconds: float) -> None:
    stat = path.stat()
    os.utime(path, (stat.st_atime - seconds, stat.st_mtime - seconds))


def test_compiled_modules_are_named_by_their_extension_files(package: Path) -> None:
    assert build_info.compiled_modules() == ("summarizer.document", "summarizer.rank")
    assert build_info.stale_compiled_modules() == ()


def test_a_source_edited_after_the_build_makes_its_module_stale(package: Path) -> None:
    _age(package / f"rank/__init__{SUFFIX}", seconds=120)
    assert build_info.stale_compiled_modules() == ("summarizer.rank",)


def test_a_source_only_package_has_no_compiled_module(package: Path) -> None:
    for extension in package.rglob(f"*{SUFFIX}"):
        extension.unlink()
    assert build_info.compiled_modules() == ()

"""An install on a machine without a C compiler (a slim container image) falls back to the
pure-Python build and says so once, instead of failing in mypyc. The compiler is hidden with
``CC`` naming a program that does not exist; the package is installed from a copy of the
source into a new virtual environment, offline (the build tools and the dependencies come
from this environment's site-packages)."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "out", "*.egg-info", "*.so", "__pycache__", ".*_cache"
)
FALLBACK_MESSAGE = "installing the pure-Python build"


def test_without_a_compiler_the_install_falls_back_to_pure_python_and_says_so_once(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(REPO_ROOT, source, ignore=NOT_SOURCE)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    target_site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # pip, setuptools, mypy and the dependencies, from here: nothing is downloaded.
    (target_site / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    env = {key: value for key, value in os.environ.items() if key != "SUMMARIZER_PURE_PYTHON"}
    env["CC"] = str(tmp_path / "no-such-compiler")
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-v",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            str(source),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = install.stdout + install.stderr
    assert install.returncode == 0, output[-3000:]
    assert output.count(FALLBACK_MESSAGE) == 1, output[-3000:]
    assert "no-such-compiler" in output

    check = subprocess.run(
        [
            str(python),
            "-c",
            "import summarizer, summarizer.build_info as b; "
            "print(summarizer.__file__); print(b.compiled_modules()); "
            "print(summarizer.analyze('江南市举办首届智慧农业博览会。农民说种地更轻松了。').summary_text)",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert check.returncode == 0, check.stderr[-3000:]
    installed_at, compiled, summary = check.stdout.splitlines()[:3]
    assert Path(installed_at).is_relative_to(venv)
    assert compiled == "()"
    assert "智慧农业博览会" in summary
    note = subprocess.run(
        [str(python), "-m", "summarizer.build_info"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "pure-Python build" in note.stdout

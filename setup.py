"""Compiles the engine's hot modules to C extensions with mypyc; pyproject.toml holds the rest.

mypyc turns the modules' type-annotated Python into C: the same results with 30% fewer
instructions per analysis (BENCHMARKS.md). The modules stay ordinary Python source:
``SUMMARIZER_PURE_PYTHON=1`` installs them uncompiled (to profile them line by line), and a
machine without a C compiler or the Python headers (a slim container image) gets the
uncompiled build too, with one message saying so, instead of a failed install.
"""

import os
import sys
import sysconfig
import tempfile
from pathlib import Path

from setuptools import setup

# The stages of the analysis, which every article runs through. Not compiled: the modules
# whose objects cross process boundaries by pickle (options, results, batch, Spark), the
# interfaces, and the engine's thin orchestration.
COMPILED = [
    "summarizer/document.py",
    "summarizer/headline/",
    "summarizer/keyphrases.py",
    "summarizer/rank/",
    "summarizer/select.py",
    "summarizer/subheadings.py",
    "summarizer/terms/",
    "summarizer/text/",
    "summarizer/tokenizer.py",
]
# The setup.py commands that build (pip's build hooks run setup.py for its metadata too:
# the fallback is announced only by the run that builds, so once).
BUILD_COMMANDS = {"bdist_wheel", "editable_wheel", "build", "build_ext", "develop", "install"}


def missing_compiler() -> str | None:
    """Why C extensions cannot be built here (no working compiler, no Python.h), or None:
    found by compiling a file that includes Python.h, as the real build would."""
    from distutils.ccompiler import new_compiler
    from distutils.errors import CCompilerError, DistutilsError
    from distutils.sysconfig import customize_compiler

    compiler = new_compiler()
    customize_compiler(compiler)  # the compiler and flags Python was built with, or $CC
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "probe.c"
        source.write_text("#include <Python.h>\nint summarizer_probe(void) { return 0; }\n")
        try:
            compiler.compile(
                [str(source)], output_dir=folder, include_dirs=[sysconfig.get_paths()["include"]]
            )
        except (CCompilerError, DistutilsError, OSError) as error:
            return " ".join(str(error).split()) or type(error).__name__
    return None


def compiled_extensions() -> list[object]:
    if os.environ.get("SUMMARIZER_PURE_PYTHON", "0") != "0":
        return []
    reason = missing_compiler()
    if reason is not None:
        if BUILD_COMMANDS & set(sys.argv[1:]):
            print(
                "zh-news-summarizer: cannot compile the engine (no C compiler or Python headers: "
                f"{reason}); installing the pure-Python build, with the same results about a quarter "
                "slower. Install gcc and the Python headers (Debian: python3-dev) and reinstall to compile.",
                file=sys.stderr,
            )
        return []
    from mypyc.build import mypycify

    return list(mypycify(COMPILED, opt_level="3", group_name="summarizer_compiled"))


setup(ext_modules=compiled_extensions())

"""Compiles the engine's hot modules to C extensions with mypyc; pyproject.toml holds the rest.

mypyc turns the modules' type-annotated Python into C: the same results with 30% fewer
instructions per analysis (BENCHMARKS.md). The modules stay ordinary Python source:
``SUMMARIZER_PURE_PYTHON=1`` installs them uncompiled (for a machine without a C compiler, or to
profile them line by line).
"""

import os

from setuptools import setup

# The stages of the analysis, which every article runs through. Not compiled: the modules
# whose objects cross process boundaries by pickle (options, results, batch, Spark), the
# interfaces, and the engine's thin orchestration.
COMPILED = [
    "summarizer/document.py",
    "summarizer/headlines.py",
    "summarizer/headline/",
    "summarizer/keyphrases.py",
    "summarizer/rank/",
    "summarizer/select.py",
    "summarizer/terms/",
    "summarizer/text/",
    "summarizer/tokenizer.py",
]


def compiled_extensions() -> list[object]:
    if os.environ.get("SUMMARIZER_PURE_PYTHON", "0") != "0":
        return []
    from mypyc.build import mypycify

    return list(mypycify(COMPILED, opt_level="3", group_name="summarizer_compiled"))


setup(ext_modules=compiled_extensions())

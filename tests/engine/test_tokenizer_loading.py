"""The rjieba backend loads rjieba's extension without the default instance its package
builds at import, and the class is the package's own."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from summarizer.tokenizer import make_tokenizer
tagged = make_tokenizer("rjieba").tag("我们在北京")
assert "rjieba" not in sys.modules, "the rjieba package (and its default instance) was imported"
segmenter_class = type(make_tokenizer("rjieba")._loaded())
import rjieba
assert segmenter_class is rjieba.Jieba
assert tagged == rjieba.Jieba().tag("我们在北京") == [("我们", "r"), ("在", "p"), ("北京", "ns")]
print("ok")
"""


def test_rjieba_loads_without_its_packages_default_instance() -> None:
    finished = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.strip() == "ok"

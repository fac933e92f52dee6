"""The output is a function of the input alone, not of the process: two runs with different
string-hash seeds (as a resumed batch, another worker or a Spark executor may have) give the same
records. A sum over a set of words once broke ties differently from one process to the next."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.records import without_elapsed

from .conftest import DEV

pytestmark = pytest.mark.shared


def _batch_under_hash_seed(source: Path, output: Path, seed: str) -> list[object]:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    summarizer_command = str(Path(sys.executable).parent / "summarizer")
    command = [summarizer_command, "batch", str(source), "-o", str(output), "--workers", "2"]
    subprocess.run(command, env=environment, check=True, capture_output=True)
    return [without_elapsed(json.loads(line)) for line in output.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("dev_set", ["thucnews.jsonl", "peoples_daily.jsonl"])
def test_records_do_not_depend_on_the_string_hash_seed(tmp_path: Path, dev_set: str) -> None:
    source = DEV / dev_set
    if not source.exists():
        pytest.skip(f"needs the dev set {source} (../shared beside the repository)")
    first = _batch_under_hash_seed(source, tmp_path / "first.jsonl", "3")
    second = _batch_under_hash_seed(source, tmp_path / "second.jsonl", "11")
    assert len(first) == len(second) > 0
    differing = [index for index, (a, b) in enumerate(zip(first, second, strict=True)) if a != b]
    assert not differing, (
        f"{len(differing)} records differ between hash seeds, first at line {differing[0] + 1}"
    )

"""A real ``summarizer batch`` process killed with SIGKILL mid-run, then resumed: every input id
appears exactly once, in order, and each record equals an uninterrupted analysis (compared
without ``stats.elapsed_ms``, a measured time)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from contextlib import suppress
from pathlib import Path

import pytest

from summarizer import Options, default_engine
from summarizer.records import analyze_record, without_elapsed

pytestmark = pytest.mark.slow

RECORDS = 300
KILL_AFTER_LINES = 10
DEADLINE_S = 120.0
COMMAND = [sys.executable, "-c", "from summarizer.cli import main; main()", "batch"]


def complete_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_batch_resumes_with_exactly_one_record_per_id(tmp_path: Path, workers: str) -> None:
    source, output = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inputs = [
        {"id": i, "text": f"第{i}号消息。江南市今年新建智能温室{i}亩。农民说种地更轻松了。"}
        for i in range(RECORDS)
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in inputs), encoding="utf-8")
    args = [*COMMAND, str(source), "-o", str(output), "--workers", workers, "--no-progress"]

    process = subprocess.Popen(args, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + DEADLINE_S
    try:
        while complete_lines(output) < KILL_AFTER_LINES:
            assert process.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline, "no output within the deadline"
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.005)  # the pause between polls of the output file
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the batch and its worker processes
        process.wait()
    written = complete_lines(output)
    assert KILL_AFTER_LINES <= written < RECORDS, "the kill must land mid-run"

    resumed = subprocess.run(
        [*args, "--resume"], capture_output=True, text=True, timeout=DEADLINE_S, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == list(range(RECORDS))
    engine, options = default_engine(), Options()
    for index in (0, written - 1, written, RECORDS - 1):  # both sides of the seam, and the ends
        expected = analyze_record(inputs[index], engine=engine, options=options)
        assert without_elapsed(records[index]) == without_elapsed(expected)

"""Fault test: SIGKILL ``summarizer batch`` at a random point, then ``--resume``.

    python scripts/reliability/batch_kill_resume.py --records 2000 --rounds 3 --workers 2

Builds a synthetic input (with a few broken lines among the articles), runs the batch once
uninterrupted as the reference, then for each round starts it again, kills its whole process
group with SIGKILL at a random moment, checks that the output holds no half line, and
resumes it. Prints one JSON object; passes (exit 0) when after every resume each input line
has exactly one record, in order, identical to the reference except ``stats.elapsed_ms``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import _harness as harness

from summarizer.records import without_elapsed

MAX_RECORDS = 200_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="passed to summarizer batch --workers")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not 1 <= args.records <= MAX_RECORDS:
        parser.error(f"--records must be in [1, {MAX_RECORDS}]")
    if not 1 <= args.rounds <= 50:
        parser.error("--rounds must be in [1, 50]")
    with tempfile.TemporaryDirectory(prefix="batch-kill-") as folder:
        report = run(
            Path(folder), records=args.records, rounds=args.rounds, workers=args.workers, seed=args.seed
        )
    return harness.print_report(report)


def write_input(path: Path, *, records: int, rng: random.Random) -> list[Any]:
    """The input file; returns the id each non-blank line should yield, in order."""
    expected_ids: list[Any] = []
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            record_id: Any = f"r{number:06d}"
            if number % 97 == 41:
                handle.write("this line is not JSON\n")
                record_id = None
            elif number % 53 == 7:
                handle.write(json.dumps({"id": record_id, "text": None}) + "\n")
            elif number % 61 == 3:
                record_id = number  # a numeric id is kept as a number
                handle.write(json.dumps({"id": record_id, "text": harness.synthetic_article(rng)}) + "\n")
            else:
                article = harness.synthetic_article(rng, sentences=rng.randint(2, 12))
                handle.write(
                    json.dumps({"id": record_id, "text": article, "title": "不得读取"}, ensure_ascii=False)
                )
                handle.write("\n")
            if number % 89 == 5:
                handle.write("\n")  # blank lines yield no record
            expected_ids.append(record_id)
    return expected_ids


def batch_command(input_path: Path, output_path: Path, *, workers: int, resume: bool) -> list[str]:
    command = [harness.summarizer_executable(), "batch", str(input_path), "-o", str(output_path)]
    command += ["--workers", str(workers)]
    return [*command, "--resume"] if resume else command


def run(folder: Path, *, records: int, rounds: int, workers: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    input_path = folder / "in.jsonl"
    expected_ids = write_input(input_path, records=records, rng=rng)

    reference_path = folder / "reference.jsonl"
    started = time.monotonic()
    reference_run = subprocess.run(
        batch_command(input_path, reference_path, workers=workers, resume=False),
        capture_output=True,
        check=False,
    )
    reference_s = time.monotonic() - started
    reference = _comparable(reference_path)
    reference_ok = reference_run.returncode in (0, 1) and [r.get("id") for r in reference] == expected_ids

    results = []
    for round_number in range(rounds):
        output_path = folder / f"out{round_number}.jsonl"
        kill_at_line = rng.randint(0, len(expected_ids) - 1)
        results.append(_killed_and_resumed(input_path, output_path, workers, kill_at_line, reference))

    return {
        "records": records,
        "workers": workers,
        "reference_seconds": round(reference_s, 2),
        "reference_exit_code": reference_run.returncode,
        "reference_records": len(reference),
        "reference_error_records": sum(1 for r in reference if "error" in r),
        "reference_ids_match_input": reference_ok,
        "rounds": results,
        "killed_mid_run": sum(1 for r in results if r["killed_mid_run"]),
        "passed": reference_ok and all(r["identical_to_reference"] and not r["half_line"] for r in results),
    }


def _killed_and_resumed(
    input_path: Path, output_path: Path, workers: int, kill_at_line: int, reference: list[dict[str, Any]]
) -> dict[str, Any]:
    """Kill the run as soon as its output holds ``kill_at_line`` lines (0: right after the start)."""
    process = subprocess.Popen(
        batch_command(input_path, output_path, workers=workers, resume=False),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # SIGKILL the group: the parent and its pool workers at once
    )
    while process.poll() is None and _line_count(output_path) < kill_at_line:
        time.sleep(0.005)
    killed_mid_run = process.poll() is None
    if killed_mid_run:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # orphaned pool workers, if any survived
    data = output_path.read_bytes() if output_path.exists() else b""
    half_line = bool(data) and not data.endswith(b"\n")
    lines_at_kill = data.count(b"\n")

    resumed = subprocess.run(
        batch_command(input_path, output_path, workers=workers, resume=True), capture_output=True, check=False
    )
    final = _comparable(output_path)
    ids = [r.get("id") for r in final]
    hashable_ids = [json.dumps(i) for i in ids if i is not None]
    return {
        "kill_at_line": kill_at_line,
        "killed_mid_run": killed_mid_run,
        "lines_at_kill": lines_at_kill,
        "half_line": half_line,
        "resume_exit_code": resumed.returncode,
        "resume_stderr": resumed.stderr.decode("utf-8", "replace").strip().splitlines()[-1:],
        "records_after_resume": len(final),
        "duplicate_ids": len(hashable_ids) - len(set(hashable_ids)),
        "identical_to_reference": final == reference,
        "first_difference": _first_difference(final, reference),
    }


def _line_count(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _first_difference(records: list[dict[str, Any]], reference: list[dict[str, Any]]) -> int | None:
    for index, (record, expected) in enumerate(zip(records, reference, strict=False)):
        if record != expected:
            return index
    return None if len(records) == len(reference) else min(len(records), len(reference))


def _comparable(path: Path) -> list[dict[str, Any]]:
    """The records of ``path`` without ``stats.elapsed_ms``, a measured time."""
    if not path.exists():
        return []
    return [without_elapsed(json.loads(line)) for line in path.read_bytes().splitlines() if line.strip()]


if __name__ == "__main__":
    sys.exit(main())

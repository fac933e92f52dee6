"""Run ``summarizer serve`` as a real process on a free loopback port, and read the memory of its
process tree (master and workers) from /proc."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from benchmarks.common import Skip

READY_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 15.0
HOST = "127.0.0.1"


def cli_path() -> Path:
    """The ``summarizer`` console script of the running environment; Skip when it is absent."""
    path = Path(sys.executable).parent / "summarizer"
    if not path.is_file():
        raise Skip(f"the summarizer CLI is not installed ({path} not found): pip install -e .")
    return path


def require_command(command: str) -> Path:
    """The CLI, provided it knows ``command`` (the CLI lands in its own issue)."""
    path = cli_path()
    probe = subprocess.run(
        [str(path), command, "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    if probe.returncode != 0:
        last = (probe.stderr.strip().splitlines() or ["no output"])[-1]
        raise Skip(f"`summarizer {command}` is not available yet: {last}")
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    pid: int
    url: str


@contextlib.contextmanager
def serving(*, workers: int, log: IO[bytes]) -> Iterator[Server]:
    """``summarizer serve --workers N`` on a free loopback port, ready to answer, stopped on exit.

    The server's output goes to ``log`` (a file: a pipe nobody reads would fill and stall it)."""
    port = free_port()
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SUMMARIZER_")}
    command = [str(require_command("serve")), "serve", "--host", HOST, "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", str(workers)], stdout=log, stderr=subprocess.STDOUT, env=environment
    )
    try:
        url = f"http://{HOST}:{port}"
        _wait_ready(process, f"{url}/readyz")
        yield Server(process.pid, url)
    finally:
        _stop(process)


def _wait_ready(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"summarizer serve exited with status {process.returncode} before it was ready"
            )
        with (
            contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
            urllib.request.urlopen(url, timeout=2) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.2)  # polling a starting server, not timing anything
    raise RuntimeError(f"summarizer serve was not ready within {READY_TIMEOUT_S:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class ProcessMemory:
    pid: int
    role: str
    peak_rss_mb: float  # VmHWM
    rss_mb: float  # VmRSS
    pss_mb: float | None  # proportional share: pages shared after fork counted once overall


def process_tree(root: int) -> list[tuple[int, int]]:
    """(pid, parent pid) of ``root`` and all its descendants, parents first."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    tree = [(root, parents.get(root, 0))]
    for pid, _ in tree:
        tree.extend((child, pid) for child, parent in sorted(parents.items()) if parent == pid)
    return tree


def memory_of_tree(root: int) -> list[ProcessMemory]:
    """Memory of every process of the server; the root's non-leaf descendants are gunicorn's
    master (or the root itself when it is the master), the leaves its workers."""
    tree = process_tree(root)
    has_children = {parent for _, parent in tree}
    memory = []
    for pid, _ in tree:
        role = "worker" if pid not in has_children else ("master" if _is_master(pid, tree) else "launcher")
        status = _status(pid)
        memory.append(ProcessMemory(pid, role, status.get("VmHWM", 0.0), status.get("VmRSS", 0.0), _pss(pid)))
    return memory


def cpu_seconds_of_tree(root: int) -> dict[int, float]:
    """User plus system CPU seconds used so far by each process of the server (from /proc)."""
    ticks_per_second = os.sysconf("SC_CLK_TCK")
    seconds: dict[int, float] = {}
    for pid, _ in process_tree(root):
        with contextlib.suppress(OSError, ValueError, IndexError):
            stat = Path(f"/proc/{pid}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            seconds[pid] = (int(fields[11]) + int(fields[12])) / ticks_per_second  # utime + stime
    return seconds


def _is_master(pid: int, tree: Sequence[tuple[int, int]]) -> bool:
    """The master is the process whose children are all leaves (the workers)."""
    parents = {parent for _, parent in tree}
    return all(child not in parents for child, parent in tree if parent == pid)


def _status(pid: int) -> dict[str, float]:
    values: dict[str, float] = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmHWM", "VmRSS"):
                values[name] = int(rest.split()[0]) / 1024  # kB to MB
    return values


def _pss(pid: int) -> float | None:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    return None

"""Shared pieces of the reliability scripts: a real ``summarizer serve`` process on a free
loopback port, its gunicorn process tree read from /proc, synthetic articles and a small
HTTP client. Linux only (the scripts read /proc); standard library only, so the scripts run
from any environment that has the package installed.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]

# Hand-written, deliberately bland sentences (no real news text): recombined into articles
# that differ from one another, so no cache or memo can answer the load for free.
_SUBJECTS = (
    "市政府",
    "区教育局",
    "县农业农村局",
    "市交通运输局",
    "省卫生健康委",
    "社区居委会",
    "市图书馆",
    "高新区管委会",
)
_ACTIONS = (
    "召开专题会议，研究部署今年的重点工作",
    "发布新的便民措施，方便群众就近办理业务",
    "组织专家开展实地调研，听取基层意见建议",
    "启动老旧小区改造工程，计划年底前完工",
    "推进数字化服务平台建设，提升办事效率",
    "举办公益讲座，吸引数百名市民参加",
    "加强安全生产检查，排查整改各类隐患",
    "完善公共交通线路，缓解早晚高峰拥堵",
)
_DETAILS = (
    "据介绍，相关工作已纳入年度考核。",
    "负责人表示，将持续跟踪落实情况。",
    "不少居民认为，这些变化实实在在。",
    "下一步，还将扩大试点范围。",
    "活动现场秩序井然，气氛热烈。",
    "截至目前，已累计投入资金三千余万元。",
)


def synthetic_article(rng: random.Random, *, sentences: int = 8) -> str:
    parts = []
    for _ in range(sentences):
        parts.append(f"{rng.choice(_SUBJECTS)}{rng.choice(_ACTIONS)}。{rng.choice(_DETAILS)}")
    return "".join(parts)


def print_report(report: Mapping[str, Any]) -> int:
    """Print a script's report as one JSON object; its exit code: 0 when the report passed."""
    print(json.dumps(report, indent=2))
    return 0 if report["passed"] else 1


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def summarizer_executable() -> str:
    """The ``summarizer`` entry point beside the running interpreter (the venv's), else PATH's."""
    beside = Path(sys.executable).with_name("summarizer")
    if beside.exists():
        return str(beside)
    found = shutil.which("summarizer")
    if found is None:
        raise RuntimeError("the summarizer command is not installed (pip install -e .)")
    return found


@dataclass(frozen=True)
class Server:
    process: subprocess.Popen[bytes]
    host: str
    port: int
    log_path: Path  # the server's stdout: JSON lines (gunicorn's log, the app's, the access log)
    stderr_path: Path  # anything else the processes print (nothing, normally)

    def log(self) -> str:
        """Everything the server printed, stdout then stderr."""
        return self.stdout() + self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stdout(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"


def request(
    server: Server,
    method: str,
    path: str,
    *,
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout_s: float = 30.0,
) -> tuple[int, dict[str, str], bytes]:
    """One request on a fresh connection (gunicorn's sync workers close it anyway)."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=timeout_s)
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def post_json(server: Server, path: str, payload: Any, *, timeout_s: float = 30.0) -> tuple[int, bytes]:
    status, _, data = request(
        server,
        "POST",
        path,
        body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        timeout_s=timeout_s,
    )
    return status, data


@contextlib.contextmanager
def serve(
    *,
    workers: int,
    extra_env: Mapping[str, str] | None = None,
    extra_args: tuple[str, ...] = (),
    default_host: bool = False,
    ready_timeout_s: float = 90.0,
) -> Iterator[Server]:
    """Start ``summarizer serve`` on 127.0.0.1 and a free port; stop its whole process group after.
    With ``default_host`` no ``--host`` is given: the server binds where it does by default.
    Its output goes to files, never to a pipe nobody reads (a full pipe would block the workers)."""
    port = free_port()
    env = {**os.environ, **(extra_env or {})}
    command = [summarizer_executable(), "serve", "--port", str(port), "--workers", str(workers)]
    command += [*(() if default_host else ("--host", "127.0.0.1")), *extra_args]
    with tempfile.TemporaryDirectory(prefix="summarizer-serve-") as folder:
        log_path = Path(folder) / "server.log"
        stderr_path = Path(folder) / "server.err"
        with log_path.open("wb") as log, stderr_path.open("wb") as errors:
            process = subprocess.Popen(
                command,
                env=env,
                cwd=REPO_ROOT,
                stdout=log,
                stderr=errors,
                start_new_session=True,  # its own process group: stopping it reaches the workers too
            )
        server = Server(process, "127.0.0.1", port, log_path, stderr_path)
        try:
            _wait_ready(server, ready_timeout_s)
            yield server
        finally:
            _stop(process)


def _wait_ready(server: Server, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"summarizer serve exited with {server.process.returncode}: {server.log()[-2000:]}"
            )
        with contextlib.suppress(OSError):
            if request(server, "GET", "/readyz", timeout_s=2.0)[0] == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"summarizer serve not ready after {timeout_s} s: {server.log()[-2000:]}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
    # Workers that outlived a killed master would keep the port: reap the rest of the group.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def stop_gracefully(server: Server, *, timeout_s: float) -> float | None:
    """SIGTERM to the master only (as systemd or a container runtime sends it); the seconds it
    took to exit, or None if it was still running after ``timeout_s``."""
    sent = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return None
    return time.monotonic() - sent


def wrk_executable() -> str | None:
    return shutil.which("wrk")


WRK_SCRIPT = Path(__file__).with_name("wrk_status.lua")


def write_bodies(path: Path, *, count: int = 64, seed: int = 1, sentences: int = 25) -> None:
    """``count`` JSON bodies of synthetic articles (about 40 characters a sentence), one a line."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(count):
            payload = {"text": synthetic_article(rng, sentences=sentences)}
            handle.write(json.dumps(payload, ensure_ascii=False) + "\n")


def start_wrk(
    server: Server,
    path: str,
    *,
    bodies: Path,
    connections: int,
    seconds: float,
    threads: int = 2,
    timeout_s: float = 2.0,
    output: Path,
) -> subprocess.Popen[bytes]:
    """wrk in its own process, POSTing ``bodies`` in turn on ``connections`` keep-alive
    connections; its report goes to ``output`` (read it with :func:`wrk_result`)."""
    wrk = wrk_executable()
    if wrk is None:
        raise RuntimeError("wrk is not installed (apt-get install -y wrk)")
    command = [
        wrk,
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        f"{timeout_s:g}s",
        "-s",
        str(WRK_SCRIPT),
        server.base_url + path,
    ]
    with output.open("wb") as sink:
        return subprocess.Popen(
            command, stdout=sink, stderr=subprocess.STDOUT, env={**os.environ, "WRK_BODIES": str(bodies)}
        )


def wrk_result(output: Path) -> dict[str, Any]:
    """The figures wrk_status.lua printed: requests, socket errors (connect, read, write,
    timeout), non-2xx count, latency percentiles in microseconds, answers by status."""
    text = output.read_text(encoding="utf-8", errors="replace")
    line = next((x for x in text.splitlines() if x.startswith("WRK_RESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result: {text[-2000:]}")
    result: dict[str, Any] = json.loads(line.removeprefix("WRK_RESULT "))
    result["failed"] = (
        result["connect"] + result["read"] + result["write"] + result["timeout"] + result["non_2xx_3xx"]
    )
    return result


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def listening_addresses(port: int) -> list[str]:
    """The local IPv4/IPv6 addresses (hex, as in /proc/net/tcp*) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                address, port_hex = fields[1].rsplit(":", 1)
                if int(port_hex, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                    found.append(address)
    return found


def _parent_pids() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            # The command name may hold spaces and parentheses: fields follow the last ')'.
            parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    return parents


def gunicorn_workers(root_pid: int) -> tuple[int, list[int]]:
    """(master pid, worker pids) under ``root_pid``: the master is the process whose children
    have no children of their own. ``summarizer serve`` may be the master or its parent."""
    parents = _parent_pids()
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    frontier = [root_pid]
    while frontier:
        pid = frontier.pop(0)
        kids = sorted(children.get(pid, []))
        if kids and all(not children.get(kid) for kid in kids):
            return pid, kids
        frontier.extend(kids)
    return root_pid, []


def wait_for_workers(server: Server, count: int, *, timeout_s: float = 60.0) -> tuple[int, list[int]]:
    """(master, workers) once ``count`` workers run: /readyz answers as soon as the first is up."""
    deadline = time.monotonic() + timeout_s
    while True:
        master, workers = gunicorn_workers(server.process.pid)
        if len(workers) == count:
            return master, workers
        if time.monotonic() > deadline:
            raise RuntimeError(f"{len(workers)} workers after {timeout_s} s, expected {count}")
        time.sleep(0.05)


def rss_kib(pid: int) -> int | None:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


@dataclass(frozen=True)
class Outcome:
    started_s: float  # monotonic clock
    latency_s: float
    status: int | None  # None when no HTTP answer came back
    error: str | None  # the exception class when no answer came back


def start_load(
    server: Server, *, concurrency: int, seed: int, stop_at_s: float, outcomes: list[Outcome]
) -> list[threading.Thread]:
    """``concurrency`` started threads running :func:`load_loop` until ``stop_at_s``."""
    threads = [
        threading.Thread(
            target=load_loop,
            kwargs={
                "server": server,
                "seed": seed + i,
                "stop_at_s": stop_at_s,
                "timeout_s": 30.0,
                "outcomes": outcomes,
            },
        )
        for i in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    return threads


def load_loop(
    server: Server, *, seed: int, stop_at_s: float, timeout_s: float, outcomes: list[Outcome]
) -> None:
    """Post synthetic articles to /v1/summarize until the monotonic clock reaches ``stop_at_s``.
    Appends to ``outcomes`` (list.append is atomic, so threads may share the list)."""
    rng = random.Random(seed)
    while time.monotonic() < stop_at_s:
        payload = {"text": synthetic_article(rng, sentences=rng.randint(3, 20)), "max_chars": 120}
        started = time.monotonic()
        try:
            status, _ = post_json(server, "/v1/summarize", payload, timeout_s=timeout_s)
            outcomes.append(Outcome(started, time.monotonic() - started, status, None))
        except (OSError, http.client.HTTPException) as error:
            outcomes.append(Outcome(started, time.monotonic() - started, None, type(error).__name__))


def summarize_outcomes(outcomes: list[Outcome]) -> dict[str, Any]:
    statuses: dict[str, int] = {}
    for outcome in outcomes:
        key = str(outcome.status) if outcome.status is not None else f"no_answer:{outcome.error}"
        statuses[key] = statuses.get(key, 0) + 1
    latencies_ms = [o.latency_s * 1000 for o in outcomes if o.status == 200]
    return {
        "requests": len(outcomes),
        "ok": sum(1 for o in outcomes if o.status == 200),
        "errors": sum(1 for o in outcomes if o.status != 200),
        "by_status": dict(sorted(statuses.items())),
        "latency_ms_p50": round(percentile(latencies_ms, 0.50), 1),
        "latency_ms_p95": round(percentile(latencies_ms, 0.95), 1),
        "latency_ms_p99": round(percentile(latencies_ms, 0.99), 1),
    }

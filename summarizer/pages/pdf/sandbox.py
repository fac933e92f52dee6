"""Run the reading of an untrusted PDF in a forked child, under a time and a memory budget.

PDFium is C: a decompression bomb (a 1 MB stream that inflates to gigabytes), a page of a
million operators or a bug on a damaged file cannot be interrupted from Python, and would
take the server's memory or hang a worker. The child gets an address-space limit (its size
at the fork plus the budget) and a CPU-time limit, and the parent kills it at the deadline,
so such a file costs one refusal. Fork is cheap here (the child shares the parent's pages,
PDFium already loaded) and works inside daemonic pool workers, where multiprocessing may not
start children; the child only reads, pickles its result into a pipe and leaves with
``os._exit``, touching no lock or file of the parent.
"""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import math
import os
import pickle
import resource
import selectors
import signal
import time
from collections.abc import Callable
from typing import TypeVar

from summarizer.pages.pdf.limits import PdfError, PdfLimits

T = TypeVar("T")

_CHUNK = 1 << 16


def _address_space_now() -> int | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _limit_child(limits: PdfLimits) -> None:
    current = _address_space_now()
    if current is not None:
        cap = current + limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    seconds = math.ceil(limits.timeout_s) + 1  # the parent's deadline comes first; this is a backstop
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def _child(work: Callable[[], T], limits: PdfLimits, write_fd: int) -> None:
    gc.disable()  # collections would touch (and so copy) every page of the parent's heap
    # PDFium aborts when it runs out of the memory budget: that is this child's expected end,
    # reported by the parent, not a crash whose Python stack should be dumped on stderr.
    faulthandler.disable()
    try:
        _limit_child(limits)
        outcome: tuple[str, object] = ("ok", work())
    except PdfError as error:
        outcome = ("error", (error.code, error.message))
    except MemoryError:
        outcome = ("error", ("pdf_too_complex", _memory_message(limits)))
    except RecursionError:
        outcome = ("error", ("invalid_pdf", "the PDF is nested too deeply to be read"))
    except Exception as error:  # a reader failure on a damaged file: a refusal, with its kind
        outcome = ("error", ("invalid_pdf", f"the PDF cannot be read ({type(error).__name__})"))
    data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(data)
    while view:
        view = view[os.write(write_fd, view) :]


def _memory_message(limits: PdfLimits) -> str:
    return f"reading the PDF needs more than the memory budget of {limits.memory_mb} MB"


def run_isolated(work: Callable[[], T], limits: PdfLimits) -> T:
    """``work()`` computed in a forked child within ``limits``; its :class:`PdfError` is
    raised here, and a child that overruns or dies becomes ``pdf_too_complex``."""
    if not hasattr(os, "fork"):
        raise PdfError("pdf_too_complex", "isolated PDF reading needs os.fork (use isolated=False)")
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        exit_code = 0
        try:
            os.close(read_fd)
            _child(work, limits, write_fd)
        except BaseException:
            exit_code = 1
        finally:
            os._exit(exit_code)
    os.close(write_fd)
    data: bytes | None = None
    try:
        data = _read_until(read_fd, time.monotonic() + limits.timeout_s)
    finally:
        os.close(read_fd)
        # EOF means the child is exiting; at the deadline (or on any error here) it is killed.
        status = _reap(pid, kill=data is None)
    if data is None:
        raise PdfError(
            "pdf_too_complex", f"reading the PDF took longer than the limit of {limits.timeout_s:g} s"
        )
    if not data:
        raise PdfError("pdf_too_complex", _death_message(status, limits))
    kind, payload = pickle.loads(data)  # our own child's message
    if kind == "error":
        code, message = payload
        raise PdfError(code, message)
    return payload  # type: ignore[no-any-return]


def _read_until(fd: int, deadline: float) -> bytes | None:
    """Everything the child writes, or None at the deadline."""
    chunks: list[bytes] = []
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not selector.select(remaining):
                return None
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _reap(pid: int, *, kill: bool) -> int | None:
    """Wait for the child, killing it first if asked; its wait status, or None when the host
    process reaped it already (a SIGCHLD handler may)."""
    if kill:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


def _death_message(status: int | None, limits: PdfLimits) -> str:
    if status is not None and os.WIFSIGNALED(status):
        name = signal.Signals(os.WTERMSIG(status)).name
        return (
            f"the PDF reader stopped ({name}): the file is damaged or needs more than {limits.memory_mb} MB"
        )
    return f"the PDF reader stopped: the file is damaged or needs more than {limits.memory_mb} MB"

"""Catastrophic backtracking check for every regular expression of the package.

    python benchmarks/regex_backtracking.py [--size 1048576] [--bound-ms 2000] [--json]

Finds the patterns two ways: every ``re.Pattern`` reachable from the modules of ``summarizer``
and ``api`` (module attributes, class attributes, and tuples/lists/dicts/frozensets of them),
and every string literal passed to ``re.compile/search/match/fullmatch/findall/finditer/sub/
subn/split`` in their source (patterns built inside functions). Each pattern runs ``finditer``
to exhaustion over adversarial lines of ``--size`` characters without a line break: runs of
each literal character of the pattern and of common text characters, pairs of them, each run
ending in a character that breaks a match. Sizes grow 1 KB, 16 KB, 256 KB, then ``--size``,
so a super-linear pattern is caught before it hangs; each pattern runs in a child process,
killed when one line takes over ``--timeout`` seconds. Prints the time table and the list of patterns checked;
exits 1 when any pattern takes longer than ``--bound-ms`` on one line.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import json
import math
import multiprocessing
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import ModuleType
from typing import Any

# The regex parser's private home since Python 3.11; the public sre_* names before (deprecated).
_PRIVATE = sys.version_info >= (3, 11)
sre_constants = importlib.import_module("re._constants" if _PRIVATE else "sre_constants")
sre_parse = importlib.import_module("re._parser" if _PRIVATE else "sre_parse")

PACKAGES = ("summarizer", "api")
RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split"}
COMMON_CHARACTERS = "a 中。，、；：！？“”‘’《》（）()[]【】—…·0１\t\u3000.-_/\\'\"<>#*@"
BREAKERS = "\x00! "  # a control, a punctuation and a space: each ends some match
REPEAT_NAMES = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
REPEATS = tuple(getattr(sre_constants, name) for name in REPEAT_NAMES if hasattr(sre_constants, name))


@dataclass(frozen=True)
class Found:
    where: str  # module.attribute, or file:line for a literal in a call
    pattern: str
    flags: int


@dataclass(frozen=True)
class Timing:
    where: str
    pattern: str
    worst_input: str
    worst_ms: float
    size_reached: int
    growth_exponent: float | None
    timed_out: bool


def discover(packages: tuple[str, ...] = PACKAGES) -> tuple[list[Found], list[str]]:
    """All patterns of ``packages`` (deduplicated by source and flags), and import errors."""
    found: dict[tuple[str, int], Found] = {}
    errors: list[str] = []
    for module in _modules(packages, errors):
        for where, pattern in _compiled_in(module):
            found.setdefault((pattern.pattern, pattern.flags), Found(where, pattern.pattern, pattern.flags))
        source_file = getattr(module, "__file__", None)
        if source_file and source_file.endswith(".py"):
            for where, source, flags in _literals_in(Path(source_file)):
                try:
                    compiled = re.compile(source, flags)
                except re.error as error:
                    errors.append(f"{where}: cannot compile {source!r}: {error}")
                    continue
                key = (compiled.pattern, compiled.flags)
                found.setdefault(key, Found(where, compiled.pattern, compiled.flags))
    return sorted(found.values(), key=lambda f: f.where), errors


def _modules(packages: tuple[str, ...], errors: list[str]) -> Iterator[ModuleType]:
    for name in packages:
        try:
            package = importlib.import_module(name)
        except Exception as error:  # a broken package is reported, not fatal to the others
            errors.append(f"{name}: {type(error).__name__}: {error}")
            continue
        yield package
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            try:
                yield importlib.import_module(info.name)
            except Exception as error:
                errors.append(f"{info.name}: {type(error).__name__}: {error}")


def _compiled_in(module: ModuleType) -> Iterator[tuple[str, re.Pattern[Any]]]:
    for attribute, value in vars(module).items():
        where = f"{module.__name__}.{attribute}"
        yield from _patterns_of(where, value)
        if isinstance(value, type) and value.__module__ == module.__name__:
            for class_attribute, class_value in vars(value).items():
                yield from _patterns_of(f"{where}.{class_attribute}", class_value)


def _patterns_of(where: str, value: Any) -> Iterator[tuple[str, re.Pattern[Any]]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield where, value
    elif isinstance(value, (tuple, list, frozenset, set)):
        for index, item in enumerate(value):
            if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                yield f"{where}[{index}]", item
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                yield f"{where}[{key!r}]", item


def _literals_in(path: Path) -> Iterator[tuple[str, str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in RE_FUNCTIONS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        flag_nodes = [k.value for k in node.keywords if k.arg == "flags"]
        position = 1 if node.func.attr == "compile" else 3 if node.func.attr in {"sub", "subn"} else 2
        if len(node.args) > position:
            flag_nodes.append(node.args[position])
        yield f"{path.name}:{node.lineno}", node.args[0].value, _flags(flag_nodes)


def _flags(nodes: list[ast.expr]) -> int:
    flags = 0
    for node in nodes:
        for part in ast.walk(node):
            if isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name) and part.value.id == "re":
                flags |= int(getattr(re, part.attr, 0))
    return flags


def literal_pieces(pattern: str, flags: int) -> tuple[str, list[str]]:
    """The characters the pattern names (literals, set members, range ends) in order, and
    its runs of consecutive literals (``图/`` in ``图/[^\\s]+``)."""
    seen: dict[str, None] = {}
    runs: dict[str, None] = {}

    def walk(items: Any) -> None:
        run = ""
        for op, argument in items:
            if op is sre_constants.LITERAL:
                run += chr(argument)
            else:
                if len(run) > 1:
                    runs.setdefault(run, None)
                run = ""
            if op is sre_constants.LITERAL or op is sre_constants.NOT_LITERAL:
                seen.setdefault(chr(argument), None)
            elif op is sre_constants.RANGE:
                seen.setdefault(chr(argument[0]), None)
                seen.setdefault(chr(argument[1]), None)
            elif op is sre_constants.IN:
                walk(argument)
            elif op is sre_constants.BRANCH:
                for branch in argument[1]:
                    walk(branch)
            elif op in REPEATS:
                walk(argument[2])
            elif op is sre_constants.SUBPATTERN:
                walk(argument[-1])
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(argument[1])
        if len(run) > 1:
            runs.setdefault(run, None)

    walk(sre_parse.parse(pattern, flags))
    return "".join(seen), list(runs)


def adversarial_lines(pattern: str, flags: int, size: int) -> Iterator[tuple[str, str]]:
    """(label, line) pairs of ``size`` characters, none holding a line break before the end."""
    characters, runs = literal_pieces(pattern, flags)
    own = characters.replace("\n", "").replace("\r", "")
    units: dict[str, None] = dict.fromkeys(c for c in own + COMMON_CHARACTERS)
    pairs = [own[i : i + 2] for i in range(0, max(0, len(own) - 1))][:12]
    for unit in [*units, *pairs, *(r.replace("\n", "") for r in runs[:24]), own[:8]]:
        if not unit:
            continue
        body = (unit * (size // len(unit) + 1))[: size - 1]
        for breaker in BREAKERS:
            yield f"{unit!r}*n+{breaker!r}", body + breaker


def _child(connection: Connection, pattern: str, flags: int, sizes: tuple[int, ...], bound_ms: float) -> None:
    """Times every adversarial line, telling the parent before each one, so that the parent
    knows which line hung when it has to kill this process."""
    compiled = re.compile(pattern, flags)
    for size in sizes:
        worst_ms = 0.0
        for label, line in adversarial_lines(pattern, flags, size):
            connection.send(("start", label, size))
            started = time.perf_counter()
            for _ in compiled.finditer(line):
                pass
            elapsed_ms = (time.perf_counter() - started) * 1000
            connection.send(("done", label, size, elapsed_ms))
            worst_ms = max(worst_ms, elapsed_ms)
        if worst_ms > bound_ms:
            break  # already over the bound: a larger line would only take longer
    connection.send(("end",))
    connection.close()


def time_pattern(found: Found, *, size: int, bound_ms: float, timeout_s: float) -> Timing:
    """Runs the pattern in a child process; a single line that takes over ``timeout_s`` is a
    hang: the child is killed and the pattern flagged with that line."""
    sizes = (*(s for s in (1024, 16 * 1024, 256 * 1024) if s < size), size)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, found.pattern, found.flags, sizes, bound_ms))
    child.start()
    sender.close()
    times: dict[tuple[str, int], float] = {}
    running: tuple[str, int] | None = None
    while receiver.poll(timeout_s):
        try:
            message = receiver.recv()
        except EOFError:  # the child died without a word: report the line it was on
            break
        if message[0] == "start":
            running = (message[1], message[2])
        elif message[0] == "done":
            times[message[1], message[2]] = message[3]
            running = None
        else:
            break
    else:
        child.kill()  # our own child, by its handle
    child.join()
    if running is not None:
        label, line_size = running
        return Timing(found.where, found.pattern, label, timeout_s * 1000, line_size, None, timed_out=True)
    return _worst(found, times, sizes)


def _worst(found: Found, times: dict[tuple[str, int], float], sizes: tuple[int, ...]) -> Timing:
    """The slowest line, and the growth exponent of that input between the two largest sizes
    measured: about 1 for a linear pattern, 2 or more for a backtracking one."""
    (label, size), worst_ms = max(times.items(), key=lambda item: (item[1], item[0][1]))
    smaller = [s for s in sizes if s < size]
    exponent = None
    if smaller and times.get((label, smaller[-1]), 0.0) > 0.05:  # below that, timer noise dominates
        exponent = round(math.log(worst_ms / times[label, smaller[-1]]) / math.log(size / smaller[-1]), 2)
    return Timing(found.where, found.pattern, label, round(worst_ms, 2), size, exponent, timed_out=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1024 * 1024, help="characters per adversarial line")
    parser.add_argument(
        "--bound-ms", type=float, default=2000.0, help="flag a pattern slower than this on one line"
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds one line may take before it is a hang"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args(argv)

    patterns, errors = discover()
    timings = [
        time_pattern(pattern, size=args.size, bound_ms=args.bound_ms, timeout_s=args.timeout)
        for pattern in patterns
    ]
    flagged = [t for t in timings if t.timed_out or t.worst_ms > args.bound_ms]
    if args.json:
        print(
            json.dumps(
                {
                    "size": args.size,
                    "bound_ms": args.bound_ms,
                    "patterns_checked": len(timings),
                    "timings": [asdict(t) for t in timings],
                    "flagged": [asdict(t) for t in flagged],
                    "import_errors": errors,
                },
                ensure_ascii=True,  # a pattern may name lone surrogates, which UTF-8 cannot carry
                indent=2,
            )
        )
    else:
        _print_table(timings, flagged, errors, size=args.size, bound_ms=args.bound_ms)
    return 1 if flagged or errors else 0


def _print_table(
    timings: list[Timing], flagged: list[Timing], errors: list[str], *, size: int, bound_ms: float
) -> None:
    print(f"{len(timings)} patterns, adversarial lines of {size:,} characters, bound {bound_ms:.0f} ms\n")
    print(f"{'worst ms':>10} {'growth':>6}  {'where':<48} {'worst input':<22} pattern")
    for timing in sorted(timings, key=lambda t: -t.worst_ms):
        shown = timing.pattern if len(timing.pattern) <= 70 else timing.pattern[:67] + "..."
        mark = "  <-- FLAGGED" if timing in flagged else ""
        growth = "-" if timing.growth_exponent is None else f"{timing.growth_exponent:.2f}"
        print(
            f"{timing.worst_ms:>10.2f} {growth:>6}  {timing.where:<48} "
            f"{timing.worst_input[:22]:<22} {shown!r}{mark}"
        )
    for error in errors:
        print(f"import/compile error: {error}")
    print(f"\nflagged: {len(flagged)}")


if __name__ == "__main__":
    sys.exit(main())

"""Where the time of one analysis goes: tokenization, graph building, ranking, phrases, headlines.

The engine has no timing hook, so a sampling profiler (pyinstrument) watches many analyses and
bills every sample to a stage by the frames beneath ``Engine.analyze``:

- a sample inside the tokenizer (jieba, rjieba, ``summarizer.tokenizer``) is tokenization wherever
  it is called from, so a stage that re-tokenizes shows up as tokenization;
- otherwise frames are read from the outermost in: a frame of a self-contained stage (key phrases,
  summary selection, headlines, graph building, PageRank) names the stage; an orchestrating frame
  (keyword ranking, sentence ranking, document building) names it only when no deeper frame does.

The shares are estimates from samples, not timers. They are taken on the engine's Python
source, in a child process (:mod:`benchmarks.source_build`): the modules that the installed
engine runs compiled have no Python frames for a profiler to see.
"""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import require_module

REPO_ROOT = Path(__file__).resolve().parents[1]

SAMPLE_INTERVAL_S = 0.0001
ENGINE_FILE = "summarizer/engine.py"

TOKENIZATION = "tokenization"
SPLITTING = "normalise, split, datelines"
GRAPH = "graph building"
RANKING = "ranking (PageRank)"
PHRASES = "keywords, key phrases"
SELECTION = "summary selection (MMR, budget)"
HEADLINES = "headlines"
OTHER = "other (engine glue, results)"
STAGES = (TOKENIZATION, SPLITTING, GRAPH, RANKING, PHRASES, SELECTION, HEADLINES, OTHER)


@dataclass(frozen=True)
class Frame:
    function: str
    path: str

    @property
    def module(self) -> str:
        """``.../summarizer/rank/graph.py`` reads ``summarizer.rank.graph``; other files keep their path."""
        marker = self.path.rfind("summarizer/")
        if marker < 0:
            return self.path
        return self.path[marker:].removesuffix(".py").replace("/", ".")


@dataclass(frozen=True)
class StageRule:
    stage: str
    module: re.Pattern[str]
    function: re.Pattern[str]
    final: bool  # a deeper frame cannot override it

    def matches(self, frame: Frame) -> bool:
        return bool(self.module.search(frame.module)) and bool(self.function.search(frame.function))


def _rule(stage: str, module: str, function: str = ".", *, final: bool = True) -> StageRule:
    return StageRule(stage, re.compile(module), re.compile(function, re.IGNORECASE), final)


TOKENIZER_RULES = (
    _rule(TOKENIZATION, r"(^|/)r?jieba/|^summarizer\.tokeniz"),
    _rule(TOKENIZATION, r"^summarizer\.document$", r"tokeni"),
)
# The first rule that matches a frame names its stage. Module rules follow the engine's layout;
# the function-name rules after them keep a renamed helper in the right stage.
RULES = (
    _rule(HEADLINES, r"^summarizer\.headline"),
    _rule(PHRASES, r"^summarizer\.keyphrase"),
    _rule(SELECTION, r"^summarizer\.select"),
    _rule(GRAPH, r"^summarizer\.rank\.(graph|similarity|vocabulary)"),
    _rule(RANKING, r"^summarizer\.rank\.pagerank"),
    _rule(PHRASES, r"^summarizer\.rank\.keyword", final=False),
    _rule(RANKING, r"^summarizer\.rank\.sentence", final=False),
    _rule(GRAPH, r"^summarizer\.", r"graph|similarit|cooccur|matrix|bm25|adjacen|vocabular"),
    _rule(RANKING, r"^summarizer\.", r"pagerank|power_iter"),
    _rule(PHRASES, r"^summarizer\.", r"phrase|keyword", final=False),
    _rule(SPLITTING, r"^summarizer\.(text|document)", final=False),
)


def stage_of(frames: Sequence[Frame]) -> str:
    """The stage of one sample, given the frames beneath ``Engine.analyze``, outermost first."""
    if any(rule.matches(frame) for frame in frames for rule in TOKENIZER_RULES):
        return TOKENIZATION
    provisional = OTHER
    for frame in frames:
        rule = next((rule for rule in RULES if rule.matches(frame)), None)
        if rule is None:
            continue
        if rule.final:
            return rule.stage
        provisional = rule.stage
    return provisional


@dataclass(frozen=True)
class Breakdown:
    stage_seconds: tuple[tuple[str, float], ...]  # every stage, in pipeline order
    callee_seconds: tuple[tuple[str, float], ...]  # direct callees of Engine.analyze, largest first
    total_seconds: float


def breakdown(texts: Sequence[str], *, runs: int, tokenizer: str | None = None) -> Breakdown:
    """Where the full analysis of ``texts``, ``runs`` times over, spends its time, for the
    default engine or one with ``tokenizer``: profiled on the engine's source in a child."""
    request = json.dumps({"texts": list(texts), "runs": runs, "tokenizer": tokenizer}, ensure_ascii=False)
    child = subprocess.run(
        [sys.executable, "-m", "benchmarks.stages"],
        input=request,
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        check=False,
    )
    if child.returncode != 0:
        raise RuntimeError(f"profiling the engine's source failed: {child.stderr.strip()[-2000:]}")
    reply = json.loads(child.stdout)
    return Breakdown(
        stage_seconds=tuple((name, seconds) for name, seconds in reply["stage_seconds"]),
        callee_seconds=tuple((name, seconds) for name, seconds in reply["callee_seconds"]),
        total_seconds=reply["total_seconds"],
    )


def _profile(analyze: Callable[[str], object], texts: Sequence[str], *, runs: int) -> Breakdown:
    require_module("pyinstrument", "it is the profiler of the bench extra")
    from pyinstrument import Profiler

    profiler = Profiler(interval=SAMPLE_INTERVAL_S)
    profiler.start()
    for _ in range(runs):
        for text in texts:
            analyze(text)
    profiler.stop()
    session = profiler.last_session
    if session is None:
        raise RuntimeError("pyinstrument recorded no session")
    stages: dict[str, float] = dict.fromkeys(STAGES, 0.0)
    callees: dict[str, float] = {}
    for identifiers, seconds in session.frame_records:
        below = _below_analyze([_parse(identifier) for identifier in identifiers])
        if below is None:
            continue
        stages[stage_of(below)] += seconds
        callee = _callee_name(below)
        callees[callee] = callees.get(callee, 0.0) + seconds
    total = sum(stages.values())
    return Breakdown(
        stage_seconds=tuple((stage, stages[stage]) for stage in STAGES),
        callee_seconds=tuple(sorted(callees.items(), key=lambda item: (-item[1], item[0]))),
        total_seconds=total,
    )


def _parse(identifier: str) -> Frame:
    function, path, *_ = identifier.split("\x01", 1)[0].split("\x00")
    return Frame(function, path)


def _below_analyze(stack: list[Frame]) -> list[Frame] | None:
    """The frames called by the outermost ``Engine.analyze``; None for samples outside it."""
    for depth, frame in enumerate(stack):
        if frame.function == "analyze" and frame.path.endswith(ENGINE_FILE):
            return stack[depth + 1 :]
    return None


def _callee_name(below: Sequence[Frame]) -> str:
    if not below:
        return "Engine.analyze itself"
    first = below[0]
    return f"{first.module}.{first.function}"


def main() -> int:
    """The child of :func:`breakdown`: the request as JSON on stdin, the Breakdown on stdout."""
    from benchmarks.source_build import use_source

    use_source()
    from benchmarks import contenders

    request = json.load(sys.stdin)
    texts: list[str] = request["texts"]
    analyze = contenders.ours(request["tokenizer"])
    contenders.warm(analyze, texts[0])
    json.dump(dataclasses.asdict(_profile(analyze, texts, runs=request["runs"])), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

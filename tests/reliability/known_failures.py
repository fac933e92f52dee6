"""Bugs these tests found in code this suite does not own, marked ``xfail(strict=True)`` so
the suite stays green, the owner sees them, and the mark must go once the bug is fixed.

Keys are (test group, case name); each reason says what fails and where.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

import pytest

# Empty while nothing found here is open: a new finding goes in as ((group, case), reason).
KNOWN: dict[tuple[str, str], str] = {}


class Named(Protocol):
    @property
    def name(self) -> str: ...


def params(group: str, cases: Iterable[Named]) -> list[Any]:
    """The cases as pytest params, each known failure of ``group`` marked strict xfail."""
    return [
        pytest.param(
            case, id=case.name, marks=_xfail(KNOWN[group, case.name]) if (group, case.name) in KNOWN else []
        )
        for case in cases
    ]


def marked(names: Iterable[str], known: dict[str, str]) -> list[Any]:
    """The names as pytest params, each one in ``known`` marked strict xfail with its reason."""
    return [pytest.param(name, marks=_xfail(known[name]) if name in known else []) for name in names]


def _xfail(reason: str) -> list[Any]:
    return [pytest.mark.xfail(strict=True, reason=reason)]

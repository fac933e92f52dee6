"""The benchmark scripts are a folder of the repository, not an installed package: put the
repository first on the import path, or ``import benchmarks`` would find this test folder."""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

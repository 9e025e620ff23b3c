"""Where the jrnl the tests and benchmarks compare against lives: its own venv (.venv-jrnl,
made by `make test` and `make bench` with jrnl 4.6), never the app's. $SMALLWINS_JRNL names
another jrnl executable."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JRNL_ENV = "SMALLWINS_JRNL"


def jrnl_path() -> Path:
    named = os.environ.get(JRNL_ENV)
    return Path(named) if named else ROOT / ".venv-jrnl" / "bin" / "jrnl"

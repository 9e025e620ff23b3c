"""What the packaging tests share: finding a tool the tests need, required in CI."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REQUIRE_DESKTOP_ENV = "SMALLWINS_REQUIRE_DESKTOP"
REPO = Path(__file__).resolve().parents[2]

Validate = Callable[[Path], None]


def require_tool(executable: str, package: str) -> str:
    """The tool's path; a skip (or, under SMALLWINS_REQUIRE_DESKTOP=1, a failure) without it."""
    found = shutil.which(executable)
    if found:
        return found
    reason = f"{executable} is not installed (Debian package: {package})"
    if os.environ.get(REQUIRE_DESKTOP_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_DESKTOP_ENV}=1)", pytrace=False)
    pytest.skip(reason)

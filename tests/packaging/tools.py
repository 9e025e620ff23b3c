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


def report(config: pytest.Config, line: str) -> None:
    """A line in the test run's output (build times), also when output is captured."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(line)

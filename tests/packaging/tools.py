"""What the packaging tests share: finding a tool the tests need, required in CI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.needs import require_tool

__all__ = ["REPO", "Validate", "report", "require_tool"]

REPO = Path(__file__).resolve().parents[2]

Validate = Callable[[Path], None]


def report(config: pytest.Config, line: str) -> None:
    """A line in the test run's output (build times), also when output is captured."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line(line)

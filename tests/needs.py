"""Tests that need a part of the desktop stack: skipped, with the reason, where it is missing;
failed instead in CI (`SMALLWINS_REQUIRE_DESKTOP=1`), where a skip would hide a gap."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import NoReturn

import pytest

from tests.e2e.desktop import REQUIREMENTS, DesktopSession, missing_requirements

REQUIRE_DESKTOP_ENV = "SMALLWINS_REQUIRE_DESKTOP"


def missing(reason: str) -> NoReturn:
    if os.environ.get(REQUIRE_DESKTOP_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_DESKTOP_ENV}=1)", pytrace=False)
    pytest.skip(reason)


def require_tool(executable: str, package: str) -> str:
    """The tool's path, or `missing` without it."""
    found = shutil.which(executable)
    if found:
        return found
    missing(f"{executable} is not installed (Debian package: {package})")


def desktop_session() -> Iterator[DesktopSession]:
    """A started DesktopSession (Xvfb, D-Bus session bus, trayer, dunst), for a fixture."""
    absent = missing_requirements()
    if absent:
        named = ", ".join(f"{name} ({REQUIREMENTS[name]})" for name in absent)
        missing(f"e2e desktop stack not installed; missing executables (Debian package): {named}")
    with DesktopSession() as session:
        yield session

"""Fixtures for the packaging tests: the desktop validators, and a private $XDG_DATA_HOME.

A validator that is not installed skips the tests that need it, naming the Debian package,
unless SMALLWINS_REQUIRE_DESKTOP=1 (CI, which installs them), where that is a failure.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.desktop import DesktopSession
from tests.needs import desktop_session
from tests.packaging.tools import Validate, require_tool


@pytest.fixture
def validate_desktop_entry() -> Validate:
    """Runs desktop-file-validate on a file and fails the test on anything it reports."""
    tool = require_tool("desktop-file-validate", "desktop-file-utils")

    def validate(path: Path) -> None:
        done = subprocess.run(
            [tool, str(path)], capture_output=True, text=True, timeout=60, check=False
        )
        said = (done.stdout + done.stderr).strip()
        assert done.returncode == 0, f"desktop-file-validate {path}:\n{said}"
        assert not said, f"desktop-file-validate {path}:\n{said}"

    return validate


@pytest.fixture
def validate_metainfo() -> Validate:
    """Runs `appstreamcli validate --no-net` and fails on any error or warning (infos, which
    change between appstream versions and do not fail validation, are allowed)."""
    tool = require_tool("appstreamcli", "appstream")

    def validate(path: Path) -> None:
        done = subprocess.run(
            [tool, "validate", "--no-net", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        said = (done.stdout + done.stderr).strip()
        assert done.returncode == 0, f"appstreamcli validate {path}:\n{said}"
        issues = [line for line in said.splitlines() if line[:2] in ("E:", "W:")]
        assert issues == [], f"appstreamcli validate {path}:\n{said}"

    return validate


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private $XDG_DATA_HOME (and HOME), for this test and every command it starts."""
    home = tmp_path / "home"
    (home / ".local" / "share").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home / ".local" / "share"


@pytest.fixture(scope="package")
def desktop() -> Iterator[DesktopSession]:
    """A private desktop (Xvfb, bus, tray, dunst) for the packaging tests that run the app."""
    yield from desktop_session()

"""Fixtures for the end-to-end tests: one private desktop shared by the whole run.

Every test collected under tests/e2e gets the `e2e` marker. Where the desktop stack's
executables are missing, tests that use `desktop` are skipped, naming what is missing and
which Debian package provides it, unless SMALLWINS_REQUIRE_DESKTOP=1 (CI), where that is a
failure. A stack that is installed but fails to start is always an error, never a skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.needs import desktop_session

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp

E2E_DIR = Path(__file__).resolve().parent
ARTIFACTS_DIR = E2E_DIR / "artifacts"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees the items of the whole run, not only those in this directory.
    for item in items:
        if item.path.resolve().is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def desktop() -> Iterator[DesktopSession]:
    """A started DesktopSession (Xvfb, D-Bus session bus, trayer, dunst) for the whole run."""
    yield from desktop_session()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """tests/e2e/artifacts (git-ignored), for screenshots and logs worth keeping."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture
def app(
    desktop: DesktopSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RunningApp]:
    # The test process must look for the app's socket where the app (on the desktop) puts it.
    monkeypatch.setenv("XDG_RUNTIME_DIR", desktop.env["XDG_RUNTIME_DIR"])
    running = RunningApp(desktop, tmp_path / "data")
    yield running
    if running.process is not None and running.process.poll() is None:
        desktop.terminate(running.process)
    for window in desktop.window_ids("Small Wins"):
        desktop.run(["xdotool", "windowunmap", str(window)], check=False)

"""Fixtures every test shares: a private temp data dir, a store on it, and a fixed clock.

The autouse fixture points `SMALLWINS_DATA_DIR`, `XDG_RUNTIME_DIR` and `XDG_CONFIG_HOME` at
per-test temp dirs, so no test (nor any subprocess it starts) can touch the real user's data
or login items, or meet a running app's socket. Time is injected: core code under test never
reads the wall clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from smallwins_desktop import paths
from smallwins_desktop.core.db import Store, open_store

TODAY = date(2026, 11, 20)  # a Friday
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    runtime.chmod(0o700)
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    # Start at login writes under $XDG_CONFIG_HOME/autostart: never the real user's.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The test's data dir (the one $SMALLWINS_DATA_DIR names); not created until opened."""
    return tmp_path / "data"


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def store(data_dir: Path, now: datetime) -> Iterator[Store]:
    with open_store(data_dir, now=now) as opened:
        yield opened

"""One "now" and one "today" for the app and the CLI, following a change of zone.

On the old code `SystemClock` asked tzlocal, which caches the zone it first found, so after
travel (or `timedatectl set-timezone`) the running app went on filing wins and planning
reminders in the old zone until it was restarted, while the CLI used libc's local time.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from smallwins_desktop.core import queries
from smallwins_desktop.core.clock import SystemClock
from smallwins_desktop.core.db import open_store


def test_the_clock_follows_a_change_of_zone_while_the_app_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    clock = SystemClock()
    assert clock.now().tzinfo == ZoneInfo("America/New_York")

    monkeypatch.setenv("TZ", "Asia/Tokyo")  # the laptop landed

    assert clock.now().tzinfo == ZoneInfo("Asia/Tokyo")
    assert clock.today() == datetime.now(ZoneInfo("Asia/Tokyo")).date()


def test_an_unknown_zone_falls_back_to_an_offset_instead_of_failing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    now = SystemClock().now()
    assert now.utcoffset() is not None


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Etc/GMT+12"])  # UTC+14, UTC-12
def test_a_win_from_the_terminal_lands_on_the_users_today(
    zone: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At least one of the two zones is on another date than UTC at any moment."""
    monkeypatch.setenv("TZ", zone)
    before = SystemClock().today()
    subprocess.run(
        [sys.executable, "-m", "smallwins_desktop", "add", "Filed under my own today"],
        check=True,
        capture_output=True,
    )
    after = SystemClock().today()
    with open_store(data_dir) as store:
        [win] = queries.list_wins(store, since=date(2000, 1, 1))
    assert win.day in {before, after}

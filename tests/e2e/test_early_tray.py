"""Start-up on the real desktop: the tray icon shows first, in today's state, before peewee, the
store and the core's dataclasses are even loaded; the rest of the app follows and answers as
usual."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from smallwins_desktop.app.launch import TEST_MODE_ENV, TEST_START_ENV

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
    from .test_tray_app import FILLED_RING, tray_shows
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp
    from test_tray_app import FILLED_RING, tray_shows

# `smallwins`, with the first Tray.show reported: the icon's state and what was loaded by then.
_REPORTING_LAUNCH = """
import sys
from pathlib import Path
from smallwins_desktop.app import launch
from smallwins_desktop.app.tray.tray import Tray
shown = Tray.show
def show(self):
    loaded = sorted({m.split(".")[0] for m in sys.modules} & {"peewee", "dataclasses"})
    print("SHOWN", self.has_win_today, loaded, flush=True)
    shown(self)
Tray.show = show
sys.exit(launch.run_app(Path(sys.argv[1])))
"""


def test_the_icon_shows_todays_win_before_the_store_is_loaded(
    desktop: DesktopSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", desktop.env["XDG_RUNTIME_DIR"])  # the app's socket
    data_dir = tmp_path / "data"
    app = RunningApp(desktop, data_dir)
    app._reminders_off()
    added = app.cli("add", "Shipped the release notes")
    assert added.returncode == 0, added.stderr

    morning = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    env = {**desktop.env, TEST_MODE_ENV: "1", TEST_START_ENV: morning.isoformat()}
    process = desktop.spawn(
        [sys.executable, "-c", _REPORTING_LAUNCH, str(data_dir)], name="early-tray", env=env
    )
    try:
        try:
            status = desktop.wait_until(app.status, timeout=20, what="the app to answer")
        except AssertionError as error:
            raise AssertionError(f"{error}\n{desktop.log_text('early-tray')}") from None
        assert status["tray"] is True
        assert status["wins_today"] == 1
        shown = [line for line in desktop.log_text("early-tray").splitlines() if "SHOWN" in line]
        assert shown == ["SHOWN True []"], desktop.log_text("early-tray")
        desktop.wait_until(lambda: tray_shows(desktop, FILLED_RING), what="the filled ring")
    finally:
        desktop.terminate(process)

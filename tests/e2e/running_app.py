"""The real app as a subprocess on the test desktop, and its CLI, for the e2e tests."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from smallwins_desktop import ipc
from smallwins_desktop.app.launch import TEST_MODE_ENV, TEST_START_ENV

try:  # tests/e2e as a package
    from .desktop import DesktopSession
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession

SMALLWINS = str(Path(sys.executable).with_name("smallwins"))


class RunningApp:
    def __init__(self, desktop: DesktopSession, data_dir: Path) -> None:
        self.desktop = desktop
        self.data_dir = data_dir
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, *args: str) -> dict[str, Any]:
        """Start the app (with `args`, e.g. "--background") and wait until it answers.

        Its reminders are off: it runs on the wall clock, and a weekday test run between
        17:30 and 20:30 would otherwise meet a real end-of-day reminder (an attention
        tooltip, one more notification in dunst). test_reminder_delivery starts its own."""
        if self.starts == 0:
            self._reminders_off()
        self.starts += 1
        # And its clock starts at 10:00 today, so none is due even where a test prepared
        # the database itself and its reminders are on.
        morning = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
        env = {**self.desktop.env, TEST_MODE_ENV: "1", TEST_START_ENV: morning.isoformat()}
        self.process = self.desktop.spawn(
            [SMALLWINS, "--data-dir", str(self.data_dir), *args],
            name=f"app-{self.starts}",
            env=env,
        )
        return self.desktop.wait_until(self.status, timeout=20, what="the app to answer")

    def _reminders_off(self) -> None:
        from smallwins_desktop.core import config
        from smallwins_desktop.core.db import open_store

        if (self.data_dir / "smallwins.db").exists():
            return  # a test that prepared the file (a damaged one, say) keeps it as it is
        now = datetime.now().astimezone()
        with open_store(self.data_dir, now=now) as store:
            for rule in ("end_of_day", "weekly_review"):
                config.put(store, f"reminders.{rule}.enabled", False, now=now)

    def status(self) -> dict[str, Any] | None:
        return ipc.request(self.data_dir, {"cmd": "status"}, timeout=2)

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
        return self.desktop.run(
            [SMALLWINS, "--data-dir", str(self.data_dir), *args], check=False, input=input
        )

    def wins(self) -> list[dict[str, Any]]:
        result = self.cli("list", "--json", "--since", "2000-01-01")
        assert result.returncode == 0, result.stderr
        found: list[dict[str, Any]] = json.loads(result.stdout)
        return found

"""The end-of-day reminder on a real desktop: dunst shows it, and its default action opens
the capture window. The app runs in test mode with its clock started a few seconds before
17:30 on a Thursday, so nothing waits for the real evening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from smallwins_desktop import ipc
from smallwins_desktop.app.launch import TEST_MODE_ENV, TEST_START_ENV

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import SMALLWINS
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import SMALLWINS

SECONDS_BEFORE_REMINDER = "2026-11-19T17:29:57+01:00"


@pytest.fixture
def data_dir(desktop: DesktopSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_RUNTIME_DIR", desktop.env["XDG_RUNTIME_DIR"])
    desktop.dunstctl("close-all")
    return tmp_path / "data"


def status(data_dir: Path) -> dict[str, Any] | None:
    return ipc.request(data_dir, {"cmd": "status"}, timeout=2)


def reminders_shown(desktop: DesktopSession, since: int = 0) -> list[dict[str, Any]]:
    """The reminders dunst received after its first `since` notifications (the desktop is
    shared by the session's tests: earlier ones may have shown reminders of their own)."""
    return [
        n
        for n in desktop.notifications()[since:]
        if n.get("summary") == "Small Wins" and "moved forward" in str(n.get("body", ""))
    ]


def test_the_reminder_reaches_the_notification_server_and_opens_the_capture_window(
    desktop: DesktopSession, data_dir: Path, artifacts_dir: Path
) -> None:
    env = {**desktop.env, TEST_MODE_ENV: "1", TEST_START_ENV: SECONDS_BEFORE_REMINDER}
    before = len(desktop.notifications())
    app = desktop.spawn([SMALLWINS, "--data-dir", str(data_dir)], name="reminder-app", env=env)
    try:
        desktop.wait_until(lambda: status(data_dir), timeout=20, what="the app to answer")
        [shown] = desktop.wait_until(
            lambda: reminders_shown(desktop, before), timeout=20, what="the reminder in dunst"
        )
        assert shown["body"] == "What moved forward today?"
        assert desktop.wait_until(lambda: (status(data_dir) or {}).get("attention"))
        desktop.screenshot(artifacts_dir / "reminder.png")

        desktop.dunstctl("action", "0")  # the default action, as a click on the bubble

        desktop.wait_until(
            lambda: (status(data_dir) or {}).get("capture_visible"),
            what="the capture window after the reminder's action",
        )
        assert desktop.window_ids("Log a win", only_visible=True)
        assert (status(data_dir) or {}).get("attention") is False
        assert len(reminders_shown(desktop, before)) == 1, "the reminder is shown once"
    finally:
        desktop.terminate(app)

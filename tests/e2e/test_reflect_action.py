"""The end-of-day reminder's Reflect action on a real desktop: chosen in dunst's menu, it opens
the reflection window of the running app."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from smallwins_desktop.app.launch import TEST_MODE_ENV, TEST_START_ENV

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import SMALLWINS
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import SMALLWINS

SECONDS_BEFORE = 2  # the app starts this long before a Friday's 17:30 reminder


def _reminder_soon() -> str:
    """A start time a couple of seconds before 17:30 on a Monday to Thursday, local time (on a
    Friday, the weekly review missed at 16:00 would be the first notification)."""
    now = datetime.now().astimezone()
    day = now.date()
    while day.weekday() >= 4:
        day += timedelta(days=1)
    at = now.replace(year=day.year, month=day.month, day=day.day, hour=17, minute=30, second=0)
    return (at - timedelta(seconds=SECONDS_BEFORE)).isoformat()


def test_reflect_on_the_end_of_day_reminder_opens_the_reflection(
    desktop: DesktopSession, tmp_path: Path, artifacts_dir: Path
) -> None:
    desktop.dunstctl("close-all")
    before = len(desktop.notifications())
    env = {**desktop.env, TEST_MODE_ENV: "1", TEST_START_ENV: _reminder_soon()}
    app = desktop.spawn(
        [SMALLWINS, "--data-dir", str(tmp_path / "data")], name="reflect-app", env=env
    )
    try:
        desktop.wait_until(
            lambda: [
                n for n in desktop.notifications()[before:] if n.get("appname") == "Small Wins"
            ],
            timeout=20,
            what="the end-of-day reminder in dunst",
        )
        desktop.choose_action("Reflect")  # dunst reads it when its menu runs, a moment later
        desktop.dunstctl("context")
        try:
            [window] = desktop.wait_until(
                lambda: desktop.window_ids("Reflect — Small Wins", only_visible=True),
                what="the reflection window",
            )
        except AssertionError as error:
            raise AssertionError(f"{error}\n{desktop.log_text('reflect-app')}") from None
        assert not desktop.window_ids("Log a win", only_visible=True)
        desktop.screenshot(artifacts_dir / "reflect-from-reminder.png")
        assert window
    finally:
        desktop.choose_action(None)
        desktop.terminate(app)

"""Start at login on the real desktop: an app that starts before the panel (trayer) moves
into the tray when the panel comes up, whether it waited in the background or already showed
its no-tray window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
    from .test_tray_app import EMPTY_RING, tray_shows
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp
    from test_tray_app import EMPTY_RING, tray_shows

NO_TRAY_WINDOW = "Small Wins"  # the fallback window's title (the capture box's ends with it)
TRAY_APPEARS_S = 15  # the app looks every 2 s


@pytest.fixture
def no_panel(desktop: DesktopSession) -> Iterator[DesktopSession]:
    """The desktop before its panel started; the panel is back for the next test."""
    desktop.stop_tray()
    try:
        yield desktop
    finally:
        desktop.start_tray()


def no_tray_window_visible(desktop: DesktopSession) -> bool:
    return any(
        desktop.run(["xdotool", "getwindowname", str(w)]).stdout.strip() == NO_TRAY_WINDOW
        for w in desktop.window_ids(NO_TRAY_WINDOW, only_visible=True)
    )


def in_tray(app: RunningApp) -> bool:
    status = app.status()
    return bool(status and status["tray"])


def test_started_in_the_background_before_the_panel_it_moves_into_the_tray(
    app: RunningApp, no_panel: DesktopSession, artifacts_dir: Path
) -> None:
    desktop = no_panel
    status = app.start("--background")
    assert status["tray"] is False
    assert not no_tray_window_visible(desktop)

    desktop.start_tray()

    desktop.wait_until(lambda: in_tray(app), timeout=TRAY_APPEARS_S, what="the app in the tray")
    desktop.wait_until(lambda: tray_shows(desktop, EMPTY_RING), what="the ring in the tray")
    assert not no_tray_window_visible(desktop)
    desktop.screenshot(artifacts_dir / "tray-after-late-panel.png")


def test_the_no_tray_window_turns_into_the_tray_icon_when_a_tray_appears(
    app: RunningApp, no_panel: DesktopSession
) -> None:
    desktop = no_panel
    app.start()
    desktop.wait_until(lambda: no_tray_window_visible(desktop), what="the no-tray window")

    desktop.start_tray()

    desktop.wait_until(lambda: in_tray(app), timeout=TRAY_APPEARS_S, what="the app in the tray")
    desktop.wait_until(lambda: not no_tray_window_visible(desktop), what="the no-tray window to go")
    desktop.wait_until(lambda: tray_shows(desktop, EMPTY_RING), what="the ring in the tray")


def test_a_second_start_at_login_leaves_the_running_app_alone(
    app: RunningApp, desktop: DesktopSession
) -> None:
    first = app.start()

    again = app.cli("--background")

    assert again.returncode == 0, again.stderr
    status = app.status()
    assert status is not None
    assert status["pid"] == first["pid"]
    assert status["capture_visible"] is False

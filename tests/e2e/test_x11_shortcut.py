"""The global capture shortcut on a real X server: the X11 grab catches the keys whatever
window has the focus, with or without Num Lock, a second grab of the same keys is told they
are taken, and in the real app Ctrl+Alt+W opens the capture box."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from smallwins_desktop.app.hotkey.base import HotkeyTakenError
from smallwins_desktop.app.hotkey.x11 import X11Grab
from smallwins_desktop.core.shortcut import parse

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp

TEST_KEYS = parse("Ctrl+Alt+Shift+J")  # not the app's own: the app never meets these grabs


@pytest.fixture
def grab(desktop: DesktopSession) -> Iterator[X11Grab]:
    grab = X11Grab(desktop.display)
    yield grab
    grab.close()


def presses_after(desktop: DesktopSession, grab: X11Grab, keys: str) -> int:
    desktop.xdotool("key", keys)
    seen = [0]

    def arrived() -> int:
        seen[0] += grab.read_presses()
        return seen[0]

    return desktop.wait_until(arrived, timeout=5, what=f"{keys} to reach the grab")


def registered(app: RunningApp, desktop: DesktopSession) -> dict[str, Any]:
    """The app's status once it tried to register its shortcut (just after start-up)."""

    def tried() -> dict[str, Any] | None:
        status = app.status()
        if status and "not registered yet" not in str(status.get("shortcut_problem")):
            return status
        return None

    return desktop.wait_until(tried, what="the app to register its shortcut")


def test_the_grab_catches_the_keys(desktop: DesktopSession, grab: X11Grab) -> None:
    grab.grab(TEST_KEYS)
    assert presses_after(desktop, grab, "ctrl+shift+alt+j") == 1


def test_the_grab_catches_the_keys_while_num_lock_is_on(
    desktop: DesktopSession, grab: X11Grab
) -> None:
    grab.grab(TEST_KEYS)
    desktop.xdotool("key", "Num_Lock")
    try:
        assert presses_after(desktop, grab, "ctrl+shift+alt+j") == 1
    finally:
        desktop.xdotool("key", "Num_Lock")


def test_a_second_grab_of_the_same_keys_is_told_they_are_taken(
    desktop: DesktopSession, grab: X11Grab
) -> None:
    grab.grab(TEST_KEYS)
    other = X11Grab(desktop.display)
    try:
        with pytest.raises(HotkeyTakenError, match="already taken by another application"):
            other.grab(TEST_KEYS)
        assert not other.grabbed  # nothing half-grabbed left behind
    finally:
        other.close()
    assert presses_after(desktop, grab, "ctrl+shift+alt+j") == 1  # the first holder keeps it


def test_ctrl_alt_w_opens_the_capture_box_of_the_real_app(
    app: RunningApp, desktop: DesktopSession
) -> None:
    assert app.start()["capture_visible"] is False
    status = registered(app, desktop)
    assert status["shortcut"] == "Ctrl+Alt+W", desktop.log_text(f"app-{app.starts}")
    assert "Shortcut:        Ctrl+Alt+W opens the capture box" in app.cli("doctor").stdout

    desktop.xdotool("key", "ctrl+alt+w")

    desktop.wait_until(lambda: (app.status() or {}).get("capture_visible"), what="the capture box")


def test_keys_taken_by_another_application_are_not_claimed_and_others_can_be_set(
    app: RunningApp, desktop: DesktopSession, grab: X11Grab
) -> None:
    grab.grab(parse("Ctrl+Alt+W"))  # another application holds them
    app.start()
    status = registered(app, desktop)
    assert status["shortcut"] is None
    assert "Ctrl+Alt+W is already taken by another application" in status["shortcut_problem"]
    assert "Shortcut:        none registered: Ctrl+Alt+W is already taken" in (
        app.cli("doctor").stdout
    )

    result = app.cli("config", "set", "shortcut.capture", "ctrl+alt+k")

    assert result.returncode == 0, result.stderr
    assert "the running app uses it now" in result.stdout
    assert (app.status() or {}).get("shortcut") == "Ctrl+Alt+K"
    desktop.xdotool("key", "ctrl+alt+k")
    desktop.wait_until(lambda: (app.status() or {}).get("capture_visible"), what="the capture box")

"""The real app on a real desktop: tray, capture window typed into with xdotool, the CLI
talking to the running instance, one instance only, and recovery from a kill -9."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from smallwins_desktop import ipc

try:  # tests/e2e as a package
    from .desktop import TRAY_HEIGHT_PX, DesktopSession
    from .running_app import RunningApp
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import TRAY_HEIGHT_PX, DesktopSession
    from running_app import RunningApp

SCREEN_WIDTH_PX = 1280
TRAY_STRIP_PX = 200  # the right end of the top edge, where trayer sits
EMPTY_RING = (0x7E, 0xE2, 0xA8)  # resources/icons/tray-empty.svg
FILLED_RING = (0x2F, 0xBF, 0x71)  # resources/icons/tray-filled.svg
COLOUR_TOLERANCE = 24


def tray_shows(desktop: DesktopSession, colour: tuple[int, int, int]) -> bool:
    colours = desktop.screen_colors(
        SCREEN_WIDTH_PX - TRAY_STRIP_PX, 0, TRAY_STRIP_PX, TRAY_HEIGHT_PX
    )
    return any(
        all(
            abs(int(hex_colour[i * 2 : i * 2 + 2], 16) - colour[i]) <= COLOUR_TOLERANCE
            for i in range(3)
        )
        and count >= 4
        for hex_colour, count in colours.items()
    )


def test_app_starts_in_the_system_tray_with_an_empty_ring(
    app: RunningApp, desktop: DesktopSession, artifacts_dir: Path
) -> None:
    status = app.start()
    assert status["tray"] is True, app.desktop.log_text("app-1")
    assert status["tooltip"] == "Small Wins — No wins yet today"
    desktop.wait_until(lambda: tray_shows(desktop, EMPTY_RING), what="the empty ring in the tray")
    desktop.screenshot(artifacts_dir / "tray-empty.png")


def test_capture_window_takes_a_typed_line_and_enter(
    app: RunningApp, desktop: DesktopSession, artifacts_dir: Path
) -> None:
    app.start()
    result = app.cli("capture")
    assert result.returncode == 0, result.stderr
    [window] = desktop.wait_until(
        lambda: desktop.window_ids("Log a win", only_visible=True), what="the capture window"
    )
    desktop.xdotool("windowfocus", "--sync", str(window))
    desktop.xdotool("type", "--delay", "15", "Typed on a real desktop #e2e !!")
    desktop.screenshot(artifacts_dir / "capture-window.png")
    desktop.xdotool("key", "Return")

    saved = desktop.wait_until(app.wins, what="the typed win in the database")
    assert [(w["text"], w["tags"], w["impact"], w["source"]) for w in saved] == [
        ("Typed on a real desktop", ["e2e"], 2, "capture")
    ]
    desktop.wait_until(
        lambda: not desktop.window_ids("Log a win", only_visible=True),
        what="the capture window to hide after saving",
    )


def test_cli_add_goes_through_the_running_app_and_the_tray_updates_at_once(
    app: RunningApp, desktop: DesktopSession, artifacts_dir: Path
) -> None:
    app.start()
    result = app.cli("add", "Shipped from the terminal #cli")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Saved: Shipped from the terminal #cli"

    status = app.status()  # no waiting: the app saved it and updated the tray itself
    assert status is not None
    assert status["tooltip"] == "Small Wins — 1 win today"
    desktop.wait_until(lambda: tray_shows(desktop, FILLED_RING), what="the filled ring")
    desktop.screenshot(artifacts_dir / "tray-filled.png")


def test_a_second_smallwins_shows_the_capture_window_instead_of_starting_again(
    app: RunningApp, desktop: DesktopSession
) -> None:
    first = app.start()
    second = app.cli()
    assert second.returncode == 0, second.stderr
    status = app.status()
    assert status is not None
    assert status["pid"] == first["pid"]
    assert status["capture_visible"] is True
    assert app.process is not None
    assert app.process.poll() is None


def test_after_kill_9_the_app_starts_again_over_the_stale_socket(
    app: RunningApp, desktop: DesktopSession
) -> None:
    first = app.start()
    assert app.process is not None
    os.kill(app.process.pid, signal.SIGKILL)
    app.process.wait(timeout=10)
    assert Path(ipc.socket_name(app.data_dir)).exists(), "kill -9 leaves the socket behind"
    assert app.status() is None

    second = app.start()
    assert second["pid"] != first["pid"]
    assert second["tray"] is True


def test_add_without_a_running_app_writes_the_database_directly(app: RunningApp) -> None:
    result = app.cli("add", "-", input="Written while the app was closed\n")
    assert result.returncode == 0, result.stderr
    assert [w["text"] for w in app.wins()] == ["Written while the app was closed"]


def test_while_the_recovery_message_is_open_a_second_smallwins_hands_over(
    app: RunningApp, desktop: DesktopSession
) -> None:
    """On the old code the message came before the app listened, so a second `smallwins`
    started in full beside it: two trays, two schedulers."""
    app.data_dir.mkdir(parents=True, exist_ok=True)
    (app.data_dir / "smallwins.db").write_bytes(b"this is not a database" * 512)

    first = app.start()  # answers while its message about the set-aside file is open
    desktop.wait_until(
        lambda: desktop.window_ids("Small Wins", only_visible=True), what="the message"
    )
    second = app.cli()

    assert second.returncode == 0, second.stderr
    status = app.status()
    assert status is not None
    assert status["pid"] == first["pid"]
    assert list(app.data_dir.glob("smallwins.db.damaged-*"))

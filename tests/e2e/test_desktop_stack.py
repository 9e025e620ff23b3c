"""Smoke tests that the e2e desktop is a real one: a tray Qt can see and draw into, a
notification server that receives notifications, and screenshots of the screen."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

try:  # tests/e2e as a package
    from .desktop import TRAY_HEIGHT_PX, DesktopSession
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import TRAY_HEIGHT_PX, DesktopSession

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCREEN_SIZE_PX = (1280, 800)
TRAY_ICON_COLOUR = "FF00FF"

REPORT_TRAY = """\
import sys
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(sys.argv)
print(QApplication.platformName(), QSystemTrayIcon.isSystemTrayAvailable())
"""

SHOW_TRAY_ICON = f"""\
import sys
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
app = QApplication(sys.argv)
pixmap = QPixmap(64, 64)
pixmap.fill(QColor("#{TRAY_ICON_COLOUR}"))
icon = QSystemTrayIcon(QIcon(pixmap))
icon.show()
sys.exit(app.exec())
"""


def test_qt_process_on_the_desktop_sees_a_system_tray(desktop: DesktopSession) -> None:
    result = desktop.run([sys.executable, "-c", REPORT_TRAY])

    assert result.stdout.split() == ["xcb", "True"], result.stderr


def test_notify_send_reaches_dunst_and_its_history(desktop: DesktopSession) -> None:
    sent = desktop.run(["notify-send", "--print-id", "Small Wins", "hello"])
    notification_id = int(sent.stdout)

    shown = desktop.wait_until(
        lambda: [n for n in desktop.notifications() if n["id"] == notification_id],
        what=f"dunst to receive notification {notification_id}",
    )
    assert (shown[0]["summary"], shown[0]["body"]) == ("Small Wins", "hello")

    # A notification enters dunst's history once closed.
    desktop.dunstctl("close-all")
    closed = desktop.wait_until(
        lambda: [n for n in desktop.dunst_history() if n["id"] == notification_id],
        what=f"notification {notification_id} in dunst's history",
    )
    assert closed[0]["summary"] == "Small Wins"
    assert closed[0]["body"] == "hello"
    assert closed[0]["appname"] == "notify-send"


def test_screenshot_is_a_png_of_the_whole_screen(
    desktop: DesktopSession, artifacts_dir: Path
) -> None:
    path = desktop.screenshot(artifacts_dir / "desktop-stack.png")

    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])  # from the IHDR chunk
    assert (width, height) == SCREEN_SIZE_PX


def test_qt_tray_icon_is_embedded_and_drawn_in_the_tray(
    desktop: DesktopSession, artifacts_dir: Path
) -> None:
    app = desktop.spawn([sys.executable, "-c", SHOW_TRAY_ICON], name="tray-icon-app")
    try:
        tray_strip = (0, 0, SCREEN_SIZE_PX[0], TRAY_HEIGHT_PX)
        desktop.wait_until(
            lambda: TRAY_ICON_COLOUR in desktop.screen_colors(*tray_strip),
            what="the tray icon's colour in the tray panel",
        )
        desktop.screenshot(artifacts_dir / "tray-icon.png")
    finally:
        desktop.terminate(app)

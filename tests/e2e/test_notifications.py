"""Notifications on a real notification server (dunst): what arrives, what its buttons do,
and what each backend reports when there is no server.

The Notifier lives in a Qt process, so each test runs a small Qt script on the desktop. A
script prints one JSON line per event: {"delivered": [...]} after notify() returns, then
{"action": [key, action]} when the Notifier emits action_invoked.
"""

from __future__ import annotations

import json
import shutil
import sys
import uuid
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pytest

try:  # tests/e2e as a package
    from .desktop import BUS_CONFIG, DesktopSession
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import BUS_CONFIG, DesktopSession

SCRIPT_LIFETIME_MS = 20_000  # a script quits by itself after this, action or not
WAIT_S = 15.0

NOTIFY_SCRIPT = f"""\
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from smallwins_desktop.app.notify.base import Notification, app_icon_path
from smallwins_desktop.app.notify.freedesktop import FreedesktopBackend
from smallwins_desktop.app.notify.notifier import Notifier
from smallwins_desktop.app.notify.plyer_backend import PlyerBackend
from smallwins_desktop.app.notify.tray_message import TrayMessageBackend

app = QApplication(sys.argv)
names = sys.argv[1].split(",")
tray_icon = QSystemTrayIcon(QIcon(str(app_icon_path())))
if "tray" in names:
    tray_icon.show()
backends = {{
    "freedesktop": FreedesktopBackend,
    "plyer": PlyerBackend,
    "tray": lambda: TrayMessageBackend(tray_icon),
}}
notifier = Notifier([backends[name]() for name in names])

def on_action(key, action):
    print(json.dumps({{"action": [key, action]}}), flush=True)
    app.quit()

notifier.action_invoked.connect(on_action)
key, title, body = sys.argv[2:5]
deliveries = notifier.notify(Notification(key=key, title=title, body=body))
print(json.dumps({{"delivered": [[d.backend, d.ok, d.error] for d in deliveries]}}), flush=True)
if "--wait" not in sys.argv:
    sys.exit(0)
QTimer.singleShot({SCRIPT_LIFETIME_MS}, app.quit)
sys.exit(app.exec())
"""


def unique(prefix: str) -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def events(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def received(desktop: DesktopSession, title: str) -> dict[str, Any]:
    """The notification dunst received with `title`, waiting for it."""
    found = desktop.wait_until(
        lambda: [n for n in desktop.notifications() if n["summary"] == title],
        timeout=WAIT_S,
        what=f"dunst to receive {title!r}",
    )
    assert len(found) == 1, found
    return found[0]


def test_freedesktop_notification_reaches_dunst_with_its_two_actions(
    desktop: DesktopSession,
) -> None:
    if shutil.which("dbus-monitor") is None:
        pytest.skip("dbus-monitor (dbus-bin) is needed to see the actions sent")
    monitor_name, title = unique("notify-monitor"), unique("Small Wins")
    monitor = desktop.spawn(
        ["dbus-monitor", "--session", "interface=org.freedesktop.Notifications,member=Notify"],
        name=monitor_name,
    )
    try:
        # dbus-monitor logs losing its bus name once it has become a monitor.
        desktop.wait_until(lambda: "NameLost" in desktop.log_text(monitor_name), what="monitor")

        result = desktop.run(
            [sys.executable, "-c", NOTIFY_SCRIPT, "freedesktop", "test", title, "What moved?"]
        )

        assert events(result.stdout) == [{"delivered": [["freedesktop", True, None]]}]
        shown = received(desktop, title)
        assert (shown["body"], shown["appname"]) == ("What moved?", "Small Wins")
        assert shown["urgency"] == "NORMAL"
        assert shown["icon_path"].endswith("smallwins.svg")
        call = desktop.wait_until(
            lambda: _notify_call(desktop.log_text(monitor_name), title), what="the Notify call"
        )
        assert "uint32 0" in call  # replaces_id typed as the spec says, not int32
        for string in ("log", "Log a win", "snooze", "Snooze 30 min", "default"):
            assert f'string "{string}"' in call
    finally:
        desktop.terminate(monitor)
        desktop.dunstctl("close-all")


def test_clicking_the_notification_makes_the_notifier_ask_to_log_a_win(
    desktop: DesktopSession,
) -> None:
    desktop.dunstctl("close-all")  # `dunstctl action 0` acts on the top notification
    key, title = "end_of_day:2026-11-20", unique("Small Wins")
    name = unique("notify-script")
    script = desktop.spawn(
        [sys.executable, "-c", NOTIFY_SCRIPT, "freedesktop", key, title, "body", "--wait"],
        name=name,
    )
    try:
        received(desktop, title)

        desktop.dunstctl("action", "0")  # the "default" action: a click on the bubble

        assert script.wait(timeout=WAIT_S) == 0, desktop.log_text(name)
        assert events(desktop.log_text(name)) == [
            {"delivered": [["freedesktop", True, None]]},
            {"action": [key, "log"]},
        ]
        # Once acted on, the notification is closed rather than left on screen.
        desktop.wait_until(
            lambda: [n for n in desktop.dunst_history() if n["summary"] == title],
            what="the acted-on notification to be closed",
        )
    finally:
        if script.poll() is None:
            desktop.terminate(script)


def test_the_first_button_of_the_context_menu_is_log_a_win(desktop: DesktopSession) -> None:
    desktop.dunstctl("close-all")
    title, name = unique("Small Wins"), unique("notify-script")
    script = desktop.spawn(
        [sys.executable, "-c", NOTIFY_SCRIPT, "freedesktop", "test", title, "body", "--wait"],
        name=name,
    )
    try:
        received(desktop, title)

        desktop.dunstctl("context")  # the harness's dmenu picks the first entry

        assert script.wait(timeout=WAIT_S) == 0, desktop.log_text(name)
        assert events(desktop.log_text(name))[-1] == {"action": ["test", "log"]}
    finally:
        if script.poll() is None:
            desktop.terminate(script)


def test_plyer_backend_alone_reaches_dunst_through_notify_send(desktop: DesktopSession) -> None:
    title = unique("Small Wins")

    result = desktop.run([sys.executable, "-c", NOTIFY_SCRIPT, "plyer", "test", title, "Hi"])

    assert events(result.stdout) == [{"delivered": [["plyer", True, None]]}], result.stderr
    shown = received(desktop, title)
    assert (shown["body"], shown["appname"]) == ("Hi", "Small Wins")
    desktop.dunstctl("close-all")


def test_tray_message_backend_shows_the_message_from_the_tray_icon(
    desktop: DesktopSession,
) -> None:
    result = desktop.run([sys.executable, "-c", NOTIFY_SCRIPT, "tray", "test", "T", "B"])

    assert events(result.stdout) == [{"delivered": [["tray", True, None]]}], result.stderr


def test_without_a_notification_server_both_backends_say_so(
    desktop: DesktopSession, tmp_path: Path
) -> None:
    socket = tmp_path / "bare-bus"
    config = tmp_path / "bare-bus.conf"
    config.write_text(BUS_CONFIG.format(socket=xml_escape(str(socket))))
    bus = desktop.spawn(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--nopidfile"],
        name=unique("bare-bus"),
    )
    try:
        desktop.wait_until(socket.exists, what="the bare bus's socket")
        env = desktop.env | {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={socket}"}

        result = desktop.run(
            [sys.executable, "-c", NOTIFY_SCRIPT, "freedesktop,plyer", "test", "T", "B"], env=env
        )

        (outcome,) = events(result.stdout)
        (freedesktop, plyer) = outcome["delivered"]
        assert freedesktop[:2] == ["freedesktop", False]
        assert "no notification server" in freedesktop[2]
        assert plyer[:2] == ["plyer", False]
        assert "no notification server" in plyer[2]
    finally:
        desktop.terminate(bus)


def _notify_call(log: str, title: str) -> str | None:
    """The dbus-monitor entry of the Notify call carrying `title`, if logged yet."""
    for entry in log.split("method call ")[1:]:
        if f'string "{title}"' in entry:
            return entry
    return None

"""The Notifier's contract: backends tried in order, every attempt recorded, nothing raised;
and the failures each real backend must report instead of failing silently.

Nothing here talks to the test runner's own D-Bus session: a FreedesktopBackend is only used
in a subprocess pointed at a bus that does not exist (QDBusConnection.sessionBus() is one
per process). plyer is replaced at its boundary (`notify=`), never deeper.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.notify import plyer_backend
from smallwins_desktop.app.notify.base import Notification, NotifyError
from smallwins_desktop.app.notify.notifier import Delivery, Notifier, default_backends
from smallwins_desktop.app.notify.plyer_backend import PlyerBackend, portal_safe_text
from smallwins_desktop.app.notify.tray_message import TrayMessageBackend

REMINDER = Notification(key="end_of_day:2026-11-20", title="Small Wins", body="What moved?")
SUBPROCESS_TIMEOUT_S = 30


class RecordingBackend:
    def __init__(self, name: str = "recorder") -> None:
        self.name = name
        self.sent: list[Notification] = []

    def send(self, notification: Notification) -> None:
        self.sent.append(notification)


class FailingBackend:
    def __init__(self, name: str, error: Exception) -> None:
        self.name = name
        self.error = error

    def send(self, notification: Notification) -> None:
        raise self.error


class ClickableBackend(QObject):
    action_invoked = Signal(str, str)
    name = "clickable"

    def send(self, notification: Notification) -> None:
        pass


@pytest.fixture
def emitted(qtbot: QtBot) -> list[Delivery]:
    return []


def notifier_for(backends: list[Any], emitted: list[Delivery]) -> Notifier:
    notifier = Notifier(backends)
    notifier.delivered.connect(emitted.append)
    return notifier


# -- the Notifier --------------------------------------------------------------------------


def test_notification_arrives_through_the_first_backend_as_one_ok_delivery(
    emitted: list[Delivery],
) -> None:
    recorder, spare = RecordingBackend(), RecordingBackend("spare")
    notifier = notifier_for([recorder, spare], emitted)

    deliveries = notifier.notify(REMINDER)

    assert recorder.sent == [REMINDER]
    assert spare.sent == []
    assert deliveries == [Delivery(REMINDER.key, "recorder", ok=True)]
    assert emitted == deliveries


def test_failing_backend_falls_through_to_the_next_and_its_error_is_recorded(
    emitted: list[Delivery],
) -> None:
    recorder = RecordingBackend()
    broken = FailingBackend("freedesktop", NotifyError("no notification server"))
    notifier = notifier_for([broken, recorder], emitted)

    deliveries = notifier.notify(REMINDER)

    assert recorder.sent == [REMINDER]
    assert deliveries == [
        Delivery(REMINDER.key, "freedesktop", ok=False, error="no notification server"),
        Delivery(REMINDER.key, "recorder", ok=True),
    ]
    assert emitted == deliveries


def test_when_every_backend_fails_each_attempt_is_recorded_and_nothing_is_raised(
    emitted: list[Delivery],
) -> None:
    notifier = notifier_for(
        [
            FailingBackend("freedesktop", NotifyError("no session bus")),
            FailingBackend("plyer", NotifyError("notify-send is missing")),
            FailingBackend("tray", NotifyError("the desktop has no system tray")),
        ],
        emitted,
    )

    deliveries = notifier.notify(REMINDER)

    assert [(d.backend, d.ok, d.error) for d in deliveries] == [
        ("freedesktop", False, "no session bus"),
        ("plyer", False, "notify-send is missing"),
        ("tray", False, "the desktop has no system tray"),
    ]
    assert emitted == deliveries


def test_a_backend_raising_something_unexpected_is_caught_and_recorded(
    emitted: list[Delivery],
) -> None:
    recorder = RecordingBackend()
    notifier = notifier_for([FailingBackend("buggy", ValueError("bad value")), recorder], emitted)

    deliveries = notifier.notify(REMINDER)

    assert deliveries[0] == Delivery(REMINDER.key, "buggy", ok=False, error="ValueError: bad value")
    assert deliveries[1].ok
    assert recorder.sent == [REMINDER]


def test_with_no_backends_notify_returns_no_attempts(emitted: list[Delivery]) -> None:
    assert notifier_for([], emitted).notify(REMINDER) == []
    assert emitted == []


def test_actions_reported_by_a_backend_come_out_of_the_notifier(qtbot: QtBot) -> None:
    backend = ClickableBackend()
    notifier = Notifier([backend])

    with qtbot.waitSignal(notifier.action_invoked) as blocker:
        backend.action_invoked.emit(REMINDER.key, "snooze")

    assert blocker.args == [REMINDER.key, "snooze"]


def test_backend_names_follow_the_order_given() -> None:
    backends = [RecordingBackend("freedesktop"), RecordingBackend("plyer")]
    assert Notifier(backends).backend_names() == ["freedesktop", "plyer"]


# -- default_backends ----------------------------------------------------------------------


def test_linux_tries_freedesktop_then_plyer_and_the_tray_only_with_a_tray_icon(
    qtbot: QtBot,
) -> None:
    tray_icon = QSystemTrayIcon()

    without_tray = [backend.name for backend in default_backends(None, platform="linux")]
    with_tray = [backend.name for backend in default_backends(tray_icon, platform="linux")]

    assert without_tray == ["freedesktop", "plyer"]
    assert with_tray == ["freedesktop", "plyer", "tray"]


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_try_plyer_then_the_tray(qtbot: QtBot, platform: str) -> None:
    tray_icon = QSystemTrayIcon()

    names = [backend.name for backend in default_backends(tray_icon, platform=platform)]

    assert names == ["plyer", "tray"]


# -- PlyerBackend --------------------------------------------------------------------------


@pytest.fixture
def not_flatpak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plyer_backend, "FLATPAK_MARKER", tmp_path / "no-app-dir")


@pytest.mark.usefixtures("not_flatpak")
@pytest.mark.skipif(
    importlib.util.find_spec("dbus") is not None, reason="plyer would use python-dbus instead"
)
def test_plyer_on_linux_refuses_when_notify_send_is_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    calls: list[dict[str, Any]] = []

    with pytest.raises(NotifyError, match="notify-send"):
        PlyerBackend(platform="linux", notify=lambda **kw: calls.append(kw)).send(REMINDER)

    assert calls == []  # plyer would have failed without a word


def test_plyer_without_a_notifier_for_the_platform_is_a_notify_error() -> None:
    def no_implementation(**_: Any) -> None:
        raise NotImplementedError("No usable implementation found!")

    backend = PlyerBackend(platform="darwin", notify=no_implementation)

    with pytest.raises(NotifyError, match="no notifier for this platform"):
        backend.send(REMINDER)


def test_plyer_gets_title_body_app_name_and_a_timeout() -> None:
    calls: list[dict[str, Any]] = []

    PlyerBackend(platform="win32", notify=lambda **kw: calls.append(kw)).send(REMINDER)

    assert len(calls) == 1
    assert calls[0]["title"] == REMINDER.title
    assert calls[0]["message"] == REMINDER.body
    assert calls[0]["app_name"] == "Small Wins"
    assert calls[0]["timeout"] == plyer_backend.PLYER_TIMEOUT_S


def test_plyer_in_a_flatpak_gets_text_without_quotes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    monkeypatch.setattr(plyer_backend, "FLATPAK_MARKER", app_dir)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gdbus").write_text("#!/bin/sh\n")
    (bin_dir / "gdbus").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    calls: list[dict[str, Any]] = []
    quoted = Notification(key="test", title="Today's win", body="It's \\done\\ 'really'")

    PlyerBackend(platform="linux", notify=lambda **kw: calls.append(kw)).send(quoted)

    assert "'" not in calls[0]["title"] + calls[0]["message"]
    assert "\\" not in calls[0]["message"]
    assert calls[0]["title"] == "Today\u2019s win"


def test_portal_safe_text_drops_quotes_backslashes_and_control_characters() -> None:
    assert portal_safe_text("a'b\\c\nd\te") == "a\u2019b\u2216c d e"
    assert portal_safe_text('plain "double" stays') == 'plain "double" stays'


def test_error_in_a_thread_plyer_started_is_recorded_and_the_next_backend_takes_over(
    qtbot: QtBot, emitted: list[Delivery]
) -> None:
    # plyer's Windows notifier shows the balloon from its own thread; an error there would
    # only be printed. Stand in for it at the plyer boundary.
    def balloon_in_a_thread(**_: Any) -> None:
        def balloon() -> None:
            raise OSError("Could not load icon smallwins.ico")

        threading.Thread(target=balloon).start()

    recorder = RecordingBackend("tray")
    notifier = notifier_for(
        [PlyerBackend(platform="win32", notify=balloon_in_a_thread), recorder], emitted
    )

    returned = notifier.notify(REMINDER)
    qtbot.waitUntil(lambda: recorder.sent == [REMINDER])

    assert returned == [Delivery(REMINDER.key, "plyer", ok=True)]
    assert emitted == [
        Delivery(REMINDER.key, "plyer", ok=True),
        Delivery(
            REMINDER.key, "plyer", ok=False, error="OSError: Could not load icon smallwins.ico"
        ),
        Delivery(REMINDER.key, "tray", ok=True),
    ]


# -- TrayMessageBackend --------------------------------------------------------------------


def test_tray_message_without_a_tray_icon_is_a_notify_error() -> None:
    with pytest.raises(NotifyError, match="no tray icon"):
        TrayMessageBackend(None).send(REMINDER)


def test_tray_message_on_a_desktop_without_a_tray_is_a_notify_error(qtbot: QtBot) -> None:
    # Qt's offscreen platform has no system tray.
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    tray_icon = QSystemTrayIcon()
    tray_icon.show()

    with pytest.raises(NotifyError, match="no system tray"):
        TrayMessageBackend(tray_icon).send(REMINDER)


def test_clicking_the_tray_when_no_message_was_shown_invokes_nothing(qtbot: QtBot) -> None:
    tray_icon = QSystemTrayIcon()
    backend = TrayMessageBackend(tray_icon)
    with pytest.raises(NotifyError):
        backend.send(REMINDER)  # offscreen: refused, so nothing is on screen to click

    with qtbot.assertNotEmitted(backend.action_invoked):
        tray_icon.messageClicked.emit()


# -- without a session bus (in a subprocess: the session bus is one per process) ------------

WITHOUT_BUS = """\
import json
from PySide6.QtCore import QCoreApplication
from smallwins_desktop.app.notify.base import Notification
from smallwins_desktop.app.notify.freedesktop import FreedesktopBackend
from smallwins_desktop.app.notify.notifier import Notifier
from smallwins_desktop.app.notify.plyer_backend import PlyerBackend
app = QCoreApplication([])
notifier = Notifier([FreedesktopBackend(), PlyerBackend(platform="linux")])
deliveries = notifier.notify(Notification(key="test", title="Small Wins", body="hello"))
print(json.dumps([[d.backend, d.ok, d.error] for d in deliveries]))
"""


def test_freedesktop_and_plyer_report_a_missing_session_bus(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={tmp_path / 'no-bus-here'}"
    env["QT_QPA_PLATFORM"] = "offscreen"

    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_BUS],
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT_S,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    (freedesktop, plyer) = json.loads(result.stdout.splitlines()[-1])
    assert freedesktop[:2] == ["freedesktop", False]
    assert "not connected to a D-Bus session bus" in freedesktop[2]
    assert plyer[:2] == ["plyer", False]
    expected = "D-Bus session bus" if shutil.which("notify-send") else "notify-send"
    assert expected in plyer[2]

"""Start at login in the running app: the Settings checkbox shows what the system holds and
changes it; `--background` waits for a tray, and a tray that appears later, at any time,
takes over from the no-tray window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.application import BACKGROUND_TRAY_WAIT_MS, SmallWinsApp
from smallwins_desktop.app.autostart import XdgAutostart
from smallwins_desktop.app.notify.base import Notification
from smallwins_desktop.app.settings.dialog import SettingsWindow
from smallwins_desktop.app.settings.startup_page import StartupPage
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from tests.qt_app import ask


class Panel:
    """Whether the desktop has a tray yet; the test decides when it appears."""

    def __init__(self) -> None:
        self.up = False

    def __call__(self) -> bool:
        return self.up


class Recording:
    name = "recording"

    def send(self, notification: Notification) -> None:
        pass


@pytest.fixture
def autostart(tmp_path: Path) -> XdgAutostart:
    return XdgAutostart(tmp_path / "login-config")


def make_app(
    store: Store,
    clock: FixedClock,
    data_dir: Path,
    qtbot: QtBot,
    autostart: XdgAutostart,
    panel: Panel | None = None,
    *,
    background: bool = False,
) -> SmallWinsApp:
    app = SmallWinsApp(
        store,
        clock,
        data_dir,
        tray_available=None if panel is not None else True,
        tray_probe=panel,
        background=background,
        notification_backends=[Recording()],
        autostart=autostart,
    )
    qtbot.addWidget(app.capture)
    return app


@pytest.fixture
def settings_window(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot, autostart: XdgAutostart
) -> Iterator[tuple[SettingsWindow, StartupPage]]:
    app = make_app(store, clock, data_dir, qtbot, autostart)
    assert app.start()
    app.finish_start()
    app.open_settings()
    window = app._settings_window
    assert window is not None
    qtbot.addWidget(window)
    [page] = [p for p in window.pages if isinstance(p, StartupPage)]
    yield window, page
    app.shutdown()


def test_the_checkbox_writes_the_login_item_and_reads_it_back(
    settings_window: tuple[SettingsWindow, StartupPage], autostart: XdgAutostart, data_dir: Path
) -> None:
    _, page = settings_window
    assert not page.at_login.isChecked()

    page.at_login.setChecked(True)

    assert autostart.is_enabled()
    exec_line = autostart.exec_line() or ""
    assert exec_line.endswith(f"--data-dir {data_dir} --background")
    assert str(autostart.path) in page.where.text()
    page.at_login.setChecked(False)
    assert not autostart.path.exists()


def test_a_login_item_removed_by_hand_shows_as_off_when_the_window_opens(
    settings_window: tuple[SettingsWindow, StartupPage], autostart: XdgAutostart
) -> None:
    window, page = settings_window
    page.at_login.setChecked(True)
    window.close()
    autostart.path.unlink()

    window.present()

    assert not page.at_login.isChecked()


def test_a_login_item_that_cannot_be_written_is_said_and_the_box_stays_off(
    settings_window: tuple[SettingsWindow, StartupPage], autostart: XdgAutostart
) -> None:
    _, page = settings_window
    autostart.path.parent.parent.mkdir(parents=True)
    autostart.path.parent.write_text("not a directory")

    page.at_login.setChecked(True)

    assert "cannot write" in page.problem.text()
    assert not page.at_login.isChecked()


def test_in_the_background_no_window_shows_while_a_tray_may_still_appear(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot, autostart: XdgAutostart
) -> None:
    panel = Panel()
    app = make_app(store, clock, data_dir, qtbot, autostart, panel, background=True)
    assert app.start()
    app.finish_start()
    try:
        assert app.tray is None
        assert app.fallback is not None
        assert not app.fallback.isVisible()
        assert app._fallback_wait.interval() == BACKGROUND_TRAY_WAIT_MS

        panel.up = True
        assert app.tray_watcher.check()

        assert app.tray is not None
        assert app.tray.icon.isVisible()
        assert app.fallback is None
        assert not app._fallback_wait.isActive()
    finally:
        app.shutdown()


def test_in_the_background_the_window_shows_once_no_tray_came(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot, autostart: XdgAutostart
) -> None:
    app = make_app(store, clock, data_dir, qtbot, autostart, Panel(), background=True)
    assert app.start()
    app.finish_start()
    try:
        app._fallback_wait.timeout.emit()  # the wait is over
        assert app.fallback is not None
        assert app.fallback.isVisible()
        assert app.tray_watcher.watching  # a tray may still come later
    finally:
        app.shutdown()


def test_a_tray_appearing_later_replaces_the_no_tray_window_keeping_its_state(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot, autostart: XdgAutostart
) -> None:
    panel = Panel()
    app = make_app(store, clock, data_dir, qtbot, autostart, panel)
    assert app.start()
    app.finish_start()
    try:
        fallback = app.fallback
        assert fallback is not None
        assert fallback.isVisible()
        app.journal.add_line("Before the panel came", source="capture")
        app.reminders.ticks_failing("the database is locked")  # the tray needs attention
        assert not app.tray_watcher.check()

        panel.up = True
        app.tray_watcher.check()

        assert app.tray is not None
        assert not fallback.isVisible()
        assert app.tray.icon.toolTip() == "Small Wins — What moved forward today?"
        app.reminders.ticks_recovered()
        assert app.tray.icon.toolTip() == "Small Wins — 1 win today"
        assert not app.tray_watcher.watching
        reply = ask(qtbot, data_dir, {"cmd": "status"})
        assert reply is not None
        assert reply["tray"] is True
    finally:
        app.shutdown()

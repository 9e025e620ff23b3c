"""The capture shortcut in the running app, through the backend interface: the tray names it
only while it is really registered, a taken shortcut is said in Settings, a new one set there
is registered at once, and pressing it opens the capture box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.app.hotkey.base import HotkeyTakenError
from smallwins_desktop.app.hotkey.service import HotkeyService
from smallwins_desktop.app.settings.dialog import SettingsWindow
from smallwins_desktop.core import config
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.shortcut import Shortcut
from tests.qt_app import ask


class FakeDesktop(QObject):
    """A desktop whose other applications hold some shortcuts already."""

    pressed = Signal()
    name = "fake"

    def __init__(self, taken: set[str] | None = None) -> None:
        super().__init__()
        self.taken = taken or set()
        self.registered: Shortcut | None = None

    def register(self, shortcut: Shortcut) -> None:
        if str(shortcut) in self.taken:
            raise HotkeyTakenError(f"{shortcut} is already taken by another application")
        self.registered = shortcut

    def unregister(self) -> None:
        self.registered = None


@pytest.fixture
def desktop() -> FakeDesktop:
    return FakeDesktop()


@pytest.fixture
def app(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot, desktop: FakeDesktop
) -> Iterator[SmallWinsApp]:
    app = SmallWinsApp(
        store,
        clock,
        data_dir,
        tray_available=True,
        notification_backends=[],
        hotkeys=HotkeyService(desktop),
    )
    qtbot.addWidget(app.capture)
    started(app, qtbot)
    yield app
    app.shutdown()


def started(app: SmallWinsApp, qtbot: QtBot) -> None:
    """Start the app; the shortcut is registered just after start-up."""
    assert app.start()
    app.finish_start()
    assert app.tray is not None
    assert app.tray.capture_action.shortcut().isEmpty()  # not claimed before it is registered
    with qtbot.waitSignal(app.hotkeys.state_changed, timeout=2_000):
        pass


def settings(app: SmallWinsApp, qtbot: QtBot) -> SettingsWindow:
    app.open_settings()
    window = app._settings_window
    assert window is not None
    qtbot.addWidget(window)
    return window


def test_the_default_shortcut_is_registered_and_named_in_the_tray(
    app: SmallWinsApp, desktop: FakeDesktop, data_dir: Path, qtbot: QtBot
) -> None:
    assert str(desktop.registered) == "Ctrl+Alt+W"
    assert app.tray is not None
    assert app.tray.capture_action.shortcut().toString() == "Ctrl+Alt+W"
    reply = ask(qtbot, data_dir, {"cmd": "status"})
    assert reply is not None
    assert reply["shortcut"] == "Ctrl+Alt+W"


def test_pressing_the_shortcut_opens_the_capture_box(
    app: SmallWinsApp, desktop: FakeDesktop
) -> None:
    desktop.pressed.emit()
    assert app.capture.isVisible()


def test_a_taken_shortcut_is_not_named_in_the_tray_and_settings_say_why(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> None:
    app = SmallWinsApp(
        store,
        clock,
        data_dir,
        tray_available=True,
        notification_backends=[],
        hotkeys=HotkeyService(FakeDesktop(taken={"Ctrl+Alt+W"})),
    )
    qtbot.addWidget(app.capture)
    started(app, qtbot)
    try:
        assert app.tray is not None
        assert app.tray.capture_action.shortcut().isEmpty()
        state = settings(app, qtbot).shortcut.state.text()
        assert "Ctrl+Alt+W is already taken by another application" in state
        assert "Bind the command below" in state
    finally:
        app.shutdown()


def test_new_keys_set_in_settings_are_registered_at_once(
    app: SmallWinsApp, desktop: FakeDesktop, store: Store, qtbot: QtBot
) -> None:
    page = settings(app, qtbot).shortcut
    page.keys.setText("ctrl+shift+f9")
    page.keys.editingFinished.emit()

    assert config.get(store, config.SHORTCUT) == "Ctrl+Shift+F9"
    assert str(desktop.registered) == "Ctrl+Shift+F9"
    assert app.tray is not None
    assert app.tray.capture_action.shortcut().toString() == "Ctrl+Shift+F9"
    assert "Ctrl+Shift+F9 opens the capture box from anywhere" in page.state.text()


def test_keys_that_are_no_shortcut_are_refused_and_the_old_one_stays(
    app: SmallWinsApp, desktop: FakeDesktop, qtbot: QtBot
) -> None:
    page = settings(app, qtbot).shortcut
    page.keys.setText("W")
    page.keys.editingFinished.emit()

    assert "is not a shortcut such as Ctrl+Alt+W" in page.problem.text()
    assert page.keys.text() == "Ctrl+Alt+W"
    assert str(desktop.registered) == "Ctrl+Alt+W"


def test_the_shortcut_can_be_turned_off(app: SmallWinsApp, desktop: FakeDesktop) -> None:
    app.settings.put(config.SHORTCUT, "none")

    assert desktop.registered is None
    assert app.tray is not None
    assert app.tray.capture_action.shortcut().isEmpty()
    assert app.hotkeys.state.problem == "The global shortcut is off."

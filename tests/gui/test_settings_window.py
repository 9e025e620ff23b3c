"""The Settings window on a running app: each page writes its setting the moment a control
changes, the app uses it at once, a refused value is said and undone, and every control can
be reached by keyboard and has a name."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTime, QUrl
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.app.notify.base import Notification
from smallwins_desktop.app.reminders.scheduler import TICK_INTERVAL_MS
from smallwins_desktop.app.settings.dialog import SettingsWindow
from smallwins_desktop.core import config
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store, open_store

BERLIN = ZoneInfo("Europe/Berlin")
THURSDAY = date(2026, 11, 19)


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.sent: list[Notification] = []

    def send(self, notification: Notification) -> None:
        self.sent.append(notification)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime.combine(THURSDAY, time(16, 59, 50), tzinfo=BERLIN))


@pytest.fixture
def app(store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot) -> Iterator[SmallWinsApp]:
    app = SmallWinsApp(
        store, clock, data_dir, tray_available=True, notification_backends=[Recording()]
    )
    qtbot.addWidget(app.capture)
    assert app.start()
    app.finish_start()
    yield app
    app.shutdown()


@pytest.fixture
def window(app: SmallWinsApp, qtbot: QtBot) -> SettingsWindow:
    assert app.tray is not None
    app.tray.settings_action.trigger()  # tray → Settings…
    opened = app._settings_window
    assert opened is not None
    qtbot.addWidget(opened)
    assert opened.isVisible()
    return opened


def test_a_new_reminder_time_is_stored_and_re_plans_the_scheduler(
    window: SettingsWindow, app: SmallWinsApp, store: Store
) -> None:
    assert app.scheduler.next_wait_ms == TICK_INTERVAL_MS
    box = window.reminders.end_of_day

    box.time.setTime(QTime(17, 0))
    box.time.editingFinished.emit()

    assert config.get(store, "reminders.end_of_day.time") == time(17, 0)
    assert app.scheduler.next_wait_ms <= 10_100
    assert window.reminders.next.text() == "Next reminder: Thu 19 Nov, 17:00"


def test_with_both_reminders_off_the_page_says_none_will_come(window: SettingsWindow) -> None:
    assert window.reminders.next.text() == "Next reminder: Thu 19 Nov, 17:30"
    window.reminders.end_of_day.enabled.setChecked(False)
    window.reminders.weekly_review.enabled.setChecked(False)
    assert window.reminders.next.text() == "No reminder will come: both are off."


def test_switching_a_reminder_off_stores_it_and_greys_its_other_controls(
    window: SettingsWindow, store: Store
) -> None:
    box = window.reminders.weekly_review

    box.enabled.setChecked(False)

    assert config.get(store, "reminders.weekly_review.enabled") is False
    assert not box.time.isEnabled()
    assert not box.grace.isEnabled()


def test_a_reminder_can_leave_the_workdays_for_days_of_its_own(
    window: SettingsWindow, store: Store
) -> None:
    box = window.reminders.end_of_day
    assert box.follow.isChecked()
    assert not box.days.isEnabled()

    box.follow.setChecked(False)
    box.days.boxes[5].setChecked(True)

    assert config.get(store, "reminders.end_of_day.days") == frozenset({0, 1, 2, 3, 4, 5})
    assert box.days.isEnabled()


def test_the_grace_window_and_only_if_no_win_are_stored(
    window: SettingsWindow, store: Store
) -> None:
    box = window.reminders.end_of_day
    box.grace.setValue(45)
    box.grace.editingFinished.emit()
    box.only_if_no_win.setChecked(True)

    assert config.get(store, "reminders.end_of_day.grace") == 45
    assert config.get(store, "reminders.end_of_day.only_if_no_win") is True


def test_unchecking_the_last_workday_is_refused_with_a_message_and_undone(
    window: SettingsWindow, store: Store
) -> None:
    page = window.workdays
    for number in range(4):
        page.days.boxes[number].setChecked(False)
    assert config.get(store, config.WORKDAYS) == frozenset({4})

    page.days.boxes[4].setChecked(False)

    assert "at least one day" in page.problem.text()
    assert not page.problem.isHidden()
    assert page.days.boxes[4].isChecked()
    assert config.get(store, config.WORKDAYS) == frozenset({4})


def test_the_notifications_page_sends_a_test_and_shows_the_backend_in_use(
    window: SettingsWindow, app: SmallWinsApp
) -> None:
    page = window.notifications
    assert page.outcomes.item(0).text() == "Nothing sent yet."

    page.test_button.click()

    assert "In use: recording" in page.backend.text()
    assert "recording  shown" in page.outcomes.item(0).text()


def test_the_daily_cap_celebrations_and_theme_are_stored(
    window: SettingsWindow, store: Store
) -> None:
    window.notifications.cap.setValue(1)
    window.celebrations.buttons["subtle"].setChecked(True)
    window.appearance.buttons["light"].setChecked(True)

    assert config.get(store, config.DAILY_CAP_KEY) == 1
    assert config.get(store, config.CELEBRATIONS) == "subtle"
    assert config.get(store, config.THEME) == "light"


def test_the_dark_theme_repaints_the_app_and_system_brings_the_platform_look_back(
    window: SettingsWindow, app: SmallWinsApp, qtbot: QtBot
) -> None:
    platform = QApplication.palette().color(QPalette.ColorRole.Window)

    window.appearance.buttons["dark"].setChecked(True)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 60)
    qtbot.waitUntil(lambda: app.capture.palette().color(QPalette.ColorRole.Base).lightness() < 60)

    window.appearance.buttons["system"].setChecked(True)
    assert QApplication.palette().color(QPalette.ColorRole.Window) == platform


def test_the_shortcut_page_gives_the_exact_command_for_this_data_dir(
    window: SettingsWindow, data_dir: Path, qtbot: QtBot
) -> None:
    page = window.shortcut
    command = page.command.text()

    assert command.endswith(f"--data-dir {data_dir} capture")
    qtbot.waitUntil(
        lambda: "cannot register a global shortcut on this desktop" in page.state.text()
    )
    page.copy_button.click()
    assert QGuiApplication.clipboard().text() == command


def test_the_data_page_shows_the_database_and_opens_its_folder(
    app: SmallWinsApp, store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    opened: list[QUrl] = []
    window = SettingsWindow(
        app.settings,
        store,
        app.reminders,
        [],
        data_dir=data_dir,
        capture_command="smallwins capture",
        open_url=lambda url: opened.append(url) or True,
    )
    qtbot.addWidget(window)

    window.data.open_button.click()

    assert window.data.location.text() == str(store.path)
    assert opened == [QUrl.fromLocalFile(str(data_dir))]


def test_a_change_made_in_a_terminal_shows_in_the_open_window(
    window: SettingsWindow, app: SmallWinsApp, data_dir: Path, clock: FixedClock
) -> None:
    with open_store(data_dir, now=clock.now()) as other:
        config.put(other, "reminders.weekly_review.time", "08:15", now=clock.now())
    app.settings.notice(["reminders.weekly_review.time"])

    assert window.reminders.weekly_review.time.time() == QTime(8, 15)


def test_ctrl_page_down_moves_to_the_next_page(window: SettingsWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.keyClick(window.page_list, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.notifications
    qtbot.keyClick(window.page_list, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is window.shortcut


def test_every_control_a_user_can_reach_has_an_accessible_name(window: SettingsWindow) -> None:
    unnamed = [
        f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        for widget in window.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(widget, QLabel)
        and not isinstance(widget.parent(), QAbstractSpinBox)  # the box is named
        and widget.parent() is not None
        and not widget.accessibleName()
    ]
    assert unnamed == []
    assert len(window.pages) == len({page.title for page in window.pages})


def test_the_no_tray_window_opens_settings_too(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QPushButton

    app = SmallWinsApp(store, clock, data_dir, tray_available=False, notification_backends=[])
    qtbot.addWidget(app.capture)
    assert app.fallback is not None
    qtbot.addWidget(app.fallback)
    assert app.start()
    app.finish_start()
    try:
        [button] = [
            b for b in app.fallback.findChildren(QPushButton) if b.accessibleName() == "Settings…"
        ]
        button.click()
        assert app._settings_window is not None
        qtbot.addWidget(app._settings_window)
        assert app._settings_window.isVisible()
    finally:
        app.shutdown()


def test_smallwins_settings_opens_the_window_of_the_running_app(
    app: SmallWinsApp, data_dir: Path, qtbot: QtBot
) -> None:
    from tests.qt_app import ask

    assert ask(qtbot, data_dir, {"cmd": "show_settings"}) == {"v": 1, "ok": True}

    assert app._settings_window is not None
    qtbot.addWidget(app._settings_window)
    assert app._settings_window.isVisible()


def test_every_page_title_shows_whole_in_the_page_list(window: SettingsWindow) -> None:
    listing = window.page_list
    metrics = listing.fontMetrics()
    widest = max(metrics.horizontalAdvance(page.title) for page in window.pages)
    assert listing.viewport().width() >= widest
    assert not listing.horizontalScrollBar().isVisible()

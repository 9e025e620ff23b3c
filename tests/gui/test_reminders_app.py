"""Reminders in the running app: the tick delivers, failures fall through and are recorded,
the tray holds an attention state until the reminder is answered, and it never nags."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.app.notify.base import Notification, NotifyError
from smallwins_desktop.app.reminders.scheduler import TICK_INTERVAL_MS, Scheduler
from smallwins_desktop.core import reminder_log
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.reminders import END_OF_DAY

BERLIN = ZoneInfo("Europe/Berlin")
THURSDAY = date(2026, 11, 19)


def at(hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime.combine(THURSDAY, time(hour, minute, second), tzinfo=BERLIN)


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.sent: list[Notification] = []

    def send(self, notification: Notification) -> None:
        self.sent.append(notification)


class Failing:
    name = "failing"

    def send(self, notification: Notification) -> None:
        raise NotifyError("the notification service is not running")


class FailingLate(QObject):
    """Accepts the notification, then fails in a thread of its own, as plyer's can."""

    name = "late"
    failed_late = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[str] = []

    def send(self, notification: Notification) -> None:
        self.pending.append(notification.key)


@pytest.fixture
def reminder_clock() -> FixedClock:
    return FixedClock(at(17, 30, 5))


def make_app(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot, *backends: object
) -> SmallWinsApp:
    app = SmallWinsApp(
        store, clock, data_dir, tray_available=True, notification_backends=list(backends)
    )
    qtbot.addWidget(app.capture)
    return app


@pytest.fixture
def recording() -> Recording:
    return Recording()


@pytest.fixture
def app(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> Iterator[SmallWinsApp]:
    app = make_app(store, reminder_clock, data_dir, qtbot, recording)
    app.start()
    app.finish_start()
    yield app
    app.shutdown()


def test_the_tick_delivers_the_end_of_day_reminder_once(
    app: SmallWinsApp, recording: Recording, reminder_clock: FixedClock
) -> None:
    [sent] = recording.sent
    assert (sent.key, sent.title, sent.body) == (
        f"{END_OF_DAY}:{THURSDAY}",
        "Small Wins",
        "What moved forward today?",
    )
    assert ("log", "Log a win") in sent.actions
    reminder_clock.advance(timedelta(seconds=30))
    app.scheduler.tick()
    assert len(recording.sent) == 1


def test_the_message_counts_todays_wins(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> None:
    app = make_app(store, reminder_clock, data_dir, qtbot, recording)
    for line in ("One", "Two", "Three"):
        app.journal.add_line(line, source="capture")
    app.start()
    app.finish_start()
    try:
        assert recording.sent[0].body.startswith("3 wins today — anything else worth noting?")
    finally:
        app.shutdown()


def test_a_failing_backend_falls_through_to_the_next_and_the_failure_is_recorded(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> None:
    app = make_app(store, reminder_clock, data_dir, qtbot, Failing(), recording)
    app.start()
    app.finish_start()
    try:
        assert len(recording.sent) == 1
        [ok, failed] = reminder_log.recent_deliveries(store)
        assert (failed.backend, failed.ok) == ("failing", False)
        assert "not running" in (failed.error or "")
        assert (ok.backend, ok.ok) == ("recording", True)
    finally:
        app.shutdown()


def test_a_late_failure_and_its_fallback_are_recorded_as_outcomes(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> None:
    late = FailingLate()
    app = make_app(store, reminder_clock, data_dir, qtbot, late, recording)
    app.start()
    app.finish_start()
    try:
        assert recording.sent == []  # the first backend took it
        late.failed_late.emit(late.pending[0], "OSError: the balloon thread died")

        assert len(recording.sent) == 1
        outcomes = [(d.backend, d.ok, d.error) for d in reminder_log.recent_deliveries(store)]
        assert outcomes == [
            ("recording", True, None),
            ("late", False, "OSError: the balloon thread died"),
            ("late", True, None),
        ]
    finally:
        app.shutdown()


def test_when_no_backend_works_the_tray_still_shows_the_reminder(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> None:
    app = make_app(store, reminder_clock, data_dir, qtbot, Failing())
    app.start()
    app.finish_start()
    try:
        assert app.tray is not None
        assert app.tray.attention
        assert app.tray.icon.toolTip() == "Small Wins — What moved forward today?"
        assert [d.ok for d in reminder_log.recent_deliveries(store)] == [False]
    finally:
        app.shutdown()


def test_the_tray_leaves_attention_when_the_capture_window_opens(app: SmallWinsApp) -> None:
    assert app.tray is not None
    assert app.tray.attention
    app.tray.capture_requested.emit()
    assert not app.tray.attention
    assert app.tray.icon.toolTip() == "Small Wins — No wins yet today"


def test_the_tray_leaves_attention_when_a_win_arrives_from_anywhere(app: SmallWinsApp) -> None:
    assert app.tray is not None
    app.journal.add_line("Logged from the terminal", source="cli")
    assert not app.tray.attention


def test_log_a_win_on_the_notification_opens_the_capture_window(app: SmallWinsApp) -> None:
    app.notifier.action_invoked.emit(f"{END_OF_DAY}:{THURSDAY}", "log")
    assert app.capture.isVisible()
    assert app.tray is not None
    assert not app.tray.attention


def test_reflect_on_the_end_of_day_reminder_opens_the_reflection(
    app: SmallWinsApp, recording: Recording, qtbot: QtBot
) -> None:
    from smallwins_desktop.app.reflection.window import ReflectionWindow

    [sent] = recording.sent
    assert [key for key, _ in sent.actions] == ["log", "reflect", "snooze"]
    assert dict(sent.actions)["reflect"] == "Reflect"
    app.notifier.action_invoked.emit(f"{END_OF_DAY}:{THURSDAY}", "reflect")
    [window] = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ReflectionWindow) and w.isVisible()
    ]
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.day == THURSDAY
    assert app.tray is not None
    assert not app.tray.attention  # answered
    assert not app.capture.isVisible()


def test_snooze_from_the_tray_brings_the_reminder_back_once(
    app: SmallWinsApp, recording: Recording, reminder_clock: FixedClock
) -> None:
    assert app.tray is not None
    app.tray.snooze_requested.emit(10)
    assert not app.tray.attention
    reminder_clock.advance(timedelta(minutes=9))
    app.scheduler.tick()
    assert len(recording.sent) == 1
    reminder_clock.advance(timedelta(minutes=1))
    app.scheduler.tick()
    assert len(recording.sent) == 2
    assert app.tray.attention
    reminder_clock.advance(timedelta(minutes=1))
    app.scheduler.tick()
    assert len(recording.sent) == 2


def test_snooze_on_the_notification_snoozes_thirty_minutes(
    app: SmallWinsApp, recording: Recording, reminder_clock: FixedClock
) -> None:
    app.notifier.action_invoked.emit(f"{END_OF_DAY}:{THURSDAY}", "snooze")
    reminder_clock.advance(timedelta(minutes=30))
    app.scheduler.tick()
    assert len(recording.sent) == 2


def test_pause_until_tomorrow_from_the_tray(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> None:
    reminder_clock.current = at(12, 0)
    app = make_app(store, reminder_clock, data_dir, qtbot, recording)
    app.start()
    app.finish_start()
    try:
        assert app.tray is not None
        app.tray.pause_requested.emit()
        assert app.tray.resume_action.isVisible()
        reminder_clock.current = at(17, 30)
        app.scheduler.tick()
        assert recording.sent == []
    finally:
        app.shutdown()


def test_an_app_started_while_paused_offers_resume_when_its_menu_opens(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> None:
    """Paused until noon, started again at 8 before the pause ends."""
    reminder_clock.current = at(8, 0)
    reminder_log.pause_until(store, at(12, 0))
    app = make_app(store, reminder_clock, data_dir, qtbot, recording)
    app.start()  # the icon only: the reminders are built once the menu is about to open
    try:
        assert app.tray is not None
        app.tray.menu.aboutToShow.emit()
        assert app.tray.resume_action.isVisible()
        assert not app.tray.pause_action.isVisible()
    finally:
        app.shutdown()


def test_the_daily_cap_keeps_reminders_to_the_tray(
    store: Store, reminder_clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> None:
    for n in range(3):
        reminder_log.record_delivery(
            store,
            notification_key=f"earlier:{n}",
            backend="x",
            ok=True,
            error=None,
            now=at(9, n),
        )
    app = make_app(store, reminder_clock, data_dir, qtbot, recording)
    app.start()
    app.finish_start()
    try:
        assert recording.sent == []
        assert app.tray is not None
        assert app.tray.attention
    finally:
        app.shutdown()


def test_a_wall_clock_jump_is_noticed_and_reminders_are_evaluated_at_once(
    store: Store, qtbot: QtBot
) -> None:
    clock = FixedClock(at(16, 0))
    mono = [1000.0]
    scheduler = Scheduler(store, clock, has_win_on=lambda _: False, monotonic=lambda: mono[0])
    due: list[object] = []
    scheduler.reminder_due.connect(due.append)
    scheduler.tick()
    clock.advance(timedelta(hours=2))  # suspended for two hours...
    mono[0] += 30  # ...while the monotonic clock saw only one tick
    with qtbot.waitSignal(scheduler.clock_jumped, timeout=1_000):
        scheduler.tick()
    assert len(due) == 1
    scheduler.stop()


def test_the_timer_sleeps_until_the_next_reminder_never_longer_than_a_tick(
    store: Store,
) -> None:
    clock = FixedClock(at(17, 29, 50))
    scheduler = Scheduler(store, clock, has_win_on=lambda _: False)
    scheduler.tick()
    assert 10_000 <= scheduler.next_wait_ms <= 10_200
    clock.current = at(9, 0)
    scheduler.tick()
    assert scheduler.next_wait_ms == TICK_INTERVAL_MS
    scheduler.stop()


def test_the_trays_notifications_entry_shows_the_page_that_sends_a_test(
    app: SmallWinsApp, recording: Recording, qtbot: QtBot
) -> None:
    assert app.tray is not None
    app.tray.notifications_action.trigger()
    window = app._settings_window
    assert window is not None
    qtbot.addWidget(window)
    page = window.notifications
    assert window.stack.currentWidget() is page
    assert "recording" in page.backend.text()
    page.test_button.click()
    assert recording.sent[-1].key == "test"
    assert "shown" in page.outcomes.item(0).text()


def test_the_pick_up_note_is_recalled_the_next_working_morning_once(
    store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    from smallwins_desktop.core import reflections

    reflections.save(store, THURSDAY, now=at(17, 40), pick_up="Write the release notes")
    friday = THURSDAY + timedelta(days=1)
    clock = FixedClock(datetime.combine(friday, time(8, 30), tzinfo=BERLIN))
    recording = Recording()
    app = make_app(store, clock, data_dir, qtbot, recording)
    app.start()
    app.finish_start()
    try:
        assert recording.sent == []  # before nine
        clock.advance(timedelta(minutes=31))
        app.scheduler.tick()
        [sent] = recording.sent
        assert sent.body == "Yesterday you planned: Write the release notes"
        assert sent.key == f"pick_up:{friday}"
        clock.advance(timedelta(hours=2))
        app.scheduler.tick()
        assert len(recording.sent) == 1  # at most once
    finally:
        app.shutdown()
    from smallwins_desktop.core.db import open_store

    reopened = open_store(data_dir, now=clock.now())  # and not after a restart
    again = make_app(reopened, clock, data_dir, qtbot, recording)
    again.start()
    try:
        again.scheduler.tick()
        assert len(recording.sent) == 1
    finally:
        again.shutdown()


def test_the_weekly_reminder_opens_the_weekly_review(
    store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    from smallwins_desktop.app.reflection.review import WeeklyReviewWindow

    friday = THURSDAY + timedelta(days=1)
    clock = FixedClock(datetime.combine(friday, time(16, 0, 5), tzinfo=BERLIN))
    recording = Recording()
    app = make_app(store, clock, data_dir, qtbot, recording)
    app.start()
    app.finish_start()
    try:
        [sent] = [n for n in recording.sent if n.key.startswith("weekly_review")]
        assert sent.default_action == "review"  # a click on the bubble opens the review
        assert sent.actions[0] == ("review", "Weekly review")
        app.notifier.action_invoked.emit(sent.key, "review")
        [window] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, WeeklyReviewWindow) and w.isVisible()
        ]
        qtbot.addWidget(window)
        assert not app.capture.isVisible()
    finally:
        app.shutdown()


def test_the_morning_recall_follows_the_morning_hour_setting(
    store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    from smallwins_desktop.core import config, reflections

    reflections.save(store, THURSDAY, now=at(17, 40), pick_up="Start early")
    config.put(store, config.MORNING_HOUR, 7, now=at(17, 41))
    friday = THURSDAY + timedelta(days=1)
    clock = FixedClock(datetime.combine(friday, time(7, 5), tzinfo=BERLIN))
    recording = Recording()
    app = make_app(store, clock, data_dir, qtbot, recording)
    app.start()
    app.finish_start()
    try:
        assert [n.body for n in recording.sent] == ["Yesterday you planned: Start early"]
    finally:
        app.shutdown()

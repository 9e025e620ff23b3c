"""Settings apply in the running app at once: a reminder time set in the dialog or by
`smallwins config set` in another process re-plans the scheduler; the daily cap, the
celebration style and the workdays are used from the next win or reminder on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.app.notify.base import Notification
from smallwins_desktop.app.reminders.scheduler import TICK_INTERVAL_MS
from smallwins_desktop.core import config
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store, open_store
from smallwins_desktop.core.reminders import END_OF_DAY
from tests.qt_app import ask

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
def recording() -> Recording:
    return Recording()


@pytest.fixture
def app(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot, recording: Recording
) -> Iterator[SmallWinsApp]:
    app = SmallWinsApp(
        store, clock, data_dir, tray_available=True, notification_backends=[recording]
    )
    qtbot.addWidget(app.capture)
    assert app.start()
    app.finish_start()  # as the loop does once the tray icon is up
    yield app
    app.shutdown()


def test_a_reminder_time_set_in_the_app_re_plans_the_scheduler_at_once(
    app: SmallWinsApp,
) -> None:
    assert app.scheduler.next_wait_ms == TICK_INTERVAL_MS  # 17:30 is half an hour away

    app.settings.put("reminders.end_of_day.time", "17:00")

    assert app.scheduler.next_wait_ms <= 10_100


def test_config_set_in_another_process_re_plans_the_running_app(
    app: SmallWinsApp, data_dir: Path, clock: FixedClock, qtbot: QtBot
) -> None:
    with open_store(data_dir, now=clock.now()) as other:  # what `smallwins config set` does
        config.put(other, "reminders.end_of_day.time", "17:00", now=clock.now())
    assert app.scheduler.next_wait_ms == TICK_INTERVAL_MS

    reply = ask(qtbot, data_dir, {"cmd": "settings_changed", "keys": ["reminders.end_of_day.time"]})

    assert reply == {"v": 1, "ok": True, "keys": ["reminders.end_of_day.time"]}
    assert app.scheduler.next_wait_ms <= 10_100


def test_settings_changed_ignores_keys_it_does_not_know(
    app: SmallWinsApp, data_dir: Path, qtbot: QtBot
) -> None:
    reply = ask(qtbot, data_dir, {"cmd": "settings_changed", "keys": ["nope", 3]})
    assert reply is not None
    assert reply["keys"] == []
    refused = ask(qtbot, data_dir, {"cmd": "settings_changed", "keys": "all"})
    assert refused is not None
    assert refused["ok"] is False


def test_a_daily_cap_of_zero_keeps_reminders_in_the_tray(
    app: SmallWinsApp, recording: Recording, clock: FixedClock
) -> None:
    app.settings.put(config.DAILY_CAP_KEY, 0)
    app.settings.put("reminders.end_of_day.time", "17:00")

    clock.advance(timedelta(seconds=11))
    app.scheduler.tick()

    assert recording.sent == []
    assert app.tray is not None
    assert app.tray.attention
    assert app.reminders.waiting == END_OF_DAY


@pytest.mark.parametrize(
    ("style", "headline"),
    [("full", "Nice — that moved things forward."), ("subtle", "Win #1 today"), ("off", "Saved.")],
)
def test_the_celebration_style_applies_from_the_next_win(
    app: SmallWinsApp, style: str, headline: str
) -> None:
    app.settings.put(config.CELEBRATIONS, style)

    _, celebration = app.journal.add(app.journal.parse("Shipped it !!"), source="capture")

    assert celebration.headline == headline


def test_new_workdays_recount_the_streak_in_the_tray(
    app: SmallWinsApp, clock: FixedClock, qtbot: QtBot
) -> None:
    for days_ago in (2, 1, 0):  # Tuesday, Wednesday, Thursday
        day = (THURSDAY - timedelta(days=days_ago)).isoformat()
        app.journal.add_line(f"{day}: Step {days_ago}", source="capture")
    assert app.tray is not None
    assert "3 workdays in a row" in app.tray.icon.toolTip()

    with qtbot.waitSignal(app.journal.changed):
        app.settings.put(config.WORKDAYS, "mon,wed,thu")

    assert "2 workdays in a row" in app.tray.icon.toolTip()

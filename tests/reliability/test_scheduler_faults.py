"""A reminder tick that fails is retried and shown, never a silent stop.

On the old code the tick caught only `SmallWinsError`: a database error of another kind (a
lock, a missing table) escaped the slot, the single-shot timer was never re-armed, and
reminders stopped until restart without a word.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.scheduler import RETRY_MS, Scheduler
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store


def test_a_failed_tick_rearms_the_timer_and_says_why(store: Store, qtbot: QtBot) -> None:
    clock = FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc))
    scheduler = Scheduler(store, clock, has_win_on=lambda _day: False)
    store.db.execute_sql("DROP TABLE reminder_occurrence")

    with qtbot.waitSignal(scheduler.tick_failed, timeout=1_000) as failed:
        scheduler.tick()

    assert "missing part of its structure" in failed.args[0]
    assert scheduler.next_wait_ms == RETRY_MS
    scheduler.stop()


def test_the_tick_recovers_once_the_database_is_usable_again(store: Store, qtbot: QtBot) -> None:
    clock = FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc))
    has_win_calls: list[date] = []
    scheduler = Scheduler(store, clock, has_win_on=lambda day: bool(has_win_calls.append(day)))
    store.db.execute_sql("ALTER TABLE reminder_occurrence RENAME TO parked")
    scheduler.tick()
    assert scheduler.next_wait_ms == RETRY_MS

    store.db.execute_sql("ALTER TABLE parked RENAME TO reminder_occurrence")
    with qtbot.assertNotEmitted(scheduler.tick_failed):
        scheduler.tick()
    assert 0 < scheduler.next_wait_ms <= 30_000
    scheduler.stop()

"""A reminder tick that fails is retried and shown, never a silent stop.

On the old code the tick caught only `SmallWinsError`: a database error of another kind (a
lock, a missing table) escaped the slot, the single-shot timer was never re-armed, and
reminders stopped until restart without a word.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.reminders.scheduler import RETRY_MS, Scheduler
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from tests.qt_app import started_app


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
    with qtbot.assertNotEmitted(scheduler.tick_failed), qtbot.waitSignal(scheduler.tick_recovered):
        scheduler.tick()
    assert 0 < scheduler.next_wait_ms <= 30_000
    scheduler.stop()


def test_doctor_says_when_reminders_are_failing(store: Store, data_dir: Path, qtbot: QtBot) -> None:
    """The tray's attention state is easy to miss; `doctor` names the problem in words."""
    clock = FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc))
    with started_app(store, clock, data_dir, qtbot) as app:
        store.db.execute_sql("ALTER TABLE reminder_occurrence RENAME TO parked")
        app.scheduler.tick()
        store.db.execute_sql("ALTER TABLE parked RENAME TO reminder_occurrence")  # for doctor

        done: list[subprocess.CompletedProcess[str]] = []
        thread = threading.Thread(
            target=lambda: done.append(
                subprocess.run(
                    [sys.executable, "-m", "smallwins_desktop", "doctor"],
                    capture_output=True,
                    text=True,
                )
            )
        )
        thread.start()
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)

    [doctor] = done
    assert doctor.returncode == 0, doctor.stderr
    assert "Reminders:       FAILING since 15:30: " in doctor.stdout
    assert "missing part of its structure" in doctor.stdout


def test_the_tray_leaves_its_attention_state_when_ticks_work_again(
    store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    clock = FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc))
    with started_app(store, clock, data_dir, qtbot) as app:
        assert app.tray is not None
        store.db.execute_sql("ALTER TABLE reminder_occurrence RENAME TO parked")
        app.scheduler.tick()
        assert app.tray.attention
        store.db.execute_sql("ALTER TABLE parked RENAME TO reminder_occurrence")
        app.scheduler.tick()
        assert not app.tray.attention

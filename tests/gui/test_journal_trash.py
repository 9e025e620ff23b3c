"""The running app empties the old part of the trash when it starts and when a day begins."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core import wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store


def test_wins_deleted_over_thirty_days_ago_go_at_start_and_at_each_new_day(
    store: Store, clock: FixedClock, qtbot: QtBot
) -> None:
    journal = Journal(store, clock)
    first = journal.add_line("Deleted before the app started", source="capture")
    wins.delete(store, first.win.uuid, now=clock.now() - timedelta(days=wins.TRASH_DAYS + 1))
    second = journal.add_line("Deleted today", source="capture")
    wins.delete(store, second.win.uuid, now=clock.now())

    journal.start_watching()
    try:
        assert [w.uuid for w in wins.trash(store)] == [second.win.uuid]

        clock.advance(timedelta(days=wins.TRASH_DAYS + 1))
        journal.check_for_changes()  # what the poll timer does; the day has rolled over
        assert wins.trash(store) == []
    finally:
        journal.stop_watching()

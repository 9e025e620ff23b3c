"""A full disk loses nothing and says so.

On the old code saving in the capture box with the disk full showed nothing (a traceback in
the log only) and the CLI through the app printed "cannot rollback - no transaction is
active". SQLite's `max_page_count` stands in for the full disk: writes fail with the same
"database or disk is full" error.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timezone

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.capture.window import CaptureWindow
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core import queries, wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import DiskFullError


def _fill_the_disk(store: Store) -> None:
    """Cap the file at its size, then write until no page is left."""
    pages = store.pragma("page_count")
    store.db.execute_sql(f"PRAGMA max_page_count = {pages}")
    day = date(2026, 11, 1)
    now = datetime(2026, 11, 1, 12, tzinfo=timezone.utc)
    with pytest.raises(DiskFullError):  # noqa: PT012 - the loop is how the disk fills
        for i in range(10_000):
            wins.add(store, f"Filler {i} " + "x" * 1_900, today=day, now=now)


def test_core_add_on_a_full_disk_raises_a_plain_message_and_keeps_earlier_wins(
    store: Store, today: date, now: datetime
) -> None:
    wins.add(store, "Saved before the disk filled", today=today, now=now)
    _fill_the_disk(store)
    before = len(queries.list_wins(store, since=date(2000, 1, 1)))
    with pytest.raises(DiskFullError, match=r"The disk is full.*nothing was saved"):
        wins.add(store, "Filler again " + "x" * 1_900, today=today, now=now)
    texts = [w.text for w in queries.list_wins(store, since=date(2000, 1, 1))]
    assert len(texts) == before
    assert "Saved before the disk filled" in texts


def test_the_capture_box_shows_a_full_disk_and_keeps_the_text(store: Store, qtbot: QtBot) -> None:
    journal = Journal(store, FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc)))
    window = CaptureWindow(journal)
    qtbot.addWidget(window)
    window.present()
    qtbot.waitExposed(window)
    typed = "Kept although the disk is full " * 40
    window.editor.setPlainText(typed)
    _fill_the_disk(store)

    window.submit()

    assert window.editor.text() == typed
    assert "The disk is full" in window.message.text()
    assert window.message.isVisible()
    assert queries.list_wins(store, since=date(2026, 11, 20)) == []
    journal.stop_watching()

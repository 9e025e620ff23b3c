"""Today at a glance, read before the store is opened: what the tray icon needs at start-up.

The app shows its tray icon before it loads peewee and the rest of the core (`app/launch.py`),
and the icon must show the right state at once: filled when today has a win. This module
answers that with the standard library's sqlite3 alone, from a read-only connection that
changes nothing in the file.

It answers only when the file can answer the usual way: a database at the schema this
version writes. For anything else (an older file that opening will migrate, a newer one, a
damaged or locked file) it returns None, and the caller opens the store first, as it would
without a glance. A data dir without a database is a new user's: no wins yet.

The question asked is `wins.count_by_day` for one day, in SQL: a test keeps the two in step.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from smallwins_desktop.core.migrations import LATEST_VERSION

_WINS_ON = "SELECT COUNT(*) FROM win WHERE deleted_at IS NULL AND kind = 'win' AND day = ?"
_TIMEOUT_S = 0.2  # a writer holding the file longer: no glance, the store waits instead


def wins_on(database: Path, day: date) -> int | None:
    """How many wins `day` has in the database at `database`; None when it cannot say."""
    if not database.exists():
        return 0
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True, timeout=_TIMEOUT_S)
    except sqlite3.Error:
        return None
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version != LATEST_VERSION:
            return None
        (count,) = connection.execute(_WINS_ON, (day.isoformat(),)).fetchone()
        return int(count)
    except sqlite3.Error:
        return None
    finally:
        connection.close()

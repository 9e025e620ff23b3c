"""Today at a glance, read before the store is opened: what the tray icon needs at start-up.

The app shows its tray icon before it loads peewee and the rest of the core (`app/launch.py`),
and the icon must show the right state at once: filled when today has a win. This module
answers that with the standard library's sqlite3 alone, from a read-only connection that
changes nothing in the file and leaves no other file beside it.

It answers only when the file can answer the usual way: a database at the schema this
version writes. For anything else (an older file that opening will migrate, a newer one, a
damaged or locked file) it returns None, and the caller opens the store first, as it would
without a glance. A data dir without a database is a new user's: no wins yet.

The question asked is `queries.count_by_day` for one day, in SQL: a test keeps the two in step.
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
    # A read-only connection to a database in WAL mode makes its -wal and -shm files and
    # cannot remove them, and the store takes those for a file not closed cleanly (a full
    # check at every start). With no -wal, everything is in the main file: read it as
    # immutable, which makes nothing. A writer racing this only makes the count a moment
    # old; the app's own summary follows right after the icon.
    wal = database.with_name(database.name + "-wal")
    mode = "ro" if wal.exists() else "ro&immutable=1"
    try:
        uri = f"{database.as_uri()}?mode={mode}"
        connection = sqlite3.connect(uri, uri=True, timeout=_TIMEOUT_S)
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

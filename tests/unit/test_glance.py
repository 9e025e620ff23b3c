"""The start-up glance at today (sqlite3 alone) against the store's own count, and the files it
must not answer for."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from smallwins_desktop import paths
from smallwins_desktop.core import glance, queries, wins
from smallwins_desktop.core.db import Store, open_store


def _count(store: Store, day: date) -> int:
    return queries.count_by_day(store, day, day).get(day, 0)


def test_a_new_users_data_dir_has_no_wins_yet(tmp_path: Path, today: date) -> None:
    assert glance.wins_on(paths.database_path(tmp_path / "data"), today) == 0


def test_it_counts_what_the_store_counts(store: Store, today: date, now: datetime) -> None:
    """Wins today and yesterday, a setback, a deleted win, a back-dated one."""
    yesterday = today - timedelta(days=1)
    wins.add(store, "Shipped the beta #release", today=today, now=now)
    wins.add(store, "Fixed the flaky test", today=today, now=now)
    wins.add(store, "setback: The demo broke", today=today, now=now)
    gone = wins.add(store, "Typed by mistake", today=today, now=now)
    wins.delete(store, gone.win.uuid, now=now)
    wins.add(store, "yesterday: Paired with Maria", today=today, now=now)

    for day in (today, yesterday, today - timedelta(days=2)):
        assert glance.wins_on(store.path, day) == _count(store, day)
    assert glance.wins_on(store.path, today) == 2


def test_it_does_not_answer_for_a_file_of_another_schema(store: Store, today: date) -> None:
    """An older file is migrated when the store opens it, a newer one refused: no glance."""
    store.db.execute_sql(f"PRAGMA user_version = {store.schema_version - 1}")
    assert glance.wins_on(store.path, today) is None
    store.db.execute_sql(f"PRAGMA user_version = {store.schema_version + 2}")
    assert glance.wins_on(store.path, today) is None


def test_it_does_not_answer_for_a_file_that_is_not_a_database(tmp_path: Path, today: date) -> None:
    junk = tmp_path / "smallwins.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    assert glance.wins_on(junk, today) is None
    assert junk.read_bytes().startswith(b"this is not")  # left as it was, for the store


def test_it_changes_nothing_and_leaves_nothing_beside_the_file(
    store: Store, today: date, now: datetime
) -> None:
    """No -wal or -shm left behind either: the store would take them for a file not closed
    cleanly, and check it whole at every start."""
    wins.add(store, "Shipped it", today=today, now=now)
    store.close()
    before = store.path.read_bytes()
    files = sorted(p.name for p in store.path.parent.iterdir())

    assert glance.wins_on(store.path, today) == 1

    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == files
    with open_store(store.data_dir, now=now) as reopened:
        assert not reopened.checked_now
    with sqlite3.connect(store.path) as check:
        assert check.execute("SELECT COUNT(*) FROM win").fetchone() == (1,)


def test_it_counts_while_the_store_is_open(store: Store, today: date, now: datetime) -> None:
    """The app's own store holds the -wal open: the glance reads through it."""
    wins.add(store, "Shipped it", today=today, now=now)
    assert store.path.with_name(store.path.name + "-wal").exists()
    assert glance.wins_on(store.path, today) == 1


def test_it_loads_neither_peewee_nor_qt() -> None:
    script = (
        "import sys\n"
        "import smallwins_desktop.core.glance\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'peewee', 'PySide6'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"

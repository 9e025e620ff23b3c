"""Opening the database safely (db.py): pragmas, permissions, migrations, damage, backups."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import peewee as pw
import pytest

from smallwins_desktop.core import db as dbmod
from smallwins_desktop.core import migrations, queries, wins
from smallwins_desktop.core.db import (
    BUSY_TIMEOUT_MS,
    Store,
    list_backups,
    open_store,
)
from smallwins_desktop.core.errors import DatabaseRecoveredError, NewerSchemaError, StoreError
from smallwins_desktop.core.models import MODELS

GARBAGE = b"this was a database until the disk said otherwise\x00\xff" * 200


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextlib.contextmanager
def _sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain read-only sqlite3 connection that is always closed."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def _user_version(path: Path) -> int:
    with _sqlite(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _texts(store: Store) -> list[str]:
    return [w.text for w in queries.list_wins(store)]


def _store_with_wins(data_dir: Path, now: datetime, today: date, *texts: str) -> Path:
    """Create the database, record `texts`, close it; return the database path."""
    with open_store(data_dir, now=now) as store:
        for text in texts:
            wins.add(store, text, today=today, now=now)
        return store.path


# -- pragmas and permissions ---------------------------------------------------------------------


def test_pragmas_are_in_force(store: Store) -> None:
    assert store.pragma("journal_mode") == "wal"
    assert store.pragma("synchronous") == 2  # FULL
    assert store.pragma("foreign_keys") == 1
    assert store.pragma("busy_timeout") == BUSY_TIMEOUT_MS


def test_a_new_database_is_at_the_latest_schema_and_healthy(store: Store) -> None:
    assert store.schema_version == migrations.LATEST_VERSION
    assert store.quick_check() == "ok"
    assert store.path == store.data_dir / "smallwins.db"


def test_store_closes_as_a_context_manager(data_dir: Path, now: datetime) -> None:
    with open_store(data_dir, now=now) as store:
        assert not store.db.is_closed()
    assert store.db.is_closed()


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_data_dir_is_0700_and_database_0600(store: Store) -> None:
    assert _mode(store.data_dir) == 0o700
    assert _mode(store.path) == 0o600
    for sidecar in ("-wal", "-shm"):
        sidecar_path = store.path.with_name(store.path.name + sidecar)
        if sidecar_path.exists():
            assert _mode(sidecar_path) == 0o600


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_permissions_are_private_even_with_umask_022_and_an_open_data_dir(
    data_dir: Path, now: datetime, today: date
) -> None:
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    old_umask = os.umask(0o022)
    try:
        path = _store_with_wins(data_dir, now, today, "A win worth a backup")
        with open_store(data_dir, now=now + timedelta(days=2)) as store:
            backups = list_backups(store.backups)
    finally:
        os.umask(old_umask)

    assert _mode(data_dir) == 0o700
    assert _mode(path) == 0o600
    assert backups, "a daily backup was expected"
    assert _mode(backups[0].parent) == 0o700
    assert all(_mode(b) == 0o600 for b in backups)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_an_existing_database_with_loose_permissions_is_made_private(
    data_dir: Path, now: datetime, today: date
) -> None:
    path = _store_with_wins(data_dir, now, today, "One")
    path.chmod(0o644)

    with open_store(data_dir, now=now):
        assert _mode(path) == 0o600


# -- migrations ----------------------------------------------------------------------------------

_V2_ADD_MOOD: migrations.Step = (
    "ALTER TABLE win ADD COLUMN mood TEXT",
    "UPDATE win SET mood = 'proud'",
)


def _pretend_latest(monkeypatch: pytest.MonkeyPatch, *extra: migrations.Step) -> int:
    steps = (*migrations.STEPS, *extra)
    monkeypatch.setattr(dbmod, "STEPS", steps)
    monkeypatch.setattr(dbmod, "LATEST_VERSION", len(steps))
    return len(steps)


def test_an_old_database_is_upgraded_after_a_backup_and_keeps_its_data(
    data_dir: Path, now: datetime, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = migrations.LATEST_VERSION
    path = _store_with_wins(data_dir, now, today, "Recorded under the current schema")
    assert _user_version(path) == current
    latest = _pretend_latest(monkeypatch, _V2_ADD_MOOD)

    with open_store(data_dir, now=now + timedelta(hours=1)) as store:
        assert store.schema_version == latest == current + 1
        assert _texts(store) == ["Recorded under the current schema"]
        moods = store.db.execute_sql("SELECT mood FROM win").fetchall()
        backups = list_backups(store.backups)

    assert moods == [("proud",)]
    before = [b for b in backups if f"before-v{current + 1}" in b.name]
    assert len(before) == 1
    assert _user_version(before[0]) == current
    with _sqlite(before[0]) as conn:
        assert conn.execute("SELECT text FROM win").fetchall() == [
            ("Recorded under the current schema",)
        ]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(win)")}
    assert "mood" not in columns


def test_a_schema_1_database_gains_the_reminder_tables_and_keeps_its_wins(
    data_dir: Path, now: datetime, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(dbmod, "STEPS", migrations.STEPS[:1])
        patch.setattr(dbmod, "LATEST_VERSION", 1)
        path = _store_with_wins(data_dir, now, today, "Logged before reminders existed")
    assert _user_version(path) == 1

    with open_store(data_dir, now=now + timedelta(hours=1)) as store:
        assert store.schema_version == migrations.LATEST_VERSION
        assert _texts(store) == ["Logged before reminders existed"]
        tables = {r[0] for r in store.db.execute_sql("SELECT name FROM sqlite_master")}
        backups = [b.name for b in list_backups(store.backups)]
    assert {"reminder_occurrence", "reminder_snooze", "notification_delivery"} <= tables
    assert any("before-v2" in name for name in backups)


def test_a_failing_migration_step_rolls_back_leaving_version_and_data(
    data_dir: Path, now: datetime, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _store_with_wins(data_dir, now, today, "Must survive")
    broken: migrations.Step = (
        "CREATE TABLE half_done (x INTEGER)",
        "INSERT INTO no_such_table VALUES (1)",
    )
    _pretend_latest(monkeypatch, broken)

    with pytest.raises(StoreError, match="no_such_table"):
        open_store(data_dir, now=now)

    assert _user_version(path) == migrations.LATEST_VERSION
    with _sqlite(path) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        texts = conn.execute("SELECT text FROM win").fetchall()
    assert "half_done" not in tables
    assert texts == [("Must survive",)]


def test_each_migration_step_is_its_own_transaction(
    data_dir: Path, now: datetime, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _store_with_wins(data_dir, now, today, "Must survive")
    _pretend_latest(monkeypatch, _V2_ADD_MOOD, ("INSERT INTO no_such_table VALUES (1)",))

    with pytest.raises(StoreError):
        open_store(data_dir, now=now)

    assert _user_version(path) == migrations.LATEST_VERSION + 1
    with _sqlite(path) as conn:
        assert conn.execute("SELECT text, mood FROM win").fetchall() == [("Must survive", "proud")]


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_a_database_from_a_newer_version_is_refused_untouched(
    data_dir: Path, now: datetime, journal_mode: str
) -> None:
    data_dir.mkdir(mode=0o700)
    path = data_dir / "smallwins.db"
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        conn.execute("CREATE TABLE win (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO win (text) VALUES ('from the future')")
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
    finally:
        conn.close()
    before = _sha256(path)

    with pytest.raises(NewerSchemaError) as raised:
        open_store(data_dir, now=now)

    message = str(raised.value)
    assert str(path) in message
    assert "newer version" in message
    assert "99" in message
    assert _sha256(path) == before
    assert _user_version(path) == 99
    assert list_backups(data_dir / "backups") == []


# -- damaged files -------------------------------------------------------------------------------


def test_garbage_database_is_set_aside_and_backup_restored(
    data_dir: Path, now: datetime, today: date
) -> None:
    with open_store(data_dir, now=now) as store:
        wins.add(store, "Kept in the backup", today=today, now=now)
        backup = store.backup("manual", now)
        wins.add(store, "Only in the damaged file", today=today, now=now)
        path = store.path
    path.write_bytes(GARBAGE)

    with pytest.raises(DatabaseRecoveredError) as raised:
        open_store(data_dir, now=now)

    error = raised.value
    assert error.restored_from == backup
    assert error.damaged != path
    assert error.damaged.parent == data_dir
    assert str(error.damaged) in str(error)
    assert str(backup) in str(error)
    assert error.damaged.read_bytes() == GARBAGE
    with open_store(data_dir, now=now) as store:
        assert _texts(store) == ["Kept in the backup"]
        assert store.quick_check() == "ok"
    assert error.damaged.read_bytes() == GARBAGE


def test_garbage_database_without_a_backup_starts_empty_and_says_so(
    data_dir: Path, now: datetime, today: date
) -> None:
    path = _store_with_wins(data_dir, now, today, "Lost, but kept aside")
    assert list_backups(data_dir / "backups") == []
    path.write_bytes(GARBAGE)

    with pytest.raises(DatabaseRecoveredError) as raised:
        open_store(data_dir, now=now)

    error = raised.value
    assert error.restored_from is None
    assert str(error.damaged) in str(error)
    assert "no backup" in str(error)
    assert error.damaged.read_bytes() == GARBAGE
    with open_store(data_dir, now=now) as store:
        assert _texts(store) == []
        assert store.schema_version == migrations.LATEST_VERSION


def test_a_damaged_backup_is_skipped_for_an_older_good_one(
    data_dir: Path, now: datetime, today: date
) -> None:
    with open_store(data_dir, now=now) as store:
        wins.add(store, "In the good backup", today=today, now=now)
        good = store.backup("manual", now)
        bad = store.backup("manual", now + timedelta(minutes=1))
        path = store.path
    bad.write_bytes(GARBAGE)
    path.write_bytes(GARBAGE)

    with pytest.raises(DatabaseRecoveredError) as raised:
        open_store(data_dir, now=now + timedelta(minutes=2))

    assert raised.value.restored_from == good
    with open_store(data_dir, now=now + timedelta(minutes=2)) as store:
        assert _texts(store) == ["In the good backup"]


# -- backups -------------------------------------------------------------------------------------


def test_backups_of_one_day_are_pruned_to_the_newest_few(
    store: Store, now: datetime, today: date
) -> None:
    wins.add(store, "Something to back up", today=today, now=now)
    taken = [store.backup("manual", now + timedelta(minutes=i)) for i in range(15)]

    kept = list_backups(store.backups)

    assert kept == list(reversed(taken[-3:]))  # the rule itself: tests/unit/test_backup.py
    assert not any(p.exists() for p in taken[:-3])
    assert not list(store.backups.glob("*.partial"))


def test_a_backup_is_a_readable_copy(store: Store, now: datetime, today: date) -> None:
    wins.add(store, "Copied", today=today, now=now)

    backup = store.backup("manual", now)

    with _sqlite(backup) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT text FROM win").fetchall() == [("Copied",)]


def test_the_daily_backup_happens_once_per_day(data_dir: Path, now: datetime, today: date) -> None:
    _store_with_wins(data_dir, now, today, "Worth keeping")
    backups = data_dir / "backups"
    assert list_backups(backups) == [], "a new database has nothing to back up"

    for hours, expected in [(1, 1), (2, 1), (23, 1), (26, 2), (30, 2), (51, 3)]:
        with open_store(data_dir, now=now + timedelta(hours=hours)):
            pass
        assert len(list_backups(backups)) == expected, f"after {hours} h"


def test_an_empty_database_is_not_backed_up_daily(data_dir: Path, now: datetime) -> None:
    for days in range(3):
        with open_store(data_dir, now=now + timedelta(days=days)):
            pass

    assert list_backups(data_dir / "backups") == []


# -- schema --------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_model_columns_match_the_migrated_schema(store: Store, model: type[pw.Model]) -> None:
    table = model._meta.table_name
    rows = store.db.execute_sql(f"PRAGMA table_info({table})").fetchall()

    assert rows, f"no table {table}"
    assert {row[1] for row in rows} == {f.column_name for f in model._meta.sorted_fields}


def test_the_schema_has_exactly_the_model_tables_and_the_search_index(store: Store) -> None:
    rows = store.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'win_fts_%'"
    ).fetchall()

    assert {r[0] for r in rows} == {m._meta.table_name for m in MODELS} | {"win_fts"}


class _Checks:
    """Counts the whole-file checks `open_store` runs."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = dbmod._check_file

        def counted(path: Path) -> str | None:
            self.count += 1
            return real(path)

        monkeypatch.setattr(dbmod, "_check_file", counted)


def test_a_file_as_a_clean_close_left_it_today_is_not_checked_again(
    data_dir: Path, now: datetime, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(data_dir, now=now) as store:
        wins.add(store, "First", today=today, now=now)
    checks = _Checks(monkeypatch)
    for _ in range(3):  # one `smallwins add` after another
        with open_store(data_dir, now=now) as store:
            wins.add(store, "Another", today=today, now=now)
    assert checks.count == 0

    with open_store(data_dir, now=now + timedelta(days=1)) as store:  # once a day regardless
        assert len(_texts(store)) == 4
    assert checks.count == 1


@pytest.mark.parametrize("touch", ["append", "rewrite-same-size", "replace", "wal-left"])
def test_anything_else_touching_the_file_brings_the_check_back(
    data_dir: Path, now: datetime, today: date, monkeypatch: pytest.MonkeyPatch, touch: str
) -> None:
    with open_store(data_dir, now=now) as store:
        wins.add(store, "Kept", today=today, now=now)
        path = store.path
    checks = _Checks(monkeypatch)
    if touch == "append":
        with path.open("ab") as f:
            f.write(b"\0" * 4096)
    elif touch == "rewrite-same-size":
        data = path.read_bytes()
        path.write_bytes(data[:100] + bytes(255 - b for b in data[100:200]) + data[200:])
    elif touch == "replace":
        copy = path.with_name("copy.db")
        copy.write_bytes(path.read_bytes())
        os.replace(copy, path)
    else:
        path.with_name(path.name + "-wal").write_bytes(b"")
    with contextlib.suppress(StoreError):
        open_store(data_dir, now=now).close()
    assert checks.count >= 1  # (a damaged file's backups are checked too)


def test_garbage_written_after_a_clean_close_is_still_found_and_recovered(
    data_dir: Path, now: datetime, today: date
) -> None:
    with open_store(data_dir, now=now) as store:
        wins.add(store, "Kept in the backup", today=today, now=now)
        store.backup("manual", now)
        path = store.path
    path.write_bytes(GARBAGE)
    with pytest.raises(DatabaseRecoveredError):
        open_store(data_dir, now=now)
    with open_store(data_dir, now=now) as store:
        assert _texts(store) == ["Kept in the backup"]

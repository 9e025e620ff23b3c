"""A healthy database is never moved aside; a damaged one is recovered once, by one process.

On the old code, any `sqlite3.Error` during the start-up check counted as damage: a -wal
file that could not be opened (a permission or I/O problem) moved the healthy journal aside
and rolled it back to an old backup, and parallel recoveries collided on a one-second name
and overwrote the only damaged copy.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core import db, queries, wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store, open_store
from smallwins_desktop.core.errors import (
    DatabaseBusyError,
    DiskFullError,
    StoreAccessError,
    classify,
)
from smallwins_desktop.core.migrations import LATEST_VERSION


def _wins_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM win ORDER BY id")]
    finally:
        conn.close()


def test_an_unopenable_wal_is_reported_and_the_healthy_file_stays(
    data_dir: Path, now: datetime, today: date
) -> None:
    with open_store(data_dir, now=now) as store:
        wins.add(store, "Kept through a permission problem", today=today, now=now)
        path = store.path
    before = path.read_bytes()
    (data_dir / "smallwins.db-wal").mkdir()  # stands in for a -wal nobody may open

    with pytest.raises(StoreAccessError, match="Nothing was changed"):
        open_store(data_dir, now=now)

    assert path.read_bytes() == before
    assert not list(data_dir.glob("*.damaged-*"))
    os.rmdir(data_dir / "smallwins.db-wal")
    assert _wins_in(path) == ["Kept through a permission problem"]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite3.OperationalError("database or disk is full"), "The disk is full"),
        (OSError(28, "No space left on device"), "The disk is full"),
        (sqlite3.OperationalError("database is locked"), "busy in another program"),
        (sqlite3.OperationalError("attempt to write a readonly database"), "cannot be used"),
        (sqlite3.DatabaseError("database disk image is malformed"), "is damaged"),
    ],
)
def test_database_errors_become_messages_a_person_can_act_on(
    error: Exception, expected: str
) -> None:
    assert expected in str(classify(error))


_ADD = """
import sys
from smallwins_desktop.cli import main
sys.exit(main(["add", sys.argv[1]]))
"""


def test_parallel_adds_over_a_damaged_file_recover_once_and_lose_nothing(
    data_dir: Path, now: datetime, today: date
) -> None:
    with open_store(data_dir, now=now) as store:
        path = store.path
    garbage = b"this is not a database" * 512
    path.write_bytes(garbage)

    env = {**os.environ, "SMALLWINS_DATA_DIR": str(data_dir)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _ADD, f"Parallel win {i}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for i in range(8)
    ]
    results = []
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        results.append((proc.returncode, err))
    saved = {f"Parallel win {i}" for i, (code, _) in enumerate(results) if code == 0}

    assert saved, results
    assert saved <= set(_wins_in(path)), "a win reported saved is in no file"
    aside = list(data_dir.glob("smallwins.db.damaged-*"))
    damaged = [p for p in aside if not p.name.endswith(("-wal", "-shm"))]
    assert len(damaged) == 1, damaged
    assert damaged[0].read_bytes() == garbage


_OPEN = """
import sys
from pathlib import Path
from smallwins_desktop.core.db import open_store
barrier = Path(sys.argv[2])
while not barrier.exists():
    pass
open_store(Path(sys.argv[1])).close()
"""


def test_processes_opening_a_new_data_dir_at_once_migrate_it_once(
    data_dir: Path, tmp_path: Path
) -> None:
    """Opening the app and a CLI command together on a first run must not fail half-way.

    On the old code each step ran in a deferred transaction without re-reading the version,
    so the second process re-ran `CREATE TABLE` and failed with "table ... already exists".
    """
    barrier = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _OPEN, str(data_dir), str(barrier)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(8)
    ]
    barrier.touch()
    failures = []
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        if proc.returncode != 0:
            failures.append(err.decode(errors="replace").strip().splitlines()[-1:])

    assert failures == []
    with open_store(data_dir) as store:
        assert store.schema_version == LATEST_VERSION


def test_a_damaged_file_another_process_has_open_is_left_where_it_is(
    data_dir: Path, now: datetime, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A command run while the app has the file open must not move it away under the app.

    On the old code the command set the file aside and created an empty one, and the app went
    on saying "Saved" into a file no later process would ever read.
    """
    monkeypatch.setattr(db, "RECOVERY_WAIT_S", 0.2)
    running = open_store(data_dir, now=now)  # the app; a second open in one process is alike
    try:
        running.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # nothing left in the -wal
        garbage = b"this is not a database" * 512
        running.path.write_bytes(garbage)

        with pytest.raises(DatabaseBusyError, match="has it open, so it was left as it is"):
            open_store(data_dir, now=now)

        assert running.path.read_bytes() == garbage
        assert not list(data_dir.glob("*.damaged-*"))
    finally:
        running.close()


@pytest.mark.parametrize("moved", ["smallwins.db-wal", "smallwins.db"])
def test_a_database_deleted_under_the_open_store_is_rescued_not_written_into(
    store: Store, data_dir: Path, now: datetime, today: date, moved: str
) -> None:
    """Deleting the -wal (or moving the file) while the app runs: nothing said saved is lost.

    On the old code the app went on saying "Saved" into unlinked files; on quit they were gone.
    """
    for i in range(3):
        wins.add(store, f"Before the file went {i}", today=today, now=now)
    (data_dir / moved).rename(data_dir.parent / "elsewhere")

    with pytest.raises(StoreAccessError, match="moved or deleted while Small Wins had it open"):
        wins.add(store, "After the file went", today=today, now=now)

    [rescued] = store.backups.glob("*-rescued.db")
    assert _wins_in(rescued) == [f"Before the file went {i}" for i in range(3)]


def test_a_write_takes_the_write_lock_before_it_reads(store: Store) -> None:
    """Read-then-write under contention waits its turn instead of failing half-way.

    A deferred transaction only asks for the write lock at its first write; when another
    process committed meanwhile, SQLite refuses at once ("database is locked"), and the
    busy timeout does not help. `BEGIN IMMEDIATE` asks for it up front.
    """
    other = sqlite3.connect(store.path, timeout=0)
    try:
        with (
            store.write(),
            pytest.raises(sqlite3.OperationalError, match="database is locked"),
        ):
            other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once the write is over
        other.rollback()
    finally:
        other.close()


def test_a_win_and_its_milestone_land_together_so_a_retry_saves_it_once(
    store: Store, now: datetime, qtbot: QtBot
) -> None:
    """When the milestone bookkeeping fails, the win is not kept either.

    On the old code the win was committed, then the milestone write failed, the capture box
    kept the text and said it was not saved, and saving again stored the win twice.
    """
    journal = Journal(store, FixedClock(now))
    store.db.execute_sql(
        "CREATE TRIGGER fail_setting BEFORE INSERT ON setting "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    draft = journal.parse("The first win ever")

    with pytest.raises(DiskFullError):
        journal.add(draft, source="capture")
    assert queries.list_wins(store, since=date(2000, 1, 1)) == []

    store.db.execute_sql("DROP TRIGGER fail_setting")
    _, celebration = journal.add(draft, source="capture")
    assert [w.text for w in queries.list_wins(store, since=date(2000, 1, 1))] == [
        "The first win ever"
    ]
    assert celebration.milestone is not None
    journal.stop_watching()

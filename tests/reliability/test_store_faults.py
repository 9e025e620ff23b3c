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

from smallwins_desktop.core import wins
from smallwins_desktop.core.db import open_store
from smallwins_desktop.core.errors import StoreAccessError, classify
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

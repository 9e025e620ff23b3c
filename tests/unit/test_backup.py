"""Backups: online copies kept by day and week; restore checks first and saves what it
replaces; nothing is restored under a process that has the database open."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smallwins_desktop.core import backup, queries, wins
from smallwins_desktop.core.db import BACKUP_STAMP, backup_time, list_backups, open_store
from smallwins_desktop.core.errors import DatabaseBusyError, StoreError
from tests.exchange_data import fingerprint

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 20)


def _name(at: datetime, reason: str) -> Path:
    return Path(f"smallwins-{at:%Y%m%dT%H%M%S%f}-{reason}.db")


def test_the_rule_keeps_14_days_8_weeks_and_the_newest_few() -> None:
    daily = [_name(NOW - timedelta(days=n), "daily") for n in range(120)]
    same_day = [_name(NOW - timedelta(minutes=n), "manual") for n in range(1, 5)]

    kept = backup.retained([*daily, *same_day])

    days = {p for p in kept if p in daily}
    assert set(daily[:14]) <= days  # the last 14 days
    weeks = {datetime.strptime(p.name[10:18], "%Y%m%d").isocalendar()[:2] for p in days}
    assert len(weeks) == 8  # the last 8 weeks: three have days kept, five their newest
    assert len(days) == 14 + 5
    assert set(same_day[:2]) <= kept  # with today's newest: the 3 newest are kept
    assert same_day[2] not in kept


def test_backups_before_an_upgrade_or_a_restore_are_kept_apart() -> None:
    regular = [_name(NOW - timedelta(minutes=n), "manual") for n in range(10)]
    before = [_name(NOW - timedelta(minutes=n), "before-restore") for n in range(8)]
    upgrades = [_name(NOW - timedelta(days=n), f"before-v{n + 2}") for n in range(2)]

    kept = backup.retained([*regular, *before, *upgrades])

    assert set(before[:5]) <= kept
    assert not set(before[5:]) & kept
    assert set(upgrades) <= kept
    assert len(kept & set(regular)) == 3


def test_a_backup_taken_while_another_connection_writes_is_whole(data_dir: Path) -> None:
    with open_store(data_dir, now=NOW) as store:
        wins.add(store, "Committed before", today=TODAY, now=NOW)
        writer = sqlite3.connect(store.path, timeout=5)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO win (uuid, text, day, created_at, updated_at) "
            "VALUES ('u', 'Not yet committed', '2026-11-20', '2026-11-20', '2026-11-20')"
        )

        taken = backup.back_up(store, now=NOW)
        writer.commit()
        writer.close()

    backup.check(taken)
    with sqlite3.connect(taken) as copy:
        assert copy.execute("SELECT text FROM win").fetchall() == [("Committed before",)]


def test_restore_puts_the_newest_backup_back_and_keeps_the_current_one(data_dir: Path) -> None:
    with open_store(data_dir, now=NOW) as store:
        wins.add(store, "In the backup", today=TODAY, now=NOW)
        backup.back_up(store, now=NOW)
        wins.add(store, "After the backup", today=TODAY, now=NOW)
        before = fingerprint(store)

    done = backup.restore(data_dir, None, now=NOW + timedelta(minutes=1))

    with open_store(data_dir, now=NOW + timedelta(minutes=1)) as store:
        assert [w.text for w in queries.list_wins(store, since=TODAY)] == ["In the backup"]
    assert done.previous is not None
    assert "before-restore" in done.previous.name
    with open_store(data_dir / "check", now=NOW) as scratch:
        pass
    scratch.path.unlink()
    done.previous.replace(scratch.path)  # the database as it was, whole
    with open_store(data_dir / "check", now=NOW) as previous:
        assert fingerprint(previous) == before


def test_a_damaged_backup_is_refused_and_nothing_changes(data_dir: Path, tmp_path: Path) -> None:
    with open_store(data_dir, now=NOW) as store:
        wins.add(store, "Safe", today=TODAY, now=NOW)
        taken = backup.back_up(store, now=NOW)
        before = fingerprint(store)
    data = bytearray(taken.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)  # every page after the first is garbage
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    (tmp_path / "nonsense.db").write_bytes(b"not a database at all" * 100)

    for bad in (damaged, tmp_path / "nonsense.db", tmp_path / "missing.db"):
        with pytest.raises(StoreError, match=r"cannot be restored|no backup file"):
            backup.restore(data_dir, bad, now=NOW)

    with open_store(data_dir, now=NOW) as store:
        assert fingerprint(store) == before
    assert [p.name for p in list_backups(data_dir / "backups")] == [taken.name]


def test_restore_is_refused_while_the_database_is_open(data_dir: Path) -> None:
    with open_store(data_dir, now=NOW) as store:
        wins.add(store, "Open", today=TODAY, now=NOW)
        taken = backup.back_up(store, now=NOW)
        before = fingerprint(store)

        with pytest.raises(DatabaseBusyError, match="quit it first"):
            backup.restore(data_dir, taken, now=NOW)

        assert fingerprint(store) == before


def test_a_backup_to_a_chosen_file_never_overwrites(data_dir: Path, tmp_path: Path) -> None:
    with open_store(data_dir, now=NOW) as store:
        wins.add(store, "Copied", today=TODAY, now=NOW)
        target = backup.back_up_to(store, tmp_path / "mine.db")
        with pytest.raises(StoreError, match="already exists"):
            backup.back_up_to(store, target)
    backup.check(target)


_STAMP_TIMES = st.datetimes(
    min_value=datetime(1000, 1, 1),
    max_value=datetime(9999, 12, 31),
    timezones=st.just(timezone.utc),
)


@given(_STAMP_TIMES, st.sampled_from(["daily", "manual", "rescued", "before-restore"]))
def test_a_backup_name_gives_back_the_moment_it_was_taken(taken: datetime, reason: str) -> None:
    name = Path(f"smallwins-{taken.strftime(BACKUP_STAMP)}-{reason}.db")
    assert backup_time(name) == taken


@given(
    _STAMP_TIMES,
    st.integers(min_value=0, max_value=20),
    st.sampled_from([*"0123456789", "T", "Z", "+", "-", ":", ".", " ", "x", "\u0663"]),
)
def test_a_backup_stamp_reads_as_strptime_reads_it(taken: datetime, at: int, char: str) -> None:
    """Real stamps with one character changed: what is read, strptime reads the same; what is
    refused is no stamp Small Wins writes (strptime also takes " 1" for a day, say)."""
    real = taken.strftime(BACKUP_STAMP)
    stamp = real[:at] + char + real[at + 1 :]
    try:
        expected: datetime | None = datetime.strptime(stamp, BACKUP_STAMP)
    except ValueError:
        expected = None
    read = backup_time(Path(f"smallwins-{stamp}-daily.db"))
    if read is not None:
        assert expected is not None
        assert read == expected.replace(tzinfo=timezone.utc)
    elif expected is not None:
        assert expected.strftime(BACKUP_STAMP) != stamp


def test_a_file_in_the_backups_without_a_stamp_does_not_count_as_the_newest(
    data_dir: Path,
) -> None:
    """Otherwise it would sort first forever, and every open would take a full backup."""
    with open_store(data_dir, now=NOW) as store:
        wins.add(store, "Worth keeping", today=TODAY, now=NOW)
    with open_store(data_dir, now=NOW + timedelta(days=1)):
        pass  # the day's backup
    backups = data_dir / "backups"
    (backups / "smallwins-zz-copied-by-hand.db").write_bytes(b"")
    before = sorted(backups.iterdir())
    for hours in (1, 2, 3):
        with open_store(data_dir, now=NOW + timedelta(days=1, hours=hours)):
            pass
    assert sorted(backups.iterdir()) == before


@pytest.mark.parametrize("name", ["smallwins.db", "smallwins-20261204T0304-daily.db", "notes.txt"])
def test_a_file_without_a_stamp_has_no_backup_time(name: str) -> None:
    assert backup_time(Path(name)) is None

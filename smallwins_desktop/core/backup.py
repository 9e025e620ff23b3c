"""Backups: taken with SQLite's online backup API (safe while the app writes), kept by a
daily and weekly rule, and put back only when they pass a check and nothing has the
database open.

Backups live in `<data dir>/backups` as `smallwins-<UTC stamp>-<reason>.db`. `daily` and
`manual` ones are kept by `retained`: the newest of each of the `DAILY_KEPT` most recent days
that have one, the newest of each of the `WEEKLY_KEPT` most recent ISO weeks, and the
`RECENT_KEPT` newest whatever their day (so a damaged newest copy has a sibling). Others (taken
before an upgrade, before a restore, a rescue copy) are kept `SPECIAL_KEPT` per reason, so a
restore never prunes the backup it is restoring.

`restore` refuses while any Small Wins process (the app, a command) has the database open:
it takes the in-use lock exclusively, as recovery does. The running app restores by handing
the job to `smallwins restore --wait` and quitting (see app/exchange/data_actions.py).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from smallwins_desktop import paths
from smallwins_desktop.core.db import (
    BACKUP_STAMP,
    DAILY_BACKUP_AGE,
    Store,
    _create_private_file,
    _lock,
    _open_lock,
    backup_time,
    list_backups,
    newest_backup_time,
    uses_store,
)
from smallwins_desktop.core.errors import DatabaseBusyError, StoreError
from smallwins_desktop.core.migrations import LATEST_VERSION

log = logging.getLogger(__name__)

DAILY_KEPT = 14
WEEKLY_KEPT = 8
SPECIAL_KEPT = 5
RECENT_KEPT = 3
REGULAR_REASONS = ("daily", "manual")
_SIDECARS = ("-wal", "-shm")


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    previous: Path | None  # the database as it was, backed up first (None if there was none)


def reason_of(backup: Path) -> str:
    """'daily' for smallwins-20261120T153000000000-daily.db."""
    return backup.stem.split("-", 2)[2] if backup.stem.count("-") >= 2 else ""


def retained(backups: Iterable[Path]) -> set[Path]:
    """The backups the rule keeps (see the module docstring)."""
    regular: list[tuple[datetime, Path]] = []
    special: dict[str, list[tuple[datetime, Path]]] = {}
    keep: set[Path] = set()
    for backup in backups:
        taken = backup_time(backup)
        if taken is None:
            keep.add(backup)  # not one of ours to judge
            continue
        reason = reason_of(backup)
        if reason in REGULAR_REASONS:
            regular.append((taken, backup))
        else:
            special.setdefault(reason.split("-v")[0], []).append((taken, backup))
    regular.sort(reverse=True)
    days: dict[date, Path] = {}
    weeks: dict[tuple[int, int], Path] = {}
    for taken, backup in regular:  # newest first: the first seen of a day or week is kept
        day = taken.date()
        week = day.isocalendar()[:2]
        if day not in days and len(days) < DAILY_KEPT:
            days[day] = backup
        if week not in weeks and len(weeks) < WEEKLY_KEPT:
            weeks[week] = backup
    keep.update(days.values(), weeks.values(), (backup for _, backup in regular[:RECENT_KEPT]))
    for group in special.values():
        keep.update(backup for _, backup in sorted(group, reverse=True)[:SPECIAL_KEPT])
    return keep


def prune(directory: Path) -> list[Path]:
    """Delete the backups the rule does not keep; returns them."""
    found = list_backups(directory)
    keep = retained(found)
    removed = []
    for backup in found:
        if backup not in keep:
            with contextlib.suppress(OSError):
                backup.unlink()
                removed.append(backup)
    return removed


@uses_store
def back_up(store: Store, *, now: datetime, reason: str = "manual") -> Path:
    """A backup into the backups folder now (then pruned by the rule)."""
    try:
        return store.backup(reason, now)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(f"The backup could not be written: {error}.") from error


@uses_store
def daily_if_due(store: Store, *, now: datetime) -> Path | None:
    """The day's backup, when the newest is a day old or more and there is a win to keep."""
    taken = newest_backup_time(store.backups)
    if taken is not None and now - taken < DAILY_BACKUP_AGE:
        return None
    if not store.db.execute_sql("SELECT EXISTS (SELECT 1 FROM win)").fetchone()[0]:
        return None
    return back_up(store, now=now, reason="daily")


@uses_store
def back_up_to(store: Store, target: Path) -> Path:
    """A backup into a file of the user's choosing (never over an existing file)."""
    target = target.expanduser()
    if target.exists():
        raise StoreError(f"{target} already exists: choose a new file name for the backup.")
    partial = target.with_name(target.name + ".partial")
    try:
        _create_private_file(partial)
        dest = sqlite3.connect(partial)
        try:
            store.db.connection().backup(dest)
        finally:
            dest.close()
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise StoreError(f"The backup could not be written to {target}: {error}.") from error
    return target


def check(backup: Path) -> None:
    """Raise `StoreError` saying why `backup` cannot be restored, if it cannot."""
    if not backup.is_file():
        raise StoreError(f"There is no backup file {backup}.")
    try:
        conn = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = "; ".join(str(r[0]) for r in conn.execute("PRAGMA quick_check"))
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise StoreError(
            f"{backup.name} cannot be restored: it is not a readable database ({error})."
        ) from None
    if result != "ok":
        raise StoreError(f"{backup.name} cannot be restored: it is damaged ({result}).")
    if "win" not in tables or version < 1:
        raise StoreError(f"{backup.name} cannot be restored: it is not a Small Wins database.")
    if version > LATEST_VERSION:
        raise StoreError(
            f"{backup.name} was written by a newer Small Wins (schema {version}); "
            "update Small Wins to restore it."
        )


def newest_good(directory: Path) -> Path:
    for backup in list_backups(directory):
        try:
            check(backup)
        except StoreError as error:
            log.warning("skipping backup %s: %s", backup, error)
            continue
        return backup
    raise StoreError(f"There is no good backup in {directory} to restore.")


def restore(
    data_dir: Path, backup: Path | None, *, now: datetime, wait: float = 0.0
) -> RestoreResult:
    """Put `backup` (default: the newest good one) in place of the database.

    The current database is backed up first (`before-restore`). Refused, changing nothing,
    while another process has the database open (after waiting up to `wait` seconds)."""
    paths.ensure_private_dir(data_dir)
    backups = paths.backup_dir(data_dir)
    source = backup.expanduser().resolve() if backup is not None else newest_good(backups)
    check(source)
    database = paths.database_path(data_dir)
    lock_fd = _open_lock(database)
    try:
        if not _lock(lock_fd, exclusive=True, wait=max(wait, 0.01)):
            raise DatabaseBusyError(
                "Small Wins is using the database (the app is running, or another command "
                "is): quit it first (tray menu → Quit), then restore. Nothing was changed."
            )
        previous = _save_current(database, backups, now)
        _put_in_place(source, database)
    finally:
        os.close(lock_fd)
    log.info("restored %s (the database before is in %s)", source, previous)
    return RestoreResult(restored_from=source, previous=previous)


def _save_current(database: Path, backups: Path, now: datetime) -> Path | None:
    if not database.exists() or database.stat().st_size == 0:
        return None
    paths.ensure_private_dir(backups)
    stamp = now.astimezone(timezone.utc).strftime(BACKUP_STAMP)
    target = backups / f"smallwins-{stamp}-before-restore.db"
    _create_private_file(target)
    try:
        with (
            contextlib.closing(sqlite3.connect(database)) as src,
            contextlib.closing(sqlite3.connect(target)) as dest,
        ):
            src.backup(dest)
    except sqlite3.Error:  # a damaged file: keep its bytes as they are
        import shutil  # only here: with bz2 and lzma, it costs every `add` ~2 ms to import

        shutil.copyfile(database, target)
        for suffix in _SIDECARS:
            sidecar = database.with_name(database.name + suffix)
            if sidecar.exists():
                shutil.copyfile(sidecar, target.with_name(target.name + suffix))
    return target


def _put_in_place(source: Path, database: Path) -> None:
    partial = database.with_name(database.name + ".restoring")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    _create_private_file(partial)
    with (
        contextlib.closing(sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)) as src,
        contextlib.closing(sqlite3.connect(partial)) as dest,
    ):
        src.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    with open(partial, "rb") as written:
        os.fsync(written.fileno())
    for suffix in _SIDECARS:  # the old file's log must not be replayed into the new one
        with contextlib.suppress(FileNotFoundError):
            database.with_name(database.name + suffix).unlink()
    os.replace(partial, database)

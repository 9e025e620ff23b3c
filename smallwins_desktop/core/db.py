"""Opening the database safely: pragmas, integrity check, migrations and backups.

`open_store` is the only way in. In order, it:

1. makes the data dir (0700) and checks an existing file with `PRAGMA quick_check` through a
   read-only connection, so a damaged file is never written to: it is moved aside, the newest
   backup that passes the same check is put back, and `DatabaseRecoveredError` says where both
   files are (opening again then succeeds);
2. refuses, untouched, a file whose schema is newer than this version knows;
3. takes a backup (SQLite's online backup API) and runs each pending migration step in its own
   transaction together with its `user_version` bump;
4. binds the models to this database and returns a `Store`.

Backups live in `<data dir>/backups`, newest `BACKUPS_KEPT` are kept; one is also taken once a
day, so a damaged file usually loses at most a day.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import peewee as pw

from smallwins_desktop import paths
from smallwins_desktop.core.errors import (
    DatabaseRecoveredError,
    NewerSchemaError,
    StoreError,
    classify,
    is_corruption,
)
from smallwins_desktop.core.migrations import LATEST_VERSION, STEPS
from smallwins_desktop.core.models import MODELS

log = logging.getLogger(__name__)

FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 5_000
BACKUPS_KEPT = 10
DAILY_BACKUP_AGE = timedelta(days=1)
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a win acknowledged is a win on disk, even after a power cut.
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}
BACKUP_STAMP = "%Y%m%dT%H%M%S%f"
_SIDECARS = ("-wal", "-shm")


@dataclass
class Store:
    """An open Small Wins database. Close it when done; it is also a context manager."""

    db: pw.SqliteDatabase
    path: Path
    data_dir: Path
    backups: Path = field(init=False)

    def __post_init__(self) -> None:
        self.backups = paths.backup_dir(self.data_dir)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()

    def pragma(self, name: str) -> object:
        row = self.db.execute_sql(f"PRAGMA {name}").fetchone()
        return row[0] if row else None

    @property
    def schema_version(self) -> int:
        return int(str(self.pragma("user_version")))

    def data_version(self) -> int:
        """Changes whenever another connection commits; cheap to poll."""
        return int(str(self.pragma("data_version")))

    def quick_check(self) -> str:
        rows = self.db.execute_sql("PRAGMA quick_check").fetchall()
        return "; ".join(str(r[0]) for r in rows)

    def backup(self, reason: str, now: datetime) -> Path:
        """Copy the database into the backup dir with SQLite's backup API; prune old copies."""
        paths.ensure_private_dir(self.backups)
        stamp = now.astimezone(timezone.utc).strftime(BACKUP_STAMP)
        target = self.backups / f"smallwins-{stamp}-{reason}.db"
        partial = target.with_suffix(".partial")
        _create_private_file(partial)
        dest = sqlite3.connect(partial)
        try:
            self.db.connection().backup(dest)
        finally:
            dest.close()
        os.replace(partial, target)
        for old in list_backups(self.backups)[BACKUPS_KEPT:]:
            with contextlib.suppress(OSError):
                old.unlink()
        log.info("backup written: %s", target)
        return target


def list_backups(directory: Path) -> list[Path]:
    """Backups, newest first (names carry a sortable UTC stamp)."""
    if not directory.is_dir():
        return []
    return sorted(directory.glob("smallwins-*.db"), reverse=True)


def _backup_time(backup: Path) -> datetime | None:
    stamp = backup.stem.split("-")[1]
    try:
        return datetime.strptime(stamp, BACKUP_STAMP).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def open_store(data_dir: Path, *, now: datetime | None = None) -> Store:
    """Open (creating if needed) the database in `data_dir`; see the module docstring."""
    now = now or datetime.now(timezone.utc)
    paths.ensure_private_dir(data_dir)
    path = paths.database_path(data_dir)
    if path.exists() and path.stat().st_size > 0:
        problem = _check_file(path)
        if problem is not None:
            with _recovery_lock(path):
                # Another process may have recovered the file while we waited for the lock.
                problem = _check_file(path)
                if problem is not None:
                    raise _set_aside(path, paths.backup_dir(data_dir), problem, now)
        # Checked read-only: connecting with our pragmas (WAL) would already rewrite the header.
        _refuse_newer(path, _file_version(path))
    _create_private_file(path)

    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        db.connect()
    except (pw.DatabaseError, sqlite3.Error, OSError) as error:
        raise classify(error, path) from error
    store = Store(db=db, path=path, data_dir=data_dir)
    try:
        _migrate(store, now)
        _daily_backup(store, now)
    except (pw.PeeweeException, sqlite3.Error, OSError) as error:
        store.close()
        raise classify(error, path) from error
    except BaseException:
        store.close()
        raise
    db.bind(list(MODELS))
    return store


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
    os.close(fd)
    if os.name != "nt" and (path.stat().st_mode & 0o777) != FILE_MODE:
        path.chmod(FILE_MODE)


def _check_file(path: Path) -> str | None:
    """Return what is wrong with the file at `path`, or None if it passes `quick_check`.

    Only real corruption is returned as damage. Anything else (a full disk, a lock, a
    permission or I/O error) is raised as the typed error it is, and nothing is moved.
    """
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error as error:
        if is_corruption(error):
            return str(error)
        raise classify(error, path) from error
    result = "; ".join(str(r[0]) for r in rows)
    return None if result == "ok" else result


def _is_good_backup(backup: Path) -> bool:
    try:
        return _check_file(backup) is None
    except StoreError as error:
        log.warning("backup %s cannot be checked: %s", backup, error)
        return False


@contextlib.contextmanager
def _recovery_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside the database, so only one process recovers it."""
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, FILE_MODE)
    try:
        if os.name != "nt":
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _unique_aside(path: Path, now: datetime) -> Path:
    """A set-aside name no earlier recovery used (an existing file is never overwritten)."""
    stamp = now.astimezone(timezone.utc).strftime(BACKUP_STAMP)
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    return candidate


def _file_version(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _refuse_newer(path: Path, version: int) -> None:
    if version > LATEST_VERSION:
        raise NewerSchemaError(
            f"The database at {path} was written by a newer version of Small Wins "
            f"(schema {version}; this version knows up to {LATEST_VERSION}). It was not "
            "changed. Please update Small Wins."
        )


def _set_aside(path: Path, backups: Path, problem: str, now: datetime) -> DatabaseRecoveredError:
    damaged = _unique_aside(path, now)
    os.replace(path, damaged)
    for suffix in _SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.replace(sidecar, damaged.with_name(damaged.name + suffix))
    log.error("database damaged (%s); moved to %s", problem, damaged)

    restored = next((b for b in list_backups(backups) if _is_good_backup(b)), None)
    if restored is not None:
        _create_private_file(path)
        with sqlite3.connect(f"{restored.as_uri()}?mode=ro", uri=True) as src:
            dest = sqlite3.connect(path)
            try:
                src.backup(dest)
            finally:
                dest.close()
        src.close()
        message = (
            f"The database was damaged ({problem}). It was moved aside to {damaged} and the "
            f"newest good backup, {restored}, was restored to {path}. Wins recorded after "
            "that backup are in the damaged file only."
        )
    else:
        message = (
            f"The database was damaged ({problem}). It was moved aside to {damaged}; there was "
            f"no backup to restore, so a new empty database will be created at {path}."
        )
    return DatabaseRecoveredError(message, damaged=damaged, restored_from=restored)


def _migrate(store: Store, now: datetime) -> None:
    """Run pending steps; safe when several processes open a new or old file at once.

    Each step takes the write lock first (`BEGIN IMMEDIATE`) and re-reads `user_version` under
    it, so a step another process finished meanwhile is skipped instead of run twice.
    """
    version = store.schema_version
    _refuse_newer(store.path, version)
    if version == LATEST_VERSION:
        return
    if version > 0:
        store.backup(f"before-v{version + 1}", now)
    for target in range(version + 1, LATEST_VERSION + 1):
        with store.db.atomic("IMMEDIATE"):
            if store.schema_version >= target:
                continue
            for statement in STEPS[target - 1]:
                store.db.execute_sql(statement)
            store.db.execute_sql(f"PRAGMA user_version = {target}")
        log.info("database migrated to schema %d", target)


def _daily_backup(store: Store, now: datetime) -> None:
    newest = next(iter(list_backups(store.backups)), None)
    if newest is not None:
        taken = _backup_time(newest)
        if taken is not None and now - taken < DAILY_BACKUP_AGE:
            return
    has_wins = store.db.execute_sql("SELECT EXISTS (SELECT 1 FROM win)").fetchone()[0]
    if has_wins:
        store.backup("daily", now)

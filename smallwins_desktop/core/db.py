"""Opening the database safely: pragmas, integrity check, migrations and backups.

`open_store` is the only way in. In order, it:

1. makes the data dir (0700), takes a shared lock on `smallwins.db.lock` that the store holds
   while it is open, and checks an existing file with `PRAGMA quick_check` through a read-only
   connection, so a damaged file is never written to (skipped when the file is exactly as a
   clean close left it today: see `_stamp_as_left`). Only real corruption is damage: the file
   is moved aside under the lock held exclusively, so never while another process (the app, a
   command) has it open; the newest backup that passes the same check is put back, and
   `DatabaseRecoveredError` says where both files are (opening again then succeeds);
2. refuses, untouched, a file whose schema is newer than this version knows;
3. takes a backup (SQLite's online backup API) and runs each pending migration step in its own
   transaction together with its `user_version` bump;
4. returns a `Store`. The models are bound to no database of their own: every core operation
   is marked `@uses_store` and runs against the database of the `Store` it is given (peewee's
   `bind_ctx` for the length of the call), so two stores open in one process never see each
   other's rows, and a closed store fails loudly instead of peewee quietly reconnecting.

Writers go through `Store.write()`: the write lock is taken at once (`BEGIN IMMEDIATE`), and a
database whose file or -wal was moved or deleted under it is refused, with a rescue copy of
what it still holds, instead of acknowledging wins into a file nobody will read again.

Backups live in `<data dir>/backups`, kept by the rule in `backup.py` (the last 14 days, the
last 8 weeks); one is also taken once a day, so a damaged file usually loses at most a day.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import peewee as pw

from smallwins_desktop import paths
from smallwins_desktop.core.errors import (
    DatabaseBusyError,
    DatabaseRecoveredError,
    NewerSchemaError,
    StoreAccessError,
    StoreError,
    classify,
    is_corruption,
)
from smallwins_desktop.core.migrations import LATEST_VERSION, STEPS
from smallwins_desktop.core.models import MODELS

log = logging.getLogger(__name__)

FILE_MODE = 0o600
BUSY_TIMEOUT_MS = 5_000
DAILY_BACKUP_AGE = timedelta(days=1)
PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a win acknowledged is a win on disk, even after a power cut.
    "foreign_keys": 1,
    "busy_timeout": BUSY_TIMEOUT_MS,
}
BACKUP_STAMP = "%Y%m%dT%H%M%S%f"
RECOVERY_WAIT_S = 10.0  # how long a recovery waits for other processes to close the file
_SIDECARS = ("-wal", "-shm")
_FileId = tuple[int, int]
TYPE_CHECKING = False  # the typing module, for annotations alone, costs `smallwins add` ~2 ms
if TYPE_CHECKING:
    from typing import Concatenate, ParamSpec, TypeVar

    _P = ParamSpec("_P")
    _R = TypeVar("_R")
# Binding is per class, so process-wide: one core call at a time binds (calls nest freely on
# one thread). The app and the CLI call core from one thread; this keeps any other correct.
_BINDING = threading.RLock()


@dataclass
class Store:
    """An open Small Wins database. Close it when done; it is also a context manager."""

    db: pw.SqliteDatabase
    path: Path
    data_dir: Path
    lock_fd: int | None = None
    opened_at: datetime | None = None  # the `now` it was opened with
    checked_now: bool = False  # opening checked the whole file (`PRAGMA quick_check`): ok
    backups: Path = field(init=False)
    _files: tuple[_FileId | None, _FileId | None] = field(init=False, default=(None, None))

    def __post_init__(self) -> None:
        self.backups = paths.backup_dir(self.data_dir)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
            if self.lock_fd is not None:  # still ours alone to vouch for: see `_left_as_is`
                _stamp_as_left(self.path, self.opened_at)
        if self.lock_fd is not None:
            os.close(self.lock_fd)  # releases the in-use lock
            self.lock_fd = None

    @contextlib.contextmanager
    def bound(self) -> Iterator[None]:
        """Run the enclosed queries against this store's database (see `uses_store`)."""
        if self.db.is_closed():
            raise RuntimeError(f"the store {self.path} is closed")
        with _BINDING:
            if MODELS[0]._meta.database is self.db:  # a nested call: already ours
                yield
                return
            with self.db.bind_ctx(MODELS, bind_refs=False, bind_backrefs=False):
                yield

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One write transaction; a nested call joins the outer one.

        No savepoint for the nested call: after a full disk SQLite has already rolled the whole
        transaction back, so a savepoint could be neither released nor rolled back, and the
        outer call reports the one real error.

        It takes the write lock at once (`BEGIN IMMEDIATE`), so a read-then-write waits for
        `busy_timeout` instead of failing half-way under contention, and database errors
        leave it as typed `StoreError`s with a message a person can act on.
        """
        with self.bound():
            if self.db.in_transaction():
                yield
                return
            self.check_in_place()
            try:
                with self.db.atomic("IMMEDIATE"):
                    yield
            except (pw.PeeweeException, sqlite3.Error) as error:
                raise classify(error, self.path) from error

    def remember_files(self) -> None:
        """Note which database and -wal files this connection uses (see `check_in_place`)."""
        self._files = (_file_id(self.path), _file_id(self._wal))

    def check_in_place(self, now: datetime | None = None) -> None:
        """Refuse to go on if the database or its -wal was moved or deleted under us.

        SQLite keeps writing into the open, unlinked files and the next process starts afresh,
        so everything acknowledged from then on would be lost. A rescue copy is taken through
        this connection, which still sees every win, and the error says where it is.
        """
        db_id, wal_id = self._files
        if db_id is None:
            return
        if _file_id(self.path) == db_id and (wal_id is None or _file_id(self._wal) == wal_id):
            return
        try:
            rescued: Path | None = self.backup("rescued", now or datetime.now(timezone.utc))
        except (sqlite3.Error, OSError) as error:
            log.error("rescue copy failed: %s", error)
            rescued = None
        kept = f" Everything it held was copied to {rescued}." if rescued else ""
        raise StoreAccessError(
            f"The database {self.path} was moved or deleted while Small Wins had it open, so "
            f"nothing more was saved.{kept} Restart Small Wins."
        )

    @property
    def _wal(self) -> Path:
        return self.path.with_name(self.path.name + "-wal")

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
        from smallwins_desktop.core import backup  # it builds on this module

        backup.prune(self.backups)
        log.info("backup written: %s", target)
        return target


def uses_store(
    operation: Callable[Concatenate[Store, _P], _R],
) -> Callable[Concatenate[Store, _P], _R]:
    """Mark a core operation whose first argument is the `Store` to run it against.

    Every public function in core that takes a store carries this (a unit test checks), so
    none can reach another store's database, or a closed one, through the model classes.
    """

    @functools.wraps(operation)
    def run(store: Store, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with store.bound():
            return operation(store, *args, **kwargs)

    run.uses_store = True  # type: ignore[attr-defined]
    return run


def list_backups(directory: Path) -> list[Path]:
    """Backups, newest first (names carry a sortable UTC stamp)."""
    if not directory.is_dir():
        return []
    return sorted(directory.glob("smallwins-*.db"), reverse=True)


def newest_backup_time(directory: Path) -> datetime | None:
    """When the newest backup in `directory` was taken; a file there whose name carries no
    stamp (copied in by hand, say) is passed over, or it would count as the newest forever
    and every open would take a full backup."""
    return next((t for t in map(backup_time, list_backups(directory)) if t is not None), None)


def backup_time(backup: Path) -> datetime | None:
    """When a backup was taken, from the `BACKUP_STAMP` in its name; None for another name.

    The stamp is read as ISO 8601 once its separators are put back, not with strptime:
    every open looks at the newest backup, and strptime's import (its locale tables) would
    cost each `smallwins add` half a millisecond."""
    parts = backup.stem.split("-")
    stamp = parts[1] if len(parts) > 1 else ""
    digits = stamp[:8] + stamp[9:]
    if len(stamp) != 21 or stamp[8] != "T" or not (digits.isascii() and digits.isdigit()):
        return None
    d, t = stamp[:8], stamp[9:]
    try:
        taken = datetime.fromisoformat(
            f"{d[:4]}-{d[4:6]}-{d[6:]}T{t[:2]}:{t[2:4]}:{t[4:6]}.{t[6:]}"
        )
    except ValueError:
        return None
    return taken.replace(tzinfo=timezone.utc)


def open_store(data_dir: Path, *, now: datetime | None = None) -> Store:
    """Open (creating if needed) the database in `data_dir`; see the module docstring."""
    now = now or datetime.now(timezone.utc)
    paths.ensure_private_dir(data_dir)
    path = paths.database_path(data_dir)
    lock_fd = _open_lock(path)
    try:
        _lock(lock_fd, exclusive=False)
        return _open_locked(data_dir, path, lock_fd, now)
    except BaseException:
        os.close(lock_fd)
        raise


def _open_locked(data_dir: Path, path: Path, lock_fd: int, now: datetime) -> Store:
    checked_now = False
    if path.exists() and path.stat().st_size > 0 and not _left_as_is(path, now):
        checked_now = True
        problem = _check_file(path)
        if problem is not None:
            _recover(path, paths.backup_dir(data_dir), lock_fd, now)
        # Checked read-only: connecting with our pragmas (WAL) would already rewrite the header.
        _refuse_newer(path, _file_version(path))
    _create_private_file(path)

    db = pw.SqliteDatabase(
        str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000, autoconnect=False
    )
    try:
        db.connect()
    except (pw.DatabaseError, sqlite3.Error, OSError) as error:
        raise classify(error, path) from error
    store = Store(db=db, path=path, data_dir=data_dir)
    try:
        _migrate(store, now)
        _daily_backup(store, now)
    except (pw.PeeweeException, sqlite3.Error, OSError) as error:
        store.db.close()
        raise classify(error, path) from error
    except BaseException:
        store.db.close()
        raise
    store.lock_fd = lock_fd
    store.opened_at = now
    store.checked_now = checked_now
    store.remember_files()
    return store


def _file_id(path: Path) -> _FileId | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_dev, st.st_ino)


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


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def _file_state(path: Path) -> str | None:
    """What changes whenever anything writes, replaces or truncates the file (with no -wal)."""
    try:
        st = path.stat()
    except OSError:
        return None
    if path.with_name(path.name + "-wal").exists():
        return None  # still open somewhere, or not closed cleanly: nothing to vouch for
    return f"{st.st_dev} {st.st_ino} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns}"


def _stamp_as_left(path: Path, now: datetime | None = None) -> None:
    """After a clean close, note the file's state and the day, for the next open to compare.

    A check of the whole file on every open costs time in proportion to the journal (about
    90 ms at 100,000 wins, on every `smallwins add`). When the file is exactly as a Small
    Wins process left it, SQLite wrote every byte of it and the full check is skipped, except
    once a day; anything else that touched it (a copy over it, a truncation, garbage written
    in, a crash with the -wal left behind) changes the state and the check runs as before.
    """
    state = _file_state(path)
    stamp = _stamp_path(path)
    try:
        if state is None:
            stamp.unlink(missing_ok=True)
            return
        day = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).date()
        partial = stamp.with_name(stamp.name + ".partial")
        partial.write_text(f"{day.isoformat()} {state}\n", encoding="ascii")
        os.replace(partial, stamp)
    except OSError as error:  # only an optimisation: the next open checks the whole file
        log.info("could not note the database's state: %s", error)


def _left_as_is(path: Path, now: datetime) -> bool:
    """True when the file is as a clean close left it today (see `_stamp_as_left`)."""
    try:
        day, state = _stamp_path(path).read_text(encoding="ascii").strip().split(" ", 1)
    except (OSError, ValueError):
        return False
    today = now.astimezone(timezone.utc).date().isoformat()
    return day == today and state == _file_state(path)


def _is_good_backup(backup: Path) -> bool:
    try:
        return _check_file(backup) is None
    except StoreError as error:
        log.warning("backup %s cannot be checked: %s", backup, error)
        return False


def _open_lock(path: Path) -> int:
    return os.open(path.with_name(path.name + ".lock"), os.O_CREAT | os.O_RDWR, FILE_MODE)


def _lock(fd: int, *, exclusive: bool, wait: float | None = None) -> bool:
    """flock the lock file: shared while a store is open, exclusive while recovering.

    `wait=None` blocks; otherwise give up after `wait` seconds and return False. Windows has
    no flock; there an open database file cannot be moved or replaced anyway.
    """
    if os.name == "nt":
        return True
    import fcntl

    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    if wait is None:
        fcntl.flock(fd, mode)
        return True
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)


def _recover(path: Path, backups: Path, lock_fd: int, now: datetime) -> None:
    """Set a damaged file aside, only when no other process has it open.

    Our shared lock is given up first (two processes each upgrading would wait on each
    other), then the lock is taken exclusively and the file checked again: another process
    may have recovered it meanwhile. The lock goes back to shared before returning.
    """
    if os.name != "nt":
        import fcntl

        fcntl.flock(lock_fd, fcntl.LOCK_UN)
    if not _lock(lock_fd, exclusive=True, wait=RECOVERY_WAIT_S):
        raise DatabaseBusyError(
            f"The database {path} looks damaged, but another Small Wins (the app or a "
            "command) has it open, so it was left as it is. Quit Small Wins and try again: "
            "it will then be restored from the newest good backup."
        )
    try:
        problem = _check_file(path)
        if problem is not None:
            raise _set_aside(path, backups, problem, now)
    finally:
        _lock(lock_fd, exclusive=False)


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
    taken = newest_backup_time(store.backups)
    if taken is not None and now - taken < DAILY_BACKUP_AGE:
        return
    has_wins = store.db.execute_sql("SELECT EXISTS (SELECT 1 FROM win)").fetchone()[0]
    if has_wins:
        store.backup("daily", now)

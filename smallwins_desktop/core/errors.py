"""Typed errors the core raises, each carrying a message a user can act on.

The CLI prints `str(error)` on one line; the UI shows it inline. None of these names shadow a
built-in.
"""

from __future__ import annotations

from pathlib import Path


class SmallWinsError(Exception):
    """Base of every error that is the user's to resolve, not a bug."""


class CaptureError(SmallWinsError):
    """The text of a win cannot be saved as it is (empty, too long)."""


class StoreError(SmallWinsError):
    """The database cannot be opened or written."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of Small Wins; it is left untouched."""


class DatabaseRecoveredError(StoreError):
    """The database was damaged; it was moved aside and the newest good backup put back.

    Opening again succeeds (with the restored copy, or an empty database if there was no
    backup); the message tells the user where both files are.
    """

    def __init__(self, message: str, *, damaged: Path, restored_from: Path | None) -> None:
        super().__init__(message)
        self.damaged = damaged
        self.restored_from = restored_from


class NotFoundError(SmallWinsError):
    """A win or goal named by the user does not exist."""


class DiskFullError(StoreError):
    """The disk (or the database's size limit) is full: nothing was written."""


class DatabaseBusyError(StoreError):
    """Another process held the database longer than we wait for it: nothing was written."""


class StoreAccessError(StoreError):
    """The database or a file beside it cannot be read or written (permissions, I/O)."""


class DatabaseDamagedError(StoreError):
    """The database file itself is corrupt (not a database, or `quick_check` fails)."""


_CORRUPT_MARKERS = ("malformed", "not a database", "corrupt")
_FULL_MARKERS = ("database or disk is full", "disk is full", "no space left")
_BUSY_MARKERS = ("database is locked", "database table is locked", "busy")
_ACCESS_MARKERS = (
    "readonly",
    "read-only",
    "unable to open",
    "disk i/o error",
    "permission denied",
    "access permission",
)
_SCHEMA_MARKERS = ("no such table", "no such column")


def in_words(error: BaseException) -> str:
    """An error as one line for the user: an OSError as "Not a directory: /the/path" (no
    errno, no repr), anything else as its own message."""
    if isinstance(error, OSError):
        return f"{error.strerror or error}: {error.filename or ''}".rstrip(": ")
    return str(error) or type(error).__name__


def is_corruption(error: BaseException) -> bool:
    """True only for real damage to the file: a full disk or a lock is not damage."""
    text = str(error).lower()
    return any(marker in text for marker in _CORRUPT_MARKERS)


def classify(error: BaseException, path: Path | None = None) -> StoreError:
    """A database or OS error as the typed `StoreError` a user can act on."""
    if isinstance(error, StoreError):
        return error
    # SQLite rolls a transaction back by itself on some errors (a full disk); the rollback
    # that follows then fails and would hide the real cause, so report the cause.
    while "no transaction is active" in str(error) and error.__context__ is not None:
        error = error.__context__
    text = str(error).lower()
    where = f" ({path})" if path else ""
    errno = getattr(error, "errno", None)
    if errno == 28 or any(marker in text for marker in _FULL_MARKERS):
        return DiskFullError(
            f"The disk is full{where}: nothing was saved; your earlier wins are safe. "
            "Free some space and try again."
        )
    if is_corruption(error):
        return DatabaseDamagedError(
            f"The database{where} is damaged ({error}). Restart Small Wins to restore it "
            "from the newest good backup."
        )
    if any(marker in text for marker in _BUSY_MARKERS):
        return DatabaseBusyError(
            f"The database{where} is busy in another program: nothing was saved. "
            "Try again in a moment."
        )
    if any(marker in text for marker in _SCHEMA_MARKERS):
        return StoreError(
            f"The database{where} is missing part of its structure ({error}): it may have "
            "been edited by another program. Nothing was changed; restore a backup from "
            "the backups folder beside it."
        )
    if errno in (1, 13, 30) or any(marker in text for marker in _ACCESS_MARKERS):
        return StoreAccessError(
            f"The database{where} cannot be used: {error}. Nothing was changed; check the "
            "files' owner and permissions."
        )
    return StoreError(f"The database{where} reported an error: {error}. Nothing was changed.")


class ExchangeError(SmallWinsError):
    """A file cannot be exported or imported as asked; for an import nothing was written.

    The message names the line or entry and what is wrong with it."""


class GoalError(SmallWinsError):
    """A goal cannot be created or changed as asked (a bad target, a finished goal...)."""

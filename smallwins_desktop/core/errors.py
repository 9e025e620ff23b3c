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


class ExchangeError(SmallWinsError):
    """An import file cannot be read; nothing was imported."""

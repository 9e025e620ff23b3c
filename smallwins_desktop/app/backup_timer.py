"""The daily backup while the app runs: opening the store takes one when a day has passed,
and this takes the next ones for an app left running for days.

Every `CHECK_INTERVAL_MS` it asks the core whether a day has passed since the newest backup
(`backup.daily_if_due`, with the injected clock) and, if so, takes an online backup, safe
while the app writes. A failure is logged and emitted, never swallowed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from smallwins_desktop.core import backup
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import SmallWinsError

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 60 * 60 * 1000  # hourly: a day's backup is at most an hour late


class BackupTimer(QObject):
    """Signals:
    backed_up(str): a daily backup was written (its path).
    failed(str): a due backup could not be written (the reason, for the user).
    """

    backed_up = Signal(str)
    failed = Signal(str)

    def __init__(self, store: Store, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def check(self) -> Path | None:
        """Take the day's backup if it is due; returns it."""
        try:
            taken = backup.daily_if_due(self._store, now=self._clock.now())
        except (SmallWinsError, OSError) as error:
            log.error("the daily backup failed: %s", error)
            self.failed.emit(str(error))
            return None
        if taken is not None:
            log.info("daily backup written: %s", taken)
            self.backed_up.emit(str(taken))
        return taken

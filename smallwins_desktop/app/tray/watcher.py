"""Notices a system tray appearing after the app started (a panel that starts after the app at
login, or one restarted later), so the no-tray window can give way to the tray icon.

Polls `QSystemTrayIcon.isSystemTrayAvailable()` (on X11 a look at who owns the tray
selection) every `POLL_MS` while there is no tray, and stops once one appeared.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

POLL_MS = 2_000


class TrayWatcher(QObject):
    """Signals:
    tray_appeared: a system tray is available now; the watcher has stopped.
    """

    tray_appeared = Signal()

    def __init__(self, available: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._available = available
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)

    @property
    def watching(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> bool:
        """Look now; True (and `tray_appeared`) when a tray is there."""
        if not self._available():
            return False
        log.info("a system tray appeared")
        self._timer.stop()
        self.tray_appeared.emit()
        return True

"""Starting the tray app, or handing over to the one already running.

`run_app` first asks the running instance (if any) to show its capture window and returns;
otherwise it becomes the app: QApplication, the store (a damaged or too-new database is told
plainly), `SmallWinsApp`, and the event loop. Ctrl+C and SIGTERM quit cleanly, keeping the
capture draft.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from smallwins_desktop import ipc

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from smallwins_desktop.core.clock import Clock

log = logging.getLogger(__name__)


def show_capture(data_dir: Path) -> int:
    """`smallwins capture`: show the capture window, starting the app if it is not running."""
    return run_app(data_dir, show="capture")


def show_journal(data_dir: Path) -> int:
    """`smallwins journal`: open the journal window, starting the app if it is not running."""
    return run_app(data_dir, show="journal")


def show_settings(data_dir: Path) -> int:
    """`smallwins settings`: show the Settings window, starting the app if it is not running."""
    return run_app(data_dir, show="settings")


HAND_OVER = {"journal": "show_journal", "settings": "show_settings"}


def run_app(data_dir: Path, *, show: str | None = None, background: bool = False) -> int:
    """Start the app, or hand over to the running one; `show` "capture", "journal" or
    "settings" also opens that window (a running app shows the capture box by default).

    `background` (the login item's `--background`): no capture box, and no window at all
    while a tray may still appear; when the app already runs, nothing is shown.
    """
    command = "ping" if background else HAND_OVER.get(show or "", "show_capture")
    hand_over = ipc.show_window_message(command)
    reply = ipc.request(data_dir, hand_over)
    if reply is not None:
        return 0 if reply.get("ok") else 1

    from PySide6.QtWidgets import QApplication, QMessageBox

    from smallwins_desktop import __version__
    from smallwins_desktop.app import i18n
    from smallwins_desktop.app.application import SmallWinsApp
    from smallwins_desktop.app.tray.icons import app_icon
    from smallwins_desktop.core.db import open_store
    from smallwins_desktop.core.errors import DatabaseRecoveredError, StoreError
    from smallwins_desktop.resources import APP_ID

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setApplicationName("Small Wins")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName(APP_ID)
    qapp.setQuitOnLastWindowClosed(False)
    qapp.setWindowIcon(app_icon())
    translators = i18n.install(qapp)  # noqa: F841 (kept alive while the app runs)

    recovered_message = None
    try:
        try:
            store = open_store(data_dir)
        except DatabaseRecoveredError as recovered:
            print(f"smallwins: warning: {recovered}", file=sys.stderr)
            recovered_message = str(recovered)
            store = open_store(data_dir)
    except StoreError as error:
        print(f"smallwins: {error}", file=sys.stderr)
        QMessageBox.critical(None, "Small Wins", str(error))
        return 1

    app = SmallWinsApp(store, _clock(), data_dir, background=background)
    if not app.start():
        # Another instance won the race to listen: hand over to it.
        app.shutdown()
        if background:
            return 0
        return 0 if ipc.request(data_dir, hand_over) else 1
    qapp.aboutToQuit.connect(app.shutdown)
    if recovered_message:  # shown once this instance listens: another `smallwins` hands over
        QMessageBox.warning(None, "Small Wins", recovered_message)
    signals = _SignalWatcher(qapp)
    if show == "capture":
        app.capture.present()
    elif show == "journal":
        app.open_journal()
    elif show == "settings":
        app.open_settings()
    log.info("Small Wins is running (data in %s)", data_dir)
    try:
        return qapp.exec()
    finally:
        signals.close()


TEST_MODE_ENV = "SMALLWINS_TEST_MODE"
TEST_START_ENV = "SMALLWINS_TEST_START"


def _clock() -> Clock:
    """The wall clock; in test mode only, one shifted to start at $SMALLWINS_TEST_START."""
    from datetime import datetime

    from smallwins_desktop.core.clock import ShiftedClock, SystemClock

    start = os.environ.get(TEST_START_ENV)
    if os.environ.get(TEST_MODE_ENV) == "1" and start:
        log.warning("test mode: the clock starts at %s", start)
        return ShiftedClock(datetime.fromisoformat(start))
    return SystemClock()


class _SignalWatcher:
    """Lets SIGINT/SIGTERM reach Python while Qt's loop runs, without a polling timer.

    The C-level handler writes to a socket (`signal.set_wakeup_fd`); a QSocketNotifier wakes
    the loop, and Python then runs the handler, which quits. Keep the object alive as long as
    the loop runs: it owns the sockets.
    """

    def __init__(self, qapp: QCoreApplication) -> None:
        from PySide6.QtCore import QSocketNotifier

        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: qapp.quit())

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(64)

    def close(self) -> None:
        signal.set_wakeup_fd(-1)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

"""Starting the tray app, or handing over to the one already running.

`run_app` first asks the running instance (if any) to show its capture window and returns;
otherwise it becomes the app: QApplication, the tray icon from a glance at today (before the
store and peewee load), then the store (a damaged or too-new database is told plainly),
`SmallWinsApp`, and the event loop. Ctrl+C and SIGTERM quit cleanly, keeping the capture
draft.
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
    from datetime import date

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from smallwins_desktop.app.application import SmallWinsApp
    from smallwins_desktop.app.ipc_server import IpcServer
    from smallwins_desktop.app.tray.tray import Tray
    from smallwins_desktop.core.clock import Clock
    from smallwins_desktop.core.db import Store

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

    Where a tray is there and the database can tell today's wins at a glance (`core.glance`,
    sqlite3 alone), the tray icon is shown first, in its right state, and the store, peewee
    and the rest of the app follow once the loop has put it on screen (`_EarlyStart`).
    Otherwise the store is opened first (a damaged, older or newer file is dealt with before
    anything shows), then the app starts as a whole.
    """
    command = "ping" if background else HAND_OVER.get(show or "", "show_capture")
    hand_over = ipc.show_window_message(command)
    reply = ipc.request(data_dir, hand_over)
    if reply is not None:
        return 0 if reply.get("ok") else 1

    from smallwins_desktop import paths
    from smallwins_desktop.hashes import use_builtin_digests

    use_builtin_digests()  # before peewee imports hashlib: ~3.3 MiB of OpenSSL less all day
    from smallwins_desktop.core import glance

    # isort: split
    from PySide6.QtWidgets import QApplication

    from smallwins_desktop.app.sources import forget_checked_sources

    forget_checked_sources()  # before the rest of the app is imported: ~6 MiB less idle

    # isort: split
    from smallwins_desktop import __version__
    from smallwins_desktop.app import i18n
    from smallwins_desktop.app.tray.icons import app_icon
    from smallwins_desktop.app.tray.tray import Tray
    from smallwins_desktop.resources import APP_ID

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("Small Wins")
    qapp.setApplicationVersion(__version__)
    qapp.setDesktopFileName(APP_ID)
    qapp.setQuitOnLastWindowClosed(False)
    qapp.setWindowIcon(app_icon())
    translators = i18n.install(qapp)  # noqa: F841 (kept alive while the app runs)
    clock = _clock()
    launch = _Launch(qapp, data_dir, clock, show=show, background=background)

    wins_today = glance.wins_on(paths.database_path(data_dir), _glance_day(clock))
    if wins_today is not None and Tray.available():
        early = _EarlyStart(launch, wins_today)
        if not early.show():
            return 0 if background or ipc.request(data_dir, hand_over) else 1
    else:
        store = launch.open_store()
        if store is None:
            return 1
        app = launch.become(store)
        if app is None:
            # Another instance won the race to listen: hand over to it.
            return 0 if background or ipc.request(data_dir, hand_over) else 1
        launch.greet(app)
    signals = _SignalWatcher(qapp)
    try:
        return qapp.exec()
    finally:
        signals.close()


class _Launch:
    """The steps of a start-up that both ways share: opening the store, starting the app."""

    def __init__(
        self,
        qapp: QApplication,
        data_dir: Path,
        clock: Clock,
        *,
        show: str | None,
        background: bool,
    ) -> None:
        self.qapp = qapp
        self.data_dir = data_dir
        self.clock = clock
        self.show = show
        self.background = background
        self.recovered_message: str | None = None

    def open_store(self) -> Store | None:
        """The store, or None when it cannot be opened (said in a message box)."""
        from smallwins_desktop.core.db import open_store
        from smallwins_desktop.core.errors import DatabaseRecoveredError, StoreError

        try:
            try:
                return open_store(self.data_dir)
            except DatabaseRecoveredError as recovered:
                print(f"smallwins: warning: {recovered}", file=sys.stderr)
                self.recovered_message = str(recovered)
                return open_store(self.data_dir)
        except StoreError as error:
            from PySide6.QtWidgets import QMessageBox

            print(f"smallwins: {error}", file=sys.stderr)
            QMessageBox.critical(None, "Small Wins", str(error))
            return None

    def become(
        self, store: Store, *, tray: Tray | None = None, server: IpcServer | None = None
    ) -> SmallWinsApp | None:
        """Build and start the app on `store` (with the tray and the socket already up, if
        given); None when another instance listens already. `greet` follows."""
        from smallwins_desktop.app.application import SmallWinsApp

        app = SmallWinsApp(
            store,
            self.clock,
            self.data_dir,
            background=self.background,
            tray=tray,
            ipc_server=server,
        )
        if not app.start():
            app.shutdown()
            return None
        self.qapp.aboutToQuit.connect(app.shutdown)
        return app

    def greet(self, app: SmallWinsApp) -> None:
        """What the user is shown once the app runs: a recovered database, the window asked
        for."""
        if self.recovered_message:  # shown once this instance listens: others hand over
            from PySide6.QtWidgets import QMessageBox

            app.finish_start()  # the chosen theme first, and every command answered
            QMessageBox.warning(None, "Small Wins", self.recovered_message)
        if self.show == "capture":
            app.capture.present()
        elif self.show == "journal":
            app.open_journal()
        elif self.show == "settings":
            app.open_settings()
        log.info("Small Wins is running (data in %s)", self.data_dir)

    def tell_failure(self, error: Exception) -> None:
        """The app could not be built: said on stderr and in a message box."""
        from PySide6.QtWidgets import QMessageBox

        from smallwins_desktop.core.errors import in_words

        message = f"Small Wins could not start: {in_words(error)}"
        print(f"smallwins: {message}", file=sys.stderr)
        QMessageBox.critical(None, "Small Wins", message)


READY_DELAY_MS = 150
"""What waits until the tray icon is on screen (the store and the app after an early icon, the
reminders, notifications, shortcut, backups and commands of `SmallWinsApp.finish_start`)
follows this long after it was shown; a request or a click brings it sooner."""


class _EarlyStart:
    """The tray icon first, from the glance at today; the store and the app right after.

    The socket listens before the icon shows (a second instance hands over, and never shows a
    second icon); a request that comes before the app is built builds it at once.
    """

    def __init__(self, launch: _Launch, wins_today: int) -> None:
        from PySide6.QtCore import QTimer

        from smallwins_desktop.app.ipc_server import IpcServer
        from smallwins_desktop.app.tray.tray import Tray

        self._launch = launch
        self._wins_today = wins_today
        self._server = IpcServer(
            ipc.socket_name(launch.data_dir), {}, launch.qapp, prepare=self.finish
        )
        self._tray = Tray(launch.qapp)
        # Used before the app is built: its menu builds it before it opens, a click too.
        self._tray.menu.aboutToShow.connect(self.build)
        self._tray.capture_requested.connect(self._capture_now)
        self._app: SmallWinsApp | None = None
        self._built = False
        self._timer = QTimer(launch.qapp)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0 if launch.show else READY_DELAY_MS)
        self._timer.timeout.connect(self.build)

    def show(self) -> bool:
        """Listen and show the icon; False when another instance listens already."""
        if not self._server.listen():
            return False
        self._tray.show_count(self._wins_today)
        self._tray.show()
        self._launch.qapp.aboutToQuit.connect(self._quit_before_built)
        self._timer.start()
        return True

    def build(self) -> None:
        if self._built:
            return
        self._built = True
        self._timer.stop()
        self._tray.menu.aboutToShow.disconnect(self.build)
        self._tray.capture_requested.disconnect(self._capture_now)
        try:
            store = self._launch.open_store()
            if store is not None:
                self._app = self._launch.become(store, tray=self._tray, server=self._server)
            if self._app is not None:
                self._app.finish_start()
                self._launch.greet(self._app)
        except Exception as error:  # no icon is left standing for an app that is not there
            log.exception("Small Wins could not start")
            self._launch.tell_failure(error)
            if self._app is not None:
                self._app.shutdown()
            self._app = None
        if self._app is None:
            self._quit_before_built()
            self._launch.qapp.exit(1)

    def finish(self) -> None:
        """A request came: answer it with the whole app."""
        self.build()
        if self._app is not None:
            self._app.finish_start()

    def _capture_now(self) -> None:
        """The icon clicked before the app was built."""
        self.build()
        if self._app is not None:
            self._app.show_capture()

    def _quit_before_built(self) -> None:
        if self._app is None:
            self._server.close()
            self._tray.hide()


TEST_MODE_ENV = "SMALLWINS_TEST_MODE"
TEST_START_ENV = "SMALLWINS_TEST_START"


def _glance_day(clock: Clock) -> date:
    """Today, for the start-up glance. The system clock's own answer waits on tzlocal (~9 ms
    of imports and file reads before the icon); libc's local date comes from the same $TZ and
    /etc/localtime, and the full summary, on the app's clock, follows right after the icon."""
    from datetime import date

    from smallwins_desktop.core.clock import SystemClock

    return date.today() if isinstance(clock, SystemClock) else clock.now().date()


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

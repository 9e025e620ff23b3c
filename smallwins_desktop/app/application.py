"""The composition root: builds the pieces of the running app and connects them.

    Store ─ Journal ─┬─ CaptureWindow (built when first asked for)
                     ├─ JournalWindow (built on first use)
                     ├─ Tray, or FallbackWindow when the desktop has no tray
                     └─ IpcServer + IpcCommands (`smallwins`, `capture`, `add`, `status`)
    Store ─ BackupTimer (the daily backup while the app runs)
    Store ─ Scheduler ── ReminderController ─ Notifier (freedesktop → plyer → tray message)
    Store ─ LiveSettings ─┬─ Scheduler.replan (a reminder setting or the workdays changed)
                          ├─ Journal.changed (the workdays changed: streaks count again)
                          ├─ Theme (appearance.theme, and the system's scheme)
                          ├─ HotkeyService (shortcut.capture → CaptureWindow; the tray names
                          │  the shortcut only while it is really registered)
                          └─ SettingsWindow (built on first use)

It owns nothing else and decides nothing: behaviour lives in the pieces and in `core`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from smallwins_desktop import ipc
from smallwins_desktop.app.ipc_server import IpcServer
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.launch import READY_DELAY_MS
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.theme import Theme
from smallwins_desktop.app.tray.tray import Tray
from smallwins_desktop.app.tray.watcher import TrayWatcher
from smallwins_desktop.core import config
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store

if TYPE_CHECKING:  # the rest is imported when it is built: the tray icon does not wait for it
    from smallwins_desktop.app.autostart import Autostart
    from smallwins_desktop.app.backup_timer import BackupTimer
    from smallwins_desktop.app.capture.window import CaptureWindow
    from smallwins_desktop.app.hotkey.service import HotkeyService, HotkeyState
    from smallwins_desktop.app.journal.window import JournalWindow
    from smallwins_desktop.app.notify.base import NotificationBackend
    from smallwins_desktop.app.notify.notifier import Notifier
    from smallwins_desktop.app.reflection.review import WeeklyReviewWindow
    from smallwins_desktop.app.reflection.window import ReflectionWindow
    from smallwins_desktop.app.reminders.controller import ReminderController
    from smallwins_desktop.app.reminders.scheduler import Scheduler
    from smallwins_desktop.app.settings.dialog import SettingsWindow
    from smallwins_desktop.app.tray.fallback_window import FallbackWindow

log = logging.getLogger(__name__)

HOTKEY_DELAY_MS = 300
"""The global shortcut is registered this long after start-up: python-xlib and its X
connection cost ~65 ms that the tray icon need not wait for."""
BACKGROUND_TRAY_WAIT_MS = 30_000
"""Started with --background (at login): how long to wait for a tray before the window."""


class SmallWinsApp(QObject):
    """Built in two steps, so that the tray icon shows as early as it can and never wrong.

    The constructor and `start` make what the icon needs (the store, the settings, the
    journal and its summary, the tray or the no-tray window, the single-instance socket);
    `finish_start` makes the rest, once the event loop has run for `READY_DELAY_MS`, or at once
    when something needs it sooner (a request on the socket, a click on the icon, a test
    reading `reminders`).

    Signals:
        ready: `finish_start` has built the rest.
    """

    ready = Signal()

    def __init__(
        self,
        store: Store,
        clock: Clock,
        data_dir: Path,
        *,
        tray_available: bool | None = None,
        tray_probe: Callable[[], bool] | None = None,
        background: bool = False,
        notification_backends: list[NotificationBackend] | None = None,
        autostart: Autostart | None = None,
        hotkeys: HotkeyService | None = None,
        tray: Tray | None = None,
        ipc_server: IpcServer | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`tray` and `ipc_server`: the icon and the socket the launch put up before the
        store was opened (shown and listening); the app takes them over."""
        super().__init__(parent)
        self.store = store
        self._clock = clock
        self._data_dir = data_dir
        self._autostart = autostart
        self.settings = LiveSettings(store, clock, self)
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        self.theme = Theme(qapp, self)
        self.journal = Journal(store, clock, self)
        self._capture: CaptureWindow | None = None
        self._journal_window: JournalWindow | None = None
        self._settings_window: SettingsWindow | None = None
        self._reflection_window: ReflectionWindow | None = None
        self._review_window: WeeklyReviewWindow | None = None
        probe = tray_probe or Tray.available
        if tray is not None:
            tray_available = True
        elif tray_available is None:
            tray_available = probe()
        self._background = background
        self.tray: Tray | None = None
        self.fallback: FallbackWindow | None = None
        self.tray_watcher = TrayWatcher(probe, self)
        self.tray_watcher.tray_appeared.connect(self.use_tray)
        self._fallback_wait = self._timer(BACKGROUND_TRAY_WAIT_MS, self._show_fallback)
        self._ready = self._timer(READY_DELAY_MS, self.finish_start)
        self._hotkey_delay = self._timer(HOTKEY_DELAY_MS, self._register_hotkey)
        self.journal.changed.connect(self.refresh_summary)
        self.settings.workdays_changed.connect(self.journal.changed)
        self.settings.changed.connect(self._setting_changed)
        if tray_available:
            self.tray = tray or Tray(self)
            self._connect_face(self.tray)
        else:
            from smallwins_desktop.app.tray.fallback_window import FallbackWindow

            self.fallback = FallbackWindow()
            self._connect_face(self.fallback)
        self.ipc = ipc_server or IpcServer(
            ipc.socket_name(data_dir), {}, self, prepare=self.finish_start
        )

        # Made by finish_start:
        self._given_backends = notification_backends
        self._given_hotkeys = hotkeys
        self._started = False
        self._finished = False
        self._notifier: Notifier | None = None
        self._reminders: ReminderController | None = None
        self._scheduler: Scheduler | None = None
        self._hotkeys: HotkeyService | None = None
        self._backups: BackupTimer | None = None

    def _timer(self, interval_ms: int, then: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(then)
        return timer

    def start(self) -> bool:
        """Listen for other `smallwins` commands and show the tray; False if listening failed.

        The rest of the app follows `READY_DELAY_MS` later (`finish_start`)."""
        if not self.ipc.listening and not self.ipc.listen():
            return False  # another instance runs (or the socket dir is unsafe): no second tray
        self.refresh_summary()
        if self.tray is not None:  # its icon is the same in any theme: the look can follow
            if not self.tray.icon.isVisible():  # else shown already, before the store opened
                self.tray.show()
        else:
            self.theme.apply(self.settings.get(config.THEME))
            self.tray_watcher.start()
            if self._background:
                log.info("started in the background: waiting for a system tray")
                self._fallback_wait.start()
            else:
                self._show_fallback()
        self._started = True
        self._ready.start()
        return True

    def finish_start(self) -> None:
        """Build and start the rest of the app (once; later calls return at once)."""
        if self._finished:
            return
        self._finished = True
        self._ready.stop()
        if self.tray is not None:
            self.theme.apply(self.settings.get(config.THEME))
        from smallwins_desktop.app.backup_timer import BackupTimer
        from smallwins_desktop.app.hotkey.service import HotkeyService
        from smallwins_desktop.app.hotkey.service import default_backend as default_hotkeys
        from smallwins_desktop.app.ipc_commands import IpcCommands
        from smallwins_desktop.app.notify.notifier import Notifier, default_backends
        from smallwins_desktop.app.reminders.controller import ReminderController
        from smallwins_desktop.app.reminders.scheduler import Scheduler

        store, clock = self.store, self._clock
        backends = self._given_backends
        if backends is None:
            backends = default_backends(self.tray.icon if self.tray else None)
        self._notifier = notifier = Notifier(backends, self)
        self._reminders = reminders = ReminderController(store, clock, self.journal, notifier, self)
        self._scheduler = scheduler = Scheduler(
            store, clock, has_win_on=self.journal.has_win_on, parent=self
        )
        scheduler.reminder_due.connect(reminders.deliver)
        scheduler.ticked.connect(reminders.recall_pick_up)
        scheduler.tick_failed.connect(reminders.ticks_failing)
        scheduler.tick_recovered.connect(reminders.ticks_recovered)
        reminders.capture_requested.connect(self.show_capture)
        reminders.reflect_requested.connect(self.open_reflection)
        reminders.review_requested.connect(self.open_review)
        if self._capture is not None:
            self._capture.presented.connect(reminders.acknowledge)
        for face in (self.tray, self.fallback):
            if face is not None:
                self._connect_reminders(face)
        self._hotkeys = hotkeys = self._given_hotkeys or HotkeyService(
            factory=default_hotkeys, parent=self
        )
        hotkeys.pressed.connect(self.show_capture)
        hotkeys.state_changed.connect(self._hotkey_state_changed)
        self.settings.reminders_changed.connect(scheduler.replan)
        self._backups = backups = BackupTimer(store, clock, self)
        backups.failed.connect(self.tell_backup_failed)
        commands = IpcCommands(
            self.journal,
            self.show_capture,
            self._capture_visible,
            reminders,
            scheduler,
            lambda: self.tray,
            self.settings,
            lambda: hotkeys.state,
            self.open_settings,
        )
        commands.open_journal = self.open_journal
        self.ipc.add_handlers(commands.handlers())
        if self._started:  # else built only (a test, or another instance won the socket)
            self._hotkey_delay.start()
            self.journal.start_watching()
            scheduler.start()
            backups.start()
        self.ready.emit()

    # The pieces finish_start makes; asking for one finishes the start-up first.
    @property
    def notifier(self) -> Notifier:
        self.finish_start()
        assert self._notifier is not None
        return self._notifier

    @property
    def reminders(self) -> ReminderController:
        self.finish_start()
        assert self._reminders is not None
        return self._reminders

    @property
    def scheduler(self) -> Scheduler:
        self.finish_start()
        assert self._scheduler is not None
        return self._scheduler

    @property
    def hotkeys(self) -> HotkeyService:
        self.finish_start()
        assert self._hotkeys is not None
        return self._hotkeys

    @property
    def backups(self) -> BackupTimer:
        self.finish_start()
        assert self._backups is not None
        return self._backups

    @property
    def autostart(self) -> Autostart:
        if self._autostart is None:
            from smallwins_desktop.app.autostart import for_platform

            self._autostart = for_platform()
        return self._autostart

    def shutdown(self) -> None:
        for timer in (self._ready, self._hotkey_delay, self._fallback_wait):
            timer.stop()
        if self._hotkeys is not None:
            self._hotkeys.close()
        self.tray_watcher.stop()
        if self._scheduler is not None:
            self._scheduler.stop()
        if self._backups is not None:
            self._backups.stop()
        self.journal.stop_watching()
        if self._capture is not None:
            self._capture.save_draft()
        self.ipc.close()
        if self.tray is not None:
            self.tray.hide()
        self.theme.restore()
        self.store.close()

    def tell_backup_failed(self, reason: str) -> None:
        from smallwins_desktop.app.notify.base import Notification

        self.notifier.notify(
            Notification(
                key="backup",
                title="Small Wins",
                body=f"The daily backup failed: {reason}",
                actions=(),
                default_action=None,
            )
        )

    def refresh_summary(self) -> None:
        summary = self.journal.summary()
        for face in (self.tray, self.fallback):
            if face is not None:
                face.show_summary(summary)

    def use_tray(self) -> None:
        """A tray appeared: the tray icon takes over from the no-tray window."""
        if self.tray is not None:
            return
        self.finish_start()
        tray = Tray(self)
        self.tray = tray
        self._connect_face(tray)
        self._connect_reminders(tray)
        if self._given_backends is None:
            from smallwins_desktop.app.notify.tray_message import TrayMessageBackend

            self.notifier.add_backend(TrayMessageBackend(tray.icon))
        tray.set_capture_shortcut(self.hotkeys.state.registered)
        self.refresh_summary()
        tray.show()
        self._fallback_wait.stop()
        if self.fallback is not None:
            self.reminders.attention_changed.disconnect(self.fallback.set_attention)
            self.fallback.hide()
            self.fallback.deleteLater()
            self.fallback = None
        log.info("the tray icon replaces the no-tray window")

    def _show_fallback(self) -> None:
        if self.fallback is None:
            return
        log.warning("no system tray available; showing a window instead")
        self.fallback.show()

    def _connect_face(self, face: Tray | FallbackWindow) -> None:
        """What the tray and the no-tray window both offer."""
        face.capture_requested.connect(self.show_capture)
        face.journal_requested.connect(self.open_journal)
        face.settings_requested.connect(self.open_settings)
        face.quit_requested.connect(QApplication.quit)
        if isinstance(face, Tray):
            face.menu.aboutToShow.connect(self.finish_start)  # never a half-built menu
            face.reflect_requested.connect(self.open_reflection)
            face.review_requested.connect(self.open_review)
            face.notifications_requested.connect(self.open_notifications)

    def _connect_reminders(self, face: Tray | FallbackWindow) -> None:
        """The face's reminder state and choices, once the reminders exist (`finish_start`)."""
        reminders = self.reminders
        face.set_attention(reminders.attention)
        reminders.attention_changed.connect(face.set_attention)
        if isinstance(face, Tray):
            face.set_paused(reminders.is_paused())
            face.snooze_actions  # noqa: B018 (made now, not when the menu first opens)
            face.snooze_requested.connect(reminders.snooze)
            face.skip_today_requested.connect(reminders.skip_today)
            face.pause_requested.connect(reminders.pause_until_tomorrow)
            face.resume_requested.connect(reminders.resume)
            reminders.paused_changed.connect(face.set_paused)

    @property
    def capture(self) -> CaptureWindow:
        """The capture box, built (and its code loaded) the first time it is needed.

        Not before: the first capture then paints in ~40 ms instead of ~20 ms, and an app that
        sits in the tray all day holds ~7 MiB less (the box, and Qt's fonts and style)."""
        if self._capture is None:
            from smallwins_desktop.app.capture.window import CaptureWindow

            self._before_a_window()
            self._capture = CaptureWindow(self.journal)
            if self._reminders is not None:
                self._capture.presented.connect(self._reminders.acknowledge)
        return self._capture

    def _before_a_window(self) -> None:
        """A window is about to be built: the app's look, and the rest of it, come first."""
        if self._started:
            self.finish_start()

    def show_capture(self) -> None:
        self.capture.present()

    def _capture_visible(self) -> bool:
        return self._capture is not None and self._capture.isVisible()

    def open_journal(self) -> None:
        if self._journal_window is None:
            self._before_a_window()
            # Built, and its code loaded, on first use: the tray comes up without it.
            from smallwins_desktop.app.journal.window import JournalWindow

            self._journal_window = JournalWindow(self.journal)
            self._journal_window.capture_requested.connect(self.show_capture)
            self._journal_window.reflect_requested.connect(self.open_reflection)
            self._journal_window.review_requested.connect(self.open_review)
        self._journal_window.present()

    def open_reflection(self) -> None:
        """The day's reflection (built on first use, like the journal)."""
        if self._reflection_window is None:
            self._before_a_window()
            from smallwins_desktop.app.reflection.window import ReflectionWindow

            self._reflection_window = ReflectionWindow(self.journal)
        self._reflection_window.present()

    def open_review(self) -> None:
        """The weekly review (built on first use)."""
        if self._review_window is None:
            self._before_a_window()
            from smallwins_desktop.app.reflection.review import WeeklyReviewWindow

            self._review_window = WeeklyReviewWindow(self.journal)
        self._review_window.present()

    def open_notifications(self) -> None:
        """Settings on its Notifications page: backends, last outcomes, a test."""
        self.open_settings()
        assert self._settings_window is not None
        self._settings_window.show_page(self._settings_window.notifications)

    def open_settings(self) -> None:
        if self._settings_window is None:
            self._before_a_window()
            # Imported on first use: start-up does not pay for a window most days never open.
            from smallwins_desktop.app import command_line
            from smallwins_desktop.app.settings.dialog import SettingsWindow
            from smallwins_desktop.app.settings.startup_page import StartupPage

            self._settings_window = SettingsWindow(
                self.settings,
                self.store,
                self.reminders,
                self.notifier.backend_names(),
                data_dir=self._data_dir,
                hotkey_state=self.hotkeys.state,
                capture_command=command_line.as_text(
                    [*command_line.own_command(self._data_dir), "capture"]
                ),
                extra_pages=[
                    StartupPage(
                        self.settings,
                        self.autostart,
                        command_line.own_command(self._data_dir, gui=True),
                    )
                ],
            )
            self._settings_window.data.attach_journal(self.journal)
        self._settings_window.present()

    def _setting_changed(self, key: str) -> None:
        if key == config.THEME:
            self.theme.apply(self.settings.get(config.THEME))
        elif key == config.SHORTCUT:
            self._register_hotkey()

    def _register_hotkey(self) -> None:
        self._hotkey_delay.stop()
        self.hotkeys.apply(self.settings.get(config.SHORTCUT))

    def _hotkey_state_changed(self, state: HotkeyState) -> None:
        if self.tray is not None:
            self.tray.set_capture_shortcut(state.registered)
        if self._settings_window is not None:
            self._settings_window.shortcut.set_state(state)

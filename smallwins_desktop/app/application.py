"""The composition root: builds the pieces of the running app and connects them.

    Store ─ Journal ─┬─ CaptureWindow
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

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from smallwins_desktop import ipc
from smallwins_desktop.app import command_line
from smallwins_desktop.app.autostart import Autostart
from smallwins_desktop.app.autostart import for_platform as autostart_for_platform
from smallwins_desktop.app.backup_timer import BackupTimer
from smallwins_desktop.app.capture.window import CaptureWindow
from smallwins_desktop.app.hotkey.service import HotkeyService, HotkeyState
from smallwins_desktop.app.hotkey.service import default_backend as default_hotkey_backend
from smallwins_desktop.app.ipc_commands import IpcCommands
from smallwins_desktop.app.ipc_server import IpcServer
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.notify.base import Notification, NotificationBackend
from smallwins_desktop.app.notify.notifier import Notifier, default_backends
from smallwins_desktop.app.notify.tray_message import TrayMessageBackend
from smallwins_desktop.app.reminders.controller import ReminderController
from smallwins_desktop.app.reminders.scheduler import Scheduler
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.theme import Theme
from smallwins_desktop.app.tray.fallback_window import FallbackWindow
from smallwins_desktop.app.tray.tray import Tray
from smallwins_desktop.app.tray.watcher import TrayWatcher
from smallwins_desktop.core import config
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store

if TYPE_CHECKING:
    from smallwins_desktop.app.journal.window import JournalWindow
    from smallwins_desktop.app.reflection.review import WeeklyReviewWindow
    from smallwins_desktop.app.reflection.window import ReflectionWindow
    from smallwins_desktop.app.settings.dialog import SettingsWindow

log = logging.getLogger(__name__)

HOTKEY_DELAY_MS = 300
"""The global shortcut is registered this long after start-up: python-xlib and its X
connection cost ~65 ms that the tray icon need not wait for."""
BACKGROUND_TRAY_WAIT_MS = 30_000
"""Started with --background (at login): how long to wait for a tray before the window."""


class SmallWinsApp(QObject):
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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._data_dir = data_dir
        self.autostart = autostart or autostart_for_platform()
        self.settings = LiveSettings(store, clock, self)
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        self.theme = Theme(qapp, self)
        self.journal = Journal(store, clock, self)
        self.capture = CaptureWindow(self.journal)
        self._journal_window: JournalWindow | None = None
        probe = tray_probe or Tray.available
        if tray_available is None:
            tray_available = probe()
        self._background = background
        self.tray: Tray | None = None
        self.fallback: FallbackWindow | None = None
        self.tray_watcher = TrayWatcher(probe, self)
        self.tray_watcher.tray_appeared.connect(self.use_tray)
        self._fallback_wait = QTimer(self)
        self._fallback_wait.setSingleShot(True)
        self._fallback_wait.setInterval(BACKGROUND_TRAY_WAIT_MS)
        self._fallback_wait.timeout.connect(self._show_fallback)
        self.journal.changed.connect(self.refresh_summary)

        self._default_backends = notification_backends is None
        tray = Tray(self) if tray_available else None
        if notification_backends is None:
            notification_backends = default_backends(tray.icon if tray else None)
        self.notifier = Notifier(notification_backends, self)
        self.reminders = ReminderController(store, clock, self.journal, self.notifier, self)
        self.scheduler = Scheduler(store, clock, has_win_on=self.journal.has_win_on, parent=self)
        self.scheduler.reminder_due.connect(self.reminders.deliver)
        self.scheduler.ticked.connect(self.reminders.recall_pick_up)
        self.scheduler.tick_failed.connect(self.reminders.ticks_failing)
        self.scheduler.tick_recovered.connect(self.reminders.ticks_recovered)
        self.reminders.capture_requested.connect(self.capture.present)
        self.capture.presented.connect(self.reminders.acknowledge)
        if tray is not None:
            self._attach_tray(tray)
        else:
            self.fallback = FallbackWindow()
            self._connect_face(self.fallback)
        self.hotkeys = hotkeys or HotkeyService(factory=default_hotkey_backend, parent=self)
        self._hotkey_delay = QTimer(self)
        self._hotkey_delay.setSingleShot(True)
        self._hotkey_delay.setInterval(HOTKEY_DELAY_MS)
        self._hotkey_delay.timeout.connect(self._register_hotkey)
        self.hotkeys.pressed.connect(self.capture.present)
        self.hotkeys.state_changed.connect(self._hotkey_state_changed)
        self.settings.reminders_changed.connect(self.scheduler.replan)
        self.settings.workdays_changed.connect(self.journal.changed)
        self.settings.changed.connect(self._setting_changed)
        self._settings_window: SettingsWindow | None = None
        self._reflection_window: ReflectionWindow | None = None
        self._review_window: WeeklyReviewWindow | None = None
        self.reminders.reflect_requested.connect(self.open_reflection)
        self.reminders.review_requested.connect(self.open_review)
        self.backups = BackupTimer(store, clock, self)
        self.backups.failed.connect(self.tell_backup_failed)
        commands = IpcCommands(
            self.journal,
            self.capture,
            self.reminders,
            self.scheduler,
            lambda: self.tray,
            self.settings,
            lambda: self.hotkeys.state,
            self.open_settings,
        )
        commands.open_journal = self.open_journal
        self.ipc = IpcServer(ipc.socket_name(data_dir), commands.handlers(), self)

    def start(self) -> bool:
        """Listen for other `smallwins` commands and show the tray; False if listening failed."""
        if not self.ipc.listen():
            return False  # another instance runs (or the socket dir is unsafe): no second tray
        self.theme.apply(self.settings.get(config.THEME))
        self.refresh_summary()
        if self.tray is not None:
            self.tray.show()
        else:
            self.tray_watcher.start()
            if self._background:
                log.info("started in the background: waiting for a system tray")
                self._fallback_wait.start()
            else:
                self._show_fallback()
        self._hotkey_delay.start()  # once the tray is up
        self.journal.start_watching()
        if self.tray is not None:
            self.tray.set_paused(self.reminders.is_paused())
        self.scheduler.start()
        self.backups.start()
        return True

    def shutdown(self) -> None:
        self._hotkey_delay.stop()
        self.hotkeys.close()
        self.tray_watcher.stop()
        self._fallback_wait.stop()
        self.scheduler.stop()
        self.backups.stop()
        self.journal.stop_watching()
        self.capture.save_draft()
        self.ipc.close()
        if self.tray is not None:
            self.tray.hide()
        self.theme.restore()
        self.store.close()

    def tell_backup_failed(self, reason: str) -> None:
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
        tray = Tray(self)
        self._attach_tray(tray)
        if self._default_backends:
            self.notifier.add_backend(TrayMessageBackend(tray.icon))
        tray.set_paused(self.reminders.is_paused())
        tray.set_attention(self.reminders.attention)
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
        face.capture_requested.connect(self.capture.present)
        face.journal_requested.connect(self.open_journal)
        face.settings_requested.connect(self.open_settings)
        face.quit_requested.connect(QApplication.quit)
        self.reminders.attention_changed.connect(face.set_attention)

    def _attach_tray(self, tray: Tray) -> None:
        self.tray = tray
        self._connect_face(tray)
        tray.reflect_requested.connect(self.open_reflection)
        tray.review_requested.connect(self.open_review)
        tray.snooze_requested.connect(self.reminders.snooze)
        tray.skip_today_requested.connect(self.reminders.skip_today)
        tray.pause_requested.connect(self.reminders.pause_until_tomorrow)
        tray.resume_requested.connect(self.reminders.resume)
        self.reminders.paused_changed.connect(tray.set_paused)
        tray.notifications_requested.connect(self.open_notifications)

    def open_journal(self) -> None:
        if self._journal_window is None:
            # Built, and its code loaded, on first use: the tray comes up without it.
            from smallwins_desktop.app.journal.window import JournalWindow

            self._journal_window = JournalWindow(self.journal)
            self._journal_window.capture_requested.connect(self.capture.present)
            self._journal_window.reflect_requested.connect(self.open_reflection)
            self._journal_window.review_requested.connect(self.open_review)
        self._journal_window.present()

    def open_reflection(self) -> None:
        """The day's reflection (built on first use, like the journal)."""
        if self._reflection_window is None:
            from smallwins_desktop.app.reflection.window import ReflectionWindow

            self._reflection_window = ReflectionWindow(self.journal)
        self._reflection_window.present()

    def open_review(self) -> None:
        """The weekly review (built on first use)."""
        if self._review_window is None:
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
            # Imported on first use: start-up does not pay for a window most days never open.
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

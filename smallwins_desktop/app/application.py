"""The composition root: builds the pieces of the running app and connects them.

    Store ─ Journal ─┬─ CaptureWindow
                     ├─ JournalWindow (built on first use)
                     ├─ Tray, or FallbackWindow when the desktop has no tray
                     └─ IpcServer + IpcCommands (`smallwins`, `capture`, `add`, `status`)
    Store ─ Scheduler ── ReminderController ─ Notifier (freedesktop → plyer → tray message)
                                            └ NotificationsWindow (built on first use)
    Store ─ LiveSettings ─┬─ Scheduler.replan (a reminder setting or the workdays changed)
                          ├─ Journal.changed (the workdays changed: streaks count again)
                          ├─ Theme (appearance.theme, and the system's scheme)
                          └─ SettingsWindow (built on first use)

It owns nothing else and decides nothing: behaviour lives in the pieces and in `core`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from smallwins_desktop import ipc
from smallwins_desktop.app import command_line
from smallwins_desktop.app.capture.window import CaptureWindow
from smallwins_desktop.app.ipc_commands import IpcCommands
from smallwins_desktop.app.ipc_server import IpcServer
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.window import JournalWindow
from smallwins_desktop.app.notify.base import NotificationBackend
from smallwins_desktop.app.notify.notifier import Notifier, default_backends
from smallwins_desktop.app.notify.window import NotificationsWindow
from smallwins_desktop.app.reminders.controller import ReminderController
from smallwins_desktop.app.reminders.scheduler import Scheduler
from smallwins_desktop.app.settings.dialog import SettingsWindow
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.theme import Theme
from smallwins_desktop.app.tray.fallback_window import FallbackWindow
from smallwins_desktop.app.tray.tray import Tray
from smallwins_desktop.core import config
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store

log = logging.getLogger(__name__)


class SmallWinsApp(QObject):
    def __init__(
        self,
        store: Store,
        clock: Clock,
        data_dir: Path,
        *,
        tray_available: bool | None = None,
        notification_backends: list[NotificationBackend] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._data_dir = data_dir
        self.settings = LiveSettings(store, clock, self)
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        self.theme = Theme(qapp, self)
        self.journal = Journal(store, clock, self)
        self.capture = CaptureWindow(self.journal)
        self._journal_window: JournalWindow | None = None
        if tray_available is None:
            tray_available = Tray.available()
        self.tray: Tray | None = Tray(self) if tray_available else None
        self.fallback: FallbackWindow | None = None if tray_available else FallbackWindow()
        face: Tray | FallbackWindow = self.tray or self.fallback  # type: ignore[assignment]
        self._face = face  # what stands for the app on the desktop
        face.capture_requested.connect(self.capture.present)
        face.journal_requested.connect(self.open_journal)
        face.settings_requested.connect(self.open_settings)
        face.quit_requested.connect(QApplication.quit)
        self.journal.changed.connect(self.refresh_summary)

        if notification_backends is None:
            notification_backends = default_backends(self.tray.icon if self.tray else None)
        self.notifier = Notifier(notification_backends, self)
        self.reminders = ReminderController(store, clock, self.journal, self.notifier, self)
        self.scheduler = Scheduler(store, clock, has_win_on=self.journal.has_win_on, parent=self)
        self._notifications_window: NotificationsWindow | None = None
        self.scheduler.reminder_due.connect(self.reminders.deliver)
        self.scheduler.tick_failed.connect(self.reminders.ticks_failing)
        self.scheduler.tick_recovered.connect(self.reminders.ticks_recovered)
        self.reminders.capture_requested.connect(self.capture.present)
        self.capture.presented.connect(self.reminders.acknowledge)
        self.reminders.attention_changed.connect(face.set_attention)
        if self.tray is not None:
            self.tray.snooze_requested.connect(self.reminders.snooze)
            self.tray.skip_today_requested.connect(self.reminders.skip_today)
            self.tray.pause_requested.connect(self.reminders.pause_until_tomorrow)
            self.tray.resume_requested.connect(self.reminders.resume)
            self.reminders.paused_changed.connect(self.tray.set_paused)
            self.tray.notifications_requested.connect(self.open_notifications)
        self.settings.reminders_changed.connect(self.scheduler.replan)
        self.settings.workdays_changed.connect(self.journal.changed)
        self.settings.changed.connect(self._setting_changed)
        self._settings_window: SettingsWindow | None = None
        commands = IpcCommands(
            self.journal, self.capture, self.reminders, self.scheduler, self.tray, self.settings
        )
        self.ipc = IpcServer(ipc.socket_name(data_dir), commands.handlers(), self)

    def start(self) -> bool:
        """Listen for other `smallwins` commands and show the tray; False if listening failed."""
        if not self.ipc.listen():
            return False  # another instance runs (or the socket dir is unsafe): no second tray
        self.theme.apply(self.settings.get(config.THEME))
        self.refresh_summary()
        if self.tray is not None:
            self.tray.show()
        elif self.fallback is not None:
            log.warning("no system tray available; showing a window instead")
            self.fallback.show()
        self.journal.start_watching()
        if self.tray is not None:
            self.tray.set_paused(self.reminders.is_paused())
        self.scheduler.start()
        return True

    def shutdown(self) -> None:
        self.scheduler.stop()
        self.journal.stop_watching()
        self.capture.save_draft()
        self.ipc.close()
        if self.tray is not None:
            self.tray.hide()
        self.theme.restore()
        self.store.close()

    def refresh_summary(self) -> None:
        self._face.show_summary(self.journal.summary())

    def open_journal(self) -> None:
        if self._journal_window is None:
            self._journal_window = JournalWindow(self.journal)
            self._journal_window.capture_requested.connect(self.capture.present)
        self._journal_window.present()

    def open_notifications(self) -> None:
        if self._notifications_window is None:
            self._notifications_window = NotificationsWindow(
                self.store, self.reminders, self.notifier.backend_names()
            )
        self._notifications_window.present()

    def open_settings(self) -> None:
        if self._settings_window is None:
            self._settings_window = SettingsWindow(
                self.settings,
                self.store,
                self.reminders,
                self.notifier.backend_names(),
                data_dir=self._data_dir,
                capture_command=command_line.as_text(
                    [*command_line.own_command(self._data_dir), "capture"]
                ),
            )
        self._settings_window.present()

    def _setting_changed(self, key: str) -> None:
        if key == config.THEME:
            self.theme.apply(self.settings.get(config.THEME))

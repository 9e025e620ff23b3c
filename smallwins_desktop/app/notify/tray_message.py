"""The tray icon's own balloon message: the last resort where a tray exists."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from smallwins_desktop.app.notify.base import Notification, NotifyError, app_icon_path

TRAY_MESSAGE_DURATION_MS = 10_000


class TrayMessageBackend(QObject):
    """The tray icon's balloon message (`QSystemTrayIcon.showMessage`): no buttons.

    Signals:
        action_invoked(str notification_key, str action_key): the user clicked the message;
            the action is the notification's default_action.
    """

    action_invoked = Signal(str, str)

    name = "tray"

    def __init__(self, tray_icon: QSystemTrayIcon | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray_icon = tray_icon
        self._last: Notification | None = None  # a click is about the message shown last
        if tray_icon is not None:
            tray_icon.messageClicked.connect(self._message_clicked)

    def send(self, notification: Notification) -> None:
        if self._tray_icon is None:
            raise NotifyError("there is no tray icon to show a message from")
        if not QSystemTrayIcon.isSystemTrayAvailable():
            raise NotifyError("the desktop has no system tray")
        if not QSystemTrayIcon.supportsMessages():
            raise NotifyError("the system tray cannot show messages")
        if not self._tray_icon.isVisible():
            raise NotifyError("the tray icon is hidden")
        self._last = notification
        icon = QIcon(str(app_icon_path()))
        self._tray_icon.showMessage(
            notification.title, notification.body, icon, TRAY_MESSAGE_DURATION_MS
        )

    def _message_clicked(self) -> None:
        if self._last is not None and self._last.default_action:
            self.action_invoked.emit(self._last.key, self._last.default_action)

"""Getting a reminder in front of the user: ordered backends, every outcome recorded.

    Notifier.notify(notification)
        ├─ FreedesktopBackend   (Linux: org.freedesktop.Notifications with buttons)
        ├─ PlyerBackend         (Windows/macOS natively; Linux's fallback via notify-send)
        └─ TrayMessageBackend   (the tray icon's balloon, when there is a tray)

The Notifier tries the backends in order until one shows the notification. Each attempt
becomes a `Delivery` (backend, ok, error text), emitted as `delivered` and returned, so a
failure is never silent: the app can keep the tray in its attention state when nothing
worked, and `smallwins doctor` and the settings can show which backend works. A backend that
raises anything, not only NotifyError, counts as a failed attempt; nothing escapes `notify`.

The backends live beside this module, one each (`freedesktop`, `plyer_backend`,
`tray_message`; `base` holds what they share). The Notifier does not decide when to notify,
what to say, or what an action does: the scheduler and the application do, through `notify`
and the `action_invoked` signal.
"""

from __future__ import annotations

import logging
import sys
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QSystemTrayIcon

from smallwins_desktop.app.notify.base import Notification, NotificationBackend, NotifyError
from smallwins_desktop.app.notify.freedesktop import FreedesktopBackend
from smallwins_desktop.app.notify.plyer_backend import PlyerBackend
from smallwins_desktop.app.notify.tray_message import TrayMessageBackend

log = logging.getLogger(__name__)

# Notifications remembered so that a backend failing after `send` returned can hand the
# notification on to the next backend.
RETRY_MEMORY = 16


@dataclass(frozen=True)
class Delivery:
    """The outcome of one attempt to show a notification through one backend."""

    notification_key: str
    backend: str  # "freedesktop", "plyer", "tray"
    ok: bool
    error: str | None = None


class Notifier(QObject):
    """Shows notifications through the first backend that works, recording every attempt.

    Signals:
        action_invoked(str notification_key, str action_key): the user chose an action
            ("log", "snooze", ...) on a notification, or clicked it (its default_action).
        delivered(object Delivery): an attempt through one backend finished, ok or not;
            emitted for every attempt, including a late failure and the attempts it
            triggers (the reminder controller records each one).
    """

    action_invoked = Signal(str, str)
    delivered = Signal(object)

    def __init__(
        self, backends: Sequence[NotificationBackend], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._backends: list[NotificationBackend] = []
        self._recent: OrderedDict[str, Notification] = OrderedDict()
        for backend in backends:
            self.add_backend(backend)

    def add_backend(self, backend: NotificationBackend) -> None:
        """Try `backend` after the others (the tray's own message, once a tray appeared)."""
        self._backends.append(backend)
        # Slots of this QObject: a signal from plyer's thread is queued to ours.
        for name, slot in (
            ("action_invoked", self.action_invoked),
            ("failed_late", self._failed_late),
        ):
            signal = getattr(backend, name, None)
            if isinstance(signal, SignalInstance):
                signal.connect(slot)

    def backend_names(self) -> list[str]:
        return [backend.name for backend in self._backends]

    def notify(self, notification: Notification) -> list[Delivery]:
        """Show `notification` through the first backend that works.

        Returns every attempt in order: the last one is ok, unless all failed. Never raises
        because of a backend.
        """
        self._remember(notification)
        return self._deliver(notification, self._backends)

    def _deliver(
        self, notification: Notification, backends: Sequence[NotificationBackend]
    ) -> list[Delivery]:
        attempts: list[Delivery] = []
        for backend in backends:
            delivery = self._attempt(backend, notification)
            attempts.append(delivery)
            self.delivered.emit(delivery)
            if delivery.ok:
                return attempts
        log.error(
            "no backend could show notification %r (tried: %s)",
            notification.key,
            ", ".join(self.backend_names()) or "none configured",
        )
        return attempts

    @staticmethod
    def _attempt(backend: NotificationBackend, notification: Notification) -> Delivery:
        try:
            backend.send(notification)
        except NotifyError as error:
            log.warning("%s could not show %r: %s", backend.name, notification.key, error)
            return Delivery(notification.key, backend.name, ok=False, error=str(error))
        except Exception as error:  # a backend's bug must not cost the user the reminder
            log.exception("%s failed unexpectedly on %r", backend.name, notification.key)
            text = f"{type(error).__name__}: {error}"
            return Delivery(notification.key, backend.name, ok=False, error=text)
        log.info("notification %r shown through %s", notification.key, backend.name)
        return Delivery(notification.key, backend.name, ok=True)

    @Slot(str, str)
    def _failed_late(self, key: str, error: str) -> None:
        sender = self.sender()
        index = [id(backend) for backend in self._backends].index(id(sender))
        backend = self._backends[index]
        delivery = Delivery(key, backend.name, ok=False, error=error)
        self.delivered.emit(delivery)
        notification = self._recent.get(key)
        if notification is not None:
            self._deliver(notification, self._backends[index + 1 :])

    def _remember(self, notification: Notification) -> None:
        self._recent[notification.key] = notification
        self._recent.move_to_end(notification.key)
        while len(self._recent) > RETRY_MEMORY:
            self._recent.popitem(last=False)


def default_backends(
    tray_icon: QSystemTrayIcon | None, *, platform: str = sys.platform
) -> list[NotificationBackend]:
    """The backends to try on `platform`, best first; the tray's only with a tray icon."""
    backends: list[NotificationBackend] = []
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        backends.append(FreedesktopBackend())
    backends.append(PlyerBackend(platform=platform))
    if tray_icon is not None:
        backends.append(TrayMessageBackend(tray_icon))
    return backends

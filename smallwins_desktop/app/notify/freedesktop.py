"""Freedesktop notifications (`org.freedesktop.Notifications`) over QtDBus, with buttons.

`FreedesktopBackend` reports `action_invoked` from the server's `ActionInvoked` signal and
forgets a notification on `NotificationClosed`. Two PySide6 facts shape it (both checked
against dunst in the e2e tests):

- `QDBusConnection.connect` takes a QObject receiver and a `SLOT("name(uint,QString)")`
  string; the slot must be declared with matching types (`@Slot("uint", str)`). A bare
  Python callable is rejected.
- PySide6 turns a Python int into a signed D-Bus integer (`i`, or `q` inside a
  QDBusArgument), never the `u` that `Notify(susssasa{sv}i)` needs, and GDBus-based servers
  refuse the call. QtDBus converts arguments only when a call goes through a QDBusInterface
  meta-object that knows the types, and the meta-object it builds from the server's own
  introspection has an untyped placeholder for `a{sv}`. QtDBus caches these meta-objects per
  connection and interface name, so `_typed_notifications_interface` first introspects a
  local object of ours that declares the same interface with Qt types; the server's
  QDBusInterface then gets that typed meta-object and `QMetaObject.invokeMethod` sends
  correctly typed calls. If that ever stops working the call fails loudly (NotifyError) and
  the Notifier falls through to plyer. For the same reason the BYTE `urgency` hint cannot be
  sent; servers treat a notification without it as normal urgency, which is what we want.

Nothing here touches D-Bus at import or construction: only `send` does.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, SLOT, QMetaObject, QObject, Qt, Signal, Slot

from smallwins_desktop.app.notify.base import APP_NAME, Notification, NotifyError, app_icon_path
from smallwins_desktop.resources import APP_ID

if TYPE_CHECKING:  # QtDBus is imported only when a D-Bus backend is used
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

log = logging.getLogger(__name__)

# -- freedesktop notifications over QtDBus -------------------------------------------------

NOTIFICATIONS_SERVICE = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS_INTERFACE = "org.freedesktop.Notifications"
# The key the spec reserves for "the user clicked the notification itself".
DEFAULT_ACTION_KEY = "default"
EXPIRE_SERVER_DEFAULT = -1  # expire_timeout: let the server decide how long it stays
NOTIFY_CALL_TIMEOUT_MS = 5_000
NOTIFY_SIGNATURE = "Notify(QString,uint,QString,QString,QString,QStringList,QVariantMap,int)"
CLOSE_REASONS = {1: "expired", 2: "dismissed", 3: "closed", 4: "undefined"}
_TEMPLATE_PATH = "/io/smallwins/NotificationsTypeTemplate"


class _NotificationsTypeTemplate(QObject):
    """org.freedesktop.Notifications's methods with Qt types, only to be introspected.

    See the module docstring: QtDBus builds the server's proxy from this declaration.
    """

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, *_: object) -> int:
        return 0

    @Slot("uint")
    def CloseNotification(self, _: int) -> None:
        pass


def session_bus() -> QDBusConnection:
    """The connected session bus, or NotifyError saying why there is none."""
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        reason = bus.lastError().message() or "no address"
        raise NotifyError(f"not connected to a D-Bus session bus ({reason})")
    return bus


def ensure_notification_server(bus: QDBusConnection) -> None:
    """Raise NotifyError unless a notification server runs on `bus` or can be started."""
    interface = bus.interface()
    registered = interface.isServiceRegistered(NOTIFICATIONS_SERVICE)
    if registered.isValid() and registered.value():
        return
    activatable = interface.activatableServiceNames()
    if activatable.isValid() and NOTIFICATIONS_SERVICE in activatable.value():
        started = interface.startService(NOTIFICATIONS_SERVICE)
        if started.isValid():
            return
        raise NotifyError(
            f"the notification server could not be started: {started.error().message()}"
        )
    raise NotifyError(f"no notification server ({NOTIFICATIONS_SERVICE}) on the D-Bus session bus")


def _typed_notifications_interface(bus: QDBusConnection) -> QDBusInterface:
    """A QDBusInterface to the server whose Notify call carries proper D-Bus types."""
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

    template = _NotificationsTypeTemplate()
    registered = bus.registerObject(
        _TEMPLATE_PATH,
        NOTIFICATIONS_INTERFACE,
        template,
        QDBusConnection.RegisterOption.ExportAllSlots,
    )
    try:
        QDBusInterface(bus.baseService(), _TEMPLATE_PATH, NOTIFICATIONS_INTERFACE, bus)
    finally:
        if registered:
            bus.unregisterObject(_TEMPLATE_PATH)
    proxy = QDBusInterface(NOTIFICATIONS_SERVICE, NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE, bus)
    proxy.setTimeout(NOTIFY_CALL_TIMEOUT_MS)
    if proxy.metaObject().indexOfMethod(NOTIFY_SIGNATURE) == -1:
        raise NotifyError(
            "QtDBus cannot type the Notify call in this process (its interface cache already "
            "held the server's own untyped description)"
        )
    return proxy


class FreedesktopBackend(QObject):
    """Desktop notifications through `org.freedesktop.Notifications` (Linux, BSD).

    A notification with the key of one still open replaces it instead of stacking up.

    Signals:
        action_invoked(str notification_key, str action_key): the user pressed a button or
            clicked the bubble ("default" becomes the notification's default_action).
    """

    action_invoked = Signal(str, str)

    name = "freedesktop"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy: QDBusInterface | None = None
        self._listening = False
        self._capabilities: list[str] | None = None
        self._shown: dict[int, Notification] = {}  # server's id -> what it shows

    def send(self, notification: Notification) -> None:
        bus = session_bus()
        ensure_notification_server(bus)
        self._listen(bus)
        proxy = self._server(bus)
        actions: list[str] = []
        for key, label in notification.actions:
            actions += [key, label]
        if notification.default_action is not None:
            label = dict(notification.actions).get(notification.default_action, "")
            actions += [DEFAULT_ACTION_KEY, label]
        body = notification.body
        if "body-markup" in self._server_capabilities(proxy):
            import html  # here: its entities table is ~0.5 MiB the idle app need not hold

            body = html.escape(body, quote=False)
        hints = {"desktop-entry": APP_ID}
        icon = app_icon_path()
        replaces_id = self._open_id(notification.key)
        try:
            notification_id = QMetaObject.invokeMethod(
                proxy,
                "Notify",
                Qt.ConnectionType.DirectConnection,
                Q_RETURN_ARG("uint"),
                Q_ARG(str, APP_NAME),
                Q_ARG("uint", replaces_id),
                Q_ARG(str, str(icon) if icon.is_file() else ""),
                Q_ARG(str, notification.title),
                Q_ARG(str, body),
                Q_ARG("QStringList", actions),
                Q_ARG("QVariantMap", hints),
                Q_ARG(int, EXPIRE_SERVER_DEFAULT),
            )
        except RuntimeError as error:  # PySide raises when the meta-call itself fails
            raise NotifyError(f"QtDBus could not place the Notify call: {error}") from error
        reply_error = proxy.lastError()
        if reply_error.isValid():
            raise NotifyError(
                f"the notification server refused it: {reply_error.name()}: {reply_error.message()}"
            )
        self._shown.pop(replaces_id, None)
        self._shown[cast(int, notification_id)] = notification
        log.debug("notification %r shown with id %s", notification.key, notification_id)

    def _server(self, bus: QDBusConnection) -> QDBusInterface:
        if self._proxy is None:
            self._proxy = _typed_notifications_interface(bus)
        return self._proxy

    def _server_capabilities(self, proxy: QDBusInterface) -> list[str]:
        from PySide6.QtDBus import QDBus, QDBusMessage

        if self._capabilities is None:
            reply = proxy.call(QDBus.CallMode.Block, "GetCapabilities")
            if reply.type() == QDBusMessage.MessageType.ReplyMessage and reply.arguments():
                self._capabilities = [str(item) for item in reply.arguments()[0]]
            else:
                log.warning("the notification server did not list its capabilities")
                self._capabilities = []
            if "actions" not in self._capabilities:
                log.warning("the notification server shows no buttons; clicks may do nothing")
        return self._capabilities

    def _open_id(self, key: str) -> int:
        """The server's id of the open notification with `key`, else 0 (a new one)."""
        return next((id_ for id_, shown in self._shown.items() if shown.key == key), 0)

    def _listen(self, bus: QDBusConnection) -> None:
        if self._listening:
            return
        # The stub asks for bytes, but PySide6 accepts only the str that SLOT() returns.
        slots: dict[str, Any] = {
            "ActionInvoked": SLOT("_on_action_invoked(uint,QString)"),
            "NotificationClosed": SLOT("_on_notification_closed(uint,uint)"),
        }
        for signal, slot in slots.items():
            connected = bus.connect(
                NOTIFICATIONS_SERVICE,
                NOTIFICATIONS_PATH,
                NOTIFICATIONS_INTERFACE,
                signal,
                self,
                slot,
            )
            if not connected:
                # The bubble still shows; only its buttons would be dead, so say so loudly.
                log.error("cannot listen for %s: %s", signal, bus.lastError().message())
        self._listening = True

    @Slot("uint", str)
    def _on_action_invoked(self, notification_id: int, action_key: str) -> None:
        notification = self._shown.get(notification_id)
        if notification is None:  # another application's notification
            return
        action = notification.default_action if action_key == DEFAULT_ACTION_KEY else action_key
        log.info("notification %r: action %r", notification.key, action)
        if action:
            self.action_invoked.emit(notification.key, action)
        # The spec lets servers keep a notification open after an action; ours is done.
        if self._proxy is not None:
            QMetaObject.invokeMethod(
                self._proxy,
                "CloseNotification",
                Qt.ConnectionType.DirectConnection,
                Q_ARG("uint", notification_id),
            )
            if self._proxy.lastError().isValid():
                log.info(
                    "could not close notification %s: %s",
                    notification_id,
                    self._proxy.lastError().message(),
                )

    @Slot("uint", "uint")
    def _on_notification_closed(self, notification_id: int, reason: int) -> None:
        notification = self._shown.pop(notification_id, None)
        if notification is not None:
            why = CLOSE_REASONS.get(reason, "undefined")
            log.info("notification %r closed (%s)", notification.key, why)

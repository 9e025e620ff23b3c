"""The ways a reminder can reach the screen: one small class per notification backend.

Every backend has a `name` and a `send(notification)` that either shows the notification or
raises (`NotifyError` with a message a user can act on, ideally). None of them decides what
to try next: `notifier.Notifier` tries them in order and records each outcome. Backends that
learn more after `send` returned are QObjects with signals the Notifier connects to:

- `FreedesktopBackend`: `org.freedesktop.Notifications` over QtDBus, with buttons. Reports
  `action_invoked` and `closed` from the server's `ActionInvoked` / `NotificationClosed`.
- `PlyerBackend`: plyer's native notifier (Windows, macOS; Linux through notify-send). plyer
  hides most of its failures, so this class checks beforehand what plyer would fail on
  silently, and reports `failed_late` when a thread plyer started dies afterwards.
- `TrayMessageBackend`: `QSystemTrayIcon.showMessage`, the last resort where a tray exists.

Two PySide6 facts shape `FreedesktopBackend` (both checked against dunst in the e2e tests):

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

Nothing here touches D-Bus, plyer or the tray at import or construction: only `send` does.
"""

from __future__ import annotations

import html
import importlib.util
import logging
import shutil
import subprocess
import sys
import threading
import unicodedata
import warnings
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import (
    Q_ARG,
    Q_RETURN_ARG,
    SLOT,
    QMetaObject,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from smallwins_desktop.resources import resource_path

if TYPE_CHECKING:  # QtDBus is imported only when a D-Bus backend is used
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

log = logging.getLogger(__name__)

APP_NAME = "Small Wins"
DEFAULT_ACTIONS: tuple[tuple[str, str], ...] = (("log", "Log a win"), ("snooze", "Snooze 30 min"))


class NotifyError(Exception):
    """A backend could not show a notification; the message says why, for a person."""


@dataclass(frozen=True)
class Notification:
    """One notification to show. `key` identifies it to the rest of the app.

    `actions` are (action key, button label) pairs; `default_action` is the action key a
    click on the bubble itself means (None: a click does nothing but close it).
    """

    key: str  # e.g. "end_of_day:2026-11-20" or "test"
    title: str
    body: str
    actions: tuple[tuple[str, str], ...] = DEFAULT_ACTIONS
    default_action: str | None = "log"


class NotificationBackend(Protocol):
    """Shows a notification, or raises (NotifyError preferably) saying why it could not."""

    name: str

    def send(self, notification: Notification) -> None: ...


def app_icon_path(suffix: str = ".svg") -> Path:
    return resource_path("icons", f"smallwins{suffix}")


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


def _session_bus() -> QDBusConnection:
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
        closed(str notification_key, str reason): the server closed one of ours; reason is
            "expired", "dismissed", "closed" or "undefined".
    """

    action_invoked = Signal(str, str)
    closed = Signal(str, str)

    name = "freedesktop"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._proxy: QDBusInterface | None = None
        self._listening = False
        self._capabilities: list[str] | None = None
        self._shown: dict[int, Notification] = {}  # server's id -> what it shows

    def send(self, notification: Notification) -> None:
        bus = _session_bus()
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
            body = html.escape(body, quote=False)
        hints = {"desktop-entry": "smallwins"}
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
            self.closed.emit(notification.key, CLOSE_REASONS.get(reason, "undefined"))


# -- plyer ---------------------------------------------------------------------------------

PLYER_TIMEOUT_S = 10  # how long plyer asks the platform to show it
# plyer's Linux module picks its Flatpak path (the desktop portal through `gdbus`) when this
# directory exists; we look where plyer looks.
FLATPAK_MARKER = Path("/app")

PlyerNotify = Callable[..., Any]


def portal_safe_text(text: str) -> str:
    """`text` made safe for plyer's Flatpak path, which pastes it into a GVariant literal.

    A quote or backslash would end or escape the literal (the portal call then fails, and
    plyer discards the error), and a control character breaks the parse.
    """
    text = text.replace("'", "\u2019").replace("\\", "\u2216")
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


class _ThreadFailures:
    """Routes exceptions of threads started during a call to a callback, not to stderr.

    plyer's Windows notifier shows its balloon from a thread of its own, whose errors would
    otherwise only be printed. One instance is installed as `threading.excepthook` (chaining
    to the previous hook for every other thread) the first time it is needed.
    """

    _installed: _ThreadFailures | None = None

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watched: weakref.WeakKeyDictionary[threading.Thread, Callable[[str], None]]
        self._watched = weakref.WeakKeyDictionary()
        self._calls: list[tuple[set[threading.Thread], Callable[[str], None]]] = []
        self._previous = threading.excepthook
        threading.excepthook = self._hook

    @classmethod
    def installed(cls) -> _ThreadFailures:
        if cls._installed is None or threading.excepthook != cls._installed._hook:
            cls._installed = cls()
        return cls._installed

    @contextmanager
    def watching_new_threads(self, on_failure: Callable[[str], None]) -> Iterator[None]:
        call = (set(threading.enumerate()), on_failure)
        with self._lock:
            self._calls.append(call)
        try:
            yield
        finally:
            with self._lock:
                self._calls.remove(call)
                for thread in set(threading.enumerate()) - call[0]:
                    self._watched[thread] = on_failure

    def _hook(self, args: threading.ExceptHookArgs) -> None:
        thread = args.thread
        callback = None
        if thread is not None:
            with self._lock:
                callback = self._watched.pop(thread, None)
                for started_before, on_failure in self._calls:
                    if callback is None and thread not in started_before:
                        callback = on_failure
        if callback is None:
            self._previous(args)
            return
        callback(f"{args.exc_type.__name__}: {args.exc_value}")


class PlyerBackend(QObject):
    """Native notifications through plyer: the main path on Windows and macOS.

    Checked before calling plyer, because plyer would fail without a word: on Linux, that
    notify-send (or python-dbus) exists and a notification server is on the session bus
    (plyer ignores notify-send's exit status); in a Flatpak, that `gdbus` exists (and the
    text is made quote-free). Raised by plyer: NotImplementedError when it has no notifier
    for the platform (macOS without pyobjus, say). Warnings plyer emits are logged.

    Signals:
        failed_late(str notification_key, str error): a thread plyer started for a
            notification that `send` reported as shown has died with `error` (Windows).
    """

    failed_late = Signal(str, str)

    name = "plyer"

    def __init__(
        self,
        *,
        platform: str = sys.platform,
        notify: PlyerNotify | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`notify` stands in for `plyer.notification.notify` (tests); None uses plyer."""
        super().__init__(parent)
        self._platform = platform
        self._notify = notify

    def send(self, notification: Notification) -> None:
        title, body = notification.title, notification.body
        if self._platform.startswith("linux"):
            if FLATPAK_MARKER.is_dir():
                if shutil.which("gdbus") is None:
                    raise NotifyError("plyer's Flatpak notifier needs gdbus, which is missing")
                title, body = portal_safe_text(title), portal_safe_text(body)
            else:
                self._check_linux()
        icon = app_icon_path(".ico" if self._platform == "win32" else ".svg")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            notify = self._notify or self._plyer_notify()
            with _ThreadFailures.installed().watching_new_threads(
                lambda error: self._thread_failed(notification.key, error)
            ):
                try:
                    notify(
                        title=title,
                        message=body,
                        app_name=APP_NAME,
                        app_icon=str(icon) if icon.is_file() else "",
                        timeout=PLYER_TIMEOUT_S,
                    )
                except NotImplementedError as error:
                    raise NotifyError(
                        f"plyer has no notifier for this platform ({error})"
                    ) from error
                except (OSError, subprocess.SubprocessError) as error:
                    raise NotifyError(f"plyer's notifier failed to run: {error}") from error
        for warning in caught:
            log.warning("plyer: %s", warning.message)

    def _check_linux(self) -> None:
        if importlib.util.find_spec("dbus") is None and shutil.which("notify-send") is None:
            raise NotifyError(
                "plyer needs notify-send (package libnotify-bin) or python-dbus on Linux; "
                "neither is installed"
            )
        ensure_notification_server(_session_bus())

    @staticmethod
    def _plyer_notify() -> PlyerNotify:
        from plyer import facades, notification  # type: ignore[import-untyped]

        # plyer picks (and caches) its platform notifier on first use; when it finds none
        # it uses the bare facade, whose notify raises NotImplementedError.
        if notification.__class__ is facades.Notification:
            raise NotifyError("plyer found no notifier on this system")
        notify: PlyerNotify = notification.notify
        return notify

    def _thread_failed(self, key: str, error: str) -> None:
        # Runs in plyer's thread; the signal reaches the Notifier through its event loop.
        log.error("plyer's notifier thread failed after sending %r: %s", key, error)
        self.failed_late.emit(key, error)


# -- the tray's own message ----------------------------------------------------------------

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

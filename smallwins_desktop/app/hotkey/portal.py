"""The global shortcut on Wayland: the `org.freedesktop.portal.GlobalShortcuts` portal.

Wayland gives no application a way to grab keys for the whole desktop; the desktop itself binds
them, through the portal (xdg-desktop-portal, with a GNOME, KDE or Hyprland backend). The flow,
every step asynchronous, since the desktop may ask the user in a dialog first:

1. `CreateSession({handle_token, session_handle_token})` answers with a Request object path; the
   Request's `Response(u code, a{sv} results)` signal brings the session handle.
2. `BindShortcuts(session, [("capture", {description, preferred_trigger})], "", {handle_token})`
   answers the same way; `results["shortcuts"]` lists the shortcuts the desktop granted.
3. `Activated(o session, s id, t timestamp, a{sv})` comes on each press: `pressed` is emitted.
   Should the desktop close the session (`Session::Closed`), `settled` says the shortcut is gone.
4. `unregister` closes the session (`org.freedesktop.portal.Session.Close`), which drops its
   shortcuts.

Response code 1 is the user's "Cancel", 2 any other refusal; both, and a Response that grants
nothing, end in `settled` with the reason in words, and the session is closed again.

Why jeepney and not QtDBus: `BindShortcuts` takes an array of structs, `a(sa{sv})`. QtDBus can
only open an array whose element type is a QMetaType registered with a D-Bus signature
(`qDBusRegisterMetaType`, a C++ template PySide6 does not bind), and no built-in type has the
signature `(sa{sv})`; opening the array as any other type makes libdbus abort the process when the
first struct is written. A session belongs to the connection that created it, so the whole flow
must use one connection that can send that argument: jeepney's (pure Python, explicit
signatures), read on Qt's event loop through a QSocketNotifier. Nothing here blocks on the user;
`open_portal` alone waits, briefly, for the bus to say whether the portal is there at all.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from smallwins_desktop.app.hotkey.base import HotkeyError
from smallwins_desktop.core import shortcut as shortcuts
from smallwins_desktop.core.shortcut import Shortcut
from smallwins_desktop.resources import APP_ID  # the desktop file's basename (desktopFileName)

log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.portal.Desktop"
OBJECT_PATH = "/org/freedesktop/portal/desktop"
INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
SESSION_INTERFACE = "org.freedesktop.portal.Session"
REGISTRY_INTERFACE = "org.freedesktop.host.portal.Registry"
SHORTCUT_ID = "capture"
PROBE_TIMEOUT_S = 3.0

RESPONSE_OK = 0
RESPONSE_CANCELLED = 1

# The shortcuts spec's names for the modifiers (https://specifications.freedesktop.org/
# shortcuts-spec/): CTRL, ALT, SHIFT, LOGO; keys by their XKB keysym name.
_TRIGGER_MODIFIERS = {"Ctrl": "CTRL", "Alt": "ALT", "Shift": "SHIFT", "Meta": "LOGO"}
_TRIGGER_FROM_SPEC = {"CTRL": "Ctrl", "CONTROL": "Ctrl", "ALT": "Alt", "SHIFT": "Shift"}
_TRIGGER_FROM_SPEC |= {"LOGO": "Meta", "SUPER": "Meta", "META": "Meta"}


def preferred_trigger(wanted: Shortcut) -> str:
    """`Ctrl+Alt+W` -> `CTRL+ALT+w` (keysym names: letters in lower case, `F9`, `space`)."""
    modifiers = [_TRIGGER_MODIFIERS[m] for m in shortcuts.MODIFIER_ORDER if m in wanted.modifiers]
    key = wanted.key.lower() if len(wanted.key) == 1 else wanted.key
    return "+".join([*modifiers, "space" if key == "Space" else key])


def granted_shortcut(trigger_description: str) -> Shortcut | None:
    """The keys a desktop says it bound (`CTRL+ALT+w`, `Ctrl+Alt+W`, `<Control><Alt>w`), or
    None where its words are not a shortcut Small Wins can name."""
    text = trigger_description.strip()
    if text.startswith("<"):  # GTK accelerator form
        text = text.replace(">", "+").replace("<", "")
    parts = [part.strip() for part in text.split("+")]
    named = [_TRIGGER_FROM_SPEC.get(part.upper(), part) for part in parts[:-1]]
    try:
        return shortcuts.parse("+".join([*named, parts[-1]]))
    except shortcuts.ShortcutError:
        return None


def request_path(unique_name: str, token: str) -> str:
    """Where the portal puts the Request object of a call made with `token` (the spec fixes it,
    so its Response can be awaited before the call is even sent)."""
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"{OBJECT_PATH}/request/{sender}/{token}"


def open_portal(bus: str | None = None) -> PortalHotkey:
    """A connection to the session bus (or the bus at address `bus`), once the portal there has
    said it offers GlobalShortcuts; `HotkeyError` says what is missing otherwise."""
    try:
        from jeepney import DBusAddress, Properties
        from jeepney.io.blocking import open_dbus_connection
    except ImportError as error:
        raise HotkeyError(f"the D-Bus library is missing ({error})") from error
    address = bus or os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        raise HotkeyError("there is no D-Bus session bus")
    try:
        connection = open_dbus_connection(address)
    except (OSError, ValueError, RuntimeError) as error:
        raise HotkeyError(f"cannot reach the D-Bus session bus: {error}") from error
    _register_app_id(connection)
    portal = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE)
    try:
        reply = connection.send_and_get_reply(
            Properties(portal).get("version"), timeout=PROBE_TIMEOUT_S
        )
    except (OSError, TimeoutError) as error:
        connection.close()
        raise HotkeyError(f"the desktop portal did not answer: {error}") from error
    if reply.header.message_type.name != "method_return":
        connection.close()
        detail = reply.body[0] if reply.body else reply.header.fields
        raise HotkeyError(f"this desktop's portal offers no global shortcuts ({detail})")
    version = int(reply.body[0][1])
    return PortalHotkey(connection, version)


def _register_app_id(connection: Any) -> None:
    """Tell the portal which application this connection is (the host registry, portal 1.19
    and later; it must come before any portal call), so the desktop names Small Wins in its
    dialog and keeps the shortcut under its id. Older portals lack it: that is no failure."""
    from jeepney import DBusAddress, new_method_call

    registry = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=REGISTRY_INTERFACE)
    try:
        reply = connection.send_and_get_reply(
            new_method_call(registry, "Register", "sa{sv}", (APP_ID, {})),
            timeout=PROBE_TIMEOUT_S,
        )
    except (OSError, TimeoutError) as error:
        log.info("the portal's host registry did not answer: %s", error)
        return
    if reply.header.message_type.name == "error":
        log.info("the portal did not register the app id %s: %s", APP_ID, reply.body)


class PortalHotkey(QObject):
    """One capture shortcut bound through the portal, on one D-Bus connection.

    `register` starts binding and returns at once; `settled` tells how it ended.

    Signals:
        pressed: the desktop says the shortcut was pressed.
        settled(str, str): the keys now bound (as `Ctrl+Alt+W`) and "" once the desktop granted
            them, or "" and the reason it did not.
    """

    pressed = Signal()
    settled = Signal(str, str)
    name = "portal"
    asynchronous = True

    def __init__(self, connection: Any, version: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from jeepney import DBusAddress, MatchRule, message_bus

        self._connection = connection
        self.version = version
        self._portal = DBusAddress(OBJECT_PATH, bus_name=BUS_NAME, interface=INTERFACE)
        self._serials = itertools.count(1_000_000)
        self._tokens = itertools.count(1)
        self._replies: dict[int, Callable[[Any], None]] = {}
        self._requests: dict[str, Callable[[int, dict[str, Any]], None]] = {}
        self._session: str | None = None
        self._wanted: Shortcut | None = None
        self._closed = False
        self._generation = 0  # one more for each registration given up, so late answers drop
        self._notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        for rule in (
            MatchRule(type="signal", interface=REQUEST_INTERFACE, member="Response"),
            MatchRule(type="signal", interface=INTERFACE, member="Activated", path=OBJECT_PATH),
            MatchRule(type="signal", interface=SESSION_INTERFACE, member="Closed"),
        ):
            self._send(message_bus.AddMatch(rule))
        self._readable()  # what came in while the portal was probed

    @property
    def session(self) -> str | None:
        """The portal session while one is open (bound, or being bound)."""
        return self._session

    def register(self, shortcut: Shortcut) -> None:
        """Start binding `shortcut`: a new session, then BindShortcuts in it."""
        self.unregister()
        if self._closed:
            raise HotkeyError("the connection to the desktop portal is closed")
        self._wanted = shortcut
        token = self._token()
        options = {
            "handle_token": ("s", token),
            "session_handle_token": ("s", f"smallwins_{token}"),
        }
        self._request(token, "CreateSession", "a{sv}", (options,), self._session_created)

    def unregister(self) -> None:
        """Close the session, if any; its shortcut stops working at once."""
        self._wanted = None
        self._requests.clear()
        self._generation += 1
        session, self._session = self._session, None
        if session is not None and not self._closed:
            from jeepney import DBusAddress, new_method_call

            closer = DBusAddress(session, bus_name=BUS_NAME, interface=SESSION_INTERFACE)
            self._send(new_method_call(closer, "Close"))
            log.info("closed the portal session %s", session)

    def close(self) -> None:
        self.unregister()
        self._notifier.setEnabled(False)
        if not self._closed:
            self._closed = True
            self._connection.close()

    # -- the steps ---------------------------------------------------------------------------

    def _session_created(self, code: int, results: dict[str, Any]) -> None:
        if code != RESPONSE_OK:
            self._fail(self._refusal(code, "Opening a shortcut session"))
            return
        session = str(_value(results.get("session_handle", ("s", ""))))
        if not session:
            self._fail("The desktop portal opened no shortcut session.")
            return
        self._session = session
        wanted = self._wanted
        assert wanted is not None
        described = {
            "description": ("s", "Log a win with Small Wins"),
            "preferred_trigger": ("s", preferred_trigger(wanted)),
        }
        token = self._token()
        self._request(
            token,
            "BindShortcuts",
            "oa(sa{sv})sa{sv}",
            (session, [(SHORTCUT_ID, described)], "", {"handle_token": ("s", token)}),
            self._bound,
        )

    def _bound(self, code: int, results: dict[str, Any]) -> None:
        wanted = self._wanted
        if wanted is None:
            return
        if code != RESPONSE_OK:
            self._fail(self._refusal(code, f"Binding {wanted}"))
            return
        granted = {str(item[0]): item[1] for item in _value(results.get("shortcuts", ("a", [])))}
        if SHORTCUT_ID not in granted:
            self._fail(
                f"The desktop did not grant {wanted}: allow it in the desktop's shortcut "
                "settings, or choose other keys here."
            )
            return
        described = str(_value(granted[SHORTCUT_ID].get("trigger_description", ("s", ""))))
        keys = granted_shortcut(described) if described else wanted
        shown = str(keys) if keys is not None else described
        log.info("the portal bound %s (%s)", wanted, described or "no trigger named")
        self.settled.emit(shown, "")

    def _fail(self, problem: str) -> None:
        log.warning("portal shortcut not bound: %s", problem)
        self.unregister()
        self.settled.emit("", problem)

    @staticmethod
    def _refusal(code: int, what: str) -> str:
        if code == RESPONSE_CANCELLED:
            return f"{what} was cancelled in the desktop's dialog."
        return f"{what} was refused by the desktop (portal response {code})."

    # -- D-Bus plumbing ----------------------------------------------------------------------

    def _token(self) -> str:
        return f"smallwins{os.getpid()}_{next(self._tokens)}"

    def _send(self, message: Any, on_reply: Callable[[Any], None] | None = None) -> None:
        serial = next(self._serials)
        if on_reply is not None:
            self._replies[serial] = on_reply
        try:
            self._connection.send(message, serial=serial)
        except OSError as error:
            self._replies.pop(serial, None)
            self._lost(error)
            raise HotkeyError(f"the desktop portal connection failed: {error}") from error

    def _request(
        self,
        token: str,
        method: str,
        signature: str,
        body: tuple[Any, ...],
        on_response: Callable[[int, dict[str, Any]], None],
    ) -> None:
        """Call `method`, then `on_response` with the Response of its Request object."""
        from jeepney import new_method_call

        expected = request_path(self._connection.unique_name, token)
        self._requests[expected] = on_response
        generation = self._generation

        def answered(reply: Any) -> None:
            if generation != self._generation:
                return  # the registration this call was for is gone
            if reply.header.message_type.name == "error":
                self._requests.pop(expected, None)
                detail = reply.body[0] if reply.body else "no reason given"
                self._fail(f"The desktop portal refused {method}: {detail}.")
                return
            handle = str(reply.body[0])
            if handle != expected and expected in self._requests:  # an older portal
                self._requests[handle] = self._requests.pop(expected)

        self._send(new_method_call(self._portal, method, signature, body), answered)

    def _readable(self) -> None:
        while not self._closed:
            try:
                message = self._connection.receive(timeout=0)
            except TimeoutError:
                return
            except (OSError, ValueError) as error:
                self._lost(error)
                return
            self._dispatch(message)

    def _dispatch(self, message: Any) -> None:
        from jeepney import HeaderFields

        fields = message.header.fields
        kind = message.header.message_type.name
        if kind in ("method_return", "error"):
            on_reply = self._replies.pop(fields.get(HeaderFields.reply_serial, -1), None)
            if on_reply is not None:
                on_reply(message)
            return
        if kind != "signal":
            return
        interface, member = fields.get(HeaderFields.interface), fields.get(HeaderFields.member)
        path = fields.get(HeaderFields.path)
        if interface == REQUEST_INTERFACE and member == "Response":
            on_response = self._requests.pop(str(path), None)
            if on_response is not None:
                code, results = message.body
                on_response(int(code), dict(results))
        elif interface == SESSION_INTERFACE and member == "Closed":
            if path is not None and path == self._session:
                self._session = None
                self._fail(
                    "The desktop closed Small Wins' shortcut session, so the shortcut no longer "
                    "works; set it again in Settings."
                )
        elif interface == INTERFACE and member == "Activated":
            session, shortcut_id = str(message.body[0]), str(message.body[1])
            if session == self._session and shortcut_id == SHORTCUT_ID:
                self.pressed.emit()

    def _lost(self, error: BaseException) -> None:
        log.error("the connection to the desktop portal failed: %s", error)
        self._notifier.setEnabled(False)
        self._closed = True
        self._session = None
        if self._wanted is not None:
            self._wanted = None
            self.settled.emit("", f"The connection to the desktop portal failed: {error}.")


def _value(variant: Any) -> Any:
    """The value of a D-Bus variant as jeepney gives it: a (signature, value) pair."""
    if isinstance(variant, tuple) and len(variant) == 2 and isinstance(variant[0], str):
        return variant[1]
    return variant

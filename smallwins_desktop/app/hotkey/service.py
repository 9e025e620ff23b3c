"""The capture shortcut as the user set it (`shortcut.capture`), registered with the backend
this desktop has, and an honest account of how that went.

`HotkeyService.apply` (at start, and whenever the setting changes) registers the shortcut and
emits `state_changed` with a `HotkeyState`: the shortcut when it really is registered (the
tray shows it beside "Log a win…" only then), or why not: off, taken by another application,
or no backend on this desktop (macOS, and Wayland desktops whose portal offers no global
shortcuts), with the command to bind by hand instead, which the Settings page shows.

Backends: X11 (`x11`, a key grab), Wayland (`portal`, the GlobalShortcuts portal), Windows
(`windows`, RegisterHotKey). A backend with `asynchronous = True` (the portal, which may ask the
user in a dialog first) returns from `register` at once and says later, through its
`settled(str, str)` signal, what the desktop granted: until then the state says it is waiting.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication

from smallwins_desktop.app.hotkey.base import HotkeyBackend, HotkeyError
from smallwins_desktop.core import config, shortcut

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HotkeyState:
    """`registered`: the shortcut now working, or None; `problem`: why not, in words;
    `pending`: the desktop has not answered yet (it may be asking the user)."""

    registered: str | None
    problem: str | None = None
    pending: bool = False


def default_backend(platform: str | None = None) -> HotkeyBackend | None:
    """The backend of this desktop (`platform`: Qt's platform name, the running one by
    default), or None where there is none."""
    if sys.platform == "win32":
        import ctypes

        from smallwins_desktop.app.hotkey.windows import WindowsHotkey

        user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        return WindowsHotkey(user32)
    platform = platform if platform is not None else QGuiApplication.platformName()
    if platform.startswith("wayland"):
        from smallwins_desktop.app.hotkey.portal import open_portal

        try:
            return open_portal()
        except HotkeyError as error:
            log.warning("no global shortcut on Wayland: %s", error)
            return None
    if platform != "xcb":
        return None
    try:
        from smallwins_desktop.app.hotkey.x11 import X11Hotkey

        return X11Hotkey()
    except (ImportError, HotkeyError) as error:
        log.warning("no global shortcut on X11: %s", error)
        return None


class HotkeyService(QObject):
    """Signals:
    pressed: the capture shortcut was pressed.
    state_changed(object): a new `HotkeyState` after `apply`.
    """

    pressed = Signal()
    state_changed = Signal(object)

    def __init__(
        self,
        backend: HotkeyBackend | None = None,
        *,
        factory: Callable[[], HotkeyBackend | None] | None = None,
        unsupported: str = "",
        platform: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        """A `backend`, or a `factory` that makes it at the first `apply` (connecting to the
        X server costs start-up time the tray icon need not wait for). `unsupported` says why
        there is none; by default that depends on `platform` (Qt's, the running one)."""
        super().__init__(parent)
        self._backend: HotkeyBackend | None = None
        self._waiting: str | None = None  # keys an asynchronous backend is still binding
        self._factory = factory
        platform = platform if platform is not None else QGuiApplication.platformName()
        if unsupported:
            self._unsupported = unsupported
        elif platform.startswith("wayland"):
            self._unsupported = self.tr(
                "This Wayland desktop lets no application register a global shortcut (its "
                "desktop portal offers no GlobalShortcuts)."
            )
        else:
            self._unsupported = self.tr(
                "Small Wins cannot register a global shortcut on this desktop."
            )
        self.state = HotkeyState(None, self.tr("The global shortcut is not registered yet."))
        if backend is not None:
            self._use(backend)
        elif factory is None:
            self.state = HotkeyState(None, self._unsupported)

    def _use(self, backend: HotkeyBackend) -> None:
        self._backend = backend
        backend.pressed.connect(self.pressed)
        settled = getattr(backend, "settled", None)
        if settled is not None:
            settled.connect(self._settled)

    def apply(self, text: str) -> HotkeyState:
        """Register `text` (a `shortcut.capture` value) instead of what was registered."""
        if self._factory is not None:
            made, self._factory = self._factory(), None
            if made is not None:
                self._use(made)
        if self._backend is None:
            return self._set(HotkeyState(None, self._unsupported))
        self._waiting = None
        self._backend.unregister()
        if text == config.SHORTCUT_OFF:
            return self._set(HotkeyState(None, self.tr("The global shortcut is off.")))
        try:
            wanted = shortcut.parse(text)
            self._backend.register(wanted)
        except (shortcut.ShortcutError, HotkeyError) as error:
            log.warning("capture shortcut %s not registered: %s", text, error)
            return self._set(HotkeyState(None, str(error)))
        if getattr(self._backend, "asynchronous", False):
            self._waiting = str(wanted)
            waiting = self.tr("Waiting for the desktop to allow %1…").replace("%1", str(wanted))
            return self._set(HotkeyState(None, waiting, pending=True))
        return self._set(HotkeyState(str(wanted)))

    def _settled(self, registered: str, problem: str) -> None:
        """An asynchronous backend's answer: the keys the desktop bound, or why it did not."""
        if self._waiting is None and not problem:
            return  # an answer to a registration that was replaced or withdrawn
        self._waiting = None
        if problem:
            log.warning("capture shortcut not registered: %s", problem)
            self._set(HotkeyState(None, problem))
        else:
            self._set(HotkeyState(registered))

    def close(self) -> None:
        self._waiting = None
        if self._backend is not None:
            self._backend.unregister()
            closer = getattr(self._backend, "close", None)
            if callable(closer):
                closer()
            self._backend = None

    def _set(self, state: HotkeyState) -> HotkeyState:
        self.state = state
        self.state_changed.emit(state)
        return state

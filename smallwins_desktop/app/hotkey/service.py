"""The capture shortcut as the user set it (`shortcut.capture`), registered with the backend
this desktop has, and an honest account of how that went.

`HotkeyService.apply` (at start, and whenever the setting changes) registers the shortcut and
emits `state_changed` with a `HotkeyState`: the shortcut when it really is registered (the
tray shows it beside "Log a win…" only then), or why not: off, taken by another application,
or no backend on this desktop (Wayland and macOS for now), with the command to bind by hand
instead, which the Settings page shows. Backends: X11 (`x11`), Windows (`windows`).
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
    """`registered`: the shortcut now working, or None; `problem`: why not, in words."""

    registered: str | None
    problem: str | None = None


def default_backend() -> HotkeyBackend | None:
    """The backend of this desktop, or None where there is none yet."""
    if sys.platform == "win32":
        import ctypes

        from smallwins_desktop.app.hotkey.windows import WindowsHotkey

        user32 = ctypes.WinDLL("user32", use_last_error=True)  # type: ignore[attr-defined]
        return WindowsHotkey(user32)
    if QGuiApplication.platformName() != "xcb":
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
        parent: QObject | None = None,
    ) -> None:
        """A `backend`, or a `factory` that makes it at the first `apply` (connecting to the
        X server costs start-up time the tray icon need not wait for)."""
        super().__init__(parent)
        self._backend: HotkeyBackend | None = None
        self._factory = factory
        self._unsupported = unsupported or self.tr(
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

    def apply(self, text: str) -> HotkeyState:
        """Register `text` (a `shortcut.capture` value) instead of what was registered."""
        if self._factory is not None:
            made, self._factory = self._factory(), None
            if made is not None:
                self._use(made)
        if self._backend is None:
            return self._set(HotkeyState(None, self._unsupported))
        self._backend.unregister()
        if text == config.SHORTCUT_OFF:
            return self._set(HotkeyState(None, self.tr("The global shortcut is off.")))
        try:
            wanted = shortcut.parse(text)
            self._backend.register(wanted)
        except (shortcut.ShortcutError, HotkeyError) as error:
            log.warning("capture shortcut %s not registered: %s", text, error)
            return self._set(HotkeyState(None, str(error)))
        return self._set(HotkeyState(str(wanted)))

    def close(self) -> None:
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

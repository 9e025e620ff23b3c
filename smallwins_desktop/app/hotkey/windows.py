"""The global shortcut on Windows: `RegisterHotKey`, and `WM_HOTKEY` read by a native event
filter on Qt's loop.

The OS calls go through a small `User32` (the real one is `ctypes.windll.user32`), so the
backend is tested anywhere with the calls faked. A shortcut another application registered
already fails with ERROR_HOTKEY_ALREADY_REGISTERED, said as "already taken".
"""

from __future__ import annotations

import ctypes
import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QCoreApplication, QObject, Signal

from smallwins_desktop.app.hotkey.base import HotkeyError, HotkeyTakenError
from smallwins_desktop.core.shortcut import Shortcut

log = logging.getLogger(__name__)

WM_HOTKEY = 0x0312
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
HOTKEY_ID = 0x5357  # any id of ours, 0x0000-0xBFFF; "SW"
VK_SPACE, VK_F1 = 0x20, 0x70
_MODIFIERS = {"Alt": MOD_ALT, "Ctrl": MOD_CONTROL, "Shift": MOD_SHIFT, "Meta": MOD_WIN}
_MESSAGE_TYPES = (b"windows_generic_MSG", b"windows_dispatcher_MSG")


class User32(Protocol):
    def RegisterHotKey(self, hwnd: Any, id: int, modifiers: int, vk: int) -> int: ...

    def UnregisterHotKey(self, hwnd: Any, id: int) -> int: ...


class MSG(ctypes.Structure):
    """Win32's MSG, as the native event's message pointer points to it."""

    _fields_ = (
        ("hwnd", ctypes.c_void_p),
        ("message", ctypes.c_uint),
        ("wParam", ctypes.c_size_t),
        ("lParam", ctypes.c_ssize_t),
        ("time", ctypes.c_uint32),
        ("pt_x", ctypes.c_long),
        ("pt_y", ctypes.c_long),
    )


def virtual_key(key: str) -> int:
    if key == "Space":
        return VK_SPACE
    if key.startswith("F") and key[1:].isdigit():
        return VK_F1 + int(key[1:]) - 1
    return ord(key)  # A-Z and 0-9 are their own virtual-key codes


class _Filter(QAbstractNativeEventFilter):
    def __init__(self, owner: WindowsHotkey) -> None:
        super().__init__()
        self._owner = owner

    def nativeEventFilter(self, event_type: QByteArray, message: int) -> tuple[bool, int]:
        if bytes(event_type.data()) in _MESSAGE_TYPES and message:
            msg = MSG.from_address(int(message))
            if msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
                self._owner.pressed.emit()
                return True, 0
        return False, 0


class WindowsHotkey(QObject):
    """Signals:
    pressed: the shortcut was pressed.
    """

    pressed = Signal()
    name = "windows"

    def __init__(
        self,
        user32: User32,
        last_error: Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`last_error`: the calling thread's last Win32 error (ctypes' copy of it)."""
        super().__init__(parent)
        self._user32 = user32
        self._last_error = last_error or ctypes.get_last_error  # type: ignore[attr-defined]
        self._registered = False
        self.filter = _Filter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self.filter)

    def register(self, shortcut: Shortcut) -> None:
        self.unregister()
        modifiers = MOD_NOREPEAT
        for name in shortcut.modifiers:
            modifiers |= _MODIFIERS[name]
        if not self._user32.RegisterHotKey(None, HOTKEY_ID, modifiers, virtual_key(shortcut.key)):
            code = self._last_error()
            if code == ERROR_HOTKEY_ALREADY_REGISTERED:
                raise HotkeyTakenError(
                    f"{shortcut} is already taken by another application; choose another "
                    "shortcut in Settings"
                )
            raise HotkeyError(f"Windows refused {shortcut} (error {code})")
        self._registered = True
        log.info("registered %s with RegisterHotKey", shortcut)

    def unregister(self) -> None:
        if self._registered:
            self._user32.UnregisterHotKey(None, HOTKEY_ID)
            self._registered = False

    def close(self) -> None:
        self.unregister()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeNativeEventFilter(self.filter)

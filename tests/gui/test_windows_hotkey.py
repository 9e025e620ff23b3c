"""The Windows shortcut backend with the OS calls faked: RegisterHotKey gets the right
modifiers and virtual key, a shortcut another application holds is "already taken", and the
WM_HOTKEY message read by the native event filter opens the capture box."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.hotkey.base import HotkeyTakenError
from smallwins_desktop.app.hotkey.service import HotkeyService
from smallwins_desktop.app.hotkey.windows import (
    ERROR_HOTKEY_ALREADY_REGISTERED,
    HOTKEY_ID,
    MOD_ALT,
    MOD_CONTROL,
    MOD_NOREPEAT,
    MOD_SHIFT,
    MSG,
    WM_HOTKEY,
    WindowsHotkey,
)
from smallwins_desktop.core.shortcut import parse


class FakeUser32:
    """user32.dll as far as hotkeys go; `held` are registered by other applications."""

    def __init__(self, held: set[tuple[int, int]] | None = None) -> None:
        self.held = held or set()
        self.registered: dict[int, tuple[int, int]] = {}
        self.error = 0

    def RegisterHotKey(self, hwnd: object, id: int, modifiers: int, vk: int) -> int:
        if (modifiers & ~MOD_NOREPEAT, vk) in self.held:
            self.error = ERROR_HOTKEY_ALREADY_REGISTERED
            return 0
        self.registered[id] = (modifiers, vk)
        return 1

    def UnregisterHotKey(self, hwnd: object, id: int) -> int:
        return int(self.registered.pop(id, None) is not None)


@pytest.fixture
def user32() -> FakeUser32:
    return FakeUser32()


@pytest.fixture
def backend(user32: FakeUser32, qtbot: QtBot) -> Iterator[WindowsHotkey]:
    backend = WindowsHotkey(user32, last_error=lambda: user32.error)
    yield backend
    backend.close()


def hotkey_message(wparam: int = HOTKEY_ID, message: int = WM_HOTKEY) -> MSG:
    return MSG(message=message, wParam=wparam)


def test_register_hot_key_gets_the_modifiers_and_the_virtual_key(
    backend: WindowsHotkey, user32: FakeUser32
) -> None:
    backend.register(parse("Ctrl+Alt+W"))
    assert user32.registered == {HOTKEY_ID: (MOD_CONTROL | MOD_ALT | MOD_NOREPEAT, ord("W"))}

    backend.register(parse("Ctrl+Shift+F9"))  # the old one goes first
    assert user32.registered == {HOTKEY_ID: (MOD_CONTROL | MOD_SHIFT | MOD_NOREPEAT, 0x78)}

    backend.unregister()
    assert user32.registered == {}


def test_a_shortcut_another_application_holds_is_already_taken(qtbot: QtBot) -> None:
    user32 = FakeUser32(held={(MOD_CONTROL | MOD_ALT, ord("W"))})
    backend = WindowsHotkey(user32, last_error=lambda: user32.error)
    try:
        with pytest.raises(HotkeyTakenError, match="already taken by another application"):
            backend.register(parse("Ctrl+Alt+W"))
        service = HotkeyService(backend)
        assert service.apply("Ctrl+Alt+W").registered is None
        assert service.apply("Ctrl+Alt+J").registered == "Ctrl+Alt+J"
    finally:
        backend.close()


def test_wm_hotkey_is_taken_by_the_filter_and_emits_pressed(
    backend: WindowsHotkey, qtbot: QtBot
) -> None:
    backend.register(parse("Ctrl+Alt+W"))
    ours = hotkey_message()
    other = hotkey_message(wparam=HOTKEY_ID + 1)
    kind = QByteArray(b"windows_generic_MSG")

    with qtbot.waitSignal(backend.pressed, timeout=1_000):
        assert backend.filter.nativeEventFilter(kind, ctypes.addressof(ours)) == (True, 0)
    assert backend.filter.nativeEventFilter(kind, ctypes.addressof(other)) == (False, 0)
    assert backend.filter.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), 1) == (False, 0)

"""What every global-shortcut backend offers, and how it fails.

A backend registers one shortcut at a time for the whole desktop and emits `pressed` when it
is pressed, whichever application has the focus. `register` raises `HotkeyTakenError` when
another application holds the keys already, and `HotkeyError` for anything else; it never
leaves a half-made registration behind.

A backend whose desktop answers later (the Wayland portal, which may ask the user in a dialog)
sets `asynchronous = True`: its `register` only starts, and its `settled(str, str)` signal
gives the keys bound (and "") or "" and the reason nothing was; `HotkeyService` shows the
shortcut as pending until then.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from smallwins_desktop.core.shortcut import Shortcut


class HotkeyError(Exception):
    """The shortcut could not be registered (the message says why)."""


class HotkeyTakenError(HotkeyError):
    """Another application already holds this shortcut."""


class HotkeyBackend(Protocol):
    name: str
    pressed: SignalInstance

    def register(self, shortcut: Shortcut) -> None: ...

    def unregister(self) -> None: ...

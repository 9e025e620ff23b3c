"""The global shortcut on X11: a passive key grab on the root window (python-xlib).

`X11Grab` is the X part, without Qt: it opens its own connection to the X server, grabs the
key with the shortcut's modifiers once for every combination of the lock modifiers (Caps
Lock, Num Lock, Scroll Lock), because X matches the modifier state exactly and a grab without
them would not fire while Num Lock is on, and reads the key presses. A grab that another client
holds fails with BadAccess: the grabs made so far are released and `HotkeyTakenError` says so.

`X11Hotkey` puts it on Qt's event loop: a QSocketNotifier on the connection wakes it, and
`pressed` is emitted for each press.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from smallwins_desktop.app.hotkey.base import HotkeyError, HotkeyTakenError
from smallwins_desktop.core.shortcut import Shortcut

log = logging.getLogger(__name__)

_LOCK_KEYSYMS = ("Num_Lock", "Scroll_Lock")


class X11Grab:
    """One shortcut grabbed on the root window of `display_name` (None: $DISPLAY)."""

    def __init__(self, display_name: str | None = None) -> None:
        from Xlib import X, error
        from Xlib.display import Display

        self._X = X
        self._error = error
        try:
            self._display: Any = Display(display_name)
        except (error.DisplayError, error.ConnectionClosedError) as failure:
            raise HotkeyError(f"cannot talk to the X server: {failure}") from failure
        self._root = self._display.screen().root
        self._grabs: list[tuple[int, int]] = []
        self._keycode: int | None = None
        self._modifiers = 0

    def fileno(self) -> int:
        return int(self._display.fileno())

    @property
    def grabbed(self) -> bool:
        return bool(self._grabs)

    def grab(self, shortcut: Shortcut) -> None:
        """Grab `shortcut` with every lock-modifier combination, or nothing at all."""
        self.ungrab()
        keycode = self._keycode_of(shortcut.key)
        modifiers = self._modifier_mask(shortcut)
        X = self._X
        for locks in self._lock_combinations():
            catch = self._error.CatchError(self._error.BadAccess)
            mask = modifiers | locks
            self._root.grab_key(
                keycode, mask, True, X.GrabModeAsync, X.GrabModeAsync, onerror=catch
            )
            self._display.sync()
            if catch.get_error() is not None:
                self.ungrab()
                raise HotkeyTakenError(
                    f"{shortcut} is already taken by another application; choose another "
                    "shortcut in Settings"
                )
            self._grabs.append((keycode, mask))
        self._keycode, self._modifiers = keycode, modifiers
        log.info("grabbed %s on X11 (%d lock-modifier combinations)", shortcut, len(self._grabs))

    def ungrab(self) -> None:
        for keycode, mask in self._grabs:
            self._root.ungrab_key(keycode, mask)
        if self._grabs:
            self._display.sync()
        self._grabs.clear()
        self._keycode = None

    def close(self) -> None:
        self.ungrab()
        self._display.close()

    def read_presses(self) -> int:
        """Take every event waiting on the connection; how many were presses of the grab."""
        X = self._X
        presses = 0
        while self._display.pending_events():
            event = self._display.next_event()
            if event.type == X.MappingNotify:
                self._display.refresh_keyboard_mapping(event)
            elif (
                event.type == X.KeyPress
                and event.detail == self._keycode
                and event.state & self._relevant_mask() == self._modifiers
            ):
                presses += 1
        return presses

    def _keycode_of(self, key: str) -> int:
        from Xlib import XK

        name = key.lower() if len(key) == 1 else ("space" if key == "Space" else key)
        keysym = XK.string_to_keysym(name)
        keycode = self._display.keysym_to_keycode(keysym) if keysym else 0
        if not keycode:
            raise HotkeyError(f"this keyboard has no {key} key")
        return int(keycode)

    def _modifier_mask(self, shortcut: Shortcut) -> int:
        X = self._X
        masks = {
            "Ctrl": X.ControlMask,
            "Alt": X.Mod1Mask,
            "Shift": X.ShiftMask,
            "Meta": X.Mod4Mask,
        }
        mask = 0
        for modifier in shortcut.modifiers:
            mask |= masks[modifier]
        return mask

    def _lock_masks(self) -> list[int]:
        """Caps Lock, and the modifier bits Num Lock and Scroll Lock are mapped to."""
        from Xlib import XK

        found = [self._X.LockMask]
        mapping = self._display.get_modifier_mapping()
        for name in _LOCK_KEYSYMS:
            keycode = self._display.keysym_to_keycode(XK.string_to_keysym(name))
            for index, keycodes in enumerate(mapping):
                if keycode and keycode in keycodes and (1 << index) not in found:
                    found.append(1 << index)
        return found

    def _lock_combinations(self) -> list[int]:
        masks = self._lock_masks()
        combos = set()
        for count in range(len(masks) + 1):
            for chosen in itertools.combinations(masks, count):
                combos.add(sum(chosen))
        return sorted(combos)

    def _relevant_mask(self) -> int:
        X = self._X
        return X.ControlMask | X.Mod1Mask | X.ShiftMask | X.Mod4Mask


class X11Hotkey(QObject):
    """`X11Grab` on Qt's event loop.

    Signals:
        pressed: the shortcut was pressed (whichever window had the focus).
    """

    pressed = Signal()
    name = "x11"

    def __init__(self, display_name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grab = X11Grab(display_name)
        self._notifier = QSocketNotifier(self._grab.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)

    def register(self, shortcut: Shortcut) -> None:
        self._grab.grab(shortcut)
        self._readable()  # anything that came while grabbing

    def unregister(self) -> None:
        self._grab.ungrab()

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._grab.close()

    def _readable(self) -> None:
        from Xlib import error

        try:
            presses = self._grab.read_presses()
        except (error.ConnectionClosedError, OSError) as failure:
            log.error("the X server connection for the shortcut closed: %s", failure)
            self._notifier.setEnabled(False)
            return
        for _ in range(presses):
            self.pressed.emit()

"""Keyboard shortcuts as text: `Ctrl+Alt+W` parsed, checked and written back one way.

The capture shortcut is a setting (`shortcut.capture`); each global-shortcut backend turns the
parsed form into what its system wants (an X keysym and modifier mask, a Windows virtual
key). Pure: no Qt, no X.
"""

from __future__ import annotations

from dataclasses import dataclass

MODIFIER_ORDER = ("Ctrl", "Alt", "Shift", "Meta")
_MODIFIER_NAMES = {
    "ctrl": "Ctrl",
    "control": "Ctrl",
    "alt": "Alt",
    "shift": "Shift",
    "meta": "Meta",
    "super": "Meta",
    "win": "Meta",
}
_NAMED_KEYS = {"space": "Space"}
MAX_FUNCTION_KEY = 24
_CONSOLE_KEYS = frozenset(f"F{n}" for n in range(1, 13))


class ShortcutError(ValueError):
    """Text that is not a shortcut Small Wins can register."""


@dataclass(frozen=True)
class Shortcut:
    """Modifiers (from `MODIFIER_ORDER`) and one key: `A`-`Z`, `0`-`9`, `F1`-`F24`, `Space`."""

    modifiers: frozenset[str]
    key: str

    def __str__(self) -> str:
        return "+".join([*(m for m in MODIFIER_ORDER if m in self.modifiers), self.key])


def parse(text: str) -> Shortcut:
    """`ctrl+alt+w` → Shortcut({Ctrl, Alt}, "W"). A global shortcut needs Ctrl, Alt or Meta,
    so that it never swallows a key people type."""
    parts = [part.strip() for part in text.split("+")]
    if len(parts) < 2 or not all(parts):
        raise ShortcutError(f"{text!r} is not a shortcut such as Ctrl+Alt+W.")
    modifiers = set()
    for part in parts[:-1]:
        name = _MODIFIER_NAMES.get(part.lower())
        if name is None:
            raise ShortcutError(f"{part!r} is not a modifier (Ctrl, Alt, Shift or Meta).")
        modifiers.add(name)
    if not modifiers & {"Ctrl", "Alt", "Meta"}:
        raise ShortcutError(f"{text!r} needs Ctrl, Alt or Meta, or it would take a typed key.")
    key = _key(parts[-1])
    if {"Ctrl", "Alt"} <= modifiers and key in _CONSOLE_KEYS:
        raise ShortcutError(f"Ctrl+Alt+{key} switches to a text console on Linux; pick another.")
    return Shortcut(frozenset(modifiers), key)


def _key(part: str) -> str:
    if len(part) == 1 and part.isascii() and part.isalnum():
        return part.upper()
    upper = part.upper()
    if upper.startswith("F") and upper[1:].isdigit() and 1 <= int(upper[1:]) <= MAX_FUNCTION_KEY:
        return f"F{int(upper[1:])}"
    if part.lower() in _NAMED_KEYS:
        return _NAMED_KEYS[part.lower()]
    raise ShortcutError(f"{part!r} is not a key Small Wins can use (A-Z, 0-9, F1-F24, Space).")

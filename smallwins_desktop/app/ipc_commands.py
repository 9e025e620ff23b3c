"""What the running app answers on its socket: `show_capture`, `add`, `status`, and
`settings_changed` (sent by `smallwins config set` after it wrote a setting) and
`show_settings` (`smallwins settings`).

The replies are built here from the pieces the composition root hands over; `ipc_server`
carries them, and `ipc.py` is the protocol both ends speak.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from smallwins_desktop import ipc
from smallwins_desktop.app.hotkey.service import HotkeyState
from smallwins_desktop.app.ipc_server import Handler
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.reminders.controller import ReminderController
from smallwins_desktop.app.reminders.scheduler import Scheduler
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.tray.tray import Tray
from smallwins_desktop.core.errors import SmallWinsError

MAX_TOKEN_LENGTH = 1024


class IpcCommands:
    def __init__(
        self,
        journal: Journal,
        show_capture: Callable[[], None],
        capture_visible: Callable[[], bool],
        reminders: ReminderController,
        scheduler: Scheduler,
        tray: Callable[[], Tray | None],
        settings: LiveSettings | None = None,
        shortcut: Callable[[], HotkeyState] = lambda: HotkeyState(None),
        open_settings: Callable[[], None] | None = None,
    ) -> None:
        self._journal = journal
        self._show_capture = show_capture
        self._capture_visible = capture_visible
        self._reminders = reminders
        self._scheduler = scheduler
        self._tray = tray
        self.open_journal: Callable[[], None] | None = None
        self._settings = settings
        self._shortcut = shortcut
        self._open_settings = open_settings

    def handlers(self) -> dict[str, Handler]:
        return {
            "show_capture": self.show_capture,
            "show_journal": self.show_journal,
            "add": self.add,
            "status": self.status,
            "settings_changed": self.settings_changed,
            "show_settings": self.show_settings,
        }

    def show_settings(self, message: dict[str, Any]) -> dict[str, Any]:
        if self._open_settings is None:
            return {"ok": False, "error": "this app has no Settings window"}
        with _activation_token(message):
            self._open_settings()
        return {"ok": True}

    def settings_changed(self, message: dict[str, Any]) -> dict[str, Any]:
        """Another process wrote these settings: re-read and apply them now."""
        keys = message.get("keys")
        if not isinstance(keys, list) or self._settings is None:
            return {"ok": False, "error": "settings_changed needs a list of keys"}
        return {"ok": True, "keys": self._settings.notice(keys)}

    def show_capture(self, message: dict[str, Any]) -> dict[str, Any]:
        with _activation_token(message):
            self._show_capture()
        return {"ok": True}

    def show_journal(self, message: dict[str, Any]) -> dict[str, Any]:
        if self.open_journal is None:
            return {"ok": False, "error": "this app has no journal window"}
        with _activation_token(message):
            self.open_journal()
        return {"ok": True}

    def status(self, _: dict[str, Any]) -> dict[str, Any]:
        summary = self._journal.summary()
        tray = self._tray()
        failing = self._scheduler.failing
        return {
            "ok": True,
            "pid": os.getpid(),
            "tray": tray is not None,
            "tooltip": tray.icon.toolTip() if tray is not None else None,
            "wins_today": summary.wins,
            "capture_visible": self._capture_visible(),
            "next_reminder_in_ms": self._scheduler.next_wait_ms,
            "shortcut": self._shortcut().registered,
            "shortcut_problem": self._shortcut().problem,
            "attention": self._reminders.waiting is not None,
            "reminders_failing": (
                {"since": failing[0].isoformat(), "error": failing[1]} if failing else None
            ),
        }

    def add(self, message: dict[str, Any]) -> dict[str, Any]:
        """A win from `smallwins add`: its text, the client's id (saved once) and today."""
        text, uuid, today = message.get("text"), message.get("id"), message.get("today")
        if not isinstance(text, str):
            return {"ok": False, "error": "add needs the win's text as a string"}
        if uuid is not None and not isinstance(uuid, str):
            return {"ok": False, "error": "add's id must be a string"}
        try:
            day = date.fromisoformat(today) if isinstance(today, str) else None
        except ValueError:
            return {"ok": False, "error": f"add's today {today!r} is not an ISO date"}
        try:
            result = self._journal.add_line(text, source="cli", uuid=uuid, today=day)
        except SmallWinsError as error:
            return {"ok": False, "error": str(error)}
        return {"ok": True, "message": result.win.saved_message(), "notes": result.messages()}


@contextlib.contextmanager
def _activation_token(message: dict[str, Any]) -> Iterator[None]:
    """While a window is shown, $XDG_ACTIVATION_TOKEN holds the token the client forwarded:
    Qt's Wayland plugin activates the window with it (and takes it out of the environment)."""
    token = message.get("activation_token")
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN_LENGTH:
        yield
        return
    before = os.environ.get(ipc.ACTIVATION_TOKEN_ENV)
    os.environ[ipc.ACTIVATION_TOKEN_ENV] = token
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ipc.ACTIVATION_TOKEN_ENV, None)
        else:
            os.environ[ipc.ACTIVATION_TOKEN_ENV] = before

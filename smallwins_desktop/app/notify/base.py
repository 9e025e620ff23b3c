"""What the notifier and its backends share: the notification, the error, the interface."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from smallwins_desktop.resources import resource_path

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

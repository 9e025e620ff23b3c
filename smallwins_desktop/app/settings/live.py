"""The settings the running app uses, and the one place that says when one changed.

`LiveSettings` reads and writes through `core.config` (typed, validated, persisted) and emits
`changed(key)` after every change, whoever made it: the Settings dialog (through `put`), or
`smallwins config set` in a terminal, which tells the app over its socket (`notice`). The
composition root connects what must follow a setting: the scheduler re-plans on a reminder
setting, the look follows the theme, streaks follow the workdays.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from smallwins_desktop.core import config, reminder_log, reminders
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store

log = logging.getLogger(__name__)


class LiveSettings(QObject):
    """Typed settings with change notification.

    Signals:
        changed(str): the setting with this key changed (here or in another process).
        reminders_changed: a reminder setting or the workdays changed (re-plan reminders).
        workdays_changed: the workdays changed (streaks count differently).
    """

    changed = Signal(str)
    reminders_changed = Signal()
    workdays_changed = Signal()

    def __init__(self, store: Store, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock

    def get(self, key: str) -> Any:
        return config.get(self._store, key)

    def next_reminder(self) -> datetime | None:
        """When the next reminder may come, as the rules stand now (None: all off)."""
        now = self._clock.now()
        rules = reminder_log.load_rules(self._store)
        return reminders.next_occurrence(now, rules, reminder_log.load_state(self._store, now))

    def put(self, key: str, value: Any) -> Any:
        """Validate, store and announce; raises `config.SettingError`, changing nothing."""
        stored = config.put(self._store, key, value, now=self._clock.now())
        self._announce(key)
        return stored

    def notice(self, keys: Iterable[str]) -> list[str]:
        """Another process changed these settings; returns the known keys announced."""
        known = [key for key in keys if isinstance(key, str) and key in config.OPTIONS]
        for key in known:
            self._announce(key)
        return known

    def _announce(self, key: str) -> None:
        log.info("setting %s changed", key)
        self.changed.emit(key)
        if key == config.WORKDAYS:
            self.workdays_changed.emit()
        if key.startswith("reminders.") or key == config.WORKDAYS:
            self.reminders_changed.emit()

"""The reminder tick: asks the core what is due, and says so.

The database and `core.reminder_log.decide` are the source of truth; the QTimer is only a
wake-up hint. The timer sleeps until the next occurrence (never longer than a tick of
`TICK_INTERVAL_MS`), so a reminder arrives within seconds of its time and the app idles at
~0% CPU otherwise. After a suspend or a clock change, the wall clock and the monotonic clock
disagree: the tick notices a jump larger than `WAKE_GAP` and says so; on Linux, logind's
`PrepareForSleep(false)` also ticks at once on resume.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import SLOT, QObject, QTimer, Signal, Slot

from smallwins_desktop.core import reminder_log, reminders
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import SmallWinsError, classify

log = logging.getLogger(__name__)

TICK_INTERVAL_MS = 30_000
MIN_WAIT_MS = 1_000
RETRY_MS = 10_000  # after a failed tick (a locked or unreadable database)
WAKE_GAP = timedelta(milliseconds=2 * TICK_INTERVAL_MS)


class Scheduler(QObject):
    """Ticks the reminder rules.

    Signals:
        reminder_due(object): a `reminders.Decision` to deliver; already recorded, so it is
            never emitted twice for the same occurrence.
        clock_jumped(): the wall clock moved further than the monotonic clock (resume, or the
            clock was changed); reminders were re-evaluated at once.
        tick_failed(str): the database could not be read or written this tick.
        tick_recovered(): a tick worked again after failing.
    """

    reminder_due = Signal(object)
    clock_jumped = Signal()
    tick_failed = Signal(str)
    tick_recovered = Signal()
    ticked = Signal(object)  # a tick went through: its time (for what else is due then)

    def __init__(
        self,
        store: Store,
        clock: Clock,
        *,
        has_win_on: Callable[[date], bool],
        monotonic: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._has_win_on = has_win_on
        self._monotonic = monotonic
        self._last: tuple[datetime, float] | None = None
        self.failing: tuple[datetime, str] | None = None
        """Since when, and why, ticks fail; None while they work (`doctor` shows it)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._watch_sleep()
        self.tick()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def replan(self) -> None:
        """The rules changed: decide and plan again now, not at the next wake-up."""
        log.info("reminder settings changed; planning again")
        self.tick()

    @property
    def next_wait_ms(self) -> int:
        return self._timer.interval() if self._timer.isActive() else 0

    @Slot()
    def tick(self) -> None:
        now = self._clock.now()
        try:
            self._notice_jump(now)
            decisions = reminder_log.decide(self._store, now, has_win_on=self._has_win_on)
        except Exception as error:  # a failed tick must never leave the timer unarmed
            problem = classify(error) if not isinstance(error, SmallWinsError) else error
            log.error("reminder tick failed, retrying in %d s: %s", RETRY_MS // 1000, problem)
            self._timer.start(RETRY_MS)
            self.failing = (self.failing[0] if self.failing else now, str(problem))
            self.tick_failed.emit(str(problem))
            return
        if self.failing is not None:
            log.info("reminder ticks work again")
            self.failing = None
            self.tick_recovered.emit()
        for decision in decisions:
            if decision.action == "fire":
                self.reminder_due.emit(decision)
            else:
                log.info("reminder %s %s: %s", decision.key, decision.action, decision.reason)
        self.ticked.emit(now)
        self._schedule(now)

    def _notice_jump(self, now: datetime) -> None:
        mono = self._monotonic()
        if self._last is not None:
            last_wall, last_mono = self._last
            drift = (now - last_wall) - timedelta(seconds=mono - last_mono)
            if abs(drift) > WAKE_GAP:
                log.info("wall clock jumped by %s (resume or clock change)", drift)
                self.clock_jumped.emit()
        self._last = (now, mono)

    def _schedule(self, now: datetime) -> None:
        wait_ms = TICK_INTERVAL_MS
        try:
            state = reminder_log.load_state(self._store, now)
            upcoming = reminders.next_occurrence(now, reminder_log.load_rules(self._store), state)
        except Exception as error:  # still re-armed below, at the plain tick interval
            log.error("cannot plan the next reminder: %s", error)
            upcoming = None
        if upcoming is not None:
            until_ms = int((upcoming - now).total_seconds() * 1000) + 50
            wait_ms = max(MIN_WAIT_MS, min(TICK_INTERVAL_MS, until_ms))
        self._timer.start(wait_ms)

    def _watch_sleep(self) -> None:
        """On Linux, tick as soon as logind says the machine woke up (best effort)."""
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            return
        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            log.debug("no system bus: resume is noticed by the clock check alone")
            return
        bus.connect(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            SLOT("_prepare_for_sleep(bool)"),
        )

    @Slot(bool)
    def _prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            log.info("resumed from sleep: checking reminders")
            self.tick()

"""From a due reminder to the user, and from the user's answer back to the reminder state.

A due reminder becomes a notification whose words fit the day (`core.nudges`), delivered by
the `Notifier` (every attempt's outcome recorded), under a hard daily cap so it never nags.
Whatever the backends managed, the tray shows an attention state until the user acts on the
reminder (logs a win, snoozes, skips) or dismisses it, so a reminder nobody could display is
still seen.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, Signal, Slot

from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.notify.base import DEFAULT_ACTIONS, Notification
from smallwins_desktop.app.notify.notifier import Delivery, Notifier
from smallwins_desktop.core import (
    config,
    nudges,
    queries,
    reflections,
    reminder_log,
    reminders,
)
from smallwins_desktop.core.clock import Clock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_SNOOZE_MINUTES = 30
PICK_UP_KEY = "pick_up"  # the morning's "Yesterday you planned: ..."
# The end of the day: log what moved forward, or take a minute to reflect on it.
END_OF_DAY_ACTIONS = (("log", "Log a win"), ("reflect", "Reflect"), ("snooze", "Snooze 30 min"))
# The week's end: the review first (a click on the bubble opens it), a win still welcome.
WEEKLY_ACTIONS = (("review", "Weekly review"), ("log", "Log a win"), ("snooze", "Snooze 30 min"))
TEST_NOTIFICATION_KEY = "test"


class ReminderController(QObject):
    """Delivers reminders and applies the user's answers.

    It also decides what counts as an answer: opening the capture box, a win logged today
    from anywhere, snooze or skip. Reminders that cannot be checked at all (failing ticks)
    need attention too.

    Signals:
        attention_changed(bool): a reminder waits for the user, or reminders are failing
            (True); or neither any more (False).
        paused_changed(bool): reminders were paused until tomorrow, or resumed.
        capture_requested: the user chose "Log a win" on a reminder.
        reflect_requested: the user chose "Reflect" on the end-of-day reminder.
        review_requested: the user chose the weekly review on its reminder.
        deliveries_changed: a delivery outcome was recorded (for the Notifications window).
    """

    attention_changed = Signal(bool)
    paused_changed = Signal(bool)
    capture_requested = Signal()
    reflect_requested = Signal()
    review_requested = Signal()
    deliveries_changed = Signal()

    def __init__(
        self,
        store: Store,
        clock: Clock,
        journal: Journal,
        notifier: Notifier,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._journal = journal
        self._notifier = notifier
        self._waiting: str | None = None  # rule key of the reminder the tray is showing
        self._failing = False
        notifier.action_invoked.connect(self._action_invoked)
        notifier.delivered.connect(self._record)
        journal.changed.connect(self._journal_changed)

    @property
    def waiting(self) -> str | None:
        return self._waiting

    @property
    def attention(self) -> bool:
        """Whether the tray should show its attention state now (as `attention_changed`)."""
        return self._waiting is not None or self._failing

    @Slot(object)
    def deliver(self, decision: reminders.Decision) -> None:
        now = self._clock.now()
        self._set_waiting(decision.rule_key)
        cap = config.get(self._store, config.DAILY_CAP_KEY)
        if not nudges.may_notify(reminder_log.notifications_sent_on(self._store, now.date()), cap):
            log.info("daily notification cap reached; %s shown in the tray only", decision.key)
            return
        summary = self._journal.summary()
        week_start = now.date() - timedelta(days=now.weekday())
        nudge = nudges.reminder_message(
            decision.rule_key,
            wins_today=summary.wins,
            setbacks_today=summary.setbacks,
            streak=summary.streak,
            wins_this_week=sum(queries.count_by_day(self._store, week_start, now.date()).values()),
        )
        weekly = decision.rule_key == reminders.WEEKLY_REVIEW
        notification = Notification(
            key=f"{decision.rule_key}:{decision.local_date.isoformat()}",
            title=nudge.title,
            body=nudge.body,
            actions=(
                WEEKLY_ACTIONS
                if weekly
                else END_OF_DAY_ACTIONS
                if decision.rule_key == reminders.END_OF_DAY
                else DEFAULT_ACTIONS
            ),
            default_action="review" if weekly else "log",
        )
        self._notifier.notify(notification)  # each attempt is recorded as `delivered` says

    def send_test(self) -> list[Delivery]:
        deliveries = self._notifier.notify(
            Notification(
                key=TEST_NOTIFICATION_KEY,
                title="Small Wins",
                body="Notifications work. Reminders will look like this.",
            )
        )
        return deliveries

    # -- the user's answers ----------------------------------------------------------------

    def snooze(self, minutes: int = DEFAULT_SNOOZE_MINUTES) -> None:
        rule = self._waiting or reminders.END_OF_DAY
        reminder_log.snooze(self._store, rule, reminders.snooze_until(self._clock.now(), minutes))
        self._set_waiting(None)

    def skip_today(self) -> None:
        reminder_log.skip_today(self._store, self._clock.now())
        self._set_waiting(None)

    def pause_until_tomorrow(self) -> None:
        now = self._clock.now()
        reminder_log.pause_until(self._store, reminders.pause_until_tomorrow(now))
        self._set_waiting(None)
        self.paused_changed.emit(True)

    def resume(self) -> None:
        reminder_log.pause_until(self._store, None)
        self.paused_changed.emit(False)

    def is_paused(self) -> bool:
        return reminder_log.paused_until(self._store, self._clock.now()) is not None

    def acknowledge(self) -> None:
        """The user opened the capture window or dismissed the reminder."""
        self._set_waiting(None)

    @Slot(object)
    def recall_pick_up(self, now: datetime) -> None:
        """On a working morning, once: "Yesterday you planned: ..." from the reflection's
        pick-up note (within the daily notification cap, not while reminders are paused)."""
        try:
            if self.is_paused():
                return
            hour = int(config.get(self._store, config.MORNING_HOUR))
            due = reflections.pick_up_to_recall(self._store, now, morning_hour=hour)
            if due is None:
                return
            reflections.mark_recalled(self._store, due)  # once, even if showing it fails
            cap = config.get(self._store, config.DAILY_CAP_KEY)
            sent = reminder_log.notifications_sent_on(self._store, now.date())
        except StoreError as error:
            log.error("cannot check for a pick-up note to recall: %s", error)
            return
        if not nudges.may_notify(sent, cap):
            log.info("daily notification cap reached; the pick-up note is not shown")
            return
        self._notifier.notify(
            Notification(
                key=f"{PICK_UP_KEY}:{now.date().isoformat()}",
                title="Small Wins",
                body=reflections.recall_text(due, now.date()),
                actions=(("log", "Log a win"),),
            )
        )

    @Slot(str)
    def ticks_failing(self, _problem: str) -> None:
        """A reminder that cannot be checked is shown, not swallowed."""
        self._set_attention(waiting=self._waiting, failing=True)

    @Slot()
    def ticks_recovered(self) -> None:
        self._set_attention(waiting=self._waiting, failing=False)

    # -- internals -------------------------------------------------------------------------

    def _journal_changed(self) -> None:
        if self._waiting is not None and self._journal.summary().wins > 0:
            self.acknowledge()  # a win logged anywhere today answers the reminder

    @Slot(str, str)
    def _action_invoked(self, notification_key: str, action: str) -> None:
        if action == "snooze":
            self.snooze(DEFAULT_SNOOZE_MINUTES)
        elif action == "reflect":
            self.acknowledge()
            self.reflect_requested.emit()
        elif action == "review":
            self.acknowledge()
            self.review_requested.emit()
        else:
            self.acknowledge()
            self.capture_requested.emit()

    @Slot(object)
    def _record(self, delivery: Delivery) -> None:
        """Every attempt the notifier makes, a late failure and its fallback included."""
        if not delivery.ok:
            log.warning("notification via %s failed: %s", delivery.backend, delivery.error)
        try:
            reminder_log.record_delivery(
                self._store,
                notification_key=delivery.notification_key,
                backend=delivery.backend,
                ok=delivery.ok,
                error=delivery.error,
                now=self._clock.now(),
            )
        except StoreError as error:  # the reminder was shown (or not) all the same
            log.error("cannot record the notification outcome: %s", error)
        self.deliveries_changed.emit()

    def _set_waiting(self, rule_key: str | None) -> None:
        self._set_attention(waiting=rule_key, failing=self._failing)

    def _set_attention(self, *, waiting: str | None, failing: bool) -> None:
        before = self._waiting is not None or self._failing
        self._waiting, self._failing = waiting, failing
        after = waiting is not None or failing
        if after != before:
            self.attention_changed.emit(after)

"""Reminders in the database: rules, what was decided, snoozes, pauses and delivery outcomes.

`decide` is the heart: in one write transaction it rebuilds the `ReminderState` from the
database, asks the pure `reminders.due`, and records every decision (UNIQUE rule + local
date) before anything is delivered. Only decisions this call recorded itself are returned for
delivery, so two processes ticking at once, a restart, or a clock set back never deliver the
same reminder twice. "Skip today" is recorded the same way, as a `skip` row.

Rules live in the `reminders.rules` setting as local times of day in whatever zone the
user is in when they come due (a 17:30 reminder is at 17:30 wherever the laptop is). A rule's
weekdays may be the word `"workdays"`: it then follows the user's workdays (`streak.workdays`),
which is how the end-of-day reminder starts out. `core.config` reads and writes single fields of
them (`reminders.end_of_day.time`) with validation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import peewee as pw

from smallwins_desktop.core import settings
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.models import (
    NotificationDelivery,
    ReminderOccurrence,
    ReminderSnooze,
    as_date,
)
from smallwins_desktop.core.reminders import (
    Decision,
    ReminderState,
    Rule,
    default_rules,
    due,
    local_datetime,
)

RULES_KEY = "reminders.rules"
PAUSED_KEY = "reminders.paused_until"
HANDLED_LOOKBACK = timedelta(days=2)


@dataclass(frozen=True)
class DeliveryRecord:
    notification_key: str
    backend: str
    ok: bool
    error: str | None
    at: datetime


# -- rules -------------------------------------------------------------------------------------


FOLLOW_WORKDAYS = "workdays"
"""A rule's stored weekdays when they follow the user's workdays."""


@uses_store
def load_rules(store: Store) -> tuple[Rule, ...]:
    """The rules as they apply now: a rule that follows the workdays gets today's workdays."""
    workdays = settings.workdays(store)
    return tuple(_rule_from_json(item, workdays) for item in load_rule_json(store))


@uses_store
def load_rule_json(store: Store) -> list[dict[str, Any]]:
    """The stored rules, each readable (unreadable ones left out; none left: the defaults)."""
    raw = settings.get(store, RULES_KEY)
    workdays = settings.workdays(store)
    rules = []
    for item in raw if isinstance(raw, list) else []:
        try:
            _rule_from_json(item, workdays)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        rules.append(dict(item))
    return rules or default_rule_json()


def default_rule_json() -> list[dict[str, Any]]:
    """The default rules; the end-of-day reminder follows the workdays."""
    stored = [_rule_to_json(rule) for rule in default_rules()]
    stored[0]["weekdays"] = FOLLOW_WORKDAYS
    return stored


@uses_store
def save_rules(store: Store, rules: Iterable[Rule]) -> None:
    settings.put(store, RULES_KEY, [_rule_to_json(rule) for rule in rules])


@uses_store
def save_rule_json(store: Store, items: list[dict[str, Any]]) -> None:
    """Store rules as `load_rule_json` returns them; refuses one that does not read back."""
    workdays = settings.workdays(store)
    for item in items:
        _rule_from_json(item, workdays)
    settings.put(store, RULES_KEY, items)


def _rule_to_json(rule: Rule) -> dict[str, Any]:
    stored: dict[str, Any] = {
        "key": rule.key,
        "time": rule.time.strftime("%H:%M"),
        "weekdays": sorted(rule.weekdays),
        "enabled": rule.enabled,
        "only_if_no_win": rule.only_if_no_win,
    }
    if rule.grace is not None:
        stored["grace_minutes"] = int(rule.grace.total_seconds() // 60)
    return stored


def _rule_from_json(item: dict[str, Any], workdays: frozenset[int]) -> Rule:
    days = item["weekdays"]
    grace = item.get("grace_minutes")
    return Rule(
        key=str(item["key"]),
        time=time.fromisoformat(str(item["time"])),
        weekdays=workdays if days == FOLLOW_WORKDAYS else frozenset(int(d) for d in days),
        enabled=bool(item.get("enabled", True)),
        only_if_no_win=bool(item.get("only_if_no_win", False)),
        grace=None if grace is None else timedelta(minutes=int(grace)),
    )


# -- deciding ----------------------------------------------------------------------------------


@uses_store
def load_state(store: Store, now: datetime) -> ReminderState:
    since = now.date() - HANDLED_LOOKBACK
    handled = frozenset(
        (row.rule, as_date(row.local_date))
        for row in ReminderOccurrence.select().where(ReminderOccurrence.local_date >= since)
    )
    snoozes = {row.rule: row.until for row in ReminderSnooze.select()}
    paused = settings.get(store, PAUSED_KEY)
    paused_until = datetime.fromisoformat(paused) if isinstance(paused, str) else None
    return ReminderState(handled=handled, snoozed_until=snoozes, paused_until=paused_until)


@uses_store
def decide(store: Store, now: datetime, *, has_win_on: Callable[[date], bool]) -> list[Decision]:
    """Decide and record what is due at `now`; return the decisions this call recorded."""
    recorded: list[Decision] = []
    with store.write():  # one writer decides at a time, across processes
        state = load_state(store, now)
        for decision in due(now, load_rules(store), state, has_win_on=has_win_on):
            if decision.is_snooze:
                cleared = (
                    ReminderSnooze.delete()
                    .where(
                        ReminderSnooze.rule == decision.rule_key,
                        ReminderSnooze.until == decision.scheduled_at,
                    )
                    .execute()
                )
                if cleared:
                    recorded.append(decision)
                continue
            inserted = (
                ReminderOccurrence.insert(
                    rule=decision.rule_key,
                    local_date=decision.local_date,
                    scheduled_at=decision.scheduled_at,
                    action=decision.action,
                    reason=decision.reason,
                    decided_at=now,
                )
                .on_conflict_ignore()
                .execute()
            )
            if inserted:
                recorded.append(decision)
    return recorded


@uses_store
def occurrences(store: Store, *, since: date) -> list[tuple[str, date, str, str]]:
    """(rule, local date, action, reason) of decided occurrences since a day, oldest first."""
    query = (
        ReminderOccurrence.select()
        .where(ReminderOccurrence.local_date >= since)
        .order_by(ReminderOccurrence.scheduled_at)
    )
    return [(r.rule, as_date(r.local_date), r.action, r.reason) for r in query]


# -- the user's answers ------------------------------------------------------------------------


@uses_store
def snooze(store: Store, rule_key: str, until: datetime) -> None:
    with store.write():
        ReminderSnooze.insert(rule=rule_key, until=until).on_conflict_replace().execute()


@uses_store
def skip_today(store: Store, now: datetime) -> list[str]:
    """Record today's not-yet-decided occurrences of every enabled rule as skipped."""
    skipped = []
    today = now.date()
    with store.write():
        for rule in load_rules(store):
            if not rule.enabled or today.weekday() not in rule.weekdays:
                continue
            inserted = (
                ReminderOccurrence.insert(
                    rule=rule.key,
                    local_date=today,
                    scheduled_at=local_datetime(today, rule.time, _zone(now)),
                    action="skip",
                    reason="skipped",
                    decided_at=now,
                )
                .on_conflict_ignore()
                .execute()
            )
            if inserted:
                skipped.append(rule.key)
        ReminderSnooze.delete().execute()
    return skipped


@uses_store
def pause_until(store: Store, until: datetime | None) -> None:
    """Pause every reminder until `until`; None resumes."""
    if until is None:
        settings.remove(store, PAUSED_KEY)
    else:
        settings.put(store, PAUSED_KEY, until.isoformat())


@uses_store
def paused_until(store: Store, now: datetime) -> datetime | None:
    until = load_state(store, now).paused_until
    return until if until is not None and until > now else None


# -- deliveries --------------------------------------------------------------------------------


@uses_store
def record_delivery(
    store: Store, *, notification_key: str, backend: str, ok: bool, error: str | None, now: datetime
) -> None:
    with store.write():
        NotificationDelivery.create(
            notification_key=notification_key,
            backend=backend,
            ok=ok,
            error=error,
            local_date=now.date(),
            at=now,
        )


@uses_store
def recent_deliveries(store: Store, *, limit: int = 10) -> list[DeliveryRecord]:
    query = NotificationDelivery.select().order_by(NotificationDelivery.id.desc()).limit(limit)
    return [
        DeliveryRecord(row.notification_key, row.backend, bool(row.ok), row.error, row.at)
        for row in query
    ]


@uses_store
def notifications_sent_on(store: Store, day: date, *, prefix: str = "") -> int:
    """How many notifications reached the user on a local day (for the daily cap)."""
    query = NotificationDelivery.select(
        pw.fn.COUNT(pw.fn.DISTINCT(NotificationDelivery.notification_key))
    ).where(NotificationDelivery.local_date == day, NotificationDelivery.ok)
    if prefix:
        query = query.where(NotificationDelivery.notification_key.startswith(prefix))
    return int(query.scalar() or 0)


def _zone(now: datetime) -> Any:
    if now.tzinfo is None:
        raise ValueError("now must be aware")
    return now.tzinfo

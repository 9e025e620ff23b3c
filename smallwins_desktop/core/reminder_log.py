"""Reminders in the database: rules, what was decided, snoozes, pauses and delivery outcomes.

`decide` is the heart: in one write transaction it rebuilds the `ReminderState` from the
database, asks the pure `reminders.due`, and records every decision (UNIQUE rule + local
date) before anything is delivered. Only decisions this call recorded itself are returned for
delivery, so two processes ticking at once, a restart, or a clock set back never deliver the
same reminder twice. "Skip today" is recorded the same way, as a `skip` row.

Rules live in the `reminders.rules` setting as local times of day in whatever zone the
user is in when they come due (a 17:30 reminder is at 17:30 wherever the laptop is).
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


@uses_store
def load_rules(store: Store) -> tuple[Rule, ...]:
    raw = settings.get(store, RULES_KEY)
    if not isinstance(raw, list):
        return default_rules()
    rules = []
    for item in raw:
        try:
            rules.append(_rule_from_json(item))
        except (KeyError, TypeError, ValueError):
            continue
    return tuple(rules) or default_rules()


@uses_store
def save_rules(store: Store, rules: Iterable[Rule]) -> None:
    settings.put(store, RULES_KEY, [_rule_to_json(rule) for rule in rules])


def _rule_to_json(rule: Rule) -> dict[str, Any]:
    return {
        "key": rule.key,
        "time": rule.time.strftime("%H:%M"),
        "weekdays": sorted(rule.weekdays),
        "enabled": rule.enabled,
        "only_if_no_win": rule.only_if_no_win,
    }


def _rule_from_json(item: dict[str, Any]) -> Rule:
    return Rule(
        key=str(item["key"]),
        time=time.fromisoformat(str(item["time"])),
        weekdays=frozenset(int(d) for d in item["weekdays"]),
        enabled=bool(item.get("enabled", True)),
        only_if_no_win=bool(item.get("only_if_no_win", False)),
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

"""Measures over the journal: streaks and today's summary.

`streak` is pure (days in, a number out); `today_summary` gathers what the tray and the
reminders show in one call so the UI does not assemble it from several queries.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from smallwins_desktop.core import settings, wins
from smallwins_desktop.core.capture import KIND_SETBACK
from smallwins_desktop.core.db import Store, uses_store

_LOOKBACK_LIMIT = timedelta(days=3660)


def streak(days_with_wins: Collection[date], today: date, workdays: Collection[int]) -> int:
    """Consecutive workdays with a win, ending today (or the last workday, if today has none yet).

    Days that are not workdays neither count nor break a streak; today without a win does not
    break it either, since the day is not over.
    """
    if not workdays:
        return 0
    day = today
    if day.weekday() not in workdays or day not in days_with_wins:
        day -= timedelta(days=1)
    count = 0
    while today - day < _LOOKBACK_LIMIT:
        if day.weekday() in workdays:
            if day not in days_with_wins:
                break
            count += 1
        day -= timedelta(days=1)
    return count


@dataclass(frozen=True)
class TodaySummary:
    wins: int
    setbacks: int
    streak: int
    total: int


@uses_store
def today_summary(store: Store, today: date) -> TodaySummary:
    return TodaySummary(
        wins=wins.count_by_day(store, today, today).get(today, 0),
        setbacks=wins.count_by_day(store, today, today, kind=KIND_SETBACK).get(today, 0),
        streak=streak(wins.days_with_wins(store, until=today), today, settings.workdays(store)),
        total=wins.total(store),
    )

"""Time, injected: logic asks a `Clock` instead of reading the wall clock itself.

The app uses `SystemClock`; tests pass a `FixedClock` they move by hand.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in the user's local zone."""
        ...


class SystemClock:
    """The wall clock in the system's IANA zone (not a fixed offset), so that local times
    across a DST change resolve correctly; the zone is looked up on each call, so a change
    of zone (travel) is followed."""

    def now(self) -> datetime:
        import tzlocal

        return datetime.now(tzlocal.get_localzone())


class FixedClock:
    """A clock that stands still until moved; for tests."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.current = start

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> None:
        self.current += delta


def local_today(clock: Clock) -> date:
    return clock.now().date()

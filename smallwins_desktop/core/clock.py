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


class ShiftedClock:
    """The wall clock moved to start at `start` and run on from there in real time.

    Only for end-to-end tests of the real app (see `app.launch`): it lets a test start the
    app a few seconds before a reminder is due instead of waiting for 17:30.
    """

    def __init__(self, start: datetime, *, real: Clock | None = None) -> None:
        if start.tzinfo is None:
            raise ValueError("ShiftedClock needs an aware datetime")
        self._real = real or SystemClock()
        self._offset = start - self._real.now()
        self._zone = start.tzinfo

    def now(self) -> datetime:
        return (self._real.now() + self._offset).astimezone(self._zone)


def local_today(clock: Clock) -> date:
    return clock.now().date()

"""Time, injected: logic asks a `Clock` instead of reading the wall clock itself.

The app uses `SystemClock`; tests pass a `FixedClock` they move by hand.
"""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Protocol

LOCALTIME = "/etc/localtime"


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, aware, in the user's local zone."""
        ...


class SystemClock:
    """The wall clock in the system's IANA zone (not a fixed offset), so that local times
    across a DST change resolve correctly.

    The zone follows a change (travel, `timedatectl set-timezone`, a new $TZ) while the app
    runs: tzlocal caches the zone it found, so it is asked again whenever what it reads has
    changed ($TZ and /etc/localtime; on Windows, where the zone lives in the registry, at most
    once a minute). The app and every CLI command use this one clock, so a win lands on the
    same day whichever of them saves it.
    """

    def __init__(self) -> None:
        self._signature: object = None
        self._zone: tzinfo | None = None

    def now(self) -> datetime:
        return datetime.now(self.zone())

    def today(self) -> date:
        return self.now().date()

    def zone(self) -> tzinfo:
        signature = _zone_signature()
        if self._zone is None or signature != self._signature:
            self._zone = _read_zone()
            self._signature = signature
        return self._zone


def _read_zone() -> tzinfo:
    import tzlocal

    try:
        return tzlocal.reload_localzone()  # not get_localzone(): that answers from a cache
    except Exception:  # an unknown $TZ or a broken /etc/localtime: libc's offset, not a crash
        return datetime.now().astimezone().tzinfo or timezone.utc


def _zone_signature() -> object:
    """What the local zone is read from; when this changes, so may the zone."""
    if os.name == "nt":
        return int(time.monotonic() // 60)
    try:
        info = os.stat(LOCALTIME)
        target: object = (
            os.readlink(LOCALTIME) if os.path.islink(LOCALTIME) else None,
            info.st_ino,
            info.st_mtime_ns,
        )
    except OSError:
        target = None
    return (os.environ.get("TZ"), target)


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

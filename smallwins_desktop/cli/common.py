"""What every `smallwins` command shares: exit codes, errors, the data dir, the clock, days."""

from __future__ import annotations

import functools
import sys
from datetime import date, datetime, timezone

TYPE_CHECKING = False  # the typing module, for annotations alone, costs `smallwins add` ~2 ms
if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from smallwins_desktop.core.clock import Clock
    from smallwins_desktop.core.db import Store

EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2
DEFAULT_LIST_DAYS = 7
SEARCH_LIST_LIMIT = 100  # a search or tag over all time lists the newest this many


class UserError(Exception):
    """A problem the user can fix; printed as one line."""


def data_dir_of(args: argparse.Namespace) -> Path:
    from smallwins_desktop import paths

    return paths.data_dir(args.data_dir)


def open_store_for(args: argparse.Namespace) -> Store:
    """Open the store; a damaged database is reported, recovered, and work goes on."""
    return open_store_in(data_dir_of(args), now=current_time())


def open_store_in(directory: Path, *, now: datetime) -> Store:
    """`open_store_for` a data dir already known."""
    from smallwins_desktop.core.db import open_store
    from smallwins_desktop.core.errors import DatabaseRecoveredError

    try:
        return open_store(directory, now=now)
    except DatabaseRecoveredError as recovered:
        print(f"smallwins: warning: {recovered}", file=sys.stderr)
        return open_store(directory, now=now)


def current_time() -> datetime:
    return clock().now()


def current_moment() -> datetime:
    """Now as a moment, for what is kept in UTC and shown in no zone (a win's creation time,
    the store's backups): no zone to read, so tzlocal (~10 ms) is not loaded for it."""
    return datetime.now(timezone.utc)


def current_day() -> date:
    """Today in the user's zone, as the running app counts it. On POSIX that is libc's local
    date, from the same $TZ and /etc/localtime as the app's `SystemClock` (which a command
    ends long before they could change), so neither tzlocal nor the IANA data is loaded: that
    would cost `smallwins add` ~10 ms. Windows' C library misreads an IANA $TZ (set by MSYS2
    or Cygwin shells), so there the clock decides."""
    if sys.platform == "win32":
        return clock().now().date()
    return date.today()


@functools.cache
def clock() -> Clock:
    from smallwins_desktop.core.clock import SystemClock

    return SystemClock()


def day_arg(value: str | None, today: date, flag: str) -> date | None:
    if value is None:
        return None
    from smallwins_desktop.core.capture import resolve_day

    day = resolve_day(value.strip(), today)
    if day is None:
        raise UserError(f"{flag}: '{value}' is not a day (try 2026-11-01, today, yesterday, mon).")
    return day


def fail(message: str) -> None:
    print(f"smallwins: {message}", file=sys.stderr)


def quiet_core_logs() -> None:
    """Core logs for the app's log; without this, Python's last-resort handler would print
    its records raw on stderr next to the CLI's own message about the same event."""
    import logging

    package = logging.getLogger("smallwins_desktop")
    if not any(isinstance(h, logging.NullHandler) for h in package.handlers):
        package.addHandler(logging.NullHandler())


def quiet_encoding_errors() -> None:
    """A console that cannot show an emoji prints '?' instead of crashing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")

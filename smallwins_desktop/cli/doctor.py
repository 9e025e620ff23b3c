"""`smallwins doctor`: where the data is and whether it is healthy, in plain words.

It opens the database the same way the app does (so a damaged file is handled the same way)
and reports; it never changes anything else.
"""

from __future__ import annotations

import argparse
import os
import stat
from datetime import datetime
from pathlib import Path

from smallwins_desktop import __version__
from smallwins_desktop.cli.common import (
    EXIT_OK,
    current_time,
    data_dir_of,
)


def report(data_dir: Path, *, now: datetime, full: bool = False) -> str:
    from smallwins_desktop.core import goals, queries
    from smallwins_desktop.core.db import list_backups, open_store
    from smallwins_desktop.core.errors import DatabaseRecoveredError
    from smallwins_desktop.core.migrations import LATEST_VERSION

    lines = [f"Small Wins {__version__}"]
    try:
        store = open_store(data_dir, now=now)
    except DatabaseRecoveredError as recovered:
        lines.append(f"Recovery:        {recovered}")
        store = open_store(data_dir, now=now)
    with store:
        counts = queries.totals(store)
        backups = list_backups(store.backups)
        newest = f", newest {backups[0].name}" if backups else ""
        size_kib = store.path.stat().st_size / 1024
        active_goals = len(goals.list_goals(store, status="active"))
        lines += [
            f"Data dir:        {data_dir} ({_mode(data_dir)})",
            f"Database:        {store.path} ({_mode(store.path)}, {size_kib:.0f} KiB)",
            f"Schema version:  {store.schema_version} (this version knows up to {LATEST_VERSION})",
            f"Integrity:       {_integrity(store, full)}",
            f"Wins:            {counts.wins} ({counts.setbacks} setbacks, "
            f"{counts.deleted} deleted)",
            f"Goals:           {len(goals.list_goals(store))} ({active_goals} active)",
            f"Tags:            {len(queries.tag_names(store))}",
            *_unreadable_lines(queries.unreadable(store)),
            f"Backups:         {len(backups)} in {store.backups}{newest}",
        ]
        lines += _reminder_lines(store, now)
    lines.append(f"App:             {_app_status(data_dir)}")
    return "\n".join(lines)


def _integrity(store: object, full: bool) -> str:
    """The whole file is checked once a day and whenever anything but Small Wins touched it
    (see `core.db`); `--full` checks it again now, which takes longer on a big journal."""
    from smallwins_desktop.core.db import Store

    assert isinstance(store, Store)
    if store.checked_now:
        return "ok (the whole file, checked just now)"
    if full:
        return store.quick_check()
    return "ok (checked in full today, and written only by Small Wins since; --full checks again)"


def _reminder_lines(store: object, now: datetime) -> list[str]:
    from smallwins_desktop.core import reminder_log, reminders
    from smallwins_desktop.core.clock import SystemClock
    from smallwins_desktop.core.db import Store

    assert isinstance(store, Store)
    local_now = SystemClock().now()  # the clock the app and every command use
    rules = reminder_log.load_rules(store)
    state = reminder_log.load_state(store, local_now)
    upcoming = reminders.next_occurrence(local_now, rules, state)
    paused = reminder_log.paused_until(store, local_now)
    lines = [
        "Next reminder:   "
        + (upcoming.strftime("%a %d %b %H:%M %Z") if upcoming else "none (all off)")
        + (f" (paused until {paused:%a %H:%M})" if paused else "")
    ]
    deliveries = reminder_log.recent_deliveries(store, limit=3)
    if not deliveries:
        lines.append("Notifications:   none sent yet (use the tray's Notifications… to test)")
    for record in deliveries:
        outcome = "shown" if record.ok else f"failed: {record.error}"
        lines.append(f"Notification:    {record.at:%Y-%m-%d %H:%M} UTC {record.backend}: {outcome}")
    return lines


def _unreadable_lines(rows: list[tuple[str, str]]) -> list[str]:
    if not rows:
        return []
    named = ", ".join(f"{uuid} (day {day!r})" for uuid, day in rows[:5])
    more = f" and {len(rows) - 5} more" if len(rows) > 5 else ""
    return [
        f"Unreadable:      {len(rows)} win(s) with a day that is no date, left out of every "
        f"list: {named}{more}"
    ]


def _app_status(data_dir: Path) -> str:
    from smallwins_desktop import ipc

    status = ipc.request(data_dir, {"cmd": "status"})
    if status is None:
        return "not running"
    tray = "in the system tray" if status.get("tray") else "no system tray: showing a window"
    line = f"running (pid {status.get('pid')}), {tray}"
    shortcut, problem = status.get("shortcut"), status.get("shortcut_problem")
    line += "\nShortcut:        " + (
        f"{shortcut} opens the capture box"
        if shortcut
        else f"none registered: {problem or 'unknown why'} "
        "(bind `smallwins capture` to a key; Settings shows how)"
    )
    failing = status.get("reminders_failing")
    if isinstance(failing, dict):
        since = str(failing.get("since", ""))[11:16]
        line += (
            f"\nReminders:       FAILING since {since}: {failing.get('error')} "
            "(retried every few seconds; reminders resume once it works)"
        )
    return line


def _mode(path: Path) -> str:
    if os.name == "nt":
        return "private to this user"
    return oct(stat.S_IMODE(path.stat().st_mode))


def cmd_doctor(args: argparse.Namespace) -> int:
    print(report(data_dir_of(args), now=current_time(), full=args.full))
    return EXIT_OK

"""The stand-up list: the last workday's wins, short enough to paste into a chat."""

from __future__ import annotations

from datetime import date, timedelta

from smallwins_desktop.core import settings
from smallwins_desktop.core.capture import KIND_SETBACK
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.queries import list_wins

LOOK_BACK_DAYS = 14


def last_workday(today: date, workdays: frozenset[int]) -> date:
    """The latest workday before `today` (Friday on a Monday); yesterday if none is set."""
    for back in range(1, 8):
        day = today - timedelta(days=back)
        if day.weekday() in workdays:
            return day
    return today - timedelta(days=1)


@uses_store
def standup(store: Store, today: date) -> str:
    """'Thu 19 Nov:' then one '- win' line each (setbacks marked), or a line saying none."""
    day = last_workday(today, settings.workdays(store))
    found = list_wins(store, since=day, until=day)
    heading = "Yesterday" if day == today - timedelta(days=1) else f"{day:%A}"
    if not found:
        return f"{heading} ({day:%a} {day.day} {day:%b}): no wins recorded."
    lines = [f"{heading} ({day:%a} {day.day} {day:%b}):"]
    for win in found:
        text = " ".join(win.text.split())
        lines.append(f"- {'Setback: ' if win.kind == KIND_SETBACK else ''}{text}")
    return "\n".join(lines)

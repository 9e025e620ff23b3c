"""What a setback is answered with: one past win from the same goal or tag.

A setback weighs more on a day than a win does, so right after one is saved the capture box
recalls a time the same thing moved forward ("You moved this forward before: ..."). The win
is found by SQLite in at most two indexed queries: first one linked to the same goal, then
one sharing a tag; the biggest, then the most recent, from the setback's day or before.
"""

from __future__ import annotations

from smallwins_desktop.core import wins
from smallwins_desktop.core.capture import KIND_SETBACK
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.wins import WinRecord

RESURFACED_PREFIX = "You moved this forward before: "
_BEST_FIRST = "ORDER BY w.impact DESC, w.day DESC, w.created_at DESC, w.id DESC LIMIT 1"


@uses_store
def past_win_for(store: Store, setback_uuid: str) -> WinRecord | None:
    """A past win (not a setback, not in the trash) from the goal or a tag of the setback
    `setback_uuid`, or None when it has neither or there is no such win. A win is returned
    as it is, so a setback that is not a setback (edited since) gets None."""
    row = store.db.execute_sql(
        "SELECT id, goal_id, day, kind FROM win WHERE uuid = ?", (setback_uuid,)
    ).fetchone()
    if row is None or row[3] != KIND_SETBACK:
        return None
    win_id, goal_id, day = row[0], row[1], row[2]
    found = None
    if goal_id is not None:
        found = store.db.execute_sql(
            "SELECT w.uuid FROM win AS w WHERE w.goal_id = ? AND w.kind = 'win' "
            f"AND w.deleted_at IS NULL AND w.day <= ? AND w.id != ? {_BEST_FIRST}",
            (goal_id, day, win_id),
        ).fetchone()
    if found is None:
        found = store.db.execute_sql(
            "SELECT w.uuid FROM win AS w WHERE w.id IN (SELECT other.win_id FROM win_tag AS mine "
            "JOIN win_tag AS other ON other.tag_id = mine.tag_id WHERE mine.win_id = ?) "
            f"AND w.kind = 'win' AND w.deleted_at IS NULL AND w.day <= ? {_BEST_FIRST}",
            (win_id, day),
        ).fetchone()
    return None if found is None else wins.get(store, found[0])


def resurfaced_line(win: WinRecord) -> str:
    """'You moved this forward before: Fixed the login test (Thu 12 Nov 2026)'."""
    return f"{RESURFACED_PREFIX}{win.text} ({win.day.strftime('%a %d %b %Y')})"

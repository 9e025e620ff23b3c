"""What the export, import and backup tests share: a journal to move, a fingerprint of a
whole database (every row of every table), and the time zone the tests run in."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone

from smallwins_desktop.core import goals, queries, wins
from smallwins_desktop.core.db import Store

ZONE = timezone.utc
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc)
TODAY = date(2026, 11, 20)

LINES = [
    "2026-10-30: Wrote the runbook #ops !!",
    "2026-11-02: Shipped the beta #release #team +release-2 !!!",
    "2026-11-19: setback: The demo broke #release",
    "2026-11-20: Paired on the flaky test #qa",
]


def fill(store: Store) -> list[wins.WinRecord]:
    """A small journal: a goal, wins with tags, a setback, and one win in the trash."""
    goals.create(store, "Ship release 2", now=NOW, slug="release-2")
    for line in LINES:
        wins.add(store, line, today=TODAY, now=NOW)
    gone = wins.add(store, "2026-11-10: Tidied the backlog #ops", today=TODAY, now=NOW)
    wins.delete(store, gone.win.uuid, now=NOW)
    return queries.list_wins(store, deleted=None)


def fingerprint(store: Store) -> str:
    """A checksum of every row of every table: equal means the database did not change."""
    digest = hashlib.sha256()
    tables = store.db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        digest.update(table.encode())
        for row in store.db.execute_sql(f'SELECT * FROM "{table}" ORDER BY 1').fetchall():
            digest.update(repr(row).encode())
    return digest.hexdigest()


def everything(store: Store) -> list[tuple[object, ...]]:
    """Each win (the trash too) as comparable fields, in a stable order."""
    return sorted(
        (
            w.uuid, w.text, w.day, w.kind, w.impact, w.tags, w.goal, w.source,
            w.created_at, w.updated_at, w.deleted_at,
        )
        for w in queries.list_wins(store, deleted=None)
    )  # fmt: skip

"""The bulk write path: many wins in one transaction, for import and the benchmark generator.

`add_many` checks each entry with what saving one win uses (`wins.validate_text`,
`wins.client_uuid`, `wins.SOURCES`), but writes a chunk at a time with `executemany` and
fills the search index with one statement at the end, instead of a win at a time. A
`BulkEntry` may carry `Stamps`, so an import keeps a win's history (when it was made, changed
and deleted, and by what). Recording one win (`core/wins.py`) never imports this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, NamedTuple

import peewee as pw

from smallwins_desktop.core.capture import KIND_SETBACK, KIND_WIN, Draft
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import CaptureError
from smallwins_desktop.core.models import Goal, Tag
from smallwins_desktop.core.wins import SOURCES, client_uuid, validate_text

_CHUNK = 500
"""Entries read, checked and written at a time: a long import streams."""


@dataclass(frozen=True)
class BulkResult:
    added: int
    skipped: int  # already saved (same uuid): importing a file twice adds nothing


@dataclass(frozen=True)
class Stamps:
    """When a win was made, changed and deleted, and by what: for an import that keeps a
    win's history. Without it a bulk-added win is made, and changed, `now`."""

    created_at: datetime
    updated_at: datetime | None = None  # created_at when None
    deleted_at: datetime | None = None
    source: str | None = None  # add_many's `source` when None


class BulkEntry(NamedTuple):
    draft: Draft
    uuid: str | None
    stamps: Stamps | None = None


@uses_store
def add_many(
    store: Store,
    drafts: Iterable[tuple[Draft, str | None] | BulkEntry],
    *,
    now: datetime,
    source: str,
) -> BulkResult:
    """Save many drafts in one transaction: all of them, or none when one cannot be saved.

    The bulk path for import and test data: entries are read and written `_CHUNK` at a time
    (so a long import streams), rows go in with `executemany`, tags with one lookup a chunk,
    and the search index is filled by one statement at the end (at least 20,000 wins a
    second; `make bench` measures it). A `(draft, uuid)` whose uuid is already saved is
    skipped. A bad entry raises CaptureError naming it (1-based) and saves nothing. A
    `BulkEntry` may carry `Stamps`; a deleted one goes to the trash, not the search index.
    Goals are looked up by slug a chunk at a time, so an iterator may create them as it goes.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    seen: set[str] = set()
    added = skipped = 0
    with store.write():
        first_id = _max_win_id(store)
        known_tags: dict[str, int] = dict(_pairs(Tag.select(Tag.name, Tag.id)))
        for chunk in pw.chunked(enumerate(drafts, start=1), _CHUNK):
            rows = _bulk_rows(chunk, seen, now, source)
            given = [row[2] for row in rows if row[3]]  # ids the caller chose may be saved
            existing: set[str] = set()
            if given:  # raw: building this query with peewee costs more than running it
                marks = ", ".join("?" * len(given))
                found = store.db.execute_sql(f"SELECT uuid FROM win WHERE uuid IN ({marks})", given)
                existing.update(uuid for (uuid,) in found)
            fresh = [row for row in rows if row[2] not in existing]
            skipped += len(rows) - len(fresh)
            added += len(fresh)
            if not fresh:
                continue
            goals: dict[str, int] = dict(_pairs(Goal.select(Goal.slug, Goal.id)))
            chunk_first = _max_win_id(store)
            store.db.cursor().executemany(
                "INSERT INTO win (uuid, text, day, created_at, updated_at, impact, kind, "
                "goal_id, source, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        win_uuid,
                        text,
                        draft.day.isoformat(),
                        created,
                        updated,
                        draft.impact,
                        draft.kind,
                        goals.get(draft.goal.lower()) if draft.goal else None,
                        win_source,
                        deleted,
                    )
                    for draft, text, win_uuid, _, created, updated, deleted, win_source in fresh
                ],
            )
            tags_of = {row[2]: list(dict.fromkeys(row[0].tags)) for row in fresh}
            _bulk_tags(store, chunk_first, tags_of, known_tags)
        store.db.execute_sql(
            "INSERT INTO win_fts (rowid, text, tags) "
            "SELECT w.id, w.text, COALESCE((SELECT group_concat(t.name, ' ') FROM win_tag wt "
            "JOIN tag t ON t.id = wt.tag_id WHERE wt.win_id = w.id), '') "
            "FROM win w WHERE w.id > ? AND w.deleted_at IS NULL",
            (first_id,),
        )
    return BulkResult(added=added, skipped=skipped)


_BulkRow = tuple[Draft, str, str, bool, str, str, "str | None", str]


def _bulk_rows(
    chunk: Iterable[tuple[int, tuple[Draft, str | None] | BulkEntry]],
    seen: set[str],
    now: datetime,
    source: str,
) -> list[_BulkRow]:
    """(draft, text, uuid, uuid given, created, updated, deleted, source) for each entry of
    the chunk not seen before, checked; stamps as the fields store them (naive UTC text)."""
    rows: list[_BulkRow] = []
    stamp = _stored_time(now)
    for number, entry in chunk:
        draft, uuid = entry[0], entry[1]
        stamps = entry.stamps if isinstance(entry, BulkEntry) else None
        try:
            text = validate_text(draft.text)
            win_uuid = client_uuid(uuid)
            if draft.impact not in (1, 2, 3):
                raise CaptureError("Impact is 1 (small), 2 (medium) or 3 (big).")
            if draft.kind not in (KIND_WIN, KIND_SETBACK):
                raise CaptureError("A win is either a win or a setback.")
            win_source = (stamps.source if stamps else None) or source
            if win_source not in SOURCES:
                raise CaptureError(f"{win_source!r} is not a source of wins.")
        except CaptureError as error:
            raise CaptureError(f"Entry {number}: {error}") from None
        if win_uuid in seen:
            continue
        seen.add(win_uuid)
        created = _stored_time(stamps.created_at) if stamps else stamp
        updated = _stored_time(stamps.updated_at) if stamps and stamps.updated_at else created
        deleted = stamps.deleted_at if stamps else None
        rows.append(
            (
                draft,
                text,
                win_uuid,
                uuid is not None,
                created,
                updated,
                None if deleted is None else _stored_time(deleted),
                win_source,
            )
        )
    return rows


def _stored_time(moment: datetime) -> str:
    """A time as `UTCDateTimeField` stores it: naive UTC text."""
    if moment.tzinfo is None:
        raise CaptureError(f"{moment} has no time zone.")
    return str(moment.astimezone(timezone.utc).replace(tzinfo=None))


def _max_win_id(store: Store) -> int:
    return int(store.db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM win").fetchone()[0])


def _pairs(query: Any) -> Iterator[tuple[Any, Any]]:
    yield from query.tuples()


def _bulk_tags(
    store: Store, first_id: int, tags_of: dict[str, list[str]], known: dict[str, int]
) -> None:
    """Link the wins added after `first_id` to their tags; `known` (name -> id) grows."""
    names = {name for names in tags_of.values() for name in names}
    if not names:
        return
    cursor = store.db.cursor()
    missing = sorted(names - known.keys())
    if missing:
        cursor.executemany("INSERT INTO tag (name) VALUES (?)", [(name,) for name in missing])
        known.update(_pairs(Tag.select(Tag.name, Tag.id).where(Tag.name.in_(missing))))
    new_ids = cursor.execute("SELECT uuid, id FROM win WHERE id > ?", (first_id,))
    ids: dict[str, int] = dict(new_ids.fetchall())
    cursor.executemany(
        "INSERT INTO win_tag (win_id, tag_id) VALUES (?, ?)",
        [(ids[uuid], known[name]) for uuid, names in tags_of.items() for name in names],
    )

"""Recording, changing and finding wins: the operations the CLI and the UI share.

Every write runs in one transaction that also keeps the full-text index (`win_fts`, rowid =
win id) in step, so search never disagrees with the list. Deletion is soft (`deleted_at`) so it
can be undone; a deleted win leaves the index and comes back on restore.

Callers pass `today` (the user's local date) and `now` (aware) in; nothing here reads the
clock. Results are plain `WinRecord`s, never peewee rows, so the UI holds no database objects.
"""

from __future__ import annotations

import logging
import re
import uuid as uuidlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import peewee as pw

from smallwins_desktop.core.capture import KIND_SETBACK, KIND_WIN, Draft, clean_text, parse
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import CaptureError, NotFoundError
from smallwins_desktop.core.models import Goal, Tag, Win, WinTag, readable_day

log = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 2_000
SOURCES = ("capture", "cli", "notification", "import")
_CHUNK = 500
TRASH_DAYS = 30
"""Deleted wins can be restored for this long; then they are purged (after a backup)."""
SHORT_ID_MIN = 7
"""The shortest id `list` shows: a prefix of the uuid, longer where another win shares it."""
_ID_PREFIX = re.compile(r"^[0-9a-f-]{4,36}$")
_SEARCH_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class WinRecord:
    uuid: str
    text: str
    day: date
    kind: str
    impact: int
    tags: tuple[str, ...]
    goal: str | None
    goal_title: str | None
    source: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    def as_line(self) -> str:
        """The win in capture syntax (without its day): 'Fixed it #qa +release-2 !!'."""
        kind = "setback: " if self.kind == KIND_SETBACK else ""
        tags = "".join(f" #{t}" for t in self.tags)
        goal = f" +{self.goal}" if self.goal else ""
        bangs = f" {'!' * self.impact}" if self.impact > 1 else ""
        return f"{kind}{self.text}{tags}{goal}{bangs}"

    def saved_message(self) -> str:
        """What the CLI and the app answer once the win is saved."""
        return f"{'Setback noted' if self.kind == KIND_SETBACK else 'Saved'}: {self.as_line()}"


@dataclass(frozen=True)
class AddResult:
    """The saved win, and what the user should hear about it."""

    win: WinRecord
    unknown_goal: str | None = None
    notes: tuple[str, ...] = ()

    def messages(self) -> list[str]:
        """Everything to tell the user besides 'saved', in plain words."""
        told = list(self.notes)
        if self.unknown_goal:
            told.append(
                f"There is no goal +{self.unknown_goal}; the win was saved without one. "
                f'Create it with: smallwins goal add "..." --slug {self.unknown_goal}'
            )
        return told


def validate_text(text: str) -> str:
    """The text as it will be stored, or a `CaptureError` saying why it cannot be."""
    cleaned = clean_text(text).strip()
    if not cleaned:
        raise CaptureError("Nothing to save: write what moved forward.")
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise CaptureError(
            f"That is {len(cleaned):,} characters; a win can be at most {MAX_TEXT_LENGTH:,}. "
            "Please shorten it."
        )
    return cleaned


@uses_store
def add(
    store: Store,
    line: str,
    *,
    today: date,
    now: datetime,
    source: str = "cli",
    uuid: str | None = None,
) -> AddResult:
    """Parse a capture line and save it."""
    return add_draft(store, parse(line, today), now=now, source=source, uuid=uuid)


@uses_store
def add_draft(
    store: Store, draft: Draft, *, now: datetime, source: str, uuid: str | None = None
) -> AddResult:
    """Save a draft. `uuid` is a client-made id: saving the same id again is a no-op that
    returns the win already saved, so a retry or a fallback never records a win twice."""
    text = validate_text(draft.text)
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r}")
    win_uuid = _client_uuid(uuid)
    with store.write():
        existing = Win.get_or_none(Win.uuid == win_uuid)
        if existing is not None:
            return AddResult(win=get(store, win_uuid), unknown_goal=None, notes=())
        win, goal = _create(store, draft, text, win_uuid, now, source)
    unknown = draft.goal if draft.goal and goal is None else None
    return AddResult(win=get(store, win.uuid), unknown_goal=unknown, notes=draft.notes)


def _client_uuid(uuid: str | None) -> str:
    if uuid is None:
        return str(uuidlib.uuid4())
    try:
        return str(uuidlib.UUID(uuid))
    except (ValueError, AttributeError, TypeError) as error:
        raise CaptureError(f"{uuid!r} is not a valid win id.") from error


def _create(
    store: Store, draft: Draft, text: str, win_uuid: str, now: datetime, source: str
) -> tuple[Win, Goal | None]:
    goal = _goal_by_slug(draft.goal)
    win = Win.create(
        uuid=win_uuid,
        text=text,
        day=draft.day,
        created_at=now,
        updated_at=now,
        impact=draft.impact,
        kind=draft.kind,
        goal=goal,
        source=source,
    )
    _set_tags(win, draft.tags)
    _index(store, win, draft.tags)
    return win, goal


_UNSET: Any = object()


@uses_store
def edit(
    store: Store,
    uuid: str,
    *,
    now: datetime,
    text: str | None = None,
    day: date | None = None,
    impact: int | None = None,
    kind: str | None = None,
    tags: Sequence[str] | None = None,
    goal: str | None = _UNSET,
) -> WinRecord:
    """Change the given fields of a win; `goal=None` unlinks it, a slug must exist."""
    with store.write():
        win = _win(uuid)
        if text is not None:
            win.text = validate_text(text)
        if day is not None:
            win.day = day
        if impact is not None:
            if impact not in (1, 2, 3):
                raise CaptureError("Impact is 1 (small), 2 (medium) or 3 (big).")
            win.impact = impact
        if kind is not None:
            if kind not in (KIND_WIN, KIND_SETBACK):
                raise CaptureError("A win is either a win or a setback.")
            win.kind = kind
        if goal is not _UNSET:
            linked = _goal_by_slug(goal)
            if goal is not None and linked is None:
                raise NotFoundError(f"There is no goal +{goal}.")
            win.goal = linked
        win.updated_at = now
        win.save()
        if tags is not None:
            _set_tags(win, [t.lower() for t in tags])
        if win.deleted_at is None:
            _index(store, win, _tags_of(win.id))
    return get(store, uuid)


@uses_store
def delete(store: Store, uuid: str, *, now: datetime) -> WinRecord:
    """Soft-delete: the win disappears from lists and search until `restore`."""
    with store.write():
        win = _win(uuid)
        win.deleted_at = now
        win.save()
        store.db.execute_sql("DELETE FROM win_fts WHERE rowid = ?", (win.id,))
    return get(store, uuid)


@uses_store
def restore(store: Store, uuid: str) -> WinRecord:
    with store.write():
        win = _win(uuid)
        win.deleted_at = None
        win.save()
        _index(store, win, _tags_of(win.id))
    return get(store, uuid)


@uses_store
def get(store: Store, uuid: str) -> WinRecord:
    rows = _records(_select().where(Win.uuid == uuid))
    if not rows:
        raise NotFoundError(f"There is no win {uuid}.")
    return rows[0]


@uses_store
def resolve_id(store: Store, prefix: str) -> str:
    """The uuid of the one win (deleted ones included) whose uuid starts with `prefix`."""
    wanted = prefix.strip().lower()
    if not _ID_PREFIX.match(wanted):
        raise NotFoundError(
            f"'{prefix}' is not a win id: give at least 4 characters of the id `list` shows."
        )
    query: Any = (
        Win.select(Win.uuid)
        .where((Win.uuid >= wanted) & (Win.uuid < wanted + "\uffff"))
        .limit(2)
        .tuples()
    )
    found = [uuid for (uuid,) in query]
    if not found:
        raise NotFoundError(f"There is no win with the id {prefix}.")
    if len(found) > 1:
        raise NotFoundError(f"More than one win has an id starting {prefix}: give more of it.")
    return str(found[0])


@uses_store
def short_ids(store: Store, uuids: Iterable[str]) -> dict[str, str]:
    """The shortest prefix (at least SHORT_ID_MIN) that names each win alone, for display."""
    shown = {}
    for uuid in uuids:
        before: Any = Win.select(Win.uuid).where(Win.uuid < uuid).order_by(Win.uuid.desc())
        after: Any = Win.select(Win.uuid).where(Win.uuid > uuid).order_by(Win.uuid)
        shared = 0
        for neighbour in (before.limit(1).scalar(), after.limit(1).scalar()):
            if neighbour:
                shared = max(shared, len(_common_prefix(uuid, str(neighbour))))
        shown[uuid] = uuid[: max(SHORT_ID_MIN, shared + 1)]
    return shown


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


@uses_store
def trash(store: Store) -> list[WinRecord]:
    """Deleted wins that can still be restored, most recently deleted first."""
    query = _select().where(Win.deleted_at.is_null(False)).order_by(Win.deleted_at.desc())
    return _records(query)


@uses_store
def purge_trash(store: Store, *, now: datetime) -> int:
    """Remove for good the wins deleted more than TRASH_DAYS ago; returns how many."""
    cutoff = now - timedelta(days=TRASH_DAYS)
    with store.write():
        old: Any = Win.select(Win.id).where(Win.deleted_at < cutoff)
        ids = [row.id for row in old]
        for chunk in pw.chunked(ids, _CHUNK):
            Win.delete().where(Win.id.in_(chunk)).execute()  # tags go with them (cascade)
    return len(ids)


@uses_store
def deleted_count(store: Store) -> int:
    return int(Win.select().where(Win.deleted_at.is_null(False)).count())


@uses_store
def list_wins(
    store: Store,
    *,
    since: date | None = None,
    until: date | None = None,
    tag: str | None = None,
    search: str | None = None,
    kind: str | None = None,
    include_deleted: bool = False,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[WinRecord]:
    """Wins in a day range (inclusive), optionally with a tag or matching a search."""
    query = _select()
    if not include_deleted:
        query = query.where(Win.deleted_at.is_null())
    if since is not None:
        query = query.where(Win.day >= since)
    if until is not None:
        query = query.where(Win.day <= until)
    if kind is not None:
        query = query.where(Win.kind == kind)
    if tag is not None:
        tagged = WinTag.select(WinTag.win).join(Tag).where(Tag.name == tag.lower().lstrip("#"))
        query = query.where(Win.id.in_(tagged))
    if search is not None:
        match = fts_query(search)
        if match is None:
            return []
        hits = pw.SQL("(SELECT rowid FROM win_fts WHERE win_fts MATCH ?)", (match,))
        query = query.where(Win.id.in_(hits))
    order = (Win.day.desc(), Win.created_at.desc()) if newest_first else (Win.day, Win.created_at)
    query = query.order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    return _records(query)


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word must match as a prefix; syntax characters are ignored."""
    words = _SEARCH_WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


@uses_store
def tags_in_use(store: Store) -> list[tuple[str, int]]:
    """Tags on wins that are not deleted, most used first."""
    count = pw.fn.COUNT(WinTag.win)
    query: Any = (
        Tag.select(Tag.name, count.alias("n"))
        .join(WinTag)
        .join(Win)
        .where(Win.deleted_at.is_null())
        .group_by(Tag.id)
        .order_by(count.desc(), Tag.name)
    )
    return [(row.name, row.n) for row in query]


@uses_store
def count_by_day(
    store: Store, since: date, until: date, *, kind: str = KIND_WIN
) -> dict[date, int]:
    """How many wins (not deleted) each day in the range has; days with none are absent."""
    count = pw.fn.COUNT(Win.id)
    query: Any = (
        Win.select(Win.day, count.alias("n"))
        .where(Win.deleted_at.is_null(), Win.kind == kind, Win.day.between(since, until))
        .group_by(Win.day)
    )
    counts = {readable_day(row.day): row.n for row in query}
    counts.pop(None, None)
    return counts  # type: ignore[return-value]


@uses_store
def days_with_wins(store: Store, *, until: date) -> set[date]:
    """Every day up to `until` with at least one win (for streaks)."""
    query = (
        Win.select(Win.day)
        .where(Win.deleted_at.is_null(), Win.kind == KIND_WIN, Win.day <= until)
        .distinct()
    )
    return {day for row in query if (day := readable_day(row.day)) is not None}


@uses_store
def total(store: Store, *, kind: str = KIND_WIN) -> int:
    return int(Win.select().where(Win.deleted_at.is_null(), Win.kind == kind).count())


# -- internals ---------------------------------------------------------------------------------


def _select() -> Any:
    return Win.select(Win, Goal.slug, Goal.title).join(Goal, pw.JOIN.LEFT_OUTER)


@uses_store
def unreadable(store: Store) -> list[tuple[str, str]]:
    """(uuid, stored day) of every win whose day is not a date; listings leave them out."""
    query: Any = Win.select(Win.uuid, Win.day).where(
        pw.fn.date(Win.day).is_null() | (pw.fn.date(Win.day) != Win.day)
    )
    return [(uuid, str(day)) for uuid, day in query.tuples()]


def _records(query: Any) -> list[WinRecord]:
    rows = []
    for row in query.objects():
        day = readable_day(row.day)
        if day is None:
            log.warning(
                "win %s has an unreadable day %r and is left out; `smallwins doctor` lists it",
                row.uuid,
                row.day,
            )
            continue
        rows.append((row, day))
    tags = _tags_by_win([row.id for row, _ in rows])
    return [
        WinRecord(
            uuid=row.uuid,
            text=row.text,
            day=day,
            kind=row.kind,
            impact=row.impact,
            tags=tuple(tags.get(row.id, ())),
            goal=row.slug,
            goal_title=row.title,
            source=row.source,
            created_at=row.created_at,
            updated_at=row.updated_at,
            deleted_at=row.deleted_at,
        )
        for row, day in rows
    ]


def _tags_by_win(ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for chunk in pw.chunked(ids, _CHUNK):
        query: Any = (
            WinTag.select(WinTag.win, Tag.name)
            .join(Tag)
            .where(WinTag.win.in_(chunk))
            .order_by(Tag.name)
            .tuples()
        )
        for win_id, name in query:
            found[win_id].append(name)
    return found


def _tags_of(win_id: int) -> list[str]:
    return _tags_by_win([win_id]).get(win_id, [])


def _set_tags(win: Win, names: Iterable[str]) -> None:
    WinTag.delete().where(WinTag.win == win).execute()
    for name in dict.fromkeys(names):
        tag = Tag.get_or_none(Tag.name == name) or Tag.create(name=name)
        WinTag.create(win=win, tag=tag)


def _index(store: Store, win: Win, tags: Iterable[str]) -> None:
    store.db.execute_sql("DELETE FROM win_fts WHERE rowid = ?", (win.id,))
    store.db.execute_sql(
        "INSERT INTO win_fts (rowid, text, tags) VALUES (?, ?, ?)",
        (win.id, win.text, " ".join(tags)),
    )


def _goal_by_slug(slug: str | None) -> Goal | None:
    if slug is None:
        return None
    goal: Goal | None = Goal.get_or_none(Goal.slug == slug.lower())
    return goal


def _win(uuid: str) -> Win:
    win: Win | None = Win.get_or_none(Win.uuid == uuid)
    if win is None:
        raise NotFoundError(f"There is no win {uuid}.")
    return win

"""Recording and changing one win: the writes the CLI and the UI share, and reading wins back.

Here: saving a capture line or a draft (`add`, `add_draft`), `edit`, soft `delete` and
`restore`, the trash (`trash`, `purge_trash`, `deleted_count`), reading one win (`get`) and
naming it (`resolve_id`, `short_ids`), and `WinRecord`, the plain record every reader gets
(`record_query` and `record_batches` turn rows into records, with their tags).

Finding, searching, counting and totals live in `core/queries.py`; the bulk write path for
import and test data in `core/bulk.py`. This module imports neither: `smallwins add` with no app
running loads only what recording one win needs.

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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import peewee as pw

from smallwins_desktop.core.capture import (
    KIND_SETBACK,
    KIND_WIN,
    TAG_PATTERN,
    Draft,
    clean_text,
    parse,
)
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import CaptureError, NotFoundError
from smallwins_desktop.core.models import Goal, Tag, Win, WinTag, readable_day

TYPE_CHECKING = False  # the typing module, for annotations alone, costs `smallwins add` ~2 ms
if TYPE_CHECKING:
    from typing import Any

log = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 2_000
SOURCES = ("capture", "cli", "notification", "import")
_CHUNK = 500
TRASH_DAYS = 30
"""Deleted wins can be restored for this long; then they are purged (after a backup)."""
SHORT_ID_MIN = 7
"""The shortest id `list` shows: a prefix of the uuid, longer where another win shares it."""
_ID_PREFIX = r"^[0-9a-f-]{4,36}$"  # compiled (and cached by `re`) when first used, not by `add`


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

    def as_line(self, *, with_kind: bool = True) -> str:
        """The win in capture syntax (without its day): 'Fixed it #qa +release-2 !!';
        `with_kind=False` leaves out a setback's 'setback: ' (for text that says it already)."""
        kind = "setback: " if self.kind == KIND_SETBACK and with_kind else ""
        tags = "".join(f" #{t}" for t in self.tags)
        goal = f" +{self.goal}" if self.goal else ""
        bangs = f" {'!' * self.impact}" if self.impact > 1 else ""
        return f"{kind}{self.text}{tags}{goal}{bangs}"

    def saved_message(self) -> str:
        """What the CLI and the app answer once the win is saved ('setback' said once)."""
        if self.kind == KIND_SETBACK:
            return f"Setback noted: {self.as_line(with_kind=False)}"
        return f"Saved: {self.as_line()}"


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
    _require_unicode(text)
    cleaned = clean_text(text).strip()
    if not cleaned:
        raise CaptureError("Nothing to save: write what moved forward.")
    if len(cleaned) > MAX_TEXT_LENGTH:
        raise CaptureError(
            f"That is {len(cleaned):,} characters; a win can be at most {MAX_TEXT_LENGTH:,}. "
            "Please shorten it."
        )
    return cleaned


def _require_unicode(text: str) -> None:
    """A `CaptureError` for text that is not valid Unicode: bytes a terminal sent in another
    encoding than UTF-8 reach Python's command line as lone surrogates, which no database
    can store. (A tag or goal never holds one: a name is letters, digits, '-' and '_'.)"""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = ord(text[error.start])
        bad_part = f"byte {bad - 0xDC00:#04x}" if 0xDC80 <= bad <= 0xDCFF else f"U+{bad:04X}"
        raise CaptureError(
            f"The text is not UTF-8 ({bad_part} at character {error.start + 1}); nothing was saved."
        ) from None


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
    win_uuid = client_uuid(uuid)
    with store.write():
        existing = Win.get_or_none(Win.uuid == win_uuid)
        if existing is not None:
            return AddResult(win=get(store, win_uuid), unknown_goal=None, notes=())
        win, goal = _create(store, draft, text, win_uuid, now, source)
    unknown = draft.goal if draft.goal and goal is None else None
    return AddResult(win=get(store, win.uuid), unknown_goal=unknown, notes=draft.notes)


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def client_uuid(uuid: str | None) -> str:
    """The id a new win is saved under: `uuid` as `str(UUID)` writes it, or a fresh one when
    None; a `CaptureError` when it is no uuid. For every path that saves wins."""
    if uuid is None:
        return str(uuidlib.uuid4())
    if isinstance(uuid, str) and _CANONICAL_UUID.fullmatch(uuid):
        return uuid  # already as str(UUID) writes it: the bulk path meets millions of these
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
    names = None if tags is None else [t.lower().lstrip("#") for t in tags]
    bad = [t for t in names or () if not TAG_PATTERN.fullmatch(t)]
    if bad:
        raise CaptureError(
            f"A tag is letters, digits, '-' and '_' (and a letter): {', '.join(bad)}"
        )
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
        if names is not None:
            _set_tags(win, names)
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
    rows = _records(record_query().where(Win.uuid == uuid))
    if not rows:
        raise NotFoundError(f"There is no win {uuid}.")
    return rows[0]


@uses_store
def resolve_id(store: Store, prefix: str) -> str:
    """The uuid of the one win (deleted ones included) whose uuid starts with `prefix`."""
    wanted = prefix.strip().lower()
    if not re.match(_ID_PREFIX, wanted):
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
    cursor = store.db.cursor()  # two probes of the uuid index per win, without query building
    for uuid in uuids:
        shared = 0
        for sql in (
            "SELECT MAX(uuid) FROM win WHERE uuid < ?",
            "SELECT MIN(uuid) FROM win WHERE uuid > ?",
        ):
            (neighbour,) = cursor.execute(sql, (uuid,)).fetchone()
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
    query = record_query().where(Win.deleted_at.is_null(False)).order_by(Win.deleted_at.desc())
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
    """How many wins are in the trash, counted off the trash's own partial index."""
    rows = store.db.execute_sql(
        "SELECT COUNT(*) FROM win INDEXED BY win_trash WHERE deleted_at IS NOT NULL"
    )
    return int(rows.fetchone()[0])


def record_query() -> Any:
    """A query of every win, as the columns `record_batches` reads, in its order: narrow it
    (`.where`, `.order_by`, `.limit`) and hand it to `record_batches` to read `WinRecord`s."""
    return Win.select(
        Win.id,
        Win.uuid,
        Win.text,
        Win.day,
        Win.kind,
        Win.impact,
        Goal.slug,
        Goal.title,
        Win.source,
        Win.created_at,
        Win.updated_at,
        Win.deleted_at,
    ).join(Goal, pw.JOIN.LEFT_OUTER)


def _records(query: Any) -> list[WinRecord]:
    return [record for batch in record_batches(query) for record in batch]


def record_batches(query: Any, size: int = _CHUNK) -> Iterator[list[WinRecord]]:
    """The rows of a `record_query()` query as records, `size` at a time, each batch's tags in
    one query: a long listing streams instead of being held in memory twice."""
    rows: list[tuple[Any, ...]] = []
    sql, params = query.sql()  # run raw: peewee's per-row conversion would cost more than SQLite
    for raw in Win._meta.database.execute_sql(sql, params):
        row = (*raw[:9], _utc(raw[9]), _utc(raw[10]), _utc(raw[11]))
        day = readable_day(row[3])
        if day is None:
            log.warning(
                "win %s has an unreadable day %r and is left out; `smallwins doctor` lists it",
                row[1],
                row[3],
            )
            continue
        rows.append((*row[:3], day, *row[4:]))
        if len(rows) >= size:
            yield _with_tags(rows)
            rows = []
    if rows:
        yield _with_tags(rows)


def _utc(value: Any) -> datetime | None:
    """A stored timestamp (naive UTC text, as `UTCDateTimeField` writes it) as aware UTC."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _with_tags(rows: list[tuple[Any, ...]]) -> list[WinRecord]:
    tags = _tags_by_win([row[0] for row in rows])
    return [
        WinRecord(
            uuid=uuid,
            text=text,
            day=day,
            kind=kind,
            impact=impact,
            tags=tuple(tags.get(win_id, ())),
            goal=slug,
            goal_title=title,
            source=source,
            created_at=created_at,
            updated_at=updated_at,
            deleted_at=deleted_at,
        )
        for (
            win_id,
            uuid,
            text,
            day,
            kind,
            impact,
            slug,
            title,
            source,
            created_at,
            updated_at,
            deleted_at,
        ) in rows
    ]


def _tags_by_win(ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for chunk in pw.chunked(ids, _CHUNK):
        marks = ", ".join("?" * len(chunk))  # raw SQL: peewee's per-value quoting cost more
        rows = Win._meta.database.execute_sql(
            "SELECT win_tag.win_id, tag.name FROM win_tag JOIN tag ON tag.id = win_tag.tag_id "
            f"WHERE win_tag.win_id IN ({marks}) ORDER BY tag.name",
            tuple(chunk),
        )
        for win_id, name in rows:
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

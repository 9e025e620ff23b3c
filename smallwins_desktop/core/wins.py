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
import unicodedata
import uuid as uuidlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any, NamedTuple

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
_SUGGEST_WORDS = 12
_SUGGEST_FROM = 200


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
            win_uuid = _client_uuid(uuid)
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


_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _client_uuid(uuid: str | None) -> str:
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
    return totals(store).deleted


@dataclass(frozen=True)
class WinFilter:
    """Which wins a listing shows; every criterion given must hold (they combine with AND).

    `deleted`: False (the default) for the journal, True for the trash, None for both.
    `search` is words, each matched as a prefix over the text and tags (see `fts_query`)."""

    since: date | None = None
    until: date | None = None
    tag: str | None = None
    goal: str | None = None
    impact: int | None = None
    kind: str | None = None
    search: str | None = None
    deleted: bool | None = False

    def is_empty(self) -> bool:
        return self == WinFilter(deleted=self.deleted)


@uses_store
def list_wins(store: Store, /, **criteria: Any) -> list[WinRecord]:
    """`iter_wins` as a list: for short listings (a day, a week)."""
    return list(iter_wins(store, **criteria))


@uses_store
def iter_wins(
    store: Store,
    /,
    match: WinFilter | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
    newest_first: bool = False,
    after: str | None = None,
    **criteria: Any,
) -> Iterator[WinRecord]:
    """The wins `match` (or the `WinFilter` fields given as keywords) picks, in day order,
    streamed a batch at a time: memory stays flat however many match.

    `after`: the uuid of the last win of the previous page; the listing goes on from there
    (in the order asked for) by a seek in the timeline index, so the thousandth page costs
    what the first does. When that win is gone, nothing follows it: use `offset` then."""
    match = match or WinFilter(**criteria)
    walk = match.search is not None and _hits(match.search) > _WALK_FROM
    query = _filtered(_select(), match, walk_timeline=walk)
    if query is None:
        return iter(())
    if after is not None:
        Anchor = Win.alias("anchor")
        anchor = Anchor.select(Anchor.day, Anchor.created_at, Anchor.id).where(Anchor.uuid == after)
        position = pw.Tuple(Win.day, Win.created_at, Win.id)
        query = query.where(position < anchor if newest_first else position > anchor)
    if newest_first:
        query = query.order_by(Win.day.desc(), Win.created_at.desc(), Win.id.desc())
    else:
        query = query.order_by(Win.day, Win.created_at, Win.id)
    if limit is not None or offset:
        query = query.limit(-1 if limit is None else limit).offset(offset)
    return _stream(store, query)


@uses_store
def count_wins(store: Store, match: WinFilter) -> int:
    """How many wins `match` picks (setbacks included unless it says a kind)."""
    if match.search is not None and match == WinFilter(search=match.search):
        return _hits(match.search)  # the index holds exactly the wins not in the trash
    query = _filtered(Win.select(), match)
    return 0 if query is None else int(query.count())


# Past this many search hits, the newest matches are found faster by walking the timeline
# index and keeping the hits than by fetching every hit and sorting them.
_WALK_FROM = 500


def _hits(search: str) -> int:
    """How many wins not in the trash the search index matches for `search`."""
    words = fts_query(search)
    if words is None:
        return 0
    rows = Win._meta.database.execute_sql(
        "SELECT COUNT(*) FROM win_fts WHERE win_fts MATCH ?", (words,)
    )
    return int(rows.fetchone()[0])


def _filtered(query: Any, match: WinFilter, *, walk_timeline: bool = False) -> Any:
    """`query` narrowed to `match`, or None when nothing can match (a search of no words).

    `walk_timeline`: match search hits by membership while walking the timeline in order
    (the unary + keeps SQLite from looking each hit up by id instead)."""
    if match.deleted is not None:
        query = query.where(Win.deleted_at.is_null(not match.deleted))
    if match.since is not None:
        query = query.where(Win.day >= match.since)
    if match.until is not None:
        query = query.where(Win.day <= match.until)
    if match.kind is not None:
        query = query.where(Win.kind == match.kind)
    if match.impact is not None:
        query = query.where(Win.impact == match.impact)
    if match.goal is not None:
        goal_ids = Goal.select(Goal.id).where(Goal.slug == match.goal.lower().lstrip("+"))
        query = query.where(Win.goal.in_(goal_ids))
    if match.tag is not None:
        tagged = (
            WinTag.select(WinTag.win).join(Tag).where(Tag.name == match.tag.lower().lstrip("#"))
        )
        query = query.where(Win.id.in_(tagged))
    if match.search is not None:
        words = fts_query(match.search)
        if words is None:
            return None
        hits = pw.SQL("(SELECT rowid FROM win_fts WHERE win_fts MATCH ?)", (words,))
        win_id = pw.NodeList((pw.SQL("+"), Win.id), glue="") if walk_timeline else Win.id
        query = query.where(win_id.in_(hits))
    return query


def _stream(store: Store, query: Any) -> Iterator[WinRecord]:
    with store.bound():  # held while the caller iterates, not only while building the query
        for batch in _record_batches(query):
            yield from batch


def fts_query(text: str) -> str | None:
    """A safe FTS5 query: every word must match as a prefix; syntax characters are ignored."""
    words = _SEARCH_WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def match_spans(text: str, search: str | None) -> list[tuple[int, int]]:
    """Where in `text` the words of `search` match, as (start, end) pairs, the way the search
    index matches them: a word of the text that starts with a search word, ignoring case and
    accents. For highlighting a search result."""
    terms = [_folded(w) for w in _SEARCH_WORD.findall(search or "")]
    if not terms:
        return []
    return [
        (word.start(), word.end())
        for word in _SEARCH_WORD.finditer(text)
        if any(_folded(word.group()).startswith(term) for term in terms)
    ]


def _folded(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_NOT_TELLING = frozenset(
    [
        "the",
        "and",
        "for",
        "with",
        "was",
        "were",
        "that",
        "this",
        "from",
        "into",
        "onto",
        "have",
        "has",
        "had",
        "our",
        "out",
        "but",
        "not",
    ]
)


@uses_store
def suggest_tags(
    store: Store, text: str, *, exclude: Iterable[str] = (), limit: int = 3
) -> list[str]:
    """Tags the user put on earlier wins with words like these, most fitting first.

    The wins come from the search index (best matches first, by its own ranking, at most
    `_SUGGEST_FROM`); the tags on them are counted. Short and common words say nothing
    about a win and are left out; so are the tags in `exclude` (those already on it)."""
    words = [
        w
        for w in dict.fromkeys(_SEARCH_WORD.findall(text.lower()))
        if len(w) >= 3 and not w.isdigit() and w not in _NOT_TELLING
    ][:_SUGGEST_WORDS]
    if not words:
        return []
    match = " OR ".join(f'text : "{w}"*' for w in words)
    skip = [t.lower().lstrip("#") for t in exclude]
    placeholders = ", ".join("?" * len(skip)) or "''"
    sql = (
        "SELECT tag.name FROM (SELECT rowid FROM win_fts WHERE win_fts MATCH ? "
        "ORDER BY rank LIMIT ?) AS hit "
        "JOIN win_tag ON win_tag.win_id = hit.rowid JOIN tag ON tag.id = win_tag.tag_id "
        f"WHERE tag.name NOT IN ({placeholders}) "
        "GROUP BY tag.id ORDER BY COUNT(*) DESC, tag.name LIMIT ?"
    )
    rows = store.db.execute_sql(sql, (match, _SUGGEST_FROM, *skip, limit))
    return [name for (name,) in rows]


@uses_store
def tag_names(store: Store) -> list[str]:
    """The names of tags on at least one win not in the trash, A to Z (for completion).

    One index probe per tag, however many wins there are (counting them is `tags_in_use`)."""
    rows = store.db.execute_sql(
        "SELECT name FROM tag WHERE EXISTS (SELECT 1 FROM win_tag JOIN win ON win.id = "
        "win_tag.win_id WHERE win_tag.tag_id = tag.id AND win.deleted_at IS NULL) ORDER BY name"
    )
    return [name for (name,) in rows]


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


@dataclass(frozen=True)
class DayTotal:
    """One day's wins and setbacks (deleted ones left out); `weight` sums the wins' impact."""

    wins: int = 0
    setbacks: int = 0
    weight: int = 0


@uses_store
def day_totals(
    store: Store, *, since: date | None = None, until: date | None = None
) -> dict[date, DayTotal]:
    """Each day with a win or setback in the range, counted by SQLite in one pass."""
    is_win = Win.kind == KIND_WIN
    query: Any = Win.select(
        Win.day,
        pw.fn.SUM(pw.Case(None, [(is_win, 1)], 0)),
        pw.fn.SUM(pw.Case(None, [(is_win, 0)], 1)),
        pw.fn.SUM(pw.Case(None, [(is_win, Win.impact)], 0)),
    ).where(Win.deleted_at.is_null())
    if since is not None:
        query = query.where(Win.day >= since)
    if until is not None:
        query = query.where(Win.day <= until)
    totals = {}
    for day, won, setbacks, weight in store.db.execute_sql(*query.group_by(Win.day).sql()):
        readable = readable_day(day)
        if readable is not None:
            totals[readable] = DayTotal(int(won), int(setbacks), int(weight))
    return totals


@uses_store
def days_with_wins(store: Store, *, until: date) -> set[date]:
    """Every day up to `until` with at least one win (for streaks), read off an index."""
    rows = store.db.execute_sql(
        "SELECT DISTINCT day FROM win WHERE deleted_at IS NULL AND kind = ? AND day <= ?",
        (KIND_WIN, until.isoformat()),
    )
    return {day for (text,) in rows if (day := readable_day(text)) is not None}


@uses_store
def total(store: Store, *, kind: str = KIND_WIN) -> int:
    """How many wins (or setbacks) there are, the trash left out."""
    counts = totals(store)
    return counts.setbacks if kind == KIND_SETBACK else counts.wins


@dataclass(frozen=True)
class Totals:
    wins: int
    setbacks: int
    deleted: int


@uses_store
def totals(store: Store) -> Totals:
    """Wins, setbacks and the trash, counted off small indexes (not by reading every row):
    every row counts fast, setbacks and the trash have partial indexes of their own."""

    def count(sql: str) -> int:
        return int(store.db.execute_sql(sql).fetchone()[0])

    rows = count("SELECT COUNT(*) FROM win")
    setbacks = count(
        "SELECT COUNT(*) FROM win INDEXED BY win_kept_setbacks "
        "WHERE kind = 'setback' AND deleted_at IS NULL"
    )
    deleted = count("SELECT COUNT(*) FROM win INDEXED BY win_trash WHERE deleted_at IS NOT NULL")
    return Totals(wins=rows - setbacks - deleted, setbacks=setbacks, deleted=deleted)


# -- internals ---------------------------------------------------------------------------------


def _select() -> Any:
    """The columns `_record_batches` reads, in its order."""
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


@uses_store
def unreadable(store: Store) -> list[tuple[str, str]]:
    """(uuid, stored day) of every win whose day is not a date; listings leave them out."""
    query: Any = Win.select(Win.uuid, Win.day).where(
        pw.fn.date(Win.day).is_null() | (pw.fn.date(Win.day) != Win.day)
    )
    return [(uuid, str(day)) for uuid, day in query.tuples()]


def _records(query: Any) -> list[WinRecord]:
    return [record for batch in _record_batches(query) for record in batch]


def _record_batches(query: Any, size: int = _CHUNK) -> Iterator[list[WinRecord]]:
    """The rows of a `_select()` query as records, `size` at a time, each batch's tags in
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

"""Finding, searching and counting wins: listings, search, tags in use and the totals by day.

Everything here reads; the writes live in `core/wins.py`, whose `WinRecord` every listing
returns (built by `wins.record_batches`, so a win reads the same however it was found). A
listing takes a `WinFilter`: every criterion given must hold. Search goes through the full-text
index `wins` keeps in step (`fts_query` makes a user's words safe for it; `match_spans` finds
them again in a text for highlighting).

Counts and aggregates (`count_by_day`, `day_totals`, `days_with_wins`, `totals`) are counted by
SQLite, off indexes where one fits, never by reading every win into Python.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import peewee as pw

from smallwins_desktop.core.capture import KIND_SETBACK, KIND_WIN
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.models import Goal, Tag, Win, WinTag, readable_day
from smallwins_desktop.core.wins import WinRecord, deleted_count, record_batches, record_query

_SEARCH_WORD = re.compile(r"\w+")
_SUGGEST_WORDS = 12
_SUGGEST_FROM = 200


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
    query = _filtered(record_query(), match, walk_timeline=walk)
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
        for batch in record_batches(query):
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
    deleted = deleted_count(store)
    return Totals(wins=rows - setbacks - deleted, setbacks=setbacks, deleted=deleted)


@uses_store
def unreadable(store: Store) -> list[tuple[str, str]]:
    """(uuid, stored day) of every win whose day is not a date; listings leave them out."""
    query: Any = Win.select(Win.uuid, Win.day).where(
        pw.fn.date(Win.day).is_null() | (pw.fn.date(Win.day) != Win.day)
    )
    return [(uuid, str(day)) for uuid, day in query.tuples()]

"""Bringing a file's wins in: all of them in one transaction, or none.

Goals come first (our JSON's, by uuid; a goal whose slug is taken already is the same goal),
then the wins stream through the core's bulk path (`wins.add_many`); a done goal added is
then linked to its completion win (`done_win`), so that win is no progress towards it. A
goal a win names that does not exist (a CSV or jrnl `+slug`) is created, so no link is lost.
Settings and reflections from our JSON are taken only where this journal has none of its own. A win
already here (same uuid, or the same content key for files without ids) is skipped, so
importing a file twice adds nothing. An entry too long for one win comes in as several
(`longtext`); the result names each one this import adds.

`dry_run` does all of it, then rolls the transaction back: what it reports is exactly what
the real import will do. `progress(n)` is called every `PROGRESS_EVERY` wins read; raising
from it cancels the import, and nothing is written.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from smallwins_desktop.core import settings as settings_core
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.exchange.incoming import Incoming
from smallwins_desktop.core.exchange.longtext import SplitEntry
from smallwins_desktop.core.goals import GoalRecord
from smallwins_desktop.core.models import Goal, Reflection, Win
from smallwins_desktop.core.reflections import ReflectionRecord
from smallwins_desktop.core.wins import MAX_TEXT_LENGTH, BulkEntry, add_many

PROGRESS_EVERY = 500
SPLITS_NAMED = 5
"""The summary names this many split entries, and counts the rest."""


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int
    goals_added: int = 0
    settings_added: int = 0
    reflections_added: int = 0
    dry_run: bool = False
    split: tuple[SplitEntry, ...] = ()
    """Entries too long for one win that came in as several (not those already here)."""

    def summary(self) -> str:
        """One line for the user: what was (or would be) added and skipped."""
        verb = "Would add" if self.dry_run else "Added"
        parts = [f"{verb} {self.added} {'win' if self.added == 1 else 'wins'}"]
        if self.goals_added:
            parts.append(f"{self.goals_added} {'goal' if self.goals_added == 1 else 'goals'}")
        if self.settings_added:
            parts.append(f"{self.settings_added} settings")
        if self.reflections_added:
            noun = "reflection" if self.reflections_added == 1 else "reflections"
            parts.append(f"{self.reflections_added} {noun}")
        line = ", ".join(parts)
        if self.skipped:
            were = "would be" if self.dry_run else "were"
            line += f"; {self.skipped} already in the journal {were} skipped"
        return line + "." + self._split_lines()

    def _split_lines(self) -> str:
        """A line on the entries split, each with where it is: nothing was cut off."""
        if not self.split:
            return ""
        one = len(self.split) == 1
        verb = ("would come" if self.dry_run else "came") + " in whole"
        head = (
            f"{len(self.split)} {'entry is' if one else 'entries are'} longer than "
            f"{MAX_TEXT_LENGTH:,} characters, a win's most, and {verb} as consecutive wins "
            "marked (part 1 of N), (part 2 of N)…:"
        )
        named = [
            f"{s.where}: {s.length:,} characters, {s.parts} wins" for s in self.split[:SPLITS_NAMED]
        ]
        more = len(self.split) - SPLITS_NAMED
        if more > 0:
            named.append(f"and {more} more")
        return "\n" + head + "\n" + "\n".join(f"  {n}" for n in named)


class _DryRun(Exception):
    pass


@uses_store
def apply(
    store: Store,
    incoming: Incoming,
    *,
    now: datetime,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Save what `incoming` holds; see the module docstring."""
    if dry_run and store.db.in_transaction():
        raise RuntimeError("a dry run must be its own transaction, to roll back alone")
    counts: dict[str, Any] = {}
    try:
        with store.write():
            added_goals = _add_goals(store, incoming.goals)
            goals_added = len(added_goals)
            created = _GoalMaker(now)
            fresh: list[SplitEntry] = []
            counted = _counted(incoming.wins, progress)
            entries = created.wrap(_new_splits(counted, incoming.split, fresh))
            bulk = add_many(store, entries, now=now, source="import")
            _link_done_wins(store, added_goals)
            settings_added = _add_settings(store, incoming.settings)
            reflections_added = _add_reflections(store, incoming.reflections)
            counts = {
                "reflections_added": reflections_added,
                "added": bulk.added,
                "skipped": bulk.skipped,
                "goals_added": goals_added + created.count,
                "settings_added": settings_added,
                "split": tuple(fresh),
            }
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return ImportResult(dry_run=dry_run, **counts)


def _counted(
    entries: Iterable[BulkEntry], progress: Callable[[int], None] | None
) -> Iterator[BulkEntry]:
    count = 0
    for count, entry in enumerate(entries, start=1):
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(count)
        yield entry
    if progress is not None:
        progress(count)


def _new_splits(
    entries: Iterable[BulkEntry], split: list[SplitEntry], fresh: list[SplitEntry]
) -> Iterator[BulkEntry]:
    """Pass `entries` on; each entry the reader split (it adds it to `split` before its
    pieces come) goes to `fresh` unless its first piece is in the journal already. Checked as
    the pieces are drawn, before `add_many` saves the chunk they are in."""
    told = 0
    firsts: set[str] = set()
    for entry in entries:
        if len(split) == told:  # the usual case: nothing new was split
            yield entry
            continue
        for found in split[told:]:
            if (
                found.first_uuid not in firsts
                and not Win.select().where(Win.uuid == found.first_uuid).exists()
            ):
                fresh.append(found)
            firsts.add(found.first_uuid)
        told = len(split)
        yield entry


class _GoalMaker:
    """Creates, inside the import's transaction, each goal a win names that is not there."""

    def __init__(self, now: datetime) -> None:
        self._now = now
        self._known: set[str] | None = None
        self.count = 0

    def wrap(self, entries: Iterable[BulkEntry]) -> Iterator[BulkEntry]:
        for entry in entries:
            slug = entry.draft.goal
            if slug is not None:
                if self._known is None:
                    self._known = set(_column(Goal.slug))
                if slug not in self._known:
                    Goal.insert(
                        uuid=str(uuidlib.uuid4()),
                        title=slug.replace("-", " ").replace("_", " ").capitalize(),
                        slug=slug,
                        created_at=self._now,
                    ).execute()
                    self._known.add(slug)
                    self.count += 1
            yield entry


def _add_goals(store: Store, goals: list[GoalRecord]) -> list[GoalRecord]:
    """Each goal not here yet (by uuid or slug), with its parent; returns those added."""
    if not goals:
        return []
    have_uuids = set(_column(Goal.uuid))
    have_slugs = set(_column(Goal.slug))
    added = []
    for goal in goals:
        if goal.uuid in have_uuids or goal.slug in have_slugs:
            continue
        Goal.insert(
            uuid=goal.uuid,
            title=goal.title,
            slug=goal.slug,
            criteria=goal.criteria,
            target=goal.target,
            due=goal.due,
            status=goal.status,
            done_at=goal.done_at,
            created_at=goal.created_at,
        ).execute()
        have_uuids.add(goal.uuid)
        have_slugs.add(goal.slug)
        added.append(goal)
    query: Any = Goal.select(Goal.slug, Goal.id).tuples()
    ids: dict[str, int] = dict(query)
    for goal in added:
        if goal.parent is not None and goal.parent in ids:
            Goal.update(parent=ids[goal.parent]).where(Goal.uuid == goal.uuid).execute()
    return added


def _link_done_wins(store: Store, added: list[GoalRecord]) -> None:
    """Link each goal this import added to the "Completed: ..." win the file says its
    completion recorded, once the wins are in (a win the file left out links nothing)."""
    for goal in added:
        if goal.done_win is None:
            continue
        found = Win.get_or_none(Win.uuid == goal.done_win)
        if found is not None:
            Goal.update(done_win=found.id).where(Goal.uuid == goal.uuid).execute()


def _column(field: Any) -> Iterator[str]:
    query: Any = Goal.select(field).tuples()
    for (value,) in query:
        yield str(value)


def _add_settings(store: Store, values: dict[str, Any]) -> int:
    added = 0
    for key, value in values.items():
        if settings_core.get(store, key) is None:
            settings_core.put(store, key, value)
            added += 1
    return added


def _add_reflections(store: Store, found: list[ReflectionRecord]) -> int:
    """Each reflection whose day (and kind) this journal has none for; its own are kept."""
    added = 0
    for reflection in found:
        exists = (
            Reflection.select()
            .where(Reflection.day == reflection.day, Reflection.kind == reflection.kind)
            .exists()
        )
        if exists:
            continue
        Reflection.insert(
            day=reflection.day,
            kind=reflection.kind,
            moved_forward=reflection.moved_forward,
            got_in_the_way=reflection.got_in_the_way,
            helped=reflection.helped,
            pick_up=reflection.pick_up,
            confidence=reflection.confidence,
            created_at=reflection.created_at,
            updated_at=reflection.updated_at,
        ).execute()
        added += 1
    return added

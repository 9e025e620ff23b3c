"""Goals: objectives broken into micro-goals, their progress, completion and the overload guard.

An objective is a goal that holds micro-goals (their `parent`); the tree is two levels deep,
so a micro-goal holds none. A goal on its own, with no micro-goals, is a micro-goal too: it
is a thing to finish. Wins link to any goal by its slug (`+release-2` in the capture line).

Progress is counted by SQLite, one row per goal (`GROUP BY goal_id` over the partial index
`win_goal_progress`), never by reading wins into Python:

- a micro-goal with a target: its wins (not setbacks, not in the trash) against the target;
- a micro-goal without one: done or not;
- an objective: its micro-goals done against those not dropped.

Completing a goal records a win, "Completed: <title>", medium impact (big for a whole
objective), in the same transaction as the status change, and returns the celebration it
earned (`recognition.recognise`). That win is linked to the goal but is no progress towards
it (`done_win`). Dropping a goal closes it without a win; both keep `done_at` as the time it
was closed.

Reopening undoes either: the goal is active again, its completion win goes to the trash (so
it counts for no day, streak or total, and can still be restored by hand), and an objective
dropped with its micro-goals gets back those that went with it (the same `done_at`). A
micro-goal reopens only under an active objective, so an objective stays done only while none
of its micro-goals is active.

Callers pass `now` (aware, in the user's zone) and `today` in; nothing here reads the clock.
"""

from __future__ import annotations

import re
import unicodedata
import uuid as uuidlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

import peewee as pw

from smallwins_desktop.core import config, recognition, wins
from smallwins_desktop.core.capture import IMPACT_BIG, IMPACT_MEDIUM, KIND_WIN, Draft
from smallwins_desktop.core.celebrate import Celebration
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import CaptureError, GoalError, NotFoundError
from smallwins_desktop.core.models import Goal, Win, as_date

ACTIVE, DONE, DROPPED = "active", "done", "dropped"
STATUSES = (ACTIVE, DONE, DROPPED)
MAX_TITLE_LENGTH = 200
MAX_CRITERIA_LENGTH = 1_000
MAX_TARGET = 100_000
COMPLETED_PREFIX = "Completed: "
RATE_WINDOWS_DAYS = (30, 90)
_SLUG = re.compile(r"(?=[\w-]*[^\W\d_])[\w-]+")
_UNSET: Any = object()


@dataclass(frozen=True)
class GoalRecord:
    uuid: str
    title: str
    slug: str
    status: str
    parent: str | None
    criteria: str
    target: int | None
    due: date | None
    created_at: datetime
    done_at: datetime | None
    done_win: str | None = None
    """The uuid of the "Completed: ..." win completing it recorded, while it is kept."""


@dataclass(frozen=True)
class Progress:
    """How far a goal has come: `count` of `total` (wins against a target, or micro-goals
    done against those kept), or just done / not done when `total` is None."""

    count: int
    total: int | None
    done: bool

    @property
    def fraction(self) -> float:
        if self.done:
            return 1.0
        if not self.total:
            return 0.0
        return min(1.0, self.count / self.total)

    def bar(self, width: int = 6) -> str:
        """The progress as text: '[###---] 3/5', '[######] done (4/5)', '[------]'."""
        filled = int(self.fraction * width)  # full only when it is done
        drawn = f"[{'#' * filled}{'-' * (width - filled)}]"
        counted = f"{self.count}/{self.total}" if self.total is not None else ""
        if self.done:
            return f"{drawn} done ({counted})" if counted else f"{drawn} done"
        return f"{drawn} {counted}" if counted else drawn


@dataclass(frozen=True)
class GoalNode:
    """A goal in the tree, with its progress; `children` are an objective's micro-goals."""

    goal: GoalRecord
    progress: Progress
    wins: int
    overdue: bool
    children: tuple[GoalNode, ...] = field(default=())

    @property
    def is_objective(self) -> bool:
        return bool(self.children)


@dataclass(frozen=True)
class Overload:
    """More micro-goals are active than the user's limit: a calm word, never a block."""

    active: int
    limit: int

    def message(self) -> str:
        return (
            f"You have {self.active} active micro-goals; your limit is {self.limit}. "
            "A few at a time are easier to move forward: consider finishing or dropping one."
        )


@dataclass(frozen=True)
class Completion:
    """A goal completed: the goal as it is now, the win it recorded, what that earned."""

    goal: GoalRecord
    win: wins.WinRecord
    celebration: Celebration


@dataclass(frozen=True)
class Reopening:
    """Goals made active again (the one named first, then micro-goals dropped with it), and
    the completion win that went to the trash, if there was one still kept."""

    goals: tuple[GoalRecord, ...]
    trashed_win: wins.WinRecord | None = None


@dataclass(frozen=True)
class CompletionRate:
    """Micro-goals with a due date, settled over the last `days` days (today included):

    - `on_time`: done on or before their due date, done within the window;
    - `late`: done after their due date, done within the window;
    - `overdue`: still active, their due date passed within the window;
    - `dropped`: dropped within the window (counted apart: letting a goal go is adjusting).

    `rate` is on time over on time, late and overdue; None when there is none of those."""

    days: int
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    dropped: int = 0

    @property
    def rate(self) -> float | None:
        decided = self.on_time + self.late + self.overdue
        return None if decided == 0 else self.on_time / decided

    def line(self) -> str:
        if self.rate is None:
            return f"Last {self.days} days: no micro-goal fell due."
        dropped = f", {self.dropped} dropped" if self.dropped else ""
        return (
            f"Last {self.days} days: {round(self.rate * 100)}% on time "
            f"({self.on_time} on time, {self.late} late, {self.overdue} overdue{dropped})."
        )


def slugify(title: str) -> str:
    """'Release 2.0 — ship it!' -> 'release-2-0-ship-it' (letters of any script are kept)."""
    text = unicodedata.normalize("NFKC", title).lower()
    slug = re.sub(r"[^\w]+", "-", text).strip("-_")
    return slug[:40].strip("-") or "goal"


def _clean_slug(slug: str) -> str:
    return slug.strip().lower().lstrip("+")


def _title(title: str) -> str:
    title = title.strip()
    if not title:
        raise CaptureError("A goal needs a title.")
    if len(title) > MAX_TITLE_LENGTH:
        raise CaptureError(f"A goal's title can be at most {MAX_TITLE_LENGTH} characters.")
    return title


def _criteria(criteria: str) -> str:
    criteria = criteria.strip()
    if len(criteria) > MAX_CRITERIA_LENGTH:
        raise GoalError(f"What 'done' means can be at most {MAX_CRITERIA_LENGTH:,} characters.")
    return criteria


def _target(target: int | None) -> int | None:
    if target is None:
        return None
    if isinstance(target, bool) or not isinstance(target, int):
        raise GoalError(f"A target is a whole number, not {target!r}.")
    if not 1 <= target <= MAX_TARGET:
        raise GoalError(
            f"A target is a number of wins from 1 to {MAX_TARGET:,}, not {target}; "
            "leave it out for a goal that is simply done or not."
        )
    return target


@uses_store
def create(
    store: Store,
    title: str,
    *,
    now: datetime,
    slug: str | None = None,
    parent: str | None = None,
    criteria: str = "",
    target: int | None = None,
    due: date | None = None,
) -> GoalRecord:
    """Add a goal; `parent` is the slug of the objective it is a micro-goal of."""
    title = _title(title)
    criteria = _criteria(criteria)
    target = _target(target)
    slug = _clean_slug(slug or slugify(title))
    if not _SLUG.fullmatch(slug):
        raise CaptureError(
            f"'{slug}' cannot be a goal's short name: use letters, digits, '-' or '_', "
            "with at least one letter."
        )
    with store.write():
        parent_goal = _objective(parent) if parent is not None else None
        try:
            Goal.create(
                uuid=str(uuidlib.uuid4()),
                title=title,
                slug=slug,
                parent=parent_goal,
                criteria=criteria,
                target=target,
                due=due,
                created_at=now,
            )
        except pw.IntegrityError as error:
            raise CaptureError(f"There is already a goal +{slug}.") from error
    found = get(store, slug)
    assert found is not None
    return found


def _objective(slug: str) -> Goal:
    """The goal `slug` names, as an objective to hold micro-goals (two levels, no deeper)."""
    goal: Goal | None = Goal.get_or_none(Goal.slug == _clean_slug(slug))
    if goal is None:
        raise NotFoundError(f"There is no goal +{_clean_slug(slug)}.")
    above: Goal | None = goal.parent
    if above is not None:
        raise GoalError(
            f"+{goal.slug} is itself a micro-goal of +{above.slug}; "
            f"put the new one under +{above.slug} instead."
        )
    if goal.status != ACTIVE:
        raise GoalError(f"+{goal.slug} is {goal.status}; a new micro-goal needs an active one.")
    return goal


@uses_store
def get(store: Store, slug: str) -> GoalRecord | None:
    rows = _records(_select().where(Goal.slug == _clean_slug(slug)))
    return rows[0] if rows else None


@uses_store
def find(store: Store, slug: str) -> GoalRecord:
    """The goal `slug` names; NotFoundError names the close ones when there is none."""
    found = get(store, slug)
    if found is not None:
        return found
    wanted = _clean_slug(slug)
    near = [g.slug for g in list_goals(store) if wanted and (wanted in g.slug or g.slug in wanted)]
    hint = f" Did you mean {', '.join('+' + s for s in near[:3])}?" if near else ""
    raise NotFoundError(f"There is no goal +{wanted}.{hint} `smallwins goal list` shows them.")


@uses_store
def list_goals(store: Store, *, status: str | None = None) -> list[GoalRecord]:
    query = _select()
    if status is not None:
        query = query.where(Goal.status == status)
    return _records(query.order_by(Goal.created_at, Goal.id))


@uses_store
def edit(
    store: Store,
    slug: str,
    *,
    title: str | None = None,
    criteria: str | None = None,
    target: int | None = _UNSET,
    due: date | None = _UNSET,
) -> GoalRecord:
    """Change the given fields; `target=None` or `due=None` clears them. The slug stays, so
    the wins linked by it stay linked."""
    changes: dict[Any, Any] = {}
    if title is not None:
        changes[Goal.title] = _title(title)
    if criteria is not None:
        changes[Goal.criteria] = _criteria(criteria)
    if target is not _UNSET:
        changes[Goal.target] = _target(target)
    if due is not _UNSET:
        changes[Goal.due] = due
    with store.write():
        goal = find(store, slug)
        if changes:
            Goal.update(changes).where(Goal.uuid == goal.uuid).execute()
    return find(store, goal.slug)


@uses_store
def complete(
    store: Store, slug: str, *, now: datetime, today: date, source: str = "cli"
) -> Completion:
    """Mark the goal done and record its win ("Completed: ...") in one transaction.

    An objective is done only once none of its micro-goals is still active."""
    with store.write():
        goal = _open_goal(slug, "done")
        active = _active_children(goal)
        if active:
            raise GoalError(
                f"+{goal.slug} still has {_count(len(active), 'active micro-goal')} "
                f"({', '.join('+' + s for s in active)}): finish or drop them first."
            )
        is_objective = Goal.select().where(Goal.parent == goal.id).exists()
        draft = Draft(
            text=f"{COMPLETED_PREFIX}{goal.title}",
            day=today,
            kind=KIND_WIN,
            impact=IMPACT_BIG if is_objective else IMPACT_MEDIUM,
            goal=goal.slug,
        )
        added = wins.add_draft(store, draft, now=now, source=source)
        win_id = Win.get(Win.uuid == added.win.uuid).id
        Goal.update(status=DONE, done_at=now, done_win=win_id).where(Goal.id == goal.id).execute()
        celebration = recognition.recognise(store, added.win, today=today)
    record = find(store, goal.slug)
    return Completion(goal=record, win=added.win, celebration=celebration)


@uses_store
def drop(store: Store, slug: str, *, now: datetime) -> list[GoalRecord]:
    """Let a goal go (no win is recorded); an objective's active micro-goals go with it.
    Returns every goal dropped, the one named first."""
    with store.write():
        goal = _open_goal(slug, "dropped")
        dropped = [goal.slug, *_active_children(goal)]
        Goal.update(status=DROPPED, done_at=now).where(Goal.slug.in_(dropped)).execute()
    return [find(store, s) for s in dropped]


@uses_store
def reopen(store: Store, slug: str, *, now: datetime) -> Reopening:
    """Make a done or dropped goal active again (see the module docstring), in one
    transaction; a goal already active, or one under a closed objective, is refused."""
    with store.write():
        goal: Goal | None = Goal.get_or_none(Goal.slug == _clean_slug(slug))
        if goal is None:
            raise NotFoundError(
                f"There is no goal +{_clean_slug(slug)}. `smallwins goal list --all` shows them."
            )
        if goal.status == ACTIVE:
            raise GoalError(f"+{goal.slug} is already active; nothing was changed.")
        above: Goal | None = goal.parent
        if above is not None and above.status != ACTIVE:
            raise GoalError(
                f"+{goal.slug} is part of +{above.slug}, which is {above.status}: "
                f"reopen +{above.slug} first."
            )
        reopened = [goal.slug]
        if goal.status == DROPPED and goal.done_at is not None:
            query: Any = (
                Goal.select(Goal.slug)
                .where(Goal.parent == goal.id, Goal.status == DROPPED, Goal.done_at == goal.done_at)
                .order_by(Goal.created_at, Goal.id)
                .tuples()
            )
            reopened += [kid for (kid,) in query]
        trashed = None
        win_id = Goal.select(Goal.done_win).where(Goal.id == goal.id).scalar()
        completion: Win | None = Win.get_or_none(Win.id == win_id) if win_id else None
        if completion is not None:
            # Restored from the trash later, it records a completion undone: no step towards
            # the goal, so it leaves it.
            Win.update(goal=None).where(Win.id == completion.id).execute()
            if completion.deleted_at is None:
                trashed = wins.delete(store, completion.uuid, now=now)
        Goal.update(status=ACTIVE, done_at=None, done_win=None).where(
            Goal.slug.in_(reopened)
        ).execute()
    return Reopening(goals=tuple(find(store, s) for s in reopened), trashed_win=trashed)


def _open_goal(slug: str, becoming: str) -> Goal:
    goal: Goal | None = Goal.get_or_none(Goal.slug == _clean_slug(slug))
    if goal is None:
        raise NotFoundError(
            f"There is no goal +{_clean_slug(slug)}. `smallwins goal list` shows them."
        )
    if goal.status != ACTIVE:
        raise GoalError(f"+{goal.slug} is already {goal.status}; nothing was changed.")
    return goal


def _active_children(goal: Goal) -> list[str]:
    query: Any = (
        Goal.select(Goal.slug)
        .where(Goal.parent == goal.id, Goal.status == ACTIVE)
        .order_by(Goal.created_at, Goal.id)
        .tuples()
    )
    return [slug for (slug,) in query]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# -- progress ------------------------------------------------------------------------------


@uses_store
def win_counts(store: Store, goal_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Each goal's linked wins (not setbacks, not in the trash, not its own completion win),
    counted by SQLite in one grouped pass; goals with none are absent."""
    sql = (
        "SELECT w.goal_id, COUNT(*) FROM win AS w INDEXED BY win_goal_progress "
        "JOIN goal AS g ON g.id = w.goal_id "
        "WHERE w.kind = 'win' AND w.deleted_at IS NULL AND w.goal_id IS NOT NULL "
        "AND w.id IS NOT g.done_win_id"
    )
    params: tuple[Any, ...] = ()
    if goal_ids is not None:
        ids = tuple(goal_ids)
        if not ids:
            return {}
        sql += f" AND w.goal_id IN ({', '.join('?' * len(ids))})"
        params = ids
    rows = store.db.execute_sql(sql + " GROUP BY w.goal_id", params)
    return {int(goal_id): int(n) for goal_id, n in rows}


@uses_store
def tree(store: Store, *, today: date, include_closed: bool = True) -> list[GoalNode]:
    """Objectives with their micro-goals, and the goals on their own, oldest first.

    `include_closed=False` leaves out done and dropped goals (an objective closed while one
    of its micro-goals is still active stays, so that micro-goal is seen). A goal nested
    deeper (an imported file may hold one) is shown under its top objective."""
    rows = list(_select().order_by(Goal.created_at, Goal.id).objects())
    counts = win_counts(store)
    parent_of = {row.id: row.parent_id for row in rows}
    under: dict[int | None, list[Any]] = {}
    for row in rows:
        under.setdefault(_top_of(row.id, parent_of), []).append(row)

    def node(row: Any, kids: list[Any]) -> GoalNode | None:
        record = _record(row)
        children = tuple(n for n in (node(kid, []) for kid in kids) if n is not None)
        if not include_closed:
            children = tuple(c for c in children if c.goal.status == ACTIVE)
            if record.status != ACTIVE and not children:
                return None
        linked = counts.get(row.id, 0)
        return GoalNode(
            goal=record,
            progress=_progress(record, linked, kids),
            wins=linked,
            overdue=record.status == ACTIVE and record.due is not None and record.due < today,
            children=children,
        )

    found = (node(row, under.get(row.id, [])) for row in under.get(None, []))
    return [n for n in found if n is not None]


def _top_of(goal_id: int, parent_of: dict[int, int | None]) -> int | None:
    """The objective at the top of `goal_id`'s line, or None when it is one itself (or when
    its parents run in a circle, which only a hand-edited file could hold)."""
    seen = {goal_id}
    top: int | None = None
    current = parent_of.get(goal_id)
    while current is not None and current in parent_of and current not in seen:
        seen.add(current)
        top = current
        current = parent_of.get(current)
    if current is not None and current in seen:
        return None
    return top


def _progress(goal: GoalRecord, linked: int, kids: list[Any]) -> Progress:
    done = goal.status == DONE
    if kids:
        kept = [kid for kid in kids if kid.status != DROPPED]
        return Progress(sum(kid.status == DONE for kid in kept), len(kept), done)
    if goal.target is not None:
        return Progress(linked, goal.target, done)
    return Progress(int(done), None, done)


@uses_store
def progress(store: Store, slug: str) -> Progress:
    """One goal's progress (see the module's docstring)."""
    goal = find(store, slug)
    row = Goal.get(Goal.uuid == goal.uuid)
    kids = list(Goal.select(Goal.status).where(Goal.parent == row.id))
    return _progress(goal, win_counts(store, [row.id]).get(row.id, 0), kids)


# -- the overload guard --------------------------------------------------------------------


@uses_store
def active_micro_goals(store: Store) -> int:
    """Active goals that hold no micro-goals: the things being worked on now."""
    child = Goal.alias()
    holds = child.select(pw.SQL("1")).where(child.parent == Goal.id)
    query: Any = Goal.select().where(Goal.status == ACTIVE, ~pw.fn.EXISTS(holds))
    return int(query.count())


@uses_store
def overload(store: Store) -> Overload | None:
    """An `Overload` when more micro-goals are active than the setting allows, else None."""
    limit = int(config.get(store, config.GOALS_ACTIVE_LIMIT))
    active = active_micro_goals(store)
    return Overload(active, limit) if active > limit else None


# -- the completion rate -------------------------------------------------------------------


@uses_store
def completion_rate(store: Store, *, now: datetime, days: int) -> CompletionRate:
    """How many micro-goals were done by their due date over the last `days` days, today
    included (see `CompletionRate`). Days are the user's: `now`'s zone turns `done_at` (UTC)
    into the day a goal was closed."""
    if days < 1:
        raise ValueError("a window is at least one day")
    zone = now.tzinfo
    if zone is None:
        raise ValueError("now must be time-zone aware")
    today = now.date()
    first = today - timedelta(days=days - 1)
    child = Goal.alias()
    holds = child.select(pw.SQL("1")).where(child.parent == Goal.id)
    # A day's margin on done_at: it is UTC, the window is local; the exact day is checked below.
    since = datetime.combine(first - timedelta(days=1), datetime.min.time(), zone)
    query: Any = (
        Goal.select(Goal.status, Goal.due, Goal.done_at)
        .where(
            Goal.due.is_null(False),
            ~pw.fn.EXISTS(holds),
            ((Goal.status == ACTIVE) & (Goal.due >= first) & (Goal.due < today))
            | ((Goal.status != ACTIVE) & (Goal.done_at >= since)),
        )
        .tuples()
    )
    tally = {"on_time": 0, "late": 0, "overdue": 0, "dropped": 0}
    for status, due, done_at in query:
        if status == ACTIVE:
            tally["overdue"] += 1
            continue
        closed = _local_day(done_at, zone) if done_at is not None else None
        if closed is None or not first <= closed <= today:
            continue
        if status == DROPPED:
            tally["dropped"] += 1
        elif closed <= as_date(due):
            tally["on_time"] += 1
        else:
            tally["late"] += 1
    return CompletionRate(days, **tally)


@uses_store
def completion_rates(store: Store, *, now: datetime) -> list[CompletionRate]:
    """The completion rate over each of `RATE_WINDOWS_DAYS` (30 and 90 days)."""
    return [completion_rate(store, now=now, days=days) for days in RATE_WINDOWS_DAYS]


def _local_day(moment: Any, zone: tzinfo) -> date:
    """A stored `done_at` (aware UTC, or its text) as the user's day."""
    when = moment if isinstance(moment, datetime) else datetime.fromisoformat(str(moment))
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(zone).date()


# -- rows to records -----------------------------------------------------------------------


def _select() -> Any:
    parent = Goal.alias()
    completion = Win.alias()
    return (
        Goal.select(Goal, parent.slug.alias("parent_slug"), completion.uuid.alias("done_win_uuid"))
        .join(parent, pw.JOIN.LEFT_OUTER, on=(Goal.parent == parent.id))
        .join_from(Goal, completion, pw.JOIN.LEFT_OUTER, on=(Goal.done_win == completion.id))
    )


def _record(row: Any) -> GoalRecord:
    return GoalRecord(
        uuid=row.uuid,
        title=row.title,
        slug=row.slug,
        status=row.status,
        parent=row.parent_slug,
        criteria=row.criteria,
        target=row.target,
        due=row.due,
        created_at=row.created_at,
        done_at=row.done_at,
        done_win=row.done_win_uuid,
    )


def _records(query: Any) -> list[GoalRecord]:
    return [_record(row) for row in query.objects()]

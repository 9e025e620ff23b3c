"""Calm advice when the pattern of wins says something may be off, each with its numbers.

- clustering: over 70% of the last 30 days' wins share one tag or goal: suggest broadening;
- confidence not rising: the weekly mean confidence (from the daily reflections) has not risen
  over three weeks while wins kept coming: suggest checking that the goals are attainable and
  tied to what matters;
- overload: more active micro-goals than the limit;
- a gap: no wins on three or more workdays in a row: a gentle restart prompt, never a scold;
- a heavy week: more setbacks than wins: surface past wins and the reflection prompt.

Each is computed by a few aggregate queries, never by reading every win into Python.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

from smallwins_desktop.core import goals, queries, settings, stats
from smallwins_desktop.core.capture import KIND_WIN
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.wins import WinRecord

CLUSTER_DAYS = 30
CLUSTER_SHARE = 0.7  # strictly more than this share of the wins
CLUSTER_MIN_WINS = 10  # fewer wins than this say nothing about a pattern
CONFIDENCE_WEEKS = 3
CONFIDENCE_MIN_WINS = 3  # "wins kept coming": at least this many in each of those weeks
GAP_WORKDAYS = 3


@dataclass(frozen=True)
class Insight:
    key: str
    title: str
    advice: str
    numbers: str  # the figures behind it, in words
    wins: tuple[WinRecord, ...] = field(default=())  # past wins to look at, where it helps


@dataclass(frozen=True)
class WeekConfidence:
    monday: date
    mean: float | None  # None: no reflection with a confidence that week
    answers: int
    wins: int


@uses_store
def insights(store: Store, today: date) -> list[Insight]:
    """Every insight that holds today, the most pressing first."""
    found = [
        heavy_week(store, today),
        gap(store, today),
        overload(store),
        confidence_not_rising(store, today),
        clustering(store, today),
    ]
    return [insight for insight in found if insight is not None]


@uses_store
def clustering(store: Store, today: date) -> Insight | None:
    since = today - timedelta(days=CLUSTER_DAYS - 1)
    kept = "w.deleted_at IS NULL AND w.kind = ? AND w.day BETWEEN ? AND ?"
    window = (KIND_WIN, since.isoformat(), today.isoformat())
    total = int(
        store.db.execute_sql(f"SELECT COUNT(*) FROM win w WHERE {kept}", window).fetchone()[0]
    )
    if total < CLUSTER_MIN_WINS:
        return None
    tag = store.db.execute_sql(
        "SELECT t.name, COUNT(*) AS n FROM win w JOIN win_tag wt ON wt.win_id = w.id "
        f"JOIN tag t ON t.id = wt.tag_id WHERE {kept} GROUP BY t.id ORDER BY n DESC, t.name "
        "LIMIT 1",
        window,
    ).fetchone()
    goal = store.db.execute_sql(
        f"SELECT g.slug, COUNT(*) AS n FROM win w JOIN goal g ON g.id = w.goal_id WHERE {kept} "
        "GROUP BY g.id ORDER BY n DESC, g.slug LIMIT 1",
        window,
    ).fetchone()
    candidates = [(f"#{tag[0]}", int(tag[1]))] if tag else []
    candidates += [(f"+{goal[0]}", int(goal[1]))] if goal else []
    if not candidates:
        return None
    name, count = max(candidates, key=lambda c: c[1])
    if count <= CLUSTER_SHARE * total:
        return None
    share = round(100 * count / total)
    return Insight(
        key="clustering",
        title=f"Most of your wins are about {name}",
        advice=(
            "Progress elsewhere counts too: what else moved forward lately, with people, "
            "learning or the work around it? Noticing it keeps the picture whole."
        ),
        numbers=f"{count} of your {total} wins in the last {CLUSTER_DAYS} days ({share}%) "
        f"are {name}.",
    )


@uses_store
def confidence_by_week(store: Store, today: date, *, weeks: int = 12) -> list[WeekConfidence]:
    """Each of the last `weeks` weeks (this one last): mean confidence and wins."""
    first = stats.monday_of(today) - timedelta(weeks=weeks - 1)
    rows = store.db.execute_sql(
        "SELECT day, confidence FROM reflection WHERE kind = 'daily' AND confidence IS NOT NULL "
        "AND day BETWEEN ? AND ?",
        (first.isoformat(), today.isoformat()),
    ).fetchall()
    answers: dict[date, list[int]] = {}
    for day, confidence in rows:
        monday = stats.monday_of(date.fromisoformat(str(day)))
        answers.setdefault(monday, []).append(int(confidence))
    counts = queries.day_totals(store, since=first, until=today)
    out = []
    for n in range(weeks):
        monday = first + timedelta(weeks=n)
        given = answers.get(monday, [])
        won = sum(t.wins for d, t in counts.items() if monday <= d < monday + timedelta(days=7))
        out.append(
            WeekConfidence(
                monday=monday,
                mean=sum(given) / len(given) if given else None,
                answers=len(given),
                wins=won,
            )
        )
    return out


@uses_store
def confidence_not_rising(store: Store, today: date) -> Insight | None:
    """The last three weeks (this one included) each have a confidence and enough wins, and
    the mean never rose from one week to the next."""
    recent = confidence_by_week(store, today, weeks=CONFIDENCE_WEEKS)
    if any(w.mean is None or w.wins < CONFIDENCE_MIN_WINS for w in recent):
        return None
    means = [w.mean for w in recent if w.mean is not None]
    if any(later > earlier for earlier, later in itertools.pairwise(means)):
        return None
    shown = ", ".join(f"{m:.1f}" for m in means)
    return Insight(
        key="confidence_not_rising",
        title="Your wins keep coming, your confidence does not rise",
        advice=(
            "Worth a look: are your goals within reach, and tied to what matters to you? "
            "A smaller next step, or one closer to what you care about, often helps."
        ),
        numbers=f"Weekly confidence over the last {CONFIDENCE_WEEKS} weeks: {shown} (of 5), "
        f"with {', '.join(str(w.wins) for w in recent)} wins.",
    )


@uses_store
def overload(store: Store) -> Insight | None:
    """More active micro-goals than the user's limit (`goals.overload` decides)."""
    found = goals.overload(store)
    if found is None:
        return None
    return Insight(
        key="overload",
        title="Many goals at once",
        advice=(
            "Fewer goals move faster: which could wait, or be dropped for now? Finishing "
            "one is a win of its own."
        ),
        numbers=f"{found.active} micro-goals are active; {found.limit} is the limit you set.",
    )


@uses_store
def gap(store: Store, today: date) -> Insight | None:
    """No wins on the last three or more workdays before today (rest days not counted),
    since the person's last win. Nothing once today has a win (they began again), nor
    before their first win (a new journal has nothing to restart)."""
    workdays = settings.workdays(store)
    rest = stats.rest_days(store)
    since = today - timedelta(days=60)
    won = {d for d, t in queries.day_totals(store, since=since, until=today).items() if t.wins}
    if today in won:
        return None
    earlier = [d for d in won if d < today]
    if not earlier and queries.total(store) == 0:
        return None
    last = max(earlier) if earlier else since - timedelta(days=1)
    missed, day = 0, today - timedelta(days=1)
    while day > last:
        if day.weekday() in workdays and day not in rest:
            missed += 1
        day -= timedelta(days=1)
    if missed < GAP_WORKDAYS:
        return None
    return Insight(
        key="gap",
        title="A quiet stretch",
        advice=(
            "Days like these happen. One small step today is enough to begin again: "
            "what moved forward, however little?"
        ),
        numbers=f"No wins on the last {missed} workdays" + ("." if earlier else " (or more)."),
    )


@uses_store
def heavy_week(store: Store, today: date) -> Insight | None:
    """More setbacks than wins this week: past wins to look back on, and the reflection."""
    monday = stats.monday_of(today)
    week = queries.day_totals(store, since=monday, until=today)
    won = sum(t.wins for t in week.values())
    setbacks = sum(t.setbacks for t in week.values())
    if setbacks <= won:
        return None
    past = [
        w
        for w in queries.iter_wins(
            store, until=monday - timedelta(days=1), kind=KIND_WIN, newest_first=True, limit=50
        )
    ]
    past.sort(key=lambda w: (-w.impact, -w.day.toordinal()))
    return Insight(
        key="heavy_week",
        title="A heavy week",
        advice=(
            "Setbacks weigh more than wins; that is how people are made. Look back at what "
            "you moved forward before, and take a minute to reflect on what helped."
        ),
        numbers=f"This week: {setbacks} setback{'s' if setbacks != 1 else ''} and {won} "
        f"win{'s' if won != 1 else ''}.",
        wins=tuple(past[:3]),
    )

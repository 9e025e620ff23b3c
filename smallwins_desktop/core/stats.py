"""Measures over the journal: streaks, the rhythm of the weeks, the heatmap, on this day.

The database does the counting (`queries.day_totals`: one row a day, never one a win); what is
computed here walks days, at most a few thousand over ten years. The pure functions take the
days in and give numbers out, so each is tested against hand-worked cases; `rhythm` and
`today_summary` gather what the journal and the tray show, in one call each.

Workdays are the user's (`settings.workdays`, Mon-Fri by default); rest days are dates the user
took off (`rest_days`). Neither a non-workday nor a rest day breaks a streak or extends it, and
neither moves the habit score.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from smallwins_desktop.core import queries, settings
from smallwins_desktop.core.capture import KIND_SETBACK
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.queries import DayTotal
from smallwins_desktop.core.wins import WinRecord

_LOOKBACK_LIMIT = timedelta(days=3660)
REST_DAYS = "streak.rest_days"
HEATMAP_WEEKS = 52
BAR_WEEKS = 12
HABIT_HALF_LIFE_DAYS = 13
"""As in Loop Habit Tracker's score for a daily habit: a missed day costs 1/13 of a half-life."""
_HABIT_KEEP = 0.5 ** (1 / HABIT_HALF_LIFE_DAYS)


def _counts(day: date, workdays: Collection[int], rest: Collection[date]) -> bool:
    """Whether `day` is one a streak or the habit score looks at."""
    return day.weekday() in workdays and day not in rest


def streak(
    days_with_wins: Collection[date],
    today: date,
    workdays: Collection[int],
    rest: Collection[date] = frozenset(),
) -> int:
    """Consecutive workdays with a win, ending today (or the last workday, if today has none yet).

    Days that are not workdays, and rest days, neither count nor break a streak; today without
    a win does not break it either, since the day is not over.
    """
    if not workdays:
        return 0
    day = today
    if not _counts(day, workdays, rest) or day not in days_with_wins:
        day -= timedelta(days=1)
    count = 0
    while today - day < _LOOKBACK_LIMIT:
        if _counts(day, workdays, rest):
            if day not in days_with_wins:
                break
            count += 1
        day -= timedelta(days=1)
    return count


def best_streak(
    days_with_wins: Collection[date],
    today: date,
    workdays: Collection[int],
    rest: Collection[date] = frozenset(),
) -> int:
    """The longest run of workdays with a win there has ever been, up to today."""
    if not days_with_wins or not workdays:
        return 0
    best = run = 0
    day = min(days_with_wins)
    while day <= today:
        if _counts(day, workdays, rest):
            if day in days_with_wins:
                run += 1
                best = max(best, run)
            elif day != today:  # today is not over: it cannot end a run yet
                run = 0
        day += timedelta(days=1)
    return best


def habit_score(
    days_with_wins: Collection[date],
    today: date,
    workdays: Collection[int],
    rest: Collection[date] = frozenset(),
) -> float:
    """How steady the journaling habit is, 0.0 to 1.0, in the manner of Loop Habit Tracker.

    From the first win on, each workday moves the score: one with a win pulls it towards 1,
    one without lets it decay towards 0, by the same factor (a half-life of 13 workdays), so a
    long habit survives a missed day or two. Non-workdays and rest days leave it as it is, and
    so does today until it has a win.
    """
    if not days_with_wins or not workdays:
        return 0.0
    score = 0.0
    day = min(days_with_wins)
    while day <= today:
        if _counts(day, workdays, rest):
            logged = day in days_with_wins
            if logged or day != today:
                score = score * _HABIT_KEEP + (1.0 - _HABIT_KEEP if logged else 0.0)
        day += timedelta(days=1)
    return score


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class HeatCell:
    day: date
    total: DayTotal
    level: int
    """0 for a day without wins; 1-4 from the quartiles of the window's days with wins."""
    rest: bool = False


@dataclass(frozen=True)
class Heatmap:
    """`weeks` columns of seven days, Monday first; the last column holds today."""

    start: date
    today: date
    cells: tuple[HeatCell, ...]

    def cell(self, day: date) -> HeatCell | None:
        index = (day - self.start).days
        return self.cells[index] if 0 <= index < len(self.cells) else None


def heatmap(
    totals: Mapping[date, DayTotal],
    today: date,
    *,
    weeks: int = HEATMAP_WEEKS,
    rest: Collection[date] = frozenset(),
) -> Heatmap:
    """The last `weeks` weeks up to today, each day shaded by its wins' summed impact.

    Levels follow the user's own range: the quartiles of the days with wins in the window, so
    a light week reads as light against the user's usual days, not against somebody else's."""
    start = monday_of(today) - timedelta(weeks=weeks - 1)
    days = [start + timedelta(days=n) for n in range((today - start).days + 1)]
    weights = sorted(w for d in days if (w := totals.get(d, DayTotal()).weight) > 0)
    # the top of each of the lower three quarters: a day above the third is level 4
    cuts = [weights[-(-len(weights) * q // 4) - 1] for q in (1, 2, 3)] if weights else []

    def level(weight: int) -> int:
        return 0 if weight <= 0 else 1 + bisect.bisect_left(cuts, weight)

    cells = tuple(
        HeatCell(d, total, level(total.weight), d in rest)
        for d in days
        for total in (totals.get(d, DayTotal()),)
    )
    return Heatmap(start=start, today=today, cells=cells)


@dataclass(frozen=True)
class WeekCount:
    monday: date
    wins: int


@dataclass(frozen=True)
class Rhythm:
    """Everything the journal's rhythm panel shows, each figure with a line saying what it is."""

    today: date
    streak: int
    best_streak: int
    this_week: int
    last_week_so_far: int
    last_week: int
    weeks: tuple[WeekCount, ...]
    habit: float
    heatmap: Heatmap
    setbacks_this_week: int = 0
    workdays: frozenset[int] = field(default_factory=frozenset)

    def streak_line(self) -> str:
        if self.streak == 0:
            return (
                f"No streak yet: a win on your next workday starts one (best: {self.best_streak})."
                if self.best_streak
                else "A win on each workday builds a streak; days off don't break it."
            )
        days = "workday" if self.streak == 1 else "workdays"
        return (
            f"{self.streak} {days} in a row with a win (best: {self.best_streak}). "
            "Days off and rest days don't break it."
        )

    def week_line(self) -> str:
        change = self.this_week - self.last_week_so_far
        trend = (
            "the same as"
            if change == 0
            else f"{abs(change)} {'more' if change > 0 else 'fewer'} than"
        )
        return (
            f"{_wins(self.this_week)} this week, {trend} by this day last week "
            f"({self.last_week} in all last week)."
        )

    def bars_line(self) -> str:
        average = sum(w.wins for w in self.weeks) / len(self.weeks) if self.weeks else 0
        return f"Wins per week over the last {len(self.weeks)} weeks: {average:.1f} on average."

    def habit_line(self) -> str:
        percent = round(self.habit * 100)
        if percent >= 80:
            mood = "a steady habit"
        elif percent >= 50:
            mood = "taking hold"
        elif percent > 0:
            mood = "growing with each workday you log"
        else:
            mood = "it starts with your first win"
        return (
            f"{mood[0].upper()}{mood[1:]}: the score rises with every workday you log and "
            "fades slowly when you stop."
        )


def _wins(n: int) -> str:
    return f"{n} win" if n == 1 else f"{n} wins"


@uses_store
def rest_days(store: Store) -> frozenset[date]:
    """The dates the user marked as rest days (holidays, time off)."""
    value = settings.get(store, REST_DAYS, [])
    found = set()
    for item in value if isinstance(value, list) else []:
        try:
            found.add(date.fromisoformat(str(item)))
        except ValueError:
            continue
    return frozenset(found)


@uses_store
def set_rest_day(store: Store, day: date, rest: bool) -> None:
    days = set(rest_days(store))
    (days.add if rest else days.discard)(day)
    settings.put(store, REST_DAYS, sorted(d.isoformat() for d in days))


@uses_store
def rhythm(store: Store, today: date) -> Rhythm:
    """Streaks, the week against last week, 12 weeks of bars, the habit score and the heatmap,
    all from one aggregate query."""
    totals = queries.day_totals(store, until=today)
    workdays = settings.workdays(store)
    rest = rest_days(store)
    won = {day for day, total in totals.items() if total.wins}
    monday = monday_of(today)

    def wins_between(first: date, last: date) -> int:
        return sum(t.wins for d, t in totals.items() if first <= d <= last)

    weeks = tuple(
        WeekCount(start, wins_between(start, start + timedelta(days=6)))
        for start in (monday - timedelta(weeks=n) for n in range(BAR_WEEKS - 1, -1, -1))
    )
    last_monday = monday - timedelta(weeks=1)
    return Rhythm(
        today=today,
        streak=streak(won, today, workdays, rest),
        best_streak=best_streak(won, today, workdays, rest),
        this_week=wins_between(monday, today),
        last_week_so_far=wins_between(last_monday, today - timedelta(weeks=1)),
        last_week=wins_between(last_monday, monday - timedelta(days=1)),
        weeks=weeks,
        habit=habit_score(won, today, workdays, rest),
        heatmap=heatmap(totals, today, rest=rest),
        setbacks_this_week=sum(t.setbacks for d, t in totals.items() if monday <= d <= today),
        workdays=workdays,
    )


@dataclass(frozen=True)
class Memory:
    label: str
    day: date
    wins: tuple[WinRecord, ...]


def memory_days(today: date) -> list[tuple[str, date]]:
    """A week, a month and a year before `today` (the month's or year's last day where the
    same date does not exist: 31 March looks back to 28 or 29 February)."""
    month_year, month = divmod(today.month - 2, 12)
    year, month = today.year + month_year, month + 1
    return [
        ("A week ago", today - timedelta(weeks=1)),
        ("A month ago", _clamped(year, month, today.day)),
        ("A year ago", _clamped(today.year - 1, today.month, today.day)),
    ]


def _clamped(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


@uses_store
def on_this_day(store: Store, today: date) -> list[Memory]:
    """Wins from a week, a month and a year ago: only the days that have any."""
    found = []
    for label, day in memory_days(today):
        earlier = tuple(queries.iter_wins(store, since=day, until=day, kind="win"))
        if earlier:
            found.append(Memory(label, day, earlier))
    return found


@dataclass(frozen=True)
class TodaySummary:
    wins: int
    setbacks: int
    streak: int
    total: int


@uses_store
def today_summary(store: Store, today: date) -> TodaySummary:
    return TodaySummary(
        wins=queries.count_by_day(store, today, today).get(today, 0),
        setbacks=queries.count_by_day(store, today, today, kind=KIND_SETBACK).get(today, 0),
        streak=streak(
            queries.days_with_wins(store, until=today),
            today,
            settings.workdays(store),
            rest_days(store),
        ),
        total=queries.total(store),
    )

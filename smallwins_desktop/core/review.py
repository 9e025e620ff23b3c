"""The weekly review: the week's wins grouped by goal, counted against last week, its setbacks,
the micro-goals done and those due, and how confidence went. The review's own answers (what
worked, what could be better, what matters next week) are the week's reflection
(`reflections.save(..., kind=WEEKLY)`); next week's micro-goals are made with `goals.create`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from smallwins_desktop.core import goals, queries, reflections, stats
from smallwins_desktop.core.capture import KIND_SETBACK, KIND_WIN
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.goals import GoalRecord
from smallwins_desktop.core.wins import WinRecord

PROMPTS: tuple[tuple[str, str], ...] = (
    ("moved_forward", "What worked this week?"),
    ("got_in_the_way", "What could be better?"),
    ("pick_up", "What matters most next week?"),
)
DUE_AHEAD_DAYS = 7  # micro-goals due within a week after the review are shown as due


@dataclass(frozen=True)
class GoalGroup:
    slug: str | None  # None: the wins with no goal
    title: str
    wins: tuple[WinRecord, ...]


@dataclass(frozen=True)
class WeekReview:
    monday: date
    until: date  # the last day counted (today, during the week)
    groups: tuple[GoalGroup, ...]
    wins: int
    last_week_wins: int  # last week, up to the same weekday
    setbacks: tuple[WinRecord, ...]
    done: tuple[GoalRecord, ...]  # micro-goals done this week
    due: tuple[GoalRecord, ...]  # active ones due by a week from now, or overdue
    confidence: float | None  # this week's mean (daily reflections)
    last_week_confidence: float | None

    def count_line(self) -> str:
        """'23 wins, 5 more than by this day last week.'"""
        noun = "win" if self.wins == 1 else "wins"
        change = self.wins - self.last_week_wins
        if change == 0:
            compared = "as many as by this day last week"
        else:
            compared = (
                f"{abs(change)} {'more' if change > 0 else 'fewer'} than by this day last week"
            )
        return f"{self.wins} {noun}, {compared}."

    def confidence_line(self) -> str:
        if self.confidence is None:
            return "No confidence noted this week (the daily reflection asks)."
        line = f"Confidence this week: {self.confidence:.1f} of 5"
        if self.last_week_confidence is None:
            return line + "."
        change = self.confidence - self.last_week_confidence
        if abs(change) < 0.05:
            return line + ", the same as last week."
        direction = "up" if change > 0 else "down"
        return line + f", {direction} from {self.last_week_confidence:.1f} last week."


@uses_store
def week_review(store: Store, today: date) -> WeekReview:
    monday = stats.monday_of(today)
    week = queries.list_wins(store, since=monday, until=today)
    won = [w for w in week if w.kind == KIND_WIN]
    last_monday = monday - timedelta(weeks=1)
    last_week = queries.day_totals(store, since=last_monday, until=today - timedelta(weeks=1))
    groups: dict[str | None, list[WinRecord]] = {}
    for win in won:
        groups.setdefault(win.goal, []).append(win)
    titles = {g.slug: g.title for g in goals.list_goals(store)}
    ordered = sorted(
        groups.items(), key=lambda item: (item[0] is None, -len(item[1]), item[0] or "")
    )
    every_goal = goals.list_goals(store)
    done = tuple(
        g
        for g in every_goal
        if g.status == "done" and g.done_at is not None and monday <= g.done_at.date() <= today
    )
    due = tuple(
        sorted(
            (
                g
                for g in every_goal
                if g.status == "active"
                and g.due is not None
                and g.due <= today + timedelta(days=DUE_AHEAD_DAYS)
            ),
            key=lambda g: g.due or today,
        )
    )
    return WeekReview(
        monday=monday,
        until=today,
        groups=tuple(
            GoalGroup(slug, titles.get(slug, slug) if slug else "Other wins", tuple(found))
            for slug, found in ordered
        ),
        wins=len(won),
        last_week_wins=sum(t.wins for t in last_week.values()),
        setbacks=tuple(w for w in week if w.kind == KIND_SETBACK),
        done=done,
        due=due,
        confidence=_mean_confidence(store, monday, today),
        last_week_confidence=_mean_confidence(store, last_monday, monday - timedelta(days=1)),
    )


def _mean_confidence(store: Store, first: date, last: date) -> float | None:
    given = [r.confidence for r in reflections.between(store, first, last) if r.confidence]
    return sum(given) / len(given) if given else None

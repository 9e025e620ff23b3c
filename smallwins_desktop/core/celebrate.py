"""What a new win earns: recognition in proportion to its impact, never overdone.

The capture window and the notifier show a :class:`Celebration`; this module decides it. A
small win gets a quiet check mark and its number for the day; a medium or big one a warmer
line; a setback gets no celebration but a kind acknowledgement, because setbacks weigh more than
wins and deserve a calm word rather than silence or cheer.

Milestones (the 1st, 10th, 25th, 50th, 100th... win; streaks of 5, 10, 20, 50... workdays) are
celebrated when they are *reached*, i.e. by the win that makes the count exactly the threshold,
and at most once: each has a stable ``key`` (``"wins:10"``, ``"streak:5"``) that the caller
records and passes back as ``already_celebrated``. A milestone lifts the level to at least
medium, never further: a small first win is still a small win.

Pure functions with plain strings: no Qt, no database, no clock. The UI layer wraps the strings
for translation.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Literal

NONE, SMALL, MEDIUM, BIG = 0, 1, 2, 3
"""Celebration levels; a win's impact (1 small, 2 medium, 3 big) maps onto the same scale."""
KINDS = ("win", "setback")
FIRST_WIN_MILESTONES: tuple[int, ...] = (1, 10)
"""Win-count milestones before the repeating 25, 50, 100 pattern (250, 500, 1000, 2500...)."""
STREAK_MILESTONES: tuple[int, ...] = (5, 10, 20, 50, 100, 250, 500, 1000)
"""Streak milestones, in consecutive workdays with a win."""
STREAK_WORTH_NAMING = 3
"""The shortest streak (workdays) worth mentioning beside a medium or big win."""
SETBACK_HEADLINE = "Noted. Setbacks are how we learn."
WARM_HEADLINES = {MEDIUM: "Nice — that moved things forward.", BIG: "A big one. Well done!"}


@dataclass(frozen=True)
class Milestone:
    """A count worth celebrating once; ``key`` is stable, e.g. ``"wins:10"``."""

    kind: Literal["wins", "streak"]
    count: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.count}"

    @property
    def label(self) -> str:
        if self.kind == "streak":
            return f"{self.count} workdays in a row!"
        if self.count == 1:
            return "Your first win!"
        return f"Your {ordinal(self.count)} win!"


@dataclass(frozen=True)
class Celebration:
    """What to show for a new entry: ``level`` 0 (none) to 3 (big), one or two lines of text."""

    level: int
    headline: str
    detail: str = ""
    milestone: str | None = None
    """The key of the milestone this entry reached, if any (the first, when several)."""
    count: str = field(default="", compare=False)
    """The quiet line every win earns ("Win #3 today"), which a subtle celebration shows."""


def celebration_for(
    *,
    impact: int,
    kind: str,
    wins_today: int,
    total_wins: int,
    streak: int,
    already_celebrated: Collection[str] = frozenset(),
) -> Celebration:
    """The celebration a new entry earns; counts include the new entry itself.

    ``streak`` is consecutive workdays with a win, today included. A streak milestone is only
    reached by the first win of the day (later wins that day do not lengthen the streak).
    """
    if impact not in (SMALL, MEDIUM, BIG):
        raise ValueError(f"Impact is 1, 2 or 3, not {impact}.")
    if kind not in KINDS:
        raise ValueError(f"Kind is 'win' or 'setback', not {kind!r}.")
    if min(wins_today, total_wins, streak) < 0:
        raise ValueError("Counts cannot be negative.")
    if kind == "setback":
        return Celebration(NONE, SETBACK_HEADLINE)

    reached = [
        milestone
        for milestone in milestones_reached(total_wins, streak)
        if milestone.key not in already_celebrated
        and (
            milestone.count == total_wins
            if milestone.kind == "wins"
            else milestone.count == streak and wins_today == 1
        )
    ]
    today = f"Win #{wins_today} today"
    if impact == SMALL:
        headline, detail = today, ""
    else:
        headline = WARM_HEADLINES[impact]
        detail = today
        if streak >= STREAK_WORTH_NAMING and wins_today == 1:
            detail += f" · {streak} workdays in a row"
    if not reached:
        return Celebration(impact, headline, detail, count=today)
    return Celebration(
        level=max(impact, MEDIUM),
        headline=headline,
        detail=" ".join(milestone.label for milestone in reached),
        milestone=reached[0].key,
        count=today,
    )


STYLES = ("off", "subtle", "full")
SAVED_HEADLINE = "Saved."


def in_style(celebration: Celebration, style: str) -> Celebration:
    """The celebration as the user wants them: ``full`` as earned, ``subtle`` a quiet check
    with the day's count (a milestone still named, never lifted), ``off`` a plain "Saved."

    The milestone key is kept whatever the style, so the caller records it as celebrated
    and turning celebrations back on never celebrates an old milestone late.
    """
    if style not in STYLES:
        raise ValueError(f"Celebrations are {', '.join(STYLES)}, not {style!r}.")
    if style == "full":
        return celebration
    if style == "off":
        return Celebration(NONE, SAVED_HEADLINE, milestone=celebration.milestone)
    if celebration.level == NONE:  # a setback's calm word stays
        return celebration
    detail = celebration.detail if celebration.milestone else ""
    headline = celebration.count or SAVED_HEADLINE
    return Celebration(SMALL, headline, detail, celebration.milestone, celebration.count)


def milestones_reached(total_wins: int, streak: int) -> list[Milestone]:
    """Every milestone at or below these counts: win counts first, then streaks, ascending.

    A caller can mark them all celebrated at once, e.g. after an import, so that old milestones
    are never celebrated late.
    """
    wins = [Milestone("wins", count) for count in _win_thresholds(total_wins)]
    streaks = [Milestone("streak", count) for count in STREAK_MILESTONES if count <= streak]
    return wins + streaks


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _win_thresholds(upto: int) -> Iterator[int]:
    """1, 10, 25, 50, 100, 250, 500, 1000, 2500, ... up to and including ``upto``."""
    for count in FIRST_WIN_MILESTONES:
        if count > upto:
            return
        yield count
    decade = 10
    while True:
        for count in (decade * 5 // 2, decade * 5, decade * 10):
            if count > upto:
                return
            yield count
        decade *= 10

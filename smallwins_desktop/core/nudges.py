"""The words of a reminder, fitted to the moment, and the caps that keep it from nagging.

:func:`reminder_message` turns a due reminder and today's counts into a :class:`Nudge` (title
and body of a notification). The end-of-day nudge asks an open question when nothing is logged
yet, and acknowledges what is there when something is; a streak is named only when it is worth
naming. The caps are deliberately small: at most :data:`DAILY_CAP` notifications a day and one
celebration notification a day, because a reminder people learn to dismiss is worse than none.

Pure functions with plain strings: no Qt, no database, no clock. The UI layer wraps the strings
for translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from smallwins_desktop.core.celebrate import STREAK_WORTH_NAMING
from smallwins_desktop.core.reminders import WEEKLY_REVIEW

TITLE = "Small Wins"
DAILY_CAP = 3
"""Notifications of any kind per local day."""


@dataclass(frozen=True)
class Nudge:
    """A notification's text."""

    title: str
    body: str


def reminder_message(
    rule_key: str,
    *,
    wins_today: int,
    setbacks_today: int,
    streak: int,
    wins_this_week: int = 0,
) -> Nudge:
    """The notification for the reminder ``rule_key``.

    The weekly review has its own message; every other rule (end of day, and any rule a user
    adds) is a daily nudge to log what moved forward. ``streak`` counts workdays with a win,
    today included, so it is only mentioned once today has a win.
    """
    if min(wins_today, setbacks_today, streak, wins_this_week) < 0:
        raise ValueError("Counts cannot be negative.")
    if rule_key == WEEKLY_REVIEW:
        return Nudge(TITLE, _weekly_body(wins_this_week))
    return Nudge(TITLE, _daily_body(wins_today, setbacks_today, streak))


def may_notify(sent_today: int, cap: int = DAILY_CAP) -> bool:
    """Whether another notification may be sent today, given how many already were."""
    return sent_today < cap


def _daily_body(wins_today: int, setbacks_today: int, streak: int) -> str:
    if wins_today == 0:
        if setbacks_today:
            return "A hard day? Even a small step counts. What moved forward today?"
        return "What moved forward today?"
    body = f"{_count(wins_today, 'win')} today — anything else worth noting?"
    if streak >= STREAK_WORTH_NAMING:
        body += f" {streak} workdays in a row."
    return body


def _weekly_body(wins_this_week: int) -> str:
    if wins_this_week == 0:
        return "Time for your weekly review — look back over this week's wins."
    wins = _count(wins_this_week, "win")
    return f"Time for your weekly review — look back over this week's {wins}."


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

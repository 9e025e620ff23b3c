"""The brag document: wins for a performance review, as CommonMark.

    # Brag document
    Wins from 2 Nov 2026 to 20 Nov 2026: 12 wins, 2 big, 3 medium.
    ## Ship release 2          one section per goal (its title), then "Other wins"
    ### November 2026          months, oldest first
    - **Shipped the beta** (big) · Fri 20 Nov · release, team

Setbacks ("Setbacks and lessons") come last when asked for. Everything the user wrote is
escaped (`escape`) so that no text can open a heading, a list, a link, code or HTML: the
document's structure is ours alone. Each section streams its wins from the store.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import TextIO

from smallwins_desktop.core import goals as goals_core
from smallwins_desktop.core import reflections as reflections_core
from smallwins_desktop.core import review as review_core
from smallwins_desktop.core.capture import IMPACT_BIG, IMPACT_MEDIUM, KIND_SETBACK, KIND_WIN
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.queries import WinFilter, count_wins, iter_wins
from smallwins_desktop.core.wins import WinRecord

_ANYWHERE = re.compile(r"([\\`*_\[\]<>&#!|~{}])")
_LINE_START = re.compile(r"^(\s*)([-+=])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_IMPACT = {IMPACT_MEDIUM: "medium", IMPACT_BIG: "big"}


def escape(text: str) -> str:
    """One line of user text as CommonMark that shows exactly it, and nothing more."""
    line = _ANYWHERE.sub(r"\\\1", text.strip())
    line = _ORDERED.sub(r"\1\\\2", line)
    return _LINE_START.sub(r"\1\\\2", line)


def item(win: WinRecord, *, show_impact: bool = True) -> str:
    """A win as one list item; a text of several lines stays in the item (hard breaks)."""
    lines = [escape(line) for line in win.text.split("\n") if line.strip()]
    first = lines[0] if lines else ""
    impact = _IMPACT.get(win.impact) if show_impact else None
    if impact == "big":
        first = f"**{first}**"
    body = "\\\n  ".join([first, *lines[1:]])
    details = [f"({impact})"] if impact else []
    details.append(f"{win.day:%a} {win.day.day} {win.day:%b}")
    if win.tags:
        details.append(escape(", ".join(win.tags)))
    return f"- {body} · {' · '.join(details)}\n"


@uses_store
def write(
    store: Store,
    out: TextIO,
    match: WinFilter,
    *,
    setbacks: bool = False,
    reflections: bool = False,
    title: str = "",
) -> int:
    """Write the brag document for the wins `match` picks; returns how many wins it lists."""
    wins_only = replace(match, kind=KIND_WIN)
    out.write(f"# {escape(title) if title else 'Brag document'}\n\n")
    out.write(_summary(store, wins_only) + "\n")
    written = 0
    for goal in goals_core.list_goals(store):
        if match.goal is not None and goal.slug != match.goal.lower().lstrip("+"):
            continue
        linked = iter_wins(store, replace(wins_only, goal=goal.slug))
        written += _section(out, escape(goal.title), linked)
    if match.goal is None:
        others = (w for w in iter_wins(store, wins_only) if w.goal is None)
        heading = "Other wins" if written else "Wins"
        written += _section(out, heading, others)
    if setbacks:
        lessons = iter_wins(store, replace(match, kind=KIND_SETBACK))
        _section(out, "Setbacks and lessons", lessons, show_impact=False)
    if reflections:
        _reflections(store, out, match)
    if not written:
        out.write("No wins in this period yet.\n")
    return written


def _reflections(store: Store, out: TextIO, match: WinFilter) -> None:
    """The weekly reviews and daily reflections of the period, newest last."""
    from datetime import date as _date

    first = match.since or _date(1, 1, 1)
    last = match.until or _date(9999, 12, 31)
    found = [r for r in reflections_core.everything(store) if first <= r.day <= last]
    if not found:
        return
    out.write("## Reflections\n\n")
    questions = {
        reflections_core.WEEKLY: dict(review_core.PROMPTS),
        reflections_core.DAILY: dict(reflections_core.PROMPTS),
    }
    for reflection in found:
        kind = "Week of" if reflection.kind == reflections_core.WEEKLY else ""
        answered = [
            (questions[reflection.kind][name], getattr(reflection, name))
            for name in reflections_core.ANSWERS
            if name in questions[reflection.kind] and getattr(reflection, name)
        ]
        if not answered and reflection.confidence is None:
            continue
        out.write(f"### {kind + ' ' if kind else ''}{_day(reflection.day)}\n\n")
        for question, answer in answered:
            out.write(f"- **{escape(question)}** {escape(answer)}\n")
        if reflection.confidence is not None:
            out.write(f"- **Confidence:** {reflection.confidence} of 5\n")
        out.write("\n")


def _summary(store: Store, match: WinFilter) -> str:
    first = next(iter_wins(store, match, limit=1), None)
    last = next(iter_wins(store, match, limit=1, newest_first=True), None)
    if first is None or last is None:
        return "No wins in this period.\n"
    total = count_wins(store, match)
    big = count_wins(store, replace(match, impact=IMPACT_BIG))
    medium = count_wins(store, replace(match, impact=IMPACT_MEDIUM))
    since = match.since or first.day
    until = match.until or last.day
    return (
        f"Wins from {_day(since)} to {_day(until)}: {total} {'win' if total == 1 else 'wins'}, "
        f"{big} big, {medium} medium.\n"
    )


def _section(
    out: TextIO, heading: str, found: Iterator[WinRecord], *, show_impact: bool = True
) -> int:
    count = 0
    month: tuple[int, int] | None = None
    for count, win in enumerate(found, start=1):
        if count == 1:
            out.write(f"## {heading}\n")
        if (win.day.year, win.day.month) != month:
            month = (win.day.year, win.day.month)
            out.write(f"\n### {win.day:%B} {win.day.year}\n\n")
        out.write(item(win, show_impact=show_impact))
    if count:
        out.write("\n")
    return count


def _day(day: date) -> str:
    return f"{day.day} {day:%b} {day.year}"

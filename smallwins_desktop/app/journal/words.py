"""A win in words, the same in the timeline, the capture box and the journal's filters.

Plain Python: the capture box uses it without loading the timeline's model and delegate.
"""

from __future__ import annotations

from smallwins_desktop.core.capture import KIND_SETBACK
from smallwins_desktop.core.wins import WinRecord

IMPACT_WORDS = {1: "small", 2: "medium", 3: "big"}


def describe(win: WinRecord) -> str:
    """The win in words, for screen readers and tooltips."""
    kind = "Setback" if win.kind == KIND_SETBACK else "Win"
    parts = [f"{kind}, {IMPACT_WORDS.get(win.impact, 'small')} impact, {win.day:%A %-d %B %Y}"]
    parts.append(win.text)
    if win.tags:
        parts.append("tags " + ", ".join(win.tags))
    if win.goal:
        parts.append(f"goal {win.goal_title or win.goal}")
    return ". ".join(parts)

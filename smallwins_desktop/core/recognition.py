"""What a win just saved earns, with the bookkeeping that keeps milestones to once ever.

`celebrate.py` decides from counts alone and touches nothing; this reads the counts (today's
wins, the total, the streak), the milestones already celebrated and the user's celebration
style, and records a milestone reached. The journal's `add` and completing a goal both call
it inside the transaction that saved the win, so a win and its milestone land together.
"""

from __future__ import annotations

from datetime import date

from smallwins_desktop.core import config, settings, stats
from smallwins_desktop.core.celebrate import Celebration, celebration_for, in_style
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.wins import WinRecord

CELEBRATED_KEY = "celebrate.milestones"


@uses_store
def recognise(store: Store, win: WinRecord, *, today: date) -> Celebration:
    """The celebration `win` (already saved) earns, in the user's style; a milestone it
    reaches is recorded as celebrated."""
    with store.write():
        summary = stats.today_summary(store, today)
        celebrated = settings.get(store, CELEBRATED_KEY, [])
        celebration = celebration_for(
            impact=win.impact,
            kind=win.kind,
            wins_today=summary.wins,
            total_wins=summary.total,
            streak=summary.streak,
            already_celebrated=frozenset(celebrated),
        )
        celebration = in_style(celebration, config.get(store, config.CELEBRATIONS))
        if celebration.milestone is not None:  # each milestone is celebrated once, ever
            settings.put(store, CELEBRATED_KEY, [*celebrated, celebration.milestone])
    return celebration

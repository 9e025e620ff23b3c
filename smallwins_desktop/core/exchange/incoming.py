"""What an import file holds once read and checked: goals, settings, reflections, and a
stream of wins (and, filled in as it flows, the entries too long for one win that it split)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from smallwins_desktop.core.exchange.longtext import SplitEntry
from smallwins_desktop.core.goals import GoalRecord
from smallwins_desktop.core.reflections import ReflectionRecord
from smallwins_desktop.core.wins import BulkEntry


@dataclass
class Incoming:
    """`wins` may be a one-pass iterator that reads the file as it goes: consume it once,
    inside the import's transaction."""

    wins: Iterable[BulkEntry]
    goals: list[GoalRecord] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    reflections: list[ReflectionRecord] = field(default_factory=list)
    split: list[SplitEntry] = field(default_factory=list)
    """Each entry `wins` brought in as several wins (`longtext`), added as it is read."""

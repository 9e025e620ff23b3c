"""What an import file holds once read and checked: goals, settings, reflections, and a
stream of wins."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

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

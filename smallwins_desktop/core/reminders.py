"""Reminder rules and the pure "what is due now" function.

This module owns what reminders *mean*. The Qt scheduler (``app/scheduler.py``) only ticks
:func:`due` (about every 30 s, and at once after a resume or a clock jump), writes the returned
decisions, and delivers the ones whose action is ``"fire"``. Nothing here reads the wall clock,
touches the database or imports Qt: ``now``, the rules, their state and "did the user log a win
that day" are passed in, so every edge case is a plain unit test.

How it earns the trust of an alarm clock:

- An *occurrence* is a (rule key, local date) pair. The caller writes one row per decision with
  UNIQUE(rule, local_date), in one transaction, *before* delivering, and passes those keys back
  in ``ReminderState.handled``; :func:`due` never decides a handled occurrence again. That one
  key makes restarts, a clock set back, the autumn repeat hour and travel safe.
- A rule's time is local wall-clock time in the zone of ``now``, and days are local dates in that
  zone: when the user travels, reminders follow local time, and the date key means a time-zone
  change neither skips nor doubles a day.
- All arithmetic and comparisons go through UTC: Python compares and subtracts two datetimes
  that share a tzinfo by their wall clocks, ignoring ``fold``, which is wrong across DST.
- A wall time inside the spring-forward gap moves to the first valid minute after the gap; a wall
  time inside the autumn repeat means its first occurrence (``fold=0``).
- Only today and yesterday are examined. Older occurrences are long past the grace window, and
  recording them as missed would tell the user nothing.
- Snoozes are keyed by rule, not by occurrence. A snooze that has come due is returned as a
  decision with reason ``"snooze"``; the caller answers it by clearing the snooze, not by writing
  an occurrence row (the occurrence was recorded when it first fired). See :func:`record`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from datetime import time as wall_time
from types import MappingProxyType
from typing import Literal

END_OF_DAY = "end_of_day"
WEEKLY_REVIEW = "weekly_review"

GRACE = timedelta(hours=3)
"""How late a missed occurrence may still fire (same local date only); later ones are missed."""
ON_TIME_TOLERANCE = timedelta(seconds=90)
"""About two scheduler ticks of 30 s: a fire this late still counts as on time."""
SNOOZE_CHOICES: tuple[int, ...] = (10, 30, 60)
"""Snooze lengths offered to the user, in minutes."""
WORKDAYS: frozenset[int] = frozenset(range(5))
"""Monday to Friday, as ``date.weekday()`` numbers (0 = Monday)."""
FRIDAY = 4
LOOKAHEAD_DAYS = 8
"""How far :func:`next_occurrence` looks: any non-empty weekday set recurs within a week."""
_MAX_GAP = timedelta(days=2)
"""A DST/zone gap is never longer than a day (Samoa skipped one); this bounds the search."""
_ALL_WEEKDAYS = frozenset(range(7))
_UTC = timezone.utc

Action = Literal["fire", "missed", "skip"]
Reason = Literal[
    "on_time", "late", "snooze", "suppressed", "skipped", "paused", "too_late", "rescheduled"
]
OccurrenceKey = tuple[str, date]


@dataclass(frozen=True)
class Rule:
    """A recurring reminder at a local wall-clock ``time`` on some ``weekdays`` (0 = Monday)."""

    key: str
    time: wall_time
    weekdays: frozenset[int]
    enabled: bool = True
    only_if_no_win: bool = False
    grace: timedelta | None = None
    """How late a missed occurrence of this rule may still fire; None: :func:`due`'s ``grace``."""

    def __post_init__(self) -> None:
        if not self.key:
            raise ValueError("A reminder rule needs a key.")
        if self.grace is not None and self.grace <= timedelta(0):
            raise ValueError("The grace window must be positive.")
        if self.time.tzinfo is not None:
            raise ValueError("A reminder time is local wall-clock time: give it no time zone.")
        if not self.weekdays <= _ALL_WEEKDAYS:
            raise ValueError(f"Weekdays are 0 (Monday) to 6 (Sunday), not {sorted(self.weekdays)}.")
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))


@dataclass(frozen=True)
class ReminderState:
    """What has already happened, as rebuilt from the database on every tick."""

    handled: frozenset[OccurrenceKey] = frozenset()
    snoozed_until: MappingABC[str, datetime] = field(default_factory=dict)
    skipped: frozenset[OccurrenceKey] = frozenset()
    paused_until: datetime | None = None

    def __post_init__(self) -> None:
        for moment in (*self.snoozed_until.values(), self.paused_until):
            if moment is not None:
                _require_aware(moment)
        object.__setattr__(self, "snoozed_until", MappingProxyType(dict(self.snoozed_until)))


@dataclass(frozen=True)
class Decision:
    """What to do about one occurrence (or one due snooze); record it before delivering.

    ``action``: ``"fire"`` is delivered; ``"missed"`` and ``"skip"`` are only recorded.
    ``reason``: ``on_time`` / ``late`` (fired), ``too_late`` (missed: past grace or its day is
    over), ``skipped`` ("skip today"), ``paused``, ``suppressed`` (only if no win, and there is
    one), or ``snooze`` for any decision about a snooze, whatever its action. ``rescheduled``
    (a skip) is written by ``core.config`` when a rule was changed after its time today.
    """

    rule_key: str
    local_date: date
    scheduled_at: datetime
    action: Action
    reason: Reason

    @property
    def key(self) -> OccurrenceKey:
        """The UNIQUE (rule, local date) key the caller records."""
        return (self.rule_key, self.local_date)

    @property
    def is_snooze(self) -> bool:
        """A snooze decision clears the snooze; it is never written as an occurrence."""
        return self.reason == "snooze"


def default_rules() -> tuple[Rule, ...]:
    """End of day at 17:30 Monday to Friday, and the weekly review on Friday at 16:00."""
    return (
        Rule(END_OF_DAY, wall_time(17, 30), WORKDAYS),
        Rule(WEEKLY_REVIEW, wall_time(16, 0), frozenset({FRIDAY})),
    )


def local_datetime(day: date, at: wall_time, zone: tzinfo) -> datetime:
    """The instant that wall time ``at`` on ``day`` names in ``zone``.

    A time skipped by a spring-forward gap becomes the first valid minute after the gap; a time
    that happens twice in an autumn repeat means the first one (``fold=0``).
    """
    naive = datetime.combine(day, at.replace(fold=0))
    if _exists(naive, zone):
        return naive.replace(tzinfo=zone)
    candidate = naive.replace(second=0, microsecond=0)
    while not _exists(candidate, zone):
        candidate += timedelta(minutes=1)
        if candidate - naive > _MAX_GAP:
            raise ValueError(f"{naive} has no valid local time nearby in {zone}.")
    return candidate.replace(tzinfo=zone)


def due(
    now: datetime,
    rules: Iterable[Rule],
    state: ReminderState,
    *,
    has_win_on: Callable[[date], bool],
    grace: timedelta = GRACE,
) -> list[Decision]:
    """Every occurrence and snooze that needs a decision at ``now``, earliest first.

    Never returns an occurrence already in ``state.handled``. ``has_win_on`` is asked only for
    rules with ``only_if_no_win`` that would otherwise fire. A rule's own ``grace`` wins over
    ``grace``.
    """
    zone = _require_aware(now)
    if grace <= timedelta(0):
        raise ValueError("The grace window must be positive.")
    by_key = _index(rules)
    today = now.date()
    decisions: list[Decision] = []
    for rule in by_key.values():
        if not rule.enabled:
            continue
        for day in (today - timedelta(days=1), today):
            if day.weekday() not in rule.weekdays or (rule.key, day) in state.handled:
                continue
            scheduled = local_datetime(day, rule.time, zone)
            late_by = _utc(now) - _utc(scheduled)
            if late_by < timedelta(0):
                continue
            action: Action
            reason: Reason
            if (rule.key, day) in state.skipped:
                action, reason = "skip", "skipped"
            elif _paused(state, scheduled):
                action, reason = "skip", "paused"
            elif day != today or late_by > (rule.grace or grace):
                action, reason = "missed", "too_late"
            elif rule.only_if_no_win and has_win_on(day):
                action, reason = "skip", "suppressed"
            else:
                action, reason = "fire", "on_time" if late_by <= ON_TIME_TOLERANCE else "late"
            decisions.append(Decision(rule.key, day, scheduled, action, reason))
    for rule_key, until in state.snoozed_until.items():
        if _utc(until) <= _utc(now):
            decisions.append(
                _snooze_decision(now, rule_key, until, by_key, state, has_win_on, grace)
            )
    decisions.sort(key=lambda decision: (_utc(decision.scheduled_at), decision.rule_key))
    return decisions


def record(state: ReminderState, decisions: Iterable[Decision]) -> ReminderState:
    """The state after the caller has stored ``decisions``: what the database will say next tick.

    Occurrence decisions join ``handled``; snooze decisions clear the snooze they answered (and
    leave a newer snooze of the same rule alone).
    """
    handled = set(state.handled)
    snoozes = dict(state.snoozed_until)
    for decision in decisions:
        if not decision.is_snooze:
            handled.add(decision.key)
        elif decision.rule_key in snoozes and _utc(snoozes[decision.rule_key]) == _utc(
            decision.scheduled_at
        ):
            del snoozes[decision.rule_key]
    return replace(state, handled=frozenset(handled), snoozed_until=snoozes)


def next_occurrence(now: datetime, rules: Iterable[Rule], state: ReminderState) -> datetime | None:
    """When the next reminder may arrive after ``now`` (in now's zone), for display; or None.

    Rules with ``only_if_no_win`` are included: whether they fire is only known at the time.
    """
    zone = _require_aware(now)
    by_key = _index(rules)
    candidates = [
        until
        for rule_key, until in state.snoozed_until.items()
        if _utc(until) > _utc(now)
        and rule_key in by_key
        and by_key[rule_key].enabled
        and not _paused(state, until)
    ]
    start = now if state.paused_until is None else max(now, state.paused_until, key=_utc)
    first_day = _utc(start).astimezone(zone).date()
    for rule in by_key.values():
        if not rule.enabled:
            continue
        for offset in range(LOOKAHEAD_DAYS):
            day = first_day + timedelta(days=offset)
            key = (rule.key, day)
            if day.weekday() not in rule.weekdays or key in state.handled or key in state.skipped:
                continue
            scheduled = local_datetime(day, rule.time, zone)
            if _utc(scheduled) > _utc(now) and not _paused(state, scheduled):
                candidates.append(scheduled)
                break
    if not candidates:
        return None
    return _utc(min(candidates, key=_utc)).astimezone(zone)


def snooze_until(now: datetime, minutes: int) -> datetime:
    """``minutes`` of real time after ``now`` (not wall-clock minutes), in now's zone."""
    zone = _require_aware(now)
    if minutes <= 0:
        raise ValueError("A snooze lasts at least one minute.")
    return (_utc(now) + timedelta(minutes=minutes)).astimezone(zone)


def pause_until_tomorrow(now: datetime) -> datetime:
    """The next local midnight (or the first valid minute after it, when DST skips midnight)."""
    zone = _require_aware(now)
    return local_datetime(now.date() + timedelta(days=1), wall_time(0, 0), zone)


def _snooze_decision(
    now: datetime,
    rule_key: str,
    until: datetime,
    by_key: MappingABC[str, Rule],
    state: ReminderState,
    has_win_on: Callable[[date], bool],
    grace: timedelta,
) -> Decision:
    local_until = _utc(until).astimezone(_require_aware(now))
    day = local_until.date()
    rule = by_key.get(rule_key)
    action: Action
    if _utc(now) - _utc(until) > (rule.grace if rule is not None and rule.grace else grace):
        action = "missed"
    elif (
        rule is None
        or not rule.enabled
        or (rule_key, day) in state.skipped
        or _paused(state, until)
        or (rule.only_if_no_win and has_win_on(day))
    ):
        action = "skip"
    else:
        action = "fire"
    return Decision(rule_key, day, local_until, action, "snooze")


def _paused(state: ReminderState, moment: datetime) -> bool:
    return state.paused_until is not None and _utc(moment) < _utc(state.paused_until)


def _index(rules: Iterable[Rule]) -> dict[str, Rule]:
    by_key: dict[str, Rule] = {}
    for rule in rules:
        if rule.key in by_key:
            raise ValueError(f"Two reminder rules share the key {rule.key!r}.")
        by_key[rule.key] = rule
    return by_key


def _exists(naive: datetime, zone: tzinfo) -> bool:
    """Whether the wall time ``naive`` happens in ``zone`` (it does not inside a DST gap)."""
    round_trip = _utc(naive.replace(tzinfo=zone)).astimezone(zone)
    return round_trip.replace(tzinfo=None) == naive


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(_UTC)


def _require_aware(moment: datetime) -> tzinfo:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment} must be time-zone aware.")
    return moment.tzinfo

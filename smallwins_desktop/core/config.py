"""The user's settings as a typed, validated schema: what `smallwins config` and the Settings
dialog read and write.

Each :class:`Option` has a dotted key, a default and one parser that takes the typed value,
its JSON form or the text a person types (`"17:30"`, `"mon-fri"`, `"on"`) and returns the
normalised typed value, or raises :class:`SettingError` with a message a person can act on.
Nothing invalid is ever written: a refused value leaves the stored one as it was.

Where the values live: plain options under their own key in the `settings` table; the
reminder fields (`reminders.end_of_day.time` ...) inside the rules that `core.reminder_log`
keeps under `reminders.rules`, so the scheduler reads exactly what was set here. Workdays
are `streak.workdays`, which `core.stats` counts streaks by; a reminder whose days are
`workdays` follows them.

Start at login is not here: its truth is the desktop's autostart entry, which `app/autostart`
reads and writes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from datetime import time as wall_time
from typing import Any

from smallwins_desktop.core import reminder_log, settings, shortcut
from smallwins_desktop.core.db import Store, uses_store
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.models import ReminderOccurrence
from smallwins_desktop.core.nudges import DAILY_CAP
from smallwins_desktop.core.reminders import END_OF_DAY, GRACE, WEEKLY_REVIEW, local_datetime

log = logging.getLogger(__name__)

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FOLLOW_WORKDAYS = reminder_log.FOLLOW_WORKDAYS
MAX_GRACE_MINUTES = 12 * 60
MAX_DAILY_CAP = 10

CELEBRATIONS = "celebrations.style"
CELEBRATION_STYLES = ("off", "subtle", "full")
DAILY_CAP_KEY = "notifications.daily_cap"
SHORTCUT = "shortcut.capture"
DEFAULT_SHORTCUT = "Ctrl+Alt+W"
SHORTCUT_OFF = "none"
THEME = "appearance.theme"
THEMES = ("system", "light", "dark")
GOALS_ACTIVE_LIMIT = "goals.active_limit"
MORNING_HOUR = "reflection.morning_hour"
DEFAULT_MORNING_HOUR = 9
DEFAULT_ACTIVE_LIMIT = 5
MAX_ACTIVE_LIMIT = 50
WORKDAYS = settings.WORKDAYS
RULE_KEYS = (END_OF_DAY, WEEKLY_REVIEW)
RULE_FIELDS = ("enabled", "time", "days", "only_if_no_win", "grace")

_TRUE = ("true", "on", "yes", "1")
_FALSE = ("false", "off", "no", "0")


class SettingError(SmallWinsError):
    """An unknown setting, or a value it does not take; nothing was written."""


@dataclass(frozen=True)
class Option:
    """One setting: ``parse`` takes a typed, JSON or typed-in value and returns it normalised;
    ``to_json`` is how it is stored, ``show`` how a person reads it."""

    key: str
    help: str
    default: Any
    parse: Callable[[Any], Any]
    to_json: Callable[[Any], Any]
    show: Callable[[Any], str]
    choices: tuple[str, ...] = ()


# -- value types ---------------------------------------------------------------------------


def _flag(key: str) -> Callable[[Any], bool]:
    def parse(value: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise SettingError(f"{key} is on or off (true/false), not {value!r}.")

    return parse


def _show_flag(value: Any) -> str:
    return "true" if value else "false"


def _clock_time(key: str) -> Callable[[Any], wall_time]:
    def parse(value: Any) -> wall_time:
        if isinstance(value, wall_time):
            return value.replace(second=0, microsecond=0, tzinfo=None)
        text = str(value).strip()
        hours, sep, minutes = text.partition(":")
        if sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2:
            hour, minute = int(hours), int(minutes)
            if hour < 24 and minute < 60:
                return wall_time(hour, minute)
        raise SettingError(f"{key} is a time of day such as 17:30, not {value!r}.")

    return parse


def _show_time(value: Any) -> str:
    return str(value.strftime("%H:%M"))


def _days(key: str, *, may_follow: bool) -> Callable[[Any], frozenset[int] | str]:
    follow = f", or {FOLLOW_WORKDAYS}" if may_follow else ""
    usage = f"{key} is days such as mon,wed,fri or mon-fri{follow}"

    def parse(value: Any) -> frozenset[int] | str:
        if may_follow and isinstance(value, str) and value.strip().lower() == FOLLOW_WORKDAYS:
            return FOLLOW_WORKDAYS
        days = _weekdays_of(value, usage)
        if not days:
            what = "turn the reminder off instead" if may_follow else "a week needs a workday"
            raise SettingError(f"{key} needs at least one day ({what}).")
        return days

    return parse


def _weekdays_of(value: Any, usage: str) -> frozenset[int]:
    if isinstance(value, str):
        parts: list[Any] = [p.strip().lower() for p in value.split(",") if p.strip()]
    elif isinstance(value, list | tuple | set | frozenset):
        parts = list(value)
    else:
        raise SettingError(f"{usage}, not {value!r}.")
    days: set[int] = set()
    for part in parts:
        if isinstance(part, bool):
            raise SettingError(f"{usage}, not {value!r}.")
        if isinstance(part, int):
            if not 0 <= part <= 6:
                raise SettingError(f"{usage}; {part} is no weekday (0 Monday to 6 Sunday).")
            days.add(part)
            continue
        first, dash, last = str(part).partition("-")
        if dash:
            start, end = _weekday(first, usage), _weekday(last, usage)
            if end < start:
                raise SettingError(f"{usage}; {part!r} runs backwards.")
            days.update(range(start, end + 1))
        else:
            days.add(_weekday(first, usage))
    return frozenset(days)


def _weekday(name: str, usage: str) -> int:
    """`mon`, `tues`, `thursday`: three letters or more of the English name."""
    text = name.strip().lower()
    for number, full in enumerate(_FULL_NAMES):
        if len(text) >= 3 and full.startswith(text):
            return number
    raise SettingError(f"{usage}; {name!r} is no weekday.")


def _days_json(value: Any) -> Any:
    return value if isinstance(value, str) else sorted(value)


def _show_days(value: Any) -> str:
    """`mon-fri`, `mon,wed,fri`, `mon-wed,sat`: runs of three days or more joined by a dash."""
    if isinstance(value, str):
        return value
    runs: list[list[int]] = []
    for day in sorted(value):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{WEEKDAY_NAMES[run[0]]}-{WEEKDAY_NAMES[run[-1]]}")
        else:
            parts += [WEEKDAY_NAMES[day] for day in run]
    return ",".join(parts)


def _number(key: str, low: int, high: int, unit: str) -> Callable[[Any], int]:
    def parse(value: Any) -> int:
        if isinstance(value, bool):
            raise SettingError(f"{key} is a number of {unit}, not {value!r}.")
        try:
            number = int(str(value).strip()) if not isinstance(value, int) else value
        except ValueError:
            raise SettingError(f"{key} is a number of {unit}, not {value!r}.") from None
        if not low <= number <= high:
            raise SettingError(f"{key} is {low} to {high} {unit}, not {number}.")
        return number

    return parse


def _choice(key: str, choices: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = str(value).strip().lower()
        if text not in choices:
            raise SettingError(f"{key} is one of {', '.join(choices)}; not {value!r}.")
        return text

    return parse


def _shortcut(value: Any) -> str:
    text = str(value).strip()
    if text.lower() in (SHORTCUT_OFF, "off", ""):
        return SHORTCUT_OFF
    try:
        return str(shortcut.parse(text))
    except shortcut.ShortcutError as error:
        raise SettingError(f"{SHORTCUT}: {error} Use {SHORTCUT_OFF} to turn it off.") from None


def _same(value: Any) -> Any:
    return value


def _rule_options(rule: str, time: wall_time, days: frozenset[int] | str) -> list[Option]:
    name = "the end-of-day reminder" if rule == END_OF_DAY else "the weekly review reminder"
    prefix = f"reminders.{rule}"
    grace = int(GRACE.total_seconds() // 60)
    return [
        Option(
            f"{prefix}.enabled",
            f"whether {name} is on",
            True,
            _flag(f"{prefix}.enabled"),
            _same,
            _show_flag,
        ),
        Option(
            f"{prefix}.time",
            f"when {name} comes (local time)",
            time,
            _clock_time(f"{prefix}.time"),
            _show_time,
            _show_time,
        ),
        Option(
            f"{prefix}.days",
            f"the days {name} comes",
            days,
            _days(f"{prefix}.days", may_follow=True),
            _days_json,
            _show_days,
        ),
        Option(
            f"{prefix}.only_if_no_win",
            f"{name} only when today has no win yet",
            False,
            _flag(f"{prefix}.only_if_no_win"),
            _same,
            _show_flag,
        ),
        Option(
            f"{prefix}.grace",
            f"minutes {name} may still come late (after sleep)",
            grace,
            _number(f"{prefix}.grace", 1, MAX_GRACE_MINUTES, "minutes"),
            _same,
            str,
        ),
    ]


OPTIONS: dict[str, Option] = {
    option.key: option
    for option in [
        *_rule_options(END_OF_DAY, wall_time(17, 30), FOLLOW_WORKDAYS),
        *_rule_options(WEEKLY_REVIEW, wall_time(16, 0), frozenset({4})),
        Option(
            DAILY_CAP_KEY,
            "notifications a day at most (0: the tray only)",
            DAILY_CAP,
            _number(DAILY_CAP_KEY, 0, MAX_DAILY_CAP, "notifications"),
            _same,
            str,
        ),
        Option(
            CELEBRATIONS,
            "how a saved win is celebrated",
            "full",
            _choice(CELEBRATIONS, CELEBRATION_STYLES),
            _same,
            str,
            CELEBRATION_STYLES,
        ),
        Option(
            WORKDAYS,
            "the days you work: streaks count these",
            frozenset(range(5)),
            _days(WORKDAYS, may_follow=False),
            _days_json,
            _show_days,
        ),
        Option(
            SHORTCUT,
            f"the global shortcut that opens the capture box ({SHORTCUT_OFF}: off)",
            DEFAULT_SHORTCUT,
            _shortcut,
            _same,
            str,
        ),
        Option(
            THEME,
            "light, dark, or as the system is",
            "system",
            _choice(THEME, THEMES),
            _same,
            str,
            THEMES,
        ),
        Option(
            GOALS_ACTIVE_LIMIT,
            "active micro-goals before a calm warning that they pile up",
            DEFAULT_ACTIVE_LIMIT,
            _number(GOALS_ACTIVE_LIMIT, 1, MAX_ACTIVE_LIMIT, "micro-goals"),
            _same,
            str,
        ),
        Option(
            MORNING_HOUR,
            "the hour from which the next working morning recalls yesterday's pick-up note",
            DEFAULT_MORNING_HOUR,
            _number(MORNING_HOUR, 0, 23, "hours"),
            _same,
            str,
        ),
    ]
}


def option(key: str) -> Option:
    """The option named `key`; an unknown name is refused, naming the close ones."""
    found = OPTIONS.get(key.strip().lower())
    if found is None:
        stem = key.strip().lower().rpartition(".")[0] or key.strip().lower()
        near = [name for name in OPTIONS if name.startswith(stem)]
        hint = f" Did you mean {', '.join(near[:5])}?" if near else ""
        raise SettingError(
            f"There is no setting {key!r}.{hint} `smallwins config list` shows them all."
        )
    return found


def show(key: str, value: Any) -> str:
    return option(key).show(value)


# -- reading and writing -------------------------------------------------------------------


@uses_store
def get(store: Store, key: str) -> Any:
    """The typed value of `key`; a stored value that no longer parses reads as the default."""
    found = option(key)
    raw = _read_raw(store, found)
    if raw is None:
        return found.default
    try:
        return found.parse(raw)
    except SettingError as error:
        log.warning("stored %s is unreadable (%s); using the default", key, error)
        return found.default


@uses_store
def values(store: Store) -> dict[str, Any]:
    """Every option's typed value, in the schema's order."""
    return {key: get(store, key) for key in OPTIONS}


@uses_store
def put(store: Store, key: str, value: Any, *, now: datetime) -> Any:
    """Validate and store `value`; returns it normalised. Raises SettingError, writing nothing.

    A reminder change made after that reminder's time today (an earlier time, a day or the
    switch turned on) does not fire at once: today's occurrence is recorded as rescheduled.
    """
    found = option(key)
    parsed = found.parse(value)
    with store.write():
        _write_raw(store, found, found.to_json(parsed))
        rule_field = _rule_of(found.key)
        if rule_field is not None or found.key == WORKDAYS:
            _settle_today(store, now, only=rule_field[0] if rule_field else None)
    return parsed


@uses_store
def reset(store: Store, key: str, *, now: datetime) -> Any:
    """Put `key` back to its default; returns the default."""
    found = option(key)
    return put(store, found.key, found.default, now=now)


def _rule_of(key: str) -> tuple[str, str] | None:
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "reminders" and parts[1] in RULE_KEYS:
        return parts[1], parts[2]
    return None


_RULE_JSON_FIELD = {
    "enabled": "enabled",
    "time": "time",
    "days": "weekdays",
    "only_if_no_win": "only_if_no_win",
    "grace": "grace_minutes",
}


def _read_raw(store: Store, found: Option) -> Any:
    rule_field = _rule_of(found.key)
    if rule_field is None:
        return settings.get(store, found.key)
    rule, field = rule_field
    for item in reminder_log.load_rule_json(store):
        if item.get("key") == rule:
            return item.get(_RULE_JSON_FIELD[field])
    return None


def _write_raw(store: Store, found: Option, encoded: Any) -> None:
    rule_field = _rule_of(found.key)
    if rule_field is None:
        settings.put(store, found.key, encoded)
        return
    rule, field = rule_field
    items = reminder_log.load_rule_json(store)
    for item in items:
        if item.get("key") == rule:
            break
    else:
        item = next(d for d in reminder_log.default_rule_json() if d["key"] == rule)
        items.append(item)
    item[_RULE_JSON_FIELD[field]] = encoded
    reminder_log.save_rule_json(store, items)


def _settle_today(store: Store, now: datetime, *, only: str | None) -> None:
    """Today's undecided occurrences of the changed rule (or of every rule, when the workdays
    changed) that are already past are recorded as rescheduled: they never fire late."""
    today = now.date()
    for rule in reminder_log.load_rules(store):
        if only is not None and rule.key != only:
            continue
        if not rule.enabled or today.weekday() not in rule.weekdays:
            continue
        scheduled = local_datetime(today, rule.time, _zone(now))
        if scheduled.astimezone(timezone.utc) > now.astimezone(timezone.utc):
            continue
        ReminderOccurrence.insert(
            rule=rule.key,
            local_date=today,
            scheduled_at=scheduled,
            action="skip",
            reason="rescheduled",
            decided_at=now,
        ).on_conflict_ignore().execute()


def _zone(now: datetime) -> Any:
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    return now.tzinfo

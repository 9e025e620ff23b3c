"""The settings schema: typed values round-trip through the database, invalid ones are refused
with a message and write nothing, and reminder settings reach the rules the scheduler reads."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from smallwins_desktop.core import config, reminder_log, settings, stats
from smallwins_desktop.core.celebrate import (
    MEDIUM,
    NONE,
    SMALL,
    Celebration,
    celebration_for,
    in_style,
)
from smallwins_desktop.core.config import SettingError
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.reminders import END_OF_DAY, GRACE, WEEKLY_REVIEW

BERLIN = ZoneInfo("Europe/Berlin")
THURSDAY = date(2026, 11, 19)


def at(hour: int, minute: int = 0, day: date = THURSDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


MORNING = at(9)


def rule(store: Store, key: str) -> reminder_log.Rule:
    [found] = [r for r in reminder_log.load_rules(store) if r.key == key]
    return found


def test_defaults_are_the_documented_ones(store: Store) -> None:
    found = config.values(store)

    assert found["reminders.end_of_day.time"] == time(17, 30)
    assert found["reminders.end_of_day.days"] == "workdays"
    assert found["reminders.weekly_review.days"] == frozenset({4})
    assert found["reminders.end_of_day.grace"] == GRACE.total_seconds() // 60
    assert found["notifications.daily_cap"] == 3
    assert found["celebrations.style"] == "full"
    assert found["streak.workdays"] == frozenset(range(5))
    assert found["appearance.theme"] == "system"
    assert found["shortcut.capture"] == "Ctrl+Alt+W"


@pytest.mark.parametrize(
    ("key", "typed", "expected"),
    [
        ("reminders.end_of_day.time", "9:05", time(9, 5)),
        ("reminders.end_of_day.enabled", "off", False),
        ("reminders.weekly_review.only_if_no_win", "yes", True),
        ("reminders.end_of_day.days", "mon-wed, Friday", frozenset({0, 1, 2, 4})),
        ("reminders.weekly_review.days", "workdays", "workdays"),
        ("reminders.end_of_day.grace", "45", 45),
        ("notifications.daily_cap", "0", 0),
        ("celebrations.style", "Subtle", "subtle"),
        ("streak.workdays", "tue,thu,sat", frozenset({1, 3, 5})),
        ("appearance.theme", "dark", "dark"),
        ("shortcut.capture", "meta+space", "Meta+Space"),
        ("shortcut.capture", "alt+meta+f12", "Alt+Meta+F12"),
        ("shortcut.capture", "off", "none"),
    ],
)
def test_typed_values_round_trip_through_the_database(
    store: Store, key: str, typed: str, expected: object
) -> None:
    assert config.put(store, key, typed, now=MORNING) == expected

    assert config.get(store, key) == expected
    assert config.values(store)[key] == expected


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("reminders.end_of_day.time", "25:00", "a time of day such as 17:30"),
        ("reminders.end_of_day.time", "5pm", "a time of day such as 17:30"),
        ("reminders.end_of_day.enabled", "maybe", "on or off"),
        ("reminders.end_of_day.days", "", "at least one day"),
        ("reminders.end_of_day.days", "fri-mon", "runs backwards"),
        ("reminders.end_of_day.days", "mo", "is no weekday"),
        ("reminders.end_of_day.grace", "0", "1 to 720 minutes"),
        ("reminders.end_of_day.grace", "soon", "a number of minutes"),
        ("notifications.daily_cap", "11", "0 to 10"),
        ("celebrations.style", "loud", "one of off, subtle, full"),
        ("streak.workdays", "workdays", "is no weekday"),
        ("streak.workdays", [], "at least one day"),
        ("appearance.theme", "blue", "one of system, light, dark"),
        ("shortcut.capture", "Shift+W", "needs Ctrl, Alt or Meta"),
        ("shortcut.capture", "Ctrl+Hyper+W", "'Hyper' is not a modifier"),
        ("shortcut.capture", "Ctrl+F25", "not a key Small Wins can use"),
        ("shortcut.capture", "Ctrl+Alt+F2", "switches to a text console"),
    ],
)
def test_invalid_values_are_refused_with_a_message_and_nothing_is_written(
    store: Store, key: str, value: object, message: str
) -> None:
    before = config.values(store)

    with pytest.raises(SettingError, match=message):
        config.put(store, key, value, now=MORNING)

    assert config.values(store) == before
    assert settings.get(store, reminder_log.RULES_KEY) is None


def test_an_unknown_setting_is_refused_naming_the_close_ones(store: Store) -> None:
    with pytest.raises(SettingError, match=r"reminders\.end_of_day\.time") as refused:
        config.put(store, "reminders.end_of_day.hour", "17:00", now=MORNING)
    assert "smallwins config list" in str(refused.value)


def test_reminder_settings_reach_the_rules_the_scheduler_reads(store: Store) -> None:
    config.put(store, "reminders.end_of_day.time", "18:15", now=MORNING)
    config.put(store, "reminders.end_of_day.only_if_no_win", True, now=MORNING)
    config.put(store, "reminders.end_of_day.grace", 30, now=MORNING)
    config.put(store, "reminders.weekly_review.enabled", False, now=MORNING)

    end_of_day = rule(store, END_OF_DAY)
    assert (end_of_day.time, end_of_day.only_if_no_win) == (time(18, 15), True)
    assert end_of_day.grace == timedelta(minutes=30)
    assert rule(store, WEEKLY_REVIEW).enabled is False


def test_the_end_of_day_reminder_follows_the_workdays_until_given_its_own(store: Store) -> None:
    config.put(store, "streak.workdays", "mon-thu", now=MORNING)
    assert rule(store, END_OF_DAY).weekdays == frozenset(range(4))
    assert stats.rhythm(store, THURSDAY).workdays == frozenset(range(4))

    config.put(store, "reminders.end_of_day.days", "sat", now=MORNING)
    config.put(store, "streak.workdays", "mon-fri", now=MORNING)
    assert rule(store, END_OF_DAY).weekdays == frozenset({5})


def test_a_grace_window_of_its_own_decides_when_a_late_reminder_is_missed(store: Store) -> None:
    config.put(store, "reminders.end_of_day.grace", 20, now=MORNING)

    decisions = reminder_log.decide(store, at(17, 55), has_win_on=lambda _: False)

    assert [(d.rule_key, d.action) for d in decisions if d.local_date == THURSDAY] == [
        (END_OF_DAY, "missed")
    ]


def test_a_reminder_moved_to_a_time_already_past_today_does_not_fire_at_once(
    store: Store,
) -> None:
    config.put(store, "reminders.end_of_day.time", "15:00", now=at(16))

    decided = reminder_log.decide(store, at(16, 0), has_win_on=lambda _: False)
    assert [d for d in decided if d.local_date == THURSDAY] == []
    assert [o for o in reminder_log.occurrences(store, since=THURSDAY) if o[3] != "too_late"] == [
        (END_OF_DAY, THURSDAY, "skip", "rescheduled")
    ]
    fired = reminder_log.decide(store, at(15, 0, THURSDAY + timedelta(days=1)), has_win_on=bool)
    assert [d.action for d in fired] == ["fire"]


def test_a_reminder_moved_later_today_still_comes_today(store: Store) -> None:
    config.put(store, "reminders.end_of_day.time", "19:00", now=at(16))

    fired = reminder_log.decide(store, at(19, 0), has_win_on=lambda _: False)

    today = [(d.rule_key, d.action) for d in fired if d.local_date == THURSDAY]
    assert today == [(END_OF_DAY, "fire")]


def test_a_stored_value_that_no_longer_parses_reads_as_the_default(store: Store) -> None:
    settings.put(store, config.THEME, "purple")
    settings.put(store, config.DAILY_CAP_KEY, "many")

    assert config.get(store, config.THEME) == "system"
    assert config.get(store, config.DAILY_CAP_KEY) == 3


def test_reset_puts_the_default_back(store: Store) -> None:
    config.put(store, "reminders.end_of_day.time", "08:00", now=MORNING)

    assert config.reset(store, "reminders.end_of_day.time", now=MORNING) == time(17, 30)
    assert rule(store, END_OF_DAY).time == time(17, 30)


def test_values_are_shown_as_a_person_types_them() -> None:
    assert config.show("reminders.end_of_day.time", time(9, 5)) == "09:05"
    assert config.show("streak.workdays", frozenset({0, 2, 4})) == "mon,wed,fri"
    assert config.show("streak.workdays", frozenset({0, 1, 2, 3, 4})) == "mon-fri"
    assert config.show("streak.workdays", frozenset({0, 1, 2, 5, 6})) == "mon-wed,sat,sun"
    assert config.show("reminders.end_of_day.days", "workdays") == "workdays"
    assert config.show("reminders.end_of_day.enabled", False) == "false"


# -- celebration styles ------------------------------------------------------------------------


def _earned(impact: int, *, total: int = 5, wins_today: int = 2) -> Celebration:
    return celebration_for(
        impact=impact, kind="win", wins_today=wins_today, total_wins=total, streak=1
    )


def test_full_celebrations_are_as_earned() -> None:
    assert in_style(_earned(3), "full") == _earned(3)


def test_subtle_celebrations_are_a_quiet_count_and_still_name_a_milestone() -> None:
    assert in_style(_earned(3), "subtle") == Celebration(
        SMALL, "Win #2 today", count="Win #2 today"
    )
    tenth = in_style(_earned(2, total=10), "subtle")
    assert (tenth.level, tenth.headline, tenth.detail) == (SMALL, "Win #2 today", "Your 10th win!")
    assert tenth.milestone == "wins:10"


def test_no_celebrations_say_saved_and_keep_the_milestone_for_bookkeeping() -> None:
    quiet = in_style(_earned(1, total=10), "off")
    assert (quiet.level, quiet.headline, quiet.detail) == (NONE, "Saved.", "")
    assert quiet.milestone == "wins:10"
    assert _earned(1, total=10).level == MEDIUM


def test_an_unknown_celebration_style_is_refused() -> None:
    with pytest.raises(ValueError, match="off, subtle, full"):
        in_style(_earned(1), "loud")

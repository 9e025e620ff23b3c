"""Reminders in the database: decided and recorded once, before delivery, whatever happens."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from smallwins_desktop.core import reminder_log, settings
from smallwins_desktop.core.db import Store, open_store
from smallwins_desktop.core.reminders import END_OF_DAY, WEEKLY_REVIEW, Rule, default_rules

BERLIN = ZoneInfo("Europe/Berlin")
THURSDAY = date(2026, 11, 19)


def at(hour: int, minute: int = 0, day: date = THURSDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def no_wins(_: date) -> bool:
    return False


def fired(store: Store, now: datetime) -> list[tuple[str, str]]:
    decisions = reminder_log.decide(store, now, has_win_on=no_wins)
    return [(d.rule_key, d.reason) for d in decisions if d.action == "fire"]


def test_end_of_day_fires_once_at_its_time(store: Store) -> None:
    assert fired(store, at(17, 29)) == []
    assert fired(store, at(17, 30)) == [(END_OF_DAY, "on_time")]
    assert fired(store, at(17, 31)) == []
    assert reminder_log.occurrences(store, since=THURSDAY) == [
        (END_OF_DAY, THURSDAY, "fire", "on_time")
    ]


def test_a_restart_after_firing_does_not_fire_again(
    store: Store, data_dir: Path, now: datetime
) -> None:
    assert fired(store, at(17, 30)) == [(END_OF_DAY, "on_time")]
    store.close()
    with open_store(data_dir, now=now) as reopened:
        assert fired(reopened, at(17, 45)) == []


def test_the_clock_set_back_an_hour_after_firing_does_not_fire_again(store: Store) -> None:
    assert fired(store, at(17, 31)) == [(END_OF_DAY, "on_time")]
    assert fired(store, at(16, 31)) == []
    assert fired(store, at(17, 31)) == []


def test_opened_an_hour_late_fires_once_and_five_hours_late_is_recorded_as_missed(
    store: Store, data_dir: Path, now: datetime
) -> None:
    assert fired(store, at(18, 30)) == [(END_OF_DAY, "late")]
    next_day = THURSDAY + timedelta(days=1)
    decisions = reminder_log.decide(store, at(22, 31, next_day), has_win_on=no_wins)
    assert {(d.rule_key, d.action) for d in decisions} == {
        (END_OF_DAY, "missed"),
        (WEEKLY_REVIEW, "missed"),
    }


def test_snooze_fires_again_once_when_due(store: Store) -> None:
    assert fired(store, at(17, 30)) == [(END_OF_DAY, "on_time")]
    reminder_log.snooze(store, END_OF_DAY, at(18, 0))
    assert fired(store, at(17, 59)) == []
    assert fired(store, at(18, 0)) == [(END_OF_DAY, "snooze")]
    assert fired(store, at(18, 1)) == []


def test_skip_today_before_the_time_means_no_reminder_today(store: Store) -> None:
    assert reminder_log.skip_today(store, at(12, 0)) == [END_OF_DAY]
    assert fired(store, at(17, 30)) == []
    assert (END_OF_DAY, THURSDAY, "skip", "skipped") in reminder_log.occurrences(
        store, since=THURSDAY
    )
    assert fired(store, at(17, 30, THURSDAY + timedelta(days=1))) != []


def test_pause_until_tomorrow_holds_todays_reminders_and_resume_lifts_it(store: Store) -> None:
    reminder_log.pause_until(store, at(0, 0, THURSDAY + timedelta(days=1)))
    assert reminder_log.paused_until(store, at(12, 0)) is not None
    assert fired(store, at(17, 30)) == []
    assert reminder_log.occurrences(store, since=THURSDAY)[0][2:] == ("skip", "paused")
    assert reminder_log.paused_until(store, at(1, 0, THURSDAY + timedelta(days=1))) is None
    reminder_log.pause_until(store, None)
    assert settings.get(store, reminder_log.PAUSED_KEY) is None


def test_only_if_no_win_is_suppressed_by_a_win(store: Store) -> None:
    rule = Rule(END_OF_DAY, time(17, 30), frozenset(range(5)), only_if_no_win=True)
    reminder_log.save_rules(store, [rule])
    decisions = reminder_log.decide(store, at(17, 30), has_win_on=lambda _: True)
    today = [(d.action, d.reason) for d in decisions if d.local_date == THURSDAY]
    assert today == [("skip", "suppressed")]


def test_rules_round_trip_and_unreadable_rules_fall_back_to_defaults(
    store: Store,
) -> None:
    assert reminder_log.load_rules(store) == default_rules()
    custom = (Rule(END_OF_DAY, time(18, 5), frozenset({0, 2}), enabled=False),)
    reminder_log.save_rules(store, custom)
    assert reminder_log.load_rules(store) == custom
    settings.put(store, reminder_log.RULES_KEY, [{"key": "x", "time": "not a time"}])
    assert reminder_log.load_rules(store) == default_rules()


def test_delivery_outcomes_are_recorded_and_counted_per_day(store: Store) -> None:
    now = at(17, 30)
    key = f"{END_OF_DAY}:{THURSDAY}"
    reminder_log.record_delivery(
        store, notification_key=key, backend="freedesktop", ok=False, error="no bus", now=now
    )
    reminder_log.record_delivery(
        store, notification_key=key, backend="plyer", ok=True, error=None, now=now
    )
    [last, first] = reminder_log.recent_deliveries(store)
    assert (first.backend, first.ok, first.error) == ("freedesktop", False, "no bus")
    assert (last.backend, last.ok) == ("plyer", True)
    assert reminder_log.notifications_sent_on(store, THURSDAY) == 1
    assert reminder_log.notifications_sent_on(store, THURSDAY + timedelta(days=1)) == 0

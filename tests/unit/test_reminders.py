"""Specification of reminders: each occurrence is decided once, fires once at most, never twice.

Time is always injected. ``simulate`` plays the scheduler: it ticks ``due`` at the given
instants and feeds every decision back into the state, as the app does through the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smallwins_desktop.core.reminders import (
    END_OF_DAY,
    GRACE,
    SNOOZE_CHOICES,
    WEEKLY_REVIEW,
    WORKDAYS,
    Decision,
    ReminderState,
    Rule,
    default_rules,
    due,
    local_datetime,
    next_occurrence,
    pause_until_tomorrow,
    record,
    snooze_until,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = timezone.utc
EVERY_DAY = frozenset(range(7))
TICK = timedelta(seconds=30)

MONDAY = date(2026, 11, 16)  # a normal workday after a weekend: nothing left over from yesterday
TUESDAY = date(2026, 11, 17)
FRIDAY = date(2026, 11, 20)
SUNDAY = date(2026, 11, 22)
BERLIN_SPRING_FORWARD = date(2026, 3, 29)  # 02:00 CET -> 03:00 CEST, a Sunday
NEW_YORK_FALL_BACK = date(2026, 11, 1)  # 02:00 EDT -> 01:00 EST, a Sunday

END_OF_DAY_RULE = Rule(END_OF_DAY, time(17, 30), WORKDAYS)


def at(day: date, hour: int, minute: int = 0, zone: ZoneInfo = BERLIN, fold: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone, fold=fold)


def no_wins(_day: date) -> bool:
    return False


def wins_on(*days: date) -> Callable[[date], bool]:
    return lambda day: day in days


def must_not_ask(_day: date) -> bool:
    raise AssertionError("has_win_on was asked for a rule that does not depend on it")


@dataclass(frozen=True)
class Tick:
    now: datetime
    decision: Decision


def simulate(
    instants: Iterable[datetime],
    rules: Iterable[Rule],
    state: ReminderState | None = None,
    has_win_on: Callable[[date], bool] = no_wins,
) -> tuple[list[Tick], ReminderState]:
    """Tick ``due`` at each instant, recording decisions as the caller does before delivery."""
    rules = tuple(rules)
    state = state or ReminderState()
    log: list[Tick] = []
    for now in instants:
        decisions = due(now, rules, state, has_win_on=has_win_on)
        for decision in decisions:
            assert decision.is_snooze or decision.key not in state.handled
            log.append(Tick(now, decision))
        state = record(state, decisions)
    return log, state


def ticks(start: datetime, end: datetime, every: timedelta = TICK) -> Iterator[datetime]:
    """Instants from start to end (inclusive) every ``every`` of real time, in start's zone."""
    zone = start.tzinfo
    moment, stop = start.astimezone(UTC), end.astimezone(UTC)
    while moment <= stop:
        yield moment.astimezone(zone)
        moment += every


def fires(log: Iterable[Tick]) -> list[Tick]:
    return [tick for tick in log if tick.decision.action == "fire"]


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# Rules and defaults


def test_default_rules_are_end_of_day_on_workdays_and_weekly_review_on_friday() -> None:
    assert default_rules() == (
        Rule(END_OF_DAY, time(17, 30), frozenset({0, 1, 2, 3, 4}), enabled=True),
        Rule(WEEKLY_REVIEW, time(16, 0), frozenset({4}), enabled=True),
    )


def test_snooze_choices_are_ten_thirty_and_sixty_minutes() -> None:
    assert SNOOZE_CHOICES == (10, 30, 60)
    assert timedelta(hours=3) == GRACE


@pytest.mark.parametrize(
    ("key", "at_time", "weekdays"),
    [
        ("", time(17, 30), WORKDAYS),
        ("x", time(17, 30, tzinfo=UTC), WORKDAYS),
        ("x", time(17, 30), frozenset({7})),
    ],
)
def test_a_malformed_rule_is_refused(key: str, at_time: time, weekdays: frozenset[int]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message is for people, not for matching
        Rule(key, at_time, weekdays)


def test_now_must_be_time_zone_aware() -> None:
    with pytest.raises(ValueError, match="aware"):
        due(datetime(2026, 11, 18, 17, 30), [END_OF_DAY_RULE], ReminderState(), has_win_on=no_wins)


def test_two_rules_with_one_key_are_refused() -> None:
    with pytest.raises(ValueError, match="share the key"):
        due(at(MONDAY, 18), [END_OF_DAY_RULE] * 2, ReminderState(), has_win_on=no_wins)


# A normal day


def test_nothing_is_due_before_the_time() -> None:
    assert due(at(MONDAY, 17, 29), [END_OF_DAY_RULE], ReminderState(), has_win_on=no_wins) == []


def test_a_reminder_fires_on_time_at_its_minute() -> None:
    [decision] = due(at(MONDAY, 17, 30), [END_OF_DAY_RULE], ReminderState(), has_win_on=no_wins)
    assert decision == Decision(END_OF_DAY, MONDAY, at(MONDAY, 17, 30), "fire", "on_time")


def test_a_normal_day_of_ticks_fires_exactly_once_on_time() -> None:
    log, _ = simulate(ticks(at(MONDAY, 8), at(MONDAY, 23, 59)), [END_OF_DAY_RULE])
    assert [(tick.now, tick.decision.reason) for tick in log] == [(at(MONDAY, 17, 30), "on_time")]


@pytest.mark.parametrize(
    ("late_by", "reason"),
    [(timedelta(seconds=90), "on_time"), (timedelta(seconds=91), "late")],
)
def test_a_tick_up_to_two_intervals_late_is_still_on_time(late_by: timedelta, reason: str) -> None:
    now = at(MONDAY, 17, 30) + late_by
    [decision] = due(now, [END_OF_DAY_RULE], ReminderState(), has_win_on=no_wins)
    assert (decision.action, decision.reason) == ("fire", reason)


# Closed, asleep, restarted


def test_app_opened_an_hour_late_fires_once_as_late() -> None:
    log, _ = simulate(ticks(at(MONDAY, 18, 30), at(MONDAY, 23)), [END_OF_DAY_RULE])
    assert [(tick.now, tick.decision.action, tick.decision.reason) for tick in log] == [
        (at(MONDAY, 18, 30), "fire", "late")
    ]


def test_app_opened_five_hours_late_records_the_reminder_as_missed_and_never_fires() -> None:
    log, _ = simulate(ticks(at(MONDAY, 22, 30), at(MONDAY, 23, 59)), [END_OF_DAY_RULE])
    assert [(tick.decision.action, tick.decision.reason) for tick in log] == [
        ("missed", "too_late")
    ]


@pytest.mark.parametrize(
    ("late_by", "action"), [(GRACE, "fire"), (GRACE + timedelta(seconds=1), "missed")]
)
def test_the_grace_window_is_inclusive(late_by: timedelta, action: str) -> None:
    now = at(MONDAY, 17, 30) + late_by
    [decision] = due(now, [END_OF_DAY_RULE], ReminderState(), has_win_on=no_wins)
    assert decision.action == action


def test_a_reminder_late_past_midnight_is_missed_even_within_grace() -> None:
    rule = Rule("late", time(23, 30), EVERY_DAY)
    [decision] = due(at(TUESDAY, 0, 10), [rule], ReminderState(), has_win_on=no_wins)
    assert (decision.local_date, decision.action) == (MONDAY, "missed")


def test_suspend_across_the_time_fires_once_on_resume() -> None:
    before = list(ticks(at(MONDAY, 16), at(MONDAY, 17)))
    after = list(ticks(at(MONDAY, 18, 10), at(MONDAY, 23)))
    log, _ = simulate(before + after, [END_OF_DAY_RULE])
    assert [(tick.now, tick.decision.reason) for tick in fires(log)] == [
        (at(MONDAY, 18, 10), "late")
    ]


def test_suspend_overnight_records_yesterday_as_missed_and_today_fires_normally() -> None:
    before = list(ticks(at(MONDAY, 16), at(MONDAY, 17)))
    after = list(ticks(at(TUESDAY, 9), at(TUESDAY, 23)))
    log, _ = simulate(before + after, [END_OF_DAY_RULE])
    assert [(tick.now, tick.decision.key, tick.decision.action) for tick in log] == [
        (at(TUESDAY, 9), (END_OF_DAY, MONDAY), "missed"),
        (at(TUESDAY, 17, 30), (END_OF_DAY, TUESDAY), "fire"),
    ]


def test_occurrences_older_than_yesterday_are_forgotten() -> None:
    friday_morning = at(FRIDAY, 9)  # Wednesday's reminder was never handled
    assert due(friday_morning, [END_OF_DAY_RULE], ReminderState(), has_win_on=no_wins) == [
        Decision(
            END_OF_DAY,
            FRIDAY - timedelta(days=1),
            at(FRIDAY - timedelta(days=1), 17, 30),
            "missed",
            "too_late",
        )
    ]


def test_clock_set_back_an_hour_after_firing_does_not_fire_again() -> None:
    first = list(ticks(at(MONDAY, 17), at(MONDAY, 17, 45)))
    set_back = list(ticks(at(MONDAY, 16, 45), at(MONDAY, 23)))
    log, _ = simulate(first + set_back, [END_OF_DAY_RULE])
    assert [tick.now for tick in fires(log)] == [at(MONDAY, 17, 30)]


def test_restart_after_firing_rebuilds_state_from_handled_keys_and_does_not_fire_again() -> None:
    _, before_quit = simulate(ticks(at(MONDAY, 17), at(MONDAY, 17, 40)), [END_OF_DAY_RULE])
    from_database = ReminderState(handled=frozenset(before_quit.handled))
    log, _ = simulate(ticks(at(MONDAY, 17, 41), at(MONDAY, 23)), [END_OF_DAY_RULE], from_database)
    assert log == []


def test_a_handled_occurrence_is_never_returned() -> None:
    state = ReminderState(handled=frozenset({(END_OF_DAY, MONDAY)}))
    assert due(at(MONDAY, 17, 30), [END_OF_DAY_RULE], state, has_win_on=no_wins) == []


# Daylight saving time


def test_a_time_in_the_spring_gap_is_due_at_the_first_minute_after_the_gap() -> None:
    scheduled = local_datetime(BERLIN_SPRING_FORWARD, time(2, 30), BERLIN)
    assert scheduled == at(BERLIN_SPRING_FORWARD, 3)
    assert utc(scheduled) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_a_rule_in_the_spring_gap_fires_once_at_three() -> None:
    rule = Rule("early", time(2, 30), EVERY_DAY)
    day = BERLIN_SPRING_FORWARD
    yesterday = ReminderState(handled=frozenset({("early", day - timedelta(days=1))}))
    log, _ = simulate(ticks(at(day, 0), at(day, 23, 59)), [rule], yesterday)
    assert [(tick.now, tick.decision.reason) for tick in log] == [(at(day, 3), "on_time")]
    assert utc(log[0].now) - utc(at(day, 1, 59)) == timedelta(minutes=1)  # no gap in real time


def test_a_time_in_the_autumn_repeat_means_its_first_occurrence() -> None:
    scheduled = local_datetime(NEW_YORK_FALL_BACK, time(1, 30), NEW_YORK)
    assert scheduled.fold == 0
    assert utc(scheduled) == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT


def test_a_rule_in_the_autumn_repeat_fires_once_across_both_one_thirties() -> None:
    rule = Rule("night", time(1, 30), EVERY_DAY)
    day = NEW_YORK_FALL_BACK
    log, _ = simulate(ticks(at(day, 0, zone=NEW_YORK), at(day, 3, zone=NEW_YORK)), [rule])
    assert [utc(tick.now) for tick in fires(log)] == [datetime(2026, 11, 1, 5, 30, tzinfo=UTC)]


def test_the_handled_key_is_what_stops_the_second_one_thirty() -> None:
    rule = Rule("night", time(1, 30), EVERY_DAY)
    second = at(NEW_YORK_FALL_BACK, 1, 30, zone=NEW_YORK, fold=1)  # 01:30 EST, an hour later
    yesterday = ("night", NEW_YORK_FALL_BACK - timedelta(days=1))
    unhandled = ReminderState(handled=frozenset({yesterday}))
    [decision] = due(second, [rule], unhandled, has_win_on=no_wins)
    assert (decision.action, decision.reason) == ("fire", "late")  # real time, not wall time
    handled = ReminderState(handled=frozenset({yesterday, ("night", NEW_YORK_FALL_BACK)}))
    assert due(second, [rule], handled, has_win_on=no_wins) == []


@pytest.mark.parametrize(
    ("zone", "start"),
    [(BERLIN, BERLIN_SPRING_FORWARD), (NEW_YORK, NEW_YORK_FALL_BACK)],
    ids=["berlin-spring", "new-york-autumn"],
)
def test_steady_ticks_across_dst_days_fire_every_occurrence_exactly_once_on_time(
    zone: ZoneInfo, start: date
) -> None:
    times = [time(0, 0), time(1, 30), time(2, 0), time(2, 30), time(3, 0), time(17, 30)]
    rules = [Rule(f"at-{t:%H%M}", t, EVERY_DAY) for t in times]
    first, last = start - timedelta(days=1), start + timedelta(days=1)
    before = first - timedelta(days=1)
    state = ReminderState(handled=frozenset((rule.key, before) for rule in rules))
    log, _ = simulate(ticks(at(first, 0, zone=zone), at(last, 23, 59, zone=zone)), rules, state)
    assert all(tick.decision.reason == "on_time" for tick in log)
    fired = Counter(tick.decision.key for tick in log)
    days = [first, start, last]
    assert fired == Counter({(rule.key, day): 1 for rule in rules for day in days})


# Travel


def test_travelling_west_after_firing_does_not_fire_the_same_day_again() -> None:
    in_berlin = list(ticks(at(MONDAY, 17), at(MONDAY, 19)))  # fires at 17:30 Berlin
    in_new_york = list(ticks(at(MONDAY, 13, zone=NEW_YORK), at(MONDAY, 23, zone=NEW_YORK)))
    log, _ = simulate(in_berlin + in_new_york, [END_OF_DAY_RULE])
    assert [tick.now for tick in fires(log)] == [at(MONDAY, 17, 30)]


def test_travelling_west_before_the_time_fires_at_local_time_in_the_new_zone() -> None:
    in_berlin = list(ticks(at(MONDAY, 9), at(MONDAY, 16)))
    in_new_york = list(ticks(at(MONDAY, 10, zone=NEW_YORK), at(MONDAY, 23, zone=NEW_YORK)))
    log, _ = simulate(in_berlin + in_new_york, [END_OF_DAY_RULE])
    assert [(tick.now, tick.decision.reason) for tick in log] == [
        (at(MONDAY, 17, 30, zone=NEW_YORK), "on_time")
    ]


def test_travelling_east_mid_day_past_the_local_time_fires_once_late() -> None:
    in_new_york = list(ticks(at(MONDAY, 8, zone=NEW_YORK), at(MONDAY, 12, zone=NEW_YORK)))
    in_berlin = list(ticks(at(MONDAY, 18), at(MONDAY, 23, 59)))  # 18:00 Berlin = 12:00 NY
    log, _ = simulate(in_new_york + in_berlin, [END_OF_DAY_RULE])
    assert [(tick.now, tick.decision.key, tick.decision.reason) for tick in log] == [
        (at(MONDAY, 18), (END_OF_DAY, MONDAY), "late")
    ]


def test_travelling_back_west_the_same_day_does_not_fire_again() -> None:
    in_berlin = list(ticks(at(MONDAY, 17), at(MONDAY, 23)))
    in_new_york = list(ticks(at(MONDAY, 17, zone=NEW_YORK), at(MONDAY, 23, zone=NEW_YORK)))
    log, _ = simulate(in_berlin + in_new_york, [END_OF_DAY_RULE])
    assert [tick.now for tick in fires(log)] == [at(MONDAY, 17, 30)]


# Weekdays, switches, "only if none today"


def test_no_reminder_on_a_weekday_the_rule_is_off() -> None:
    log, _ = simulate(ticks(at(SUNDAY, 0), at(SUNDAY, 23, 59)), default_rules())
    assert log == []


def test_the_weekly_review_fires_on_friday_only() -> None:
    log, _ = simulate(
        ticks(at(MONDAY, 8), at(FRIDAY, 23, 59), timedelta(minutes=1)), default_rules()
    )
    assert [(tick.now, tick.decision.rule_key) for tick in fires(log)] == [
        (at(MONDAY, 17, 30), END_OF_DAY),
        (at(TUESDAY, 17, 30), END_OF_DAY),
        (at(TUESDAY + timedelta(days=1), 17, 30), END_OF_DAY),
        (at(TUESDAY + timedelta(days=2), 17, 30), END_OF_DAY),
        (at(FRIDAY, 16), WEEKLY_REVIEW),
        (at(FRIDAY, 17, 30), END_OF_DAY),
    ]


def test_a_disabled_rule_is_never_due() -> None:
    rule = replace(END_OF_DAY_RULE, enabled=False)
    assert due(at(MONDAY, 17, 30), [rule], ReminderState(), has_win_on=must_not_ask) == []


def test_only_if_no_win_is_suppressed_and_recorded_once_when_today_has_a_win() -> None:
    rule = replace(END_OF_DAY_RULE, only_if_no_win=True)
    log, _ = simulate(ticks(at(MONDAY, 17), at(MONDAY, 23)), [rule], has_win_on=wins_on(MONDAY))
    assert [(tick.decision.action, tick.decision.reason) for tick in log] == [
        ("skip", "suppressed")
    ]


def test_only_if_no_win_fires_when_today_has_none() -> None:
    rule = replace(END_OF_DAY_RULE, only_if_no_win=True)
    yesterday = MONDAY - timedelta(days=1)
    [decision] = due(
        at(MONDAY, 17, 30),
        [rule],
        ReminderState(handled=frozenset({(END_OF_DAY, yesterday)})),
        has_win_on=wins_on(yesterday),
    )
    assert decision.action == "fire"


def test_has_win_on_is_not_asked_for_ordinary_rules() -> None:
    [decision] = due(
        at(MONDAY, 17, 30), [END_OF_DAY_RULE], ReminderState(), has_win_on=must_not_ask
    )
    assert decision.action == "fire"


# Skip, snooze, pause


def test_skip_today_is_recorded_once_and_not_delivered() -> None:
    state = ReminderState(skipped=frozenset({(END_OF_DAY, MONDAY)}))
    log, _ = simulate(ticks(at(MONDAY, 17), at(MONDAY, 23)), [END_OF_DAY_RULE], state)
    assert [(tick.decision.action, tick.decision.reason) for tick in log] == [("skip", "skipped")]


def test_skip_today_leaves_tomorrow_alone() -> None:
    state = ReminderState(skipped=frozenset({(END_OF_DAY, MONDAY)}))
    log, _ = simulate(ticks(at(MONDAY, 17), at(TUESDAY, 23)), [END_OF_DAY_RULE], state)
    assert [tick.decision.key for tick in fires(log)] == [(END_OF_DAY, TUESDAY)]


def snoozed(minutes: int) -> ReminderState:
    """End of day fired at 17:30 on Wednesday, then snoozed for ``minutes`` from 17:31."""
    return ReminderState(
        handled=frozenset({(END_OF_DAY, MONDAY)}),
        snoozed_until={END_OF_DAY: snooze_until(at(MONDAY, 17, 31), minutes)},
    )


def test_a_snooze_fires_once_when_due_and_is_then_cleared() -> None:
    log, state = simulate(ticks(at(MONDAY, 17, 31), at(MONDAY, 23)), [END_OF_DAY_RULE], snoozed(30))
    assert [(tick.now, tick.decision.action, tick.decision.reason) for tick in log] == [
        (at(MONDAY, 18, 1), "fire", "snooze")
    ]
    assert state.snoozed_until == {}


def test_a_snooze_past_grace_is_returned_as_missed_so_the_caller_discards_it() -> None:
    log, state = simulate([at(MONDAY, 22)], [END_OF_DAY_RULE], snoozed(10))
    assert [(tick.decision.action, tick.decision.reason) for tick in log] == [("missed", "snooze")]
    assert state.snoozed_until == {}
    assert state.handled == {(END_OF_DAY, MONDAY)}  # a snooze never writes an occurrence


def test_a_snooze_in_the_future_is_not_due_yet() -> None:
    assert due(at(MONDAY, 17, 40), [END_OF_DAY_RULE], snoozed(60), has_win_on=no_wins) == []


def test_a_snooze_of_a_rule_since_switched_off_is_discarded() -> None:
    rule = replace(END_OF_DAY_RULE, enabled=False)
    [decision] = due(at(MONDAY, 18, 30), [rule], snoozed(30), has_win_on=no_wins)
    assert (decision.action, decision.reason) == ("skip", "snooze")


def test_a_snoozed_only_if_no_win_reminder_is_dropped_once_a_win_is_logged() -> None:
    rule = replace(END_OF_DAY_RULE, only_if_no_win=True)
    [decision] = due(at(MONDAY, 18, 1), [rule], snoozed(30), has_win_on=wins_on(MONDAY))
    assert (decision.action, decision.reason) == ("skip", "snooze")


def test_recording_an_old_snooze_decision_keeps_a_newer_snooze() -> None:
    old = due(at(MONDAY, 18, 1), [END_OF_DAY_RULE], snoozed(30), has_win_on=no_wins)
    newer = replace(snoozed(30), snoozed_until={END_OF_DAY: at(MONDAY, 19)})
    assert record(newer, old).snoozed_until == {END_OF_DAY: at(MONDAY, 19)}


def test_pause_until_tomorrow_skips_today_and_resumes_tomorrow() -> None:
    state = ReminderState(paused_until=pause_until_tomorrow(at(MONDAY, 12)))
    log, _ = simulate(ticks(at(MONDAY, 12), at(TUESDAY, 23)), [END_OF_DAY_RULE], state)
    assert [(tick.decision.key, tick.decision.action, tick.decision.reason) for tick in log] == [
        ((END_OF_DAY, MONDAY), "skip", "paused"),
        ((END_OF_DAY, TUESDAY), "fire", "on_time"),
    ]


def test_a_pause_also_holds_back_a_snooze() -> None:
    state = replace(snoozed(30), paused_until=pause_until_tomorrow(at(MONDAY, 17, 35)))
    [decision] = due(at(MONDAY, 18, 1), [END_OF_DAY_RULE], state, has_win_on=no_wins)
    assert (decision.action, decision.reason) == ("skip", "snooze")


def test_pause_until_tomorrow_is_the_next_local_midnight_across_dst() -> None:
    now = at(BERLIN_SPRING_FORWARD, 0, 30)  # CET; the next midnight is CEST
    midnight = pause_until_tomorrow(now)
    assert midnight == at(BERLIN_SPRING_FORWARD + timedelta(days=1), 0)
    assert utc(midnight) - utc(now) == timedelta(hours=22, minutes=30)


def test_pause_until_tomorrow_when_dst_skips_midnight_is_the_first_valid_minute() -> None:
    santiago = ZoneInfo("America/Santiago")  # 2026-09-06 00:00 does not exist there
    resumes = pause_until_tomorrow(at(date(2026, 9, 5), 12, zone=santiago))
    assert resumes == at(date(2026, 9, 6), 1, zone=santiago)


def test_snooze_until_counts_real_minutes_across_the_autumn_repeat() -> None:
    now = at(NEW_YORK_FALL_BACK, 1, 50, zone=NEW_YORK)  # EDT
    until = snooze_until(now, 30)
    assert (until.hour, until.minute, until.fold) == (1, 20, 1)  # 01:20 EST
    assert utc(until) - utc(now) == timedelta(minutes=30)


def test_a_snooze_must_last_at_least_a_minute() -> None:
    with pytest.raises(ValueError, match="at least one minute"):
        snooze_until(at(MONDAY, 17, 30), 0)


# Next occurrence, for "next reminder at ..."


def test_next_occurrence_is_the_earliest_upcoming_reminder() -> None:
    assert next_occurrence(at(FRIDAY, 12), default_rules(), ReminderState()) == at(FRIDAY, 16)


def test_next_occurrence_skips_handled_days_and_weekends() -> None:
    handled = ReminderState(handled=frozenset({(END_OF_DAY, FRIDAY), (WEEKLY_REVIEW, FRIDAY)}))
    monday = FRIDAY + timedelta(days=3)
    assert next_occurrence(at(FRIDAY, 15), default_rules(), handled) == at(monday, 17, 30)


def test_next_occurrence_includes_a_snooze_and_respects_a_pause() -> None:
    assert next_occurrence(at(MONDAY, 17, 35), [END_OF_DAY_RULE], snoozed(30)) == at(MONDAY, 18, 1)
    paused = ReminderState(paused_until=at(FRIDAY + timedelta(days=10), 0))
    assert next_occurrence(at(MONDAY, 9), [END_OF_DAY_RULE], paused) == at(
        FRIDAY + timedelta(days=10), 17, 30
    )


def test_next_occurrence_with_every_rule_off_is_none() -> None:
    rules = [replace(rule, enabled=False) for rule in default_rules()]
    assert next_occurrence(at(MONDAY, 9), rules, ReminderState()) is None


# Properties over random ticking, sleeping, clock jumps and travel

STEPS = st.one_of(
    st.just(TICK),
    st.integers(1, 120).map(lambda s: timedelta(seconds=s)),  # a slow or early tick
    st.integers(1, 36 * 60).map(lambda m: timedelta(minutes=m)),  # suspend, or the app closed
    st.sampled_from([timedelta(hours=-1), timedelta(minutes=-5)]),  # clock set back
)
ZONES = st.sampled_from([BERLIN, NEW_YORK])
PROPERTY_RULES = (
    *default_rules(),
    Rule("gap", time(2, 30), EVERY_DAY),
    Rule("repeat", time(1, 30), EVERY_DAY),
    Rule("midnight", time(0, 0), EVERY_DAY, only_if_no_win=True),
)


@settings(max_examples=150, deadline=None, database=None)
@given(
    start=st.sampled_from(
        [
            at(BERLIN_SPRING_FORWARD, 0) - timedelta(hours=6),
            at(NEW_YORK_FALL_BACK, 0, zone=NEW_YORK) - timedelta(hours=6),
            at(MONDAY, 12),
        ]
    ),
    moves=st.lists(st.tuples(STEPS, ZONES, st.integers(0, 9)), max_size=300),
)
def test_any_tick_pattern_decides_each_occurrence_at_most_once_and_fires_only_in_grace(
    start: datetime, moves: list[tuple[timedelta, ZoneInfo, int]]
) -> None:
    def instants() -> Iterator[datetime]:
        moment, zone = utc(start), start.tzinfo
        for step, new_zone, travel in moves:
            zone = new_zone if travel == 0 else zone  # travel now and then
            moment += step
            yield moment.astimezone(zone)

    log, _ = simulate(instants(), PROPERTY_RULES, has_win_on=lambda day: day.day % 2 == 0)
    occurrences = Counter(tick.decision.key for tick in log if not tick.decision.is_snooze)
    assert all(count == 1 for count in occurrences.values())
    for tick in fires(log):
        late_by = utc(tick.now) - utc(tick.decision.scheduled_at)
        assert timedelta(0) <= late_by <= GRACE
        assert tick.now.date() == tick.decision.local_date
    for tick in log:
        if tick.decision.action == "missed":
            late_by = utc(tick.now) - utc(tick.decision.scheduled_at)
            assert late_by > GRACE or tick.now.date() != tick.decision.local_date


@settings(max_examples=10, deadline=None, database=None)
@given(phase=st.integers(0, 29), zone=ZONES)
def test_steady_ticking_from_any_phase_fires_each_occurrence_once_on_time(
    phase: int, zone: ZoneInfo
) -> None:
    saturday = NEW_YORK_FALL_BACK - timedelta(days=1)
    rules = [END_OF_DAY_RULE, Rule("repeat", time(1, 30), EVERY_DAY)]
    friday = saturday - timedelta(days=1)
    start = at(saturday, 0, zone=zone) + timedelta(seconds=phase)
    log, _ = simulate(
        ticks(start, start + timedelta(days=3)),
        rules,
        ReminderState(handled=frozenset((rule.key, friday) for rule in rules)),
    )
    assert [tick.decision.key for tick in log] == [
        ("repeat", saturday),
        ("repeat", NEW_YORK_FALL_BACK),
        ("repeat", NEW_YORK_FALL_BACK + timedelta(days=1)),
        (END_OF_DAY, NEW_YORK_FALL_BACK + timedelta(days=1)),
    ]
    assert all(tick.decision.reason == "on_time" for tick in log)

"""The journal's figures (core/stats.py) against cases worked out by hand.

The calendar used: 2026-11-16 is a Monday, 2026-11-20 (the suite's TODAY) a Friday.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from smallwins_desktop.core import goals, settings, stats, wins
from smallwins_desktop.core.capture import parse
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.queries import DayTotal

WEEKDAYS = frozenset(range(5))
EVERY_DAY = frozenset(range(7))
MON = date(2026, 11, 16)
FRI = date(2026, 11, 20)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def workdays_between(first: date, last: date) -> set[date]:
    return {
        first + timedelta(days=n)
        for n in range((last - first).days + 1)
        if (first + timedelta(days=n)).weekday() < 5
    }


# -- streaks ---------------------------------------------------------------------------------


def test_a_streak_runs_across_weekends_with_monday_to_friday_workdays() -> None:
    two_weeks = workdays_between(d(9), d(20))  # Mon 9 .. Fri 20, ten workdays
    assert stats.streak(two_weeks, FRI, WEEKDAYS) == 10
    assert stats.best_streak(two_weeks, FRI, WEEKDAYS) == 10


def test_a_weekend_win_neither_extends_nor_breaks_a_streak() -> None:
    days = workdays_between(d(9), d(20)) | {d(14), d(15)}
    assert stats.streak(days, FRI, WEEKDAYS) == 10
    assert stats.streak(days, d(22), WEEKDAYS) == 10  # on Sunday the streak still stands


def test_a_gap_ends_the_run_and_the_best_streak_remembers_the_longer_one() -> None:
    days = workdays_between(d(2), d(11)) | workdays_between(d(16), d(20))  # gap: Thu 12, Fri 13
    assert stats.streak(days, FRI, WEEKDAYS) == 5
    assert stats.best_streak(days, FRI, WEEKDAYS) == 8


def test_today_without_a_win_does_not_end_the_current_or_the_best_run() -> None:
    days = workdays_between(d(16), d(19))
    assert stats.streak(days, FRI, WEEKDAYS) == 4
    assert stats.best_streak(days, FRI, WEEKDAYS) == 4
    assert stats.streak(days, d(23), WEEKDAYS) == 0  # Friday passed without one


def test_rest_days_neither_break_nor_extend_a_streak() -> None:
    days = workdays_between(d(16), d(20)) - {d(18)}
    assert stats.streak(days, FRI, WEEKDAYS) == 2
    assert stats.streak(days, FRI, WEEKDAYS, rest={d(18)}) == 4
    assert stats.streak(days | {d(18)}, FRI, WEEKDAYS, rest={d(18)}) == 4
    assert stats.best_streak(days, FRI, WEEKDAYS, rest={d(18)}) == 4


def test_a_streak_counts_the_days_of_a_dst_change_like_any_other() -> None:
    # Europe changed to summer time on Sunday 29 March 2026 and back on Sunday 25 October.
    spring = {date(2026, 3, 27) + timedelta(days=n) for n in range(5)}  # Fri .. Tue
    autumn = {date(2026, 10, 23) + timedelta(days=n) for n in range(5)}
    assert stats.streak(spring, date(2026, 3, 31), EVERY_DAY) == 5
    assert stats.streak(autumn, date(2026, 10, 27), EVERY_DAY) == 5


def test_a_back_dated_win_fills_the_gap_it_belongs_to(store: Store, now: datetime) -> None:
    for day in sorted(workdays_between(d(16), d(20)) - {d(18)}):
        wins.add(store, f"{day.isoformat()}: work", today=FRI, now=now, source="cli")
    assert stats.rhythm(store, FRI).streak == 2

    wins.add(store, "wed: remembered later", today=FRI, now=now, source="cli")

    assert stats.rhythm(store, FRI).streak == 5


# -- the habit score -------------------------------------------------------------------------


def test_the_habit_score_rises_with_each_logged_workday_and_nears_one() -> None:
    keep = 0.5 ** (1 / 13)
    assert stats.habit_score({MON}, MON, WEEKDAYS) == pytest.approx(1 - keep)
    week = workdays_between(MON, FRI)
    assert stats.habit_score(week, FRI, WEEKDAYS) == pytest.approx(1 - keep**5)
    year = workdays_between(date(2025, 11, 17), FRI)
    assert stats.habit_score(year, FRI, WEEKDAYS) > 0.99


def test_the_habit_score_decays_slowly_when_logging_stops() -> None:
    year = workdays_between(date(2025, 11, 17), date(2026, 11, 13))
    before = stats.habit_score(year, date(2026, 11, 13), WEEKDAYS)
    after_a_week = stats.habit_score(year, FRI, WEEKDAYS)
    # Mon 16 .. Thu 19 without a win; Friday 20th is today and not over
    assert after_a_week == pytest.approx(before * 0.5 ** (4 / 13))
    assert 0.75 < after_a_week < before  # a quiet week costs a fifth, not everything


def test_weekends_rest_days_and_an_unfinished_today_leave_the_score_alone() -> None:
    week = workdays_between(MON, FRI)
    score = stats.habit_score(week, FRI, WEEKDAYS)
    assert stats.habit_score(week, d(22), WEEKDAYS) == pytest.approx(score)  # Sat, Sun
    assert stats.habit_score(week, d(23), WEEKDAYS) == pytest.approx(score)  # Monday not over
    rested = stats.habit_score(week - {d(18)}, FRI, WEEKDAYS, rest={d(18)})
    assert rested == pytest.approx(stats.habit_score(workdays_between(MON, d(19)), d(19), WEEKDAYS))


# -- the heatmap -----------------------------------------------------------------------------


def test_the_heatmap_covers_52_weeks_monday_first_ending_today() -> None:
    heat = stats.heatmap({}, FRI)
    assert heat.start == MON - timedelta(weeks=51)
    assert heat.start.weekday() == 0
    assert heat.cells[-1].day == FRI
    assert len(heat.cells) == 51 * 7 + 5
    assert {c.level for c in heat.cells} == {0}


def test_heatmap_levels_follow_the_quartiles_of_the_users_own_days() -> None:
    totals = {d(n): DayTotal(wins=w, weight=w) for n, w in [(2, 1), (3, 2), (4, 3), (5, 4)]}
    totals[d(6)] = DayTotal(setbacks=2)  # setbacks alone do not shade a day
    heat = stats.heatmap(totals, FRI)
    levels = {cell.day: cell.level for cell in heat.cells}
    assert [levels[d(n)] for n in (2, 3, 4, 5, 6, 9)] == [1, 2, 3, 4, 0, 0]
    eight = {
        d(n): DayTotal(wins=1, weight=w)
        for n, w in zip(range(2, 10), [1, 1, 1, 2, 2, 5, 8, 9], strict=True)
    }
    levels = {cell.day: cell.level for cell in stats.heatmap(eight, FRI).cells}
    assert [levels[d(n)] for n in range(2, 10)] == [1, 1, 1, 2, 2, 3, 4, 4]  # cuts: 1, 2, 5


def test_impact_weighs_in_the_shading() -> None:
    totals = {d(2): DayTotal(wins=1, weight=3), d(3): DayTotal(wins=3, weight=3)}
    totals |= {d(n): DayTotal(wins=1, weight=1) for n in (4, 5, 6)}
    heat = stats.heatmap(totals, FRI)
    assert heat.cell(d(2)).level == heat.cell(d(3)).level > heat.cell(d(4)).level  # type: ignore[union-attr]


def test_a_win_late_in_the_evening_lands_on_that_local_day(store: Store) -> None:
    zone = ZoneInfo("America/Los_Angeles")
    late = datetime(2026, 11, 17, 23, 59, tzinfo=zone)  # already the 18th in UTC
    early = datetime(2026, 11, 18, 0, 1, tzinfo=zone)
    for moment in (late, early):
        draft = parse("worked late", moment.date())
        wins.add_draft(store, draft, now=moment, source="capture")

    heat = stats.rhythm(store, FRI).heatmap

    assert heat.cell(d(17)).total.wins == 1  # type: ignore[union-attr]
    assert heat.cell(d(18)).total.wins == 1  # type: ignore[union-attr]


# -- the rhythm panel ------------------------------------------------------------------------


def test_rhythm_compares_this_week_with_last_week_by_the_same_day(
    store: Store, now: datetime
) -> None:
    lines = ["2026-11-09: a", "2026-11-10: b", "2026-11-13: c", "2026-11-16: d", "setback: e"]
    for line in lines:
        wins.add(store, line, today=FRI, now=now, source="cli")
    wins.add(store, "2026-11-03: old !!!", today=FRI, now=now, source="cli")

    rhythm = stats.rhythm(store, d(17))  # Tuesday

    assert (rhythm.this_week, rhythm.last_week_so_far, rhythm.last_week) == (1, 2, 3)
    assert rhythm.week_line() == (
        "1 win this week, 1 fewer than by this day last week (3 in all last week)."
    )
    assert [w.wins for w in rhythm.weeks][-3:] == [1, 3, 1]
    assert len(rhythm.weeks) == 12
    assert rhythm.weeks[-1].monday == MON
    assert rhythm.setbacks_this_week == 0  # the setback is on Friday 20th, after Tuesday


def test_deleted_wins_and_setbacks_do_not_count_in_the_rhythm(store: Store, now: datetime) -> None:
    kept = wins.add(store, "kept", today=FRI, now=now, source="cli").win
    gone = wins.add(store, "thu: gone", today=FRI, now=now, source="cli").win
    wins.add(store, "wed: setback: lost a day", today=FRI, now=now, source="cli")
    wins.delete(store, gone.uuid, now=now)

    rhythm = stats.rhythm(store, FRI)

    assert (rhythm.streak, rhythm.this_week, rhythm.setbacks_this_week) == (1, 1, 1)
    assert rhythm.heatmap.cell(kept.day).total == DayTotal(wins=1, weight=1)  # type: ignore[union-attr]


def test_the_users_workdays_and_rest_days_shape_the_streak(store: Store, now: datetime) -> None:
    for line in ("mon: a", "tue: b", "thu: c", "fri: d"):
        wins.add(store, line, today=FRI, now=now, source="cli")
    assert stats.rhythm(store, FRI).streak == 2

    stats.set_rest_day(store, d(18), True)
    assert stats.rest_days(store) == {d(18)}
    assert stats.rhythm(store, FRI).streak == 4
    assert stats.rhythm(store, FRI).heatmap.cell(d(18)).rest  # type: ignore[union-attr]

    stats.set_rest_day(store, d(18), False)
    settings.put(store, settings.WORKDAYS, [0, 1, 3, 4])  # Wednesdays off
    assert stats.rhythm(store, FRI).streak == 4
    assert stats.today_summary(store, FRI).streak == 4


def test_every_rhythm_line_says_what_the_figure_means(store: Store, now: datetime) -> None:
    empty = stats.rhythm(store, FRI)
    assert empty.streak_line() == "A win on each workday builds a streak; days off don't break it."
    assert empty.habit_line().startswith("It starts with your first win: the score rises")
    wins.add(store, "thu: a", today=FRI, now=now, source="cli")
    one = stats.rhythm(store, FRI)
    assert one.streak_line() == (
        "1 workday in a row with a win (best: 1). Days off and rest days don't break it."
    )
    assert one.bars_line() == "Wins per week over the last 12 weeks: 0.1 on average."


def test_unreadable_rest_days_are_ignored(store: Store) -> None:
    settings.put(store, stats.REST_DAYS, ["2026-11-18", "someday", 7])
    assert stats.rest_days(store) == {d(18)}


# -- on this day -----------------------------------------------------------------------------


def test_memory_days_are_a_week_a_month_and_a_year_back() -> None:
    assert stats.memory_days(FRI) == [
        ("A week ago", d(13)),
        ("A month ago", d(20, 10)),
        ("A year ago", date(2025, 11, 20)),
    ]
    assert stats.memory_days(date(2026, 3, 31))[1] == ("A month ago", date(2026, 2, 28))
    assert stats.memory_days(date(2028, 2, 29))[2] == ("A year ago", date(2027, 2, 28))
    assert stats.memory_days(date(2026, 1, 15))[1] == ("A month ago", date(2025, 12, 15))


def test_on_this_day_shows_only_the_days_that_have_wins(store: Store, now: datetime) -> None:
    wins.add(store, "2026-11-13: a week ago", today=FRI, now=now, source="cli")
    wins.add(store, "2025-11-20: a year ago", today=FRI, now=now, source="cli")
    wins.add(store, "2026-10-20: setback: a setback a month ago", today=FRI, now=now, source="cli")

    found = stats.on_this_day(store, FRI)

    assert [(m.label, [w.text for w in m.wins]) for m in found] == [
        ("A week ago", ["a week ago"]),
        ("A year ago", ["a year ago"]),
    ]


def test_goals_do_not_change_the_figures(store: Store, now: datetime) -> None:
    goals.create(store, "Release", now=now, slug="release")
    wins.add(store, "shipped +release !!", today=FRI, now=now, source="cli")
    assert stats.rhythm(store, FRI).heatmap.cell(FRI).total == DayTotal(1, 0, 2)  # type: ignore[union-attr]

"""Each insight triggers at its boundary and not just short of it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from smallwins_desktop.core import bulk, goals, insights, reflections, stats
from smallwins_desktop.core.capture import parse
from smallwins_desktop.core.db import Store

FRI = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 15, tzinfo=timezone.utc)


def _add(store: Store, *lines: tuple[str, date]) -> None:
    bulk.add_many(store, [(parse(text, day), None) for text, day in lines], now=NOW, source="cli")


def _keys(store: Store, today: date = FRI) -> set[str]:
    return {i.key for i in insights.insights(store, today)}


# -- clustering ------------------------------------------------------------------------------


@pytest.mark.parametrize(("tagged", "fires"), [(7, False), (8, True)])
def test_clustering_needs_over_seventy_percent_of_the_months_wins(
    store: Store, tagged: int, fires: bool
) -> None:
    _add(store, *[(f"Tagged {n} #code", FRI - timedelta(days=n)) for n in range(tagged)])
    _add(store, *[(f"Other {n} #docs", FRI - timedelta(days=n)) for n in range(10 - tagged)])
    found = insights.clustering(store, FRI)
    assert (found is not None) == fires  # 7 of 10 is 70%: not over it
    if found:
        assert found.title == "Most of your wins are about #code"
        assert found.numbers == "8 of your 10 wins in the last 30 days (80%) are #code."


def test_clustering_counts_only_the_last_thirty_days_and_needs_enough_wins(store: Store) -> None:
    _add(store, *[(f"Old {n} #code", FRI - timedelta(days=30 + n)) for n in range(20)])
    _add(store, *[(f"New {n} #code", FRI - timedelta(days=n)) for n in range(9)])
    assert insights.clustering(store, FRI) is None  # 9 recent wins: too few to say
    goals.create(store, "Launch", now=NOW, slug="launch")
    _add(store, *[(f"Launch step {n} +launch", FRI) for n in range(10)])
    assert insights.clustering(store, FRI) is None  # 10 of 19 (53%) +launch, 9 #code


def test_a_goal_can_be_the_cluster(store: Store) -> None:
    goals.create(store, "Launch", now=NOW, slug="launch")
    _add(store, *[(f"Step {n} +launch", FRI - timedelta(days=n % 5)) for n in range(12)])
    found = insights.clustering(store, FRI)
    assert found is not None
    assert found.title == "Most of your wins are about +launch"


# -- confidence ------------------------------------------------------------------------------


def _week_of(monday: date, confidence: int | None, wins_count: int, store: Store) -> None:
    if confidence is not None:
        reflections.save(store, monday, now=NOW, confidence=confidence)
    _add(store, *[(f"Win {monday} {n}", monday + timedelta(days=1)) for n in range(wins_count)])


@pytest.mark.parametrize(
    ("weekly", "fires"),
    [
        ((3, 3, 3), True),  # flat
        ((4, 3, 3), True),  # falling
        ((3, 3, 4), False),  # rose at the end
        ((3, 4, 3), False),  # rose, then fell
    ],
)
def test_confidence_not_rising_over_three_weeks_while_wins_came(
    store: Store, weekly: tuple[int, int, int], fires: bool
) -> None:
    this_monday = stats.monday_of(FRI)
    for n, confidence in enumerate(weekly):
        _week_of(this_monday - timedelta(weeks=2 - n), confidence, 3, store)
    found = insights.confidence_not_rising(store, FRI)
    assert (found is not None) == fires
    if found:
        assert "Weekly confidence over the last 3 weeks" in found.numbers


def test_confidence_says_nothing_without_enough_wins_or_answers(store: Store) -> None:
    this_monday = stats.monday_of(FRI)
    _week_of(this_monday - timedelta(weeks=2), 3, 3, store)
    _week_of(this_monday - timedelta(weeks=1), 3, 2, store)  # only two wins that week
    _week_of(this_monday, 3, 3, store)
    assert insights.confidence_not_rising(store, FRI) is None
    _add(store, ("The third win", this_monday - timedelta(days=6)))
    assert insights.confidence_not_rising(store, FRI) is not None
    weeks = insights.confidence_by_week(store, FRI, weeks=4)
    assert [w.mean for w in weeks] == [None, 3.0, 3.0, 3.0]


# -- overload --------------------------------------------------------------------------------


@pytest.mark.parametrize(("active", "fires"), [(5, False), (6, True)])
def test_overload_is_more_active_micro_goals_than_the_limit(
    store: Store, active: int, fires: bool
) -> None:
    goals.create(store, "The objective", now=NOW, slug="objective")
    for n in range(active):
        goals.create(store, f"Micro {n}", now=NOW, slug=f"micro-{n}", parent="objective")
    found = insights.overload(store)
    assert (found is not None) == fires  # the objective holding them is not counted
    if found:
        assert found.numbers == "6 micro-goals are active; 5 is the limit you set."


def test_the_limit_is_the_users_setting(store: Store) -> None:
    for n in range(4):
        goals.create(store, f"Goal {n}", now=NOW, slug=f"goal-{n}")
    assert "overload" not in _keys(store)
    from smallwins_desktop.core import config

    config.put(store, config.GOALS_ACTIVE_LIMIT, 3, now=NOW)
    assert "overload" in _keys(store)


# -- gaps ------------------------------------------------------------------------------------


def test_a_gap_is_three_workdays_without_wins_weekends_and_rest_days_aside(store: Store) -> None:
    monday = stats.monday_of(FRI)  # Mon 16 Nov
    _add(store, ("Last win", monday - timedelta(days=3)))  # Fri 13
    assert insights.gap(store, monday + timedelta(days=2)) is None  # Mon, Tue: two workdays
    found = insights.gap(store, monday + timedelta(days=3))  # Mon, Tue, Wed
    assert found is not None
    assert found.numbers == "No wins on the last 3 workdays."
    assert "begin again" in found.advice
    stats.set_rest_day(store, monday + timedelta(days=1), True)  # Tuesday off
    assert insights.gap(store, monday + timedelta(days=3)) is None


def test_a_new_journal_has_no_gap_nor_one_whose_first_win_is_today(store: Store) -> None:
    assert insights.gap(store, FRI) is None
    _add(store, ("My first win", FRI))
    assert insights.gap(store, FRI) is None  # nothing before it to count as missed
    assert insights.gap(store, FRI + timedelta(days=3)) is None  # Sat, Sun, Mon: one workday
    assert insights.gap(store, FRI + timedelta(days=6)) is not None  # Mon, Tue, Wed


def test_a_win_today_ends_the_quiet_stretch(store: Store) -> None:
    _add(store, ("Long ago", FRI - timedelta(days=14)))
    assert insights.gap(store, FRI) is not None
    _add(store, ("Back at it", FRI))
    assert insights.gap(store, FRI) is None


def test_a_stretch_longer_than_the_window_says_or_more(store: Store) -> None:
    _add(store, ("Very long ago", FRI - timedelta(days=200)))
    found = insights.gap(store, FRI)
    assert found is not None
    assert found.numbers.endswith("workdays (or more).")


# -- heavy week ------------------------------------------------------------------------------


def test_a_heavy_week_has_more_setbacks_than_wins_and_brings_back_past_wins(
    store: Store,
) -> None:
    monday = stats.monday_of(FRI)
    _add(
        store,
        ("Shipped the beta !!!", monday - timedelta(days=10)),
        ("Small fix", monday - timedelta(days=3)),
        ("One win", monday),
        ("setback: The demo crashed", monday + timedelta(days=1)),
    )
    assert insights.heavy_week(store, FRI) is None  # one each: not heavier
    _add(store, ("setback: Missed the review", monday + timedelta(days=2)))
    found = insights.heavy_week(store, FRI)
    assert found is not None
    assert found.numbers == "This week: 2 setbacks and 1 win."
    assert [w.text for w in found.wins] == ["Shipped the beta", "Small fix"]

"""Specification of celebrations: in proportion to impact, milestones once, never overdone."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smallwins_desktop.core.celebrate import (
    BIG,
    MEDIUM,
    NONE,
    SETBACK_HEADLINE,
    SMALL,
    Celebration,
    Milestone,
    celebration_for,
    milestones_reached,
    ordinal,
)


def celebrate(
    impact: int = SMALL,
    kind: str = "win",
    wins_today: int = 4,
    total_wins: int = 42,
    streak: int = 1,
    already_celebrated: frozenset[str] = frozenset(),
) -> Celebration:
    return celebration_for(
        impact=impact,
        kind=kind,
        wins_today=wins_today,
        total_wins=total_wins,
        streak=streak,
        already_celebrated=already_celebrated,
    )


# In proportion to impact


def test_a_small_win_gets_a_quiet_check_and_its_number_for_the_day() -> None:
    assert celebrate(impact=SMALL, wins_today=4) == Celebration(SMALL, "Win #4 today")


def test_a_medium_win_gets_a_warmer_line_with_the_count_below() -> None:
    celebration = celebrate(impact=MEDIUM, wins_today=2)
    assert celebration.level == MEDIUM
    assert celebration.headline == "Nice — that moved things forward."
    assert celebration.detail == "Win #2 today"


def test_a_big_win_gets_the_biggest_celebration() -> None:
    celebration = celebrate(impact=BIG, wins_today=1, streak=1)
    assert (celebration.level, celebration.headline) == (BIG, "A big one. Well done!")
    assert celebration.detail == "Win #1 today"


def test_a_setback_is_acknowledged_kindly_not_celebrated() -> None:
    assert celebrate(kind="setback", impact=BIG, total_wins=10) == Celebration(
        NONE, SETBACK_HEADLINE
    )
    assert SETBACK_HEADLINE == "Noted. Setbacks are how we learn."


def test_a_streak_worth_naming_is_mentioned_beside_the_first_medium_win_of_the_day() -> None:
    assert celebrate(impact=MEDIUM, wins_today=1, streak=4).detail == (
        "Win #1 today · 4 workdays in a row"
    )
    assert celebrate(impact=MEDIUM, wins_today=2, streak=4).detail == "Win #2 today"
    assert celebrate(impact=MEDIUM, wins_today=1, streak=2).detail == "Win #1 today"
    assert celebrate(impact=SMALL, wins_today=1, streak=4).detail == ""


# Milestones


def test_the_first_win_ever_is_a_milestone_and_lifts_a_small_win_to_medium() -> None:
    celebration = celebrate(impact=SMALL, wins_today=1, total_wins=1)
    assert celebration == Celebration(MEDIUM, "Win #1 today", "Your first win!", "wins:1")


def test_the_tenth_win_is_a_milestone() -> None:
    celebration = celebrate(total_wins=10)
    assert (celebration.detail, celebration.milestone) == ("Your 10th win!", "wins:10")


def test_a_milestone_never_lowers_a_big_win() -> None:
    assert celebrate(impact=BIG, total_wins=100).level == BIG


def test_a_count_between_milestones_is_not_a_milestone() -> None:
    assert celebrate(total_wins=11).milestone is None


def test_a_streak_milestone_is_reached_by_the_first_win_of_the_day_only() -> None:
    first = celebrate(wins_today=1, total_wins=42, streak=5)
    assert (first.milestone, first.detail) == ("streak:5", "5 workdays in a row!")
    assert celebrate(wins_today=2, total_wins=43, streak=5).milestone is None


def test_two_milestones_at_once_are_both_named() -> None:
    celebration = celebrate(wins_today=1, total_wins=50, streak=10)
    assert celebration.milestone == "wins:50"
    assert celebration.detail == "Your 50th win! 10 workdays in a row!"


def test_a_milestone_already_celebrated_is_not_celebrated_again() -> None:
    again = celebrate(total_wins=10, already_celebrated=frozenset({"wins:10"}))
    assert again == Celebration(SMALL, "Win #4 today")


@pytest.mark.parametrize(
    ("total_wins", "expected"),
    [
        (0, []),
        (1, [1]),
        (9, [1]),
        (10, [1, 10]),
        (1000, [1, 10, 25, 50, 100, 250, 500, 1000]),
        (5000, [1, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000]),
    ],
)
def test_win_milestones_are_1_10_25_50_100_and_so_on(total_wins: int, expected: list[int]) -> None:
    assert milestones_reached(total_wins, 0) == [Milestone("wins", n) for n in expected]


def test_streak_milestones_are_5_10_20_50_workdays() -> None:
    assert [m.key for m in milestones_reached(0, 50)] == [
        "streak:5",
        "streak:10",
        "streak:20",
        "streak:50",
    ]
    assert milestones_reached(0, 4) == []


def test_milestone_keys_and_labels_are_stable() -> None:
    assert [(m.key, m.label) for m in milestones_reached(25, 5)] == [
        ("wins:1", "Your first win!"),
        ("wins:10", "Your 10th win!"),
        ("wins:25", "Your 25th win!"),
        ("streak:5", "5 workdays in a row!"),
    ]


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th"), (1000, "1000th")],
)  # fmt: skip
def test_ordinals(number: int, text: str) -> None:
    assert ordinal(number) == text


# Refusals and invariants


@pytest.mark.parametrize(
    "arguments",
    [{"impact": 0}, {"impact": 4}, {"kind": "party"}, {"wins_today": -1}, {"streak": -1}],
)
def test_nonsense_is_refused(arguments: dict[str, Any]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - messages are for people, not for matching
        celebrate(**arguments)


@settings(max_examples=300, database=None)
@given(
    impact=st.integers(1, 3),
    wins_today=st.integers(1, 50),
    total_wins=st.integers(1, 3000),
    streak=st.integers(0, 300),
)
def test_a_win_is_celebrated_in_proportion_never_below_its_impact_never_overdone(
    impact: int, wins_today: int, total_wins: int, streak: int
) -> None:
    celebration = celebrate(impact, "win", wins_today, max(total_wins, wins_today), streak)
    assert impact <= celebration.level <= max(impact, MEDIUM)
    assert celebration.headline
    if celebration.milestone is None:
        assert celebration.level == impact

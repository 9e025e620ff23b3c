"""Specification of reminder messages and the caps that keep Small Wins from nagging."""

from __future__ import annotations

import pytest

from smallwins_desktop.core.nudges import (
    DAILY_CAP,
    Nudge,
    may_notify,
    reminder_message,
)
from smallwins_desktop.core.reminders import END_OF_DAY, WEEKLY_REVIEW


def end_of_day(wins_today: int = 0, setbacks_today: int = 0, streak: int = 0) -> Nudge:
    return reminder_message(
        END_OF_DAY, wins_today=wins_today, setbacks_today=setbacks_today, streak=streak
    )


# End of day


def test_with_no_win_yet_it_asks_what_moved_forward() -> None:
    assert end_of_day() == Nudge("Small Wins", "What moved forward today?")


def test_with_wins_it_counts_them_and_asks_for_more() -> None:
    assert end_of_day(wins_today=3).body == "3 wins today — anything else worth noting?"


def test_a_single_win_is_singular() -> None:
    assert end_of_day(wins_today=1).body == "1 win today — anything else worth noting?"


def test_a_streak_worth_naming_is_named() -> None:
    assert end_of_day(wins_today=2, streak=5).body == (
        "2 wins today — anything else worth noting? 5 workdays in a row."
    )


def test_a_short_streak_is_not_named() -> None:
    assert end_of_day(wins_today=2, streak=2).body == "2 wins today — anything else worth noting?"


def test_a_streak_is_not_named_before_today_has_a_win() -> None:
    assert end_of_day(wins_today=0, streak=5).body == "What moved forward today?"


def test_a_day_of_setbacks_only_gets_a_gentle_word() -> None:
    body = end_of_day(setbacks_today=2).body
    assert body.endswith("What moved forward today?")
    assert "small step" in body


def test_an_unknown_rule_gets_the_daily_nudge() -> None:
    custom = reminder_message("lunch", wins_today=0, setbacks_today=0, streak=0)
    assert custom == end_of_day()


# Weekly review


def test_the_weekly_review_invites_a_look_back() -> None:
    nudge = reminder_message(WEEKLY_REVIEW, wins_today=2, setbacks_today=0, streak=5)
    assert nudge == Nudge(
        "Small Wins", "Time for your weekly review — look back over this week's wins."
    )


@pytest.mark.parametrize(("count", "words"), [(1, "1 win"), (12, "12 wins")])
def test_the_weekly_review_counts_the_weeks_wins(count: int, words: str) -> None:
    nudge = reminder_message(
        WEEKLY_REVIEW, wins_today=0, setbacks_today=0, streak=0, wins_this_week=count
    )
    assert nudge.body == f"Time for your weekly review — look back over this week's {words}."


def test_negative_counts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        end_of_day(wins_today=-1)


# Caps


def test_at_most_three_notifications_a_day() -> None:
    assert DAILY_CAP == 3
    assert [may_notify(sent) for sent in range(5)] == [True, True, True, False, False]


def test_the_cap_can_be_changed() -> None:
    assert may_notify(1, cap=2)
    assert not may_notify(2, cap=2)
    assert not may_notify(0, cap=0)

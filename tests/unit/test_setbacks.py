"""A setback is answered with one past win from its goal or a tag (core/setbacks.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from smallwins_desktop.core import goals, setbacks, wins
from smallwins_desktop.core.db import Store

TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc)


def _add(store: Store, line: str, *, days_ago: int = 0) -> wins.WinRecord:
    return wins.add(store, line, today=TODAY - timedelta(days=days_ago), now=NOW).win


def test_a_win_of_the_same_goal_comes_first_the_biggest_then_the_newest(store: Store) -> None:
    goals.create(store, "Release", now=NOW, slug="release")
    _add(store, "Small step +release #ci", days_ago=1)
    _add(store, "Big step long ago +release !!!", days_ago=30)
    _add(store, "Big step lately +release !!!", days_ago=3)
    _add(store, "Tagged only #ci !!!", days_ago=2)
    setback = _add(store, "setback: The release build broke +release #ci")

    found = setbacks.past_win_for(store, setback.uuid)

    assert found is not None
    assert found.text == "Big step lately"
    assert setbacks.resurfaced_line(found) == (
        "You moved this forward before: Big step lately (Tue 17 Nov 2026)"
    )


def test_without_a_goal_a_win_sharing_a_tag_is_found(store: Store) -> None:
    _add(store, "Fixed the flaky test #testing", days_ago=4)
    _add(store, "Unrelated big thing #cooking !!!", days_ago=1)
    setback = _add(store, "setback: Tests are red again #testing")

    found = setbacks.past_win_for(store, setback.uuid)

    assert found is not None
    assert found.text == "Fixed the flaky test"


def test_a_goal_without_wins_falls_back_to_a_tag(store: Store) -> None:
    goals.create(store, "Release", now=NOW, slug="release")
    _add(store, "Wrote the tests #testing", days_ago=2)
    setback = _add(store, "setback: Release slipped +release #testing")

    found = setbacks.past_win_for(store, setback.uuid)

    assert found is not None
    assert found.text == "Wrote the tests"


def test_setbacks_the_trash_later_days_and_strangers_are_never_resurfaced(
    store: Store,
) -> None:
    _add(store, "setback: An older setback #testing", days_ago=3)
    gone = _add(store, "Deleted win #testing", days_ago=2)
    wins.delete(store, gone.uuid, now=NOW)
    _add(store, "Other tag #cooking", days_ago=1)
    setback = _add(store, "setback: Broke it #testing", days_ago=1)
    _add(store, "A win after the setback's day #testing")

    assert setbacks.past_win_for(store, setback.uuid) is None


def test_a_setback_with_neither_goal_nor_tag_or_a_win_gets_nothing(store: Store) -> None:
    _add(store, "Some win", days_ago=1)
    plain = _add(store, "setback: A bad day")
    win = _add(store, "A win #testing")

    assert setbacks.past_win_for(store, plain.uuid) is None
    assert setbacks.past_win_for(store, win.uuid) is None
    assert setbacks.past_win_for(store, "00000000-0000-4000-8000-000000000000") is None

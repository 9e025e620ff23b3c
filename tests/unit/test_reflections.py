"""The daily reflection in core: saved, edited, checked, and its pick-up note recalled the next
working morning at most once."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from smallwins_desktop.core import reflections
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.errors import CaptureError

THU = date(2026, 11, 19)
FRI = date(2026, 11, 20)
MON = date(2026, 11, 23)


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.utc)


def test_a_reflection_is_saved_and_edited_later_keeping_what_was_not_changed(
    store: Store,
) -> None:
    first = reflections.save(
        store,
        THU,
        now=_at(THU, 17),
        moved_forward="  The parser handles dates  ",
        pick_up="Write the tests",
        confidence=4,
    )
    assert (first.moved_forward, first.pick_up, first.confidence) == (
        "The parser handles dates",
        "Write the tests",
        4,
    )
    assert first.got_in_the_way == ""
    edited = reflections.save(store, THU, now=_at(FRI, 9), got_in_the_way="Meetings")
    assert edited.moved_forward == "The parser handles dates"
    assert edited.got_in_the_way == "Meetings"
    assert edited.created_at == first.created_at
    assert edited.updated_at == _at(FRI, 9)
    assert reflections.between(store, THU, FRI) == [edited]


def test_every_answer_is_optional(store: Store) -> None:
    empty = reflections.save(store, THU, now=_at(THU, 17))
    assert empty.is_empty()
    assert reflections.get(store, THU) == empty


@pytest.mark.parametrize(
    "answers",
    [
        {"confidence": 0},
        {"confidence": 6},
        {"confidence": True},
        {"confidence": "4"},
        {"helped": "x" * (reflections.MAX_ANSWER_LENGTH + 1)},
        {"mood": "fine"},
        {"helped": 3},
    ],
)
def test_a_bad_answer_is_refused_and_nothing_changes(
    store: Store, answers: dict[str, object]
) -> None:
    before = reflections.save(store, THU, now=_at(THU, 17), helped="Pairing")
    with pytest.raises(CaptureError):
        reflections.save(store, THU, now=_at(THU, 18), **answers)
    assert reflections.get(store, THU) == before


def test_a_weekly_reflection_is_filed_under_its_monday(store: Store) -> None:
    weekly = reflections.save(
        store, FRI, now=_at(FRI, 16), kind=reflections.WEEKLY, moved_forward="The beta"
    )
    assert weekly.day == FRI - timedelta(days=4)
    assert reflections.get(store, FRI) is None  # a daily one is apart


def test_the_pick_up_note_comes_the_next_working_morning_once(store: Store) -> None:
    note = reflections.save(store, THU, now=_at(THU, 17), pick_up="Write the tests")
    assert reflections.pick_up_to_recall(store, _at(THU, 20)) is None  # not the same day
    assert reflections.pick_up_to_recall(store, _at(FRI, 8, 59)) is None  # before 9:00
    due = reflections.pick_up_to_recall(store, _at(FRI, 9))
    assert due == note
    assert reflections.recall_text(note, FRI) == "Yesterday you planned: Write the tests"
    reflections.mark_recalled(store, note)
    assert reflections.pick_up_to_recall(store, _at(FRI, 11)) is None  # at most once
    assert reflections.pick_up_to_recall(store, _at(MON, 9)) is None


def test_a_friday_note_comes_on_monday_not_on_the_weekend(store: Store) -> None:
    note = reflections.save(store, FRI, now=_at(FRI, 17), pick_up="Review the plan")
    saturday = FRI + timedelta(days=1)
    assert reflections.pick_up_to_recall(store, _at(saturday, 10)) is None
    assert reflections.pick_up_to_recall(store, _at(MON, 9, 30)) == note
    assert reflections.recall_text(note, MON) == "On Friday you planned: Review the plan"


def test_an_old_note_is_not_recalled_and_an_empty_one_never(store: Store) -> None:
    reflections.save(store, THU - timedelta(days=7), now=_at(THU, 17), pick_up="Long ago")
    assert reflections.pick_up_to_recall(store, _at(FRI, 9)) is None
    reflections.save(store, THU, now=_at(THU, 17), moved_forward="No plan written")
    assert reflections.pick_up_to_recall(store, _at(FRI, 9)) is None


def test_the_users_workdays_decide_the_working_morning(store: Store) -> None:
    note = reflections.save(store, THU, now=_at(THU, 17), pick_up="Ship it")
    four_days = {0, 1, 2, 3}  # Monday to Thursday
    assert reflections.pick_up_to_recall(store, _at(FRI, 9), workdays=four_days) is None
    assert reflections.pick_up_to_recall(store, _at(MON, 9), workdays=four_days) == note


def test_the_morning_hour_is_the_users_setting(store: Store) -> None:
    from smallwins_desktop.core import config

    note = reflections.save(store, THU, now=_at(THU, 17), pick_up="Early start")
    assert config.get(store, config.MORNING_HOUR) == 9
    config.put(store, config.MORNING_HOUR, "7", now=_at(THU, 18))
    hour = config.get(store, config.MORNING_HOUR)
    assert hour == 7
    assert reflections.pick_up_to_recall(store, _at(FRI, 6, 59), morning_hour=hour) is None
    assert reflections.pick_up_to_recall(store, _at(FRI, 7), morning_hour=hour) == note
    with pytest.raises(config.SettingError, match="0 to 23"):
        config.put(store, config.MORNING_HOUR, 24, now=_at(THU, 18))
    assert config.get(store, config.MORNING_HOUR) == 7

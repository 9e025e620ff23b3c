"""The weekly review's figures: wins by goal, against last week by the same day, setbacks,
micro-goals done and due, and the confidence trend."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from smallwins_desktop.core import bulk, goals, reflections, review
from smallwins_desktop.core.capture import parse
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.models import Goal

FRI = date(2026, 11, 20)
MON = date(2026, 11, 16)
NOW = datetime(2026, 11, 20, 15, tzinfo=timezone.utc)


def _add(store: Store, *lines: tuple[str, date]) -> None:
    bulk.add_many(store, [(parse(text, day), None) for text, day in lines], now=NOW, source="cli")


def test_the_weeks_wins_are_grouped_by_goal_and_counted_against_last_week(store: Store) -> None:
    goals.create(store, "Launch the beta", now=NOW, slug="beta")
    _add(
        store,
        ("Fixed the installer +beta", MON),
        ("Wrote the notes +beta", MON + timedelta(days=2)),
        ("Helped Sam", MON + timedelta(days=3)),
        ("setback: The demo crashed", MON + timedelta(days=1)),
        ("Last week's win", MON - timedelta(days=5)),  # Wed of last week: counted
        ("Last Friday's win", MON - timedelta(days=3)),  # after this day last week: not
    )
    week = review.week_review(store, MON + timedelta(days=3))  # Thursday
    assert [(g.title, [w.text for w in g.wins]) for g in week.groups] == [
        ("Launch the beta", ["Fixed the installer", "Wrote the notes"]),
        ("Other wins", ["Helped Sam"]),
    ]
    assert (week.wins, week.last_week_wins) == (3, 1)
    assert week.count_line() == "3 wins, 2 more than by this day last week."
    assert [w.text for w in week.setbacks] == ["The demo crashed"]


def test_micro_goals_done_this_week_and_those_due_soon_or_overdue(store: Store) -> None:
    goals.create(store, "Objective", now=NOW, slug="objective")
    goals.create(
        store, "Due Tuesday", now=NOW, slug="tue", parent="objective", due=FRI + timedelta(days=4)
    )
    goals.create(
        store, "Overdue", now=NOW, slug="late", parent="objective", due=FRI - timedelta(days=9)
    )
    goals.create(
        store, "Far off", now=NOW, slug="far", parent="objective", due=FRI + timedelta(days=30)
    )
    goals.create(store, "Done Wednesday", now=NOW, slug="done", parent="objective")
    with store.bound():
        Goal.update(status="done", done_at=NOW - timedelta(days=2)).where(
            Goal.slug == "done"
        ).execute()
    week = review.week_review(store, FRI)
    assert [g.slug for g in week.done] == ["done"]
    assert [g.slug for g in week.due] == ["late", "tue"]  # overdue first, by date


def test_the_confidence_trend_compares_this_week_with_last(store: Store) -> None:
    week = review.week_review(store, FRI)
    assert week.confidence_line().startswith("No confidence noted this week")
    reflections.save(store, MON - timedelta(days=4), now=NOW, confidence=3)
    reflections.save(store, MON, now=NOW, confidence=4)
    reflections.save(store, MON + timedelta(days=1), now=NOW, confidence=5)
    week = review.week_review(store, FRI)
    assert week.confidence == 4.5
    assert week.confidence_line() == "Confidence this week: 4.5 of 5, up from 3.0 last week."


def test_an_empty_week_reads_plainly(store: Store) -> None:
    week = review.week_review(store, FRI)
    assert week.groups == ()
    assert week.count_line() == "0 wins, as many as by this day last week."

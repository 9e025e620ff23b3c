"""The Goals view (app/journal/goals_view.py): completing a micro-goal records a win, the
overload warning shows where goals are added, and bad input is said inline."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.goals_view import GoalsView
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.window import JournalWindow
from smallwins_desktop.core import config, goals, wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store


@pytest.fixture
def view(journal: Journal, qtbot: QtBot) -> GoalsView:
    view = GoalsView(journal)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def _seed_launch(store: Store, clock: FixedClock) -> None:
    goals.create(store, "Launch the site", now=clock.now(), slug="launch")
    goals.create(
        store, "Ship the landing page", now=clock.now(), slug="site", parent="launch", target=3,
        due=date(2026, 11, 27),
    )  # fmt: skip
    goals.create(
        store, "Write the docs", now=clock.now(), slug="docs", parent="launch",
        due=date(2026, 11, 19),
    )  # fmt: skip
    wins.add(store, "Built the hero +site", today=clock.now().date(), now=clock.now())


def test_the_view_lists_objectives_and_micro_goals_with_their_progress(
    store: Store, clock: FixedClock, journal: Journal, qtbot: QtBot
) -> None:
    _seed_launch(store, clock)
    view = GoalsView(journal)
    qtbot.addWidget(view)

    assert list(view.rows) == ["launch", "site", "docs"]
    site = view.rows["site"]
    assert site.bar.progress == goals.Progress(1, 3, done=False)
    assert site.count.text() == "1/3"
    assert site.due.text() == "Due 2026-11-27"
    assert view.rows["docs"].due.text() == "Overdue since 2026-11-19"
    assert view.rows["launch"].bar.accessibleDescription() == "0 of 2"


def test_pressing_done_records_the_win_and_celebrates(
    store: Store, clock: FixedClock, journal: Journal, view: GoalsView, qtbot: QtBot
) -> None:
    _seed_launch(store, clock)
    view.refresh()
    completed: list[str] = []
    view.goal_completed.connect(completed.append)

    qtbot.mouseClick(view.rows["site"].done_button, Qt.MouseButton.LeftButton)

    assert completed == ["site"]
    assert goals.find(store, "site").status == "done"
    texts = [(w.text, w.impact) for w in wins.list_wins(store)]
    assert ("Completed: Ship the landing page", 2) in texts
    assert "Nice — that moved things forward." in view.message.text()
    assert "site" not in view.rows  # done goals leave the list of active ones
    assert view.rows["launch"].bar.progress == goals.Progress(1, 2, done=False)


def test_done_on_an_objective_with_open_micro_goals_is_refused_inline(
    store: Store, clock: FixedClock, view: GoalsView, qtbot: QtBot
) -> None:
    _seed_launch(store, clock)
    view.refresh()

    qtbot.mouseClick(view.rows["launch"].done_button, Qt.MouseButton.LeftButton)

    assert "finish or drop them first" in view.message.text()
    assert view.message.property("problem") is True
    assert goals.find(store, "launch").status == "active"


def test_drop_lets_a_goal_go_without_a_win(
    store: Store, clock: FixedClock, view: GoalsView, qtbot: QtBot
) -> None:
    _seed_launch(store, clock)
    view.refresh()

    qtbot.mouseClick(view.rows["docs"].drop_button, Qt.MouseButton.LeftButton)

    assert goals.find(store, "docs").status == "dropped"
    assert [w.text for w in wins.list_wins(store)] == ["Built the hero"]
    assert "docs" not in view.rows


def test_adding_past_the_limit_shows_the_overload_warning(
    store: Store, clock: FixedClock, view: GoalsView, qtbot: QtBot
) -> None:
    config.put(store, config.GOALS_ACTIVE_LIMIT, 2, now=clock.now())
    for title in ("One", "Two"):
        qtbot.keyClicks(view.title_edit, title)
        qtbot.keyClick(view.title_edit, Qt.Key.Key_Return)
    assert not view.overload_label.isVisible()

    qtbot.keyClicks(view.title_edit, "Three")
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)

    assert [g.title for g in goals.list_goals(store)] == ["One", "Two", "Three"]
    assert view.overload_label.isVisible()
    assert "3 active micro-goals; your limit is 2" in view.overload_label.text()


def test_the_add_row_takes_an_objective_a_target_and_a_due_date(
    store: Store, clock: FixedClock, view: GoalsView, qtbot: QtBot
) -> None:
    goals.create(store, "Launch", now=clock.now(), slug="launch")
    view.refresh()
    qtbot.keyClicks(view.title_edit, "Record a demo")
    view.under.setCurrentIndex(view.under.findData("launch"))
    view.target.setValue(2)
    qtbot.keyClicks(view.due_edit, "2026-12-01")
    qtbot.keyClicks(view.criteria, "On the site")

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)

    demo = goals.find(store, "record-a-demo")
    assert (demo.parent, demo.target, demo.due, demo.criteria) == (
        "launch",
        2,
        date(2026, 12, 1),
        "On the site",
    )
    assert "record-a-demo" in view.rows
    assert view.title_edit.text() == ""


def test_a_bad_due_date_is_said_inline_and_nothing_is_added(
    store: Store, view: GoalsView, qtbot: QtBot
) -> None:
    qtbot.keyClicks(view.title_edit, "Something")
    qtbot.keyClicks(view.due_edit, "next week")

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)

    assert "2026-12-01" in view.message.text()
    assert goals.list_goals(store) == []
    assert view.title_edit.text() == "Something"  # kept, to fix and try again


def test_the_journal_window_opens_the_goals_view_from_its_view_menu(
    journal: Journal, qtbot: QtBot
) -> None:
    window = JournalWindow(journal)
    qtbot.addWidget(window)

    window.goals_action.trigger()

    shown = window.show_goals()
    assert shown.isVisible()
    assert shown is window.show_goals()  # one, shown again


def test_undo_right_after_done_reopens_the_goal_and_trashes_its_win(
    store: Store, clock: FixedClock, journal: Journal, view: GoalsView, qtbot: QtBot
) -> None:
    _seed_launch(store, clock)
    view.refresh()
    qtbot.mouseClick(view.rows["site"].done_button, Qt.MouseButton.LeftButton)
    assert view.undo_button.isVisible()
    reopened: list[str] = []
    view.goal_reopened.connect(reopened.append)

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)

    assert reopened == ["site"]
    assert goals.find(store, "site").status == "active"
    assert [w.text for w in wins.list_wins(store)] == ["Built the hero"]
    assert [w.text for w in wins.trash(store)] == ["Completed: Ship the landing page"]
    assert journal.rhythm().this_week == 1  # the completion no longer counts
    assert view.rows["site"].bar.progress == goals.Progress(1, 3, done=False)
    assert view.rows["site"].done_button.isEnabled()
    assert "Reopened: Ship the landing page" in view.message.text()
    assert "went to the trash" in view.message.text()
    assert not view.undo_button.isVisible()


def test_undo_after_drop_brings_the_goal_back(
    store: Store, clock: FixedClock, view: GoalsView, qtbot: QtBot
) -> None:
    _seed_launch(store, clock)
    view.refresh()
    qtbot.mouseClick(view.rows["launch"].drop_button, Qt.MouseButton.LeftButton)
    assert list(view.rows) == []

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)

    assert list(view.rows) == ["launch", "site", "docs"]
    assert {g.status for g in goals.list_goals(store)} == {"active"}


def test_closed_goals_are_shown_on_asking_and_reopen_from_their_row(
    store: Store, clock: FixedClock, view: GoalsView, qtbot: QtBot
) -> None:
    _seed_launch(store, clock)
    goals.complete(store, "docs", now=clock.now(), today=clock.now().date())
    goals.drop(store, "site", now=clock.now())
    view.refresh()
    assert list(view.rows) == ["launch"]
    assert not view.rows["launch"].reopen_button.isVisible()

    qtbot.mouseClick(view.show_closed, Qt.MouseButton.LeftButton)

    assert list(view.rows) == ["launch", "site", "docs"]
    docs = view.rows["docs"]
    assert (docs.due.text(), docs.done_button.isEnabled()) == ("Done", False)
    assert view.rows["site"].due.text() == "Dropped"
    assert docs.reopen_button.isVisible()
    assert docs.reopen_button.accessibleName() == "Reopen Write the docs"

    qtbot.mouseClick(docs.reopen_button, Qt.MouseButton.LeftButton)

    assert goals.find(store, "docs").status == "active"
    assert view.rows["docs"].due.text() == "Overdue since 2026-11-19"
    assert not view.rows["docs"].reopen_button.isVisible()
    assert [w.text for w in wins.list_wins(store)] == ["Built the hero"]


def test_a_micro_goal_under_a_done_objective_is_refused_inline(
    store: Store, clock: FixedClock, view: GoalsView, qtbot: QtBot
) -> None:
    today = clock.now().date()
    goals.create(store, "Launch", now=clock.now(), slug="launch")
    goals.create(store, "Site", now=clock.now(), slug="site", parent="launch")
    goals.complete(store, "site", now=clock.now(), today=today)
    goals.complete(store, "launch", now=clock.now(), today=today)
    view.show_closed.setChecked(True)

    qtbot.mouseClick(view.rows["site"].reopen_button, Qt.MouseButton.LeftButton)

    assert "reopen +launch first" in view.message.text()
    assert view.message.property("problem") is True
    assert goals.find(store, "site").status == "done"

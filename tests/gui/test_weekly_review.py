"""The weekly review window: the week in figures, the answers saved and shown again, next
week's micro-goals made right there, the overload warning; light and dark screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.reflection.review import WeeklyReviewWindow
from smallwins_desktop.core import goals, reflections, stats
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store

ARTIFACTS = Path(__file__).resolve().parents[1] / "e2e" / "artifacts"


@pytest.fixture
def review_window(journal: Journal, qtbot: QtBot) -> Iterator[WeeklyReviewWindow]:
    window = WeeklyReviewWindow(journal)
    qtbot.addWidget(window)
    yield window
    window.close()


def test_the_week_is_shown_by_goal_with_its_figures(
    journal: Journal, store: Store, clock: FixedClock, review_window: WeeklyReviewWindow
) -> None:
    goals.create(store, "Launch the beta", now=clock.now(), slug="beta")
    journal.add_line("Fixed the installer +beta", source="cli")
    journal.add_line("Helped Sam", source="cli")
    journal.add_line("setback: The demo crashed", source="cli")
    review_window.present()
    assert "Launch the beta</b> (1)" in review_window.by_goal.text()
    assert "Other wins</b> (1)" in review_window.by_goal.text()
    assert "Setbacks, to learn from</b> (1)" in review_window.by_goal.text()
    assert "2 wins, 2 more than by this day last week." in review_window.summary.text()


def test_the_answers_are_saved_as_the_weeks_reflection_and_shown_again(
    store: Store, clock: FixedClock, review_window: WeeklyReviewWindow, qtbot: QtBot
) -> None:
    review_window.present()
    qtbot.keyClicks(review_window.answers["moved_forward"], "Pairing in the mornings")
    qtbot.keyClicks(review_window.answers["pick_up"], "The launch checklist")
    with qtbot.waitSignal(review_window.saved):
        qtbot.mouseClick(review_window.save_button, Qt.MouseButton.LeftButton)
    monday = stats.monday_of(clock.now().date())
    saved = reflections.get(store, monday, kind=reflections.WEEKLY)
    assert saved is not None
    assert (saved.moved_forward, saved.pick_up) == (
        "Pairing in the mornings",
        "The launch checklist",
    )
    review_window.present()
    assert review_window.answers["pick_up"].toPlainText() == "The launch checklist"


def test_next_weeks_micro_goals_are_created_here_with_the_overload_warning(
    store: Store, clock: FixedClock, review_window: WeeklyReviewWindow, qtbot: QtBot
) -> None:
    goals.create(store, "Launch the beta", now=clock.now(), slug="beta")
    for n in range(4):
        goals.create(store, f"Step {n}", now=clock.now(), slug=f"step-{n}", parent="beta")
    review_window.present()
    assert not review_window.warning.isVisibleTo(review_window)  # four of five
    review_window.goal_parent.setCurrentIndex(review_window.goal_parent.findData("beta"))
    qtbot.keyClicks(review_window.goal_title, "Draft the FAQ")
    review_window.goal_target.setValue(5)
    qtbot.keyClick(review_window.goal_title, Qt.Key.Key_Return)
    made = goals.get(store, "draft-the-faq")
    assert made is not None
    assert (made.parent, made.target) == ("beta", 5)
    monday = stats.monday_of(clock.now().date())
    assert made.due == monday + timedelta(days=11)  # next week's Friday
    assert "Draft the FAQ" in review_window.added.text()
    assert not review_window.warning.isVisibleTo(review_window)  # five: at the limit
    qtbot.keyClicks(review_window.goal_title, "One too many")
    qtbot.mouseClick(review_window.add_goal_button, Qt.MouseButton.LeftButton)
    assert review_window.warning.isVisibleTo(review_window)
    assert "You have 6 active micro-goals; your limit is 5." in review_window.warning.text()
    review_window.goal_title.setText("   ")
    review_window.add_micro_goal()
    assert review_window.problem.isVisibleTo(review_window)  # an empty title is refused


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_review_screenshot_light_and_dark(
    journal: Journal,
    store: Store,
    clock: FixedClock,
    review_window: WeeklyReviewWindow,
    qtbot: QtBot,
    theme: str,
) -> None:
    from tests.gui.test_journal_look import DARK, LIGHT, _palette

    goals.create(store, "Launch the beta", now=clock.now(), slug="beta")
    for line in ("Fixed the installer +beta", "Wrote the notes +beta", "Helped Sam"):
        journal.add_line(line, source="cli")
    review_window.setPalette(_palette(DARK if theme == "dark" else LIGHT))
    review_window.present()
    qtbot.waitExposed(review_window)
    ARTIFACTS.mkdir(exist_ok=True)
    assert review_window.grab().save(str(ARTIFACTS / f"weekly-review-{theme}.png"))


def test_ctrl_enter_inside_an_answer_saves_the_review(
    store: Store, clock: FixedClock, review_window: WeeklyReviewWindow, qtbot: QtBot
) -> None:
    review_window.present()
    box = review_window.answers["got_in_the_way"]
    qtbot.keyClicks(box, "Too many meetings")
    with qtbot.waitSignal(review_window.saved):
        qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    monday = stats.monday_of(clock.now().date())
    saved = reflections.get(store, monday, kind=reflections.WEEKLY)
    assert saved is not None
    assert saved.got_in_the_way == "Too many meetings"

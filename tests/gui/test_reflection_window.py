"""The daily reflection window: the day's wins and setbacks, the questions, saved and
reloaded, refused answers said calmly; light and dark screenshots kept as artefacts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.reflection.window import ReflectionWindow
from smallwins_desktop.core import reflections
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store

ARTIFACTS = Path(__file__).resolve().parents[1] / "e2e" / "artifacts"


@pytest.fixture
def reflection(journal: Journal, qtbot: QtBot) -> Iterator[ReflectionWindow]:
    window = ReflectionWindow(journal)
    qtbot.addWidget(window)
    yield window
    window.close()


def test_it_lists_the_days_wins_and_setbacks_and_saves_the_answers(
    journal: Journal, store: Store, clock: FixedClock, reflection: ReflectionWindow, qtbot: QtBot
) -> None:
    journal.add_line("Shipped the beta #release !!", source="cli")
    journal.add_line("setback: The build broke", source="cli")
    reflection.present()
    qtbot.waitExposed(reflection)
    listed = [reflection.day_list.item(n).text() for n in range(reflection.day_list.count())]
    assert listed == ["Shipped the beta", "The build broke"]
    assert all(not reflection.day_list.item(n).icon().isNull() for n in range(2))
    assert "Reflect on today · " in reflection.heading.text()

    qtbot.keyClicks(reflection.answers["moved_forward"], "The beta went out")
    qtbot.keyClicks(reflection.answers["pick_up"], "The release notes")
    reflection.confidence.button(4).click()
    with qtbot.waitSignal(reflection.saved):
        qtbot.keyClick(
            reflection.answers["pick_up"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert not reflection.isVisible()
    saved = reflections.get(store, clock.now().date())
    assert saved is not None
    assert (saved.moved_forward, saved.got_in_the_way, saved.pick_up, saved.confidence) == (
        "The beta went out",
        "",
        "The release notes",
        4,
    )

    reflection.present()  # opened again: what was written is there to change
    assert reflection.answers["moved_forward"].toPlainText() == "The beta went out"
    assert reflection.confidence.checkedId() == 4


def test_an_answer_too_long_is_refused_in_the_window_and_nothing_is_saved(
    store: Store, clock: FixedClock, reflection: ReflectionWindow
) -> None:
    reflection.present()
    reflection.answers["helped"].setPlainText("x" * (reflections.MAX_ANSWER_LENGTH + 1))
    reflection.save()
    assert reflection.isVisible()
    assert reflection.problem.isVisibleTo(reflection)
    assert "at most 2,000" in reflection.problem.text()
    assert reflections.get(store, clock.now().date()) is None


def test_another_day_can_be_reflected_on(
    journal: Journal, store: Store, clock: FixedClock, reflection: ReflectionWindow
) -> None:
    yesterday = clock.now().date() - timedelta(days=1)
    reflection.present(yesterday)
    assert f"Reflect on {yesterday:%A %-d %B}" in reflection.heading.text()
    assert "Nothing logged" in reflection.day_list.item(0).text()
    reflection.answers["got_in_the_way"].setPlainText("Meetings")
    reflection.save()
    assert reflections.get(store, yesterday).got_in_the_way == "Meetings"  # type: ignore[union-attr]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_reflection_screenshot_light_and_dark(
    journal: Journal, reflection: ReflectionWindow, qtbot: QtBot, theme: str
) -> None:
    from tests.gui.test_journal_look import DARK, LIGHT, _palette

    journal.add_line("Paired on the parser #code", source="cli")
    reflection.setPalette(_palette(DARK if theme == "dark" else LIGHT))
    reflection.present()
    qtbot.waitExposed(reflection)
    reflection.answers["moved_forward"].setPlainText("The parser reads dates now")
    ARTIFACTS.mkdir(exist_ok=True)
    assert reflection.grab().save(str(ARTIFACTS / f"reflection-{theme}.png"))

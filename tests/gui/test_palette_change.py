"""With the look "as the system", a change of the system's colour scheme while the app runs
reaches the windows already built: the window backgrounds through the application palette,
and the colours a window chose from the palette when it showed something (the celebration
under the capture box, an overdue goal's date) are chosen again from the new one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QListWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from smallwins_desktop.app import marks
from smallwins_desktop.app.theme import Theme
from tests.gui.test_look_scale import windows  # noqa: F401 (the fixture, used by name)
from tests.gui.test_theme import System, system  # noqa: F401 (the system's scheme, set by hand)


@pytest.fixture
def scheme(system: System, qtbot: QtBot) -> Iterator[str]:  # noqa: F811 (imported fixture)
    """The look follows the system, which starts light."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    theme = Theme(qapp, system_scheme=system)
    assert theme.apply("system") == "system"
    yield "system"
    theme.restore()


def _switch_to_dark(system: System) -> marks.Colors:  # noqa: F811 (the fixture's type)
    """The system goes dark, as a desktop tells Qt; the colours the look then picks."""
    system.scheme = Qt.ColorScheme.Dark
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    return marks.Colors(QApplication.palette())


def _label_colour(label: QLabel) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_built_windows_take_the_colours_of_a_new_system_scheme(
    windows: dict[str, QWidget],  # noqa: F811 (the fixture, imported above)
    system: System,  # noqa: F811 (the fixture, imported above)
    qtbot: QtBot,
) -> None:
    message = windows["capture"].message_bar.label  # type: ignore[attr-defined]
    [overdue] = [
        label
        for label in windows["goals"].findChildren(QLabel)
        if label.objectName() == "goalDue" and label.text().startswith("Overdue")
    ]
    light = marks.Colors(QApplication.palette())
    assert _label_colour(message) == light.win.name()
    assert _label_colour(overdue) == light.problem.name()
    windows["goals"].hide()  # built, but not on the screen when the scheme changes

    dark = _switch_to_dark(system)
    assert dark.win != light.win
    capture = windows["capture"]
    qtbot.waitUntil(lambda: capture.palette().color(QPalette.ColorRole.Window).lightness() < 60)
    qtbot.waitUntil(lambda: _label_colour(message) == dark.win.name())
    qtbot.waitUntil(lambda: _label_colour(overdue) == dark.problem.name())


def _mark_colour(item: QListWidgetItem) -> str:
    """The colour of the drawn mark in front of one of today's wins."""
    image = item.icon().pixmap(16, 16).toImage()
    painted = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    return max({c.name() for c in painted}, key=[c.name() for c in painted].count)


def test_the_capture_box_redraws_todays_marks_and_its_counter_in_a_new_scheme(
    windows: dict[str, QWidget],  # noqa: F811 (the fixture, imported above)
    system: System,  # noqa: F811 (the fixture, imported above)
    qtbot: QtBot,
) -> None:
    capture = windows["capture"]
    capture.editor.set_text("x" * 2_001)  # type: ignore[attr-defined]
    counter = capture.counter  # type: ignore[attr-defined]
    today = capture.today_list  # type: ignore[attr-defined]
    light = marks.Colors(QApplication.palette())
    assert light.problem.name() in counter.styleSheet()
    assert _mark_colour(today.item(0)) == light.win.name()

    dark = _switch_to_dark(system)
    qtbot.waitUntil(lambda: dark.problem.name() in counter.styleSheet())
    qtbot.waitUntil(lambda: _mark_colour(today.item(0)) == dark.win.name())
    assert capture.editor.text() == "x" * 2_001  # type: ignore[attr-defined]


def test_a_refusal_in_the_goals_view_takes_the_new_schemes_colour(
    windows: dict[str, QWidget],  # noqa: F811 (the fixture, imported above)
    system: System,  # noqa: F811 (the fixture, imported above)
    qtbot: QtBot,
) -> None:
    goals = windows["goals"]
    goals.due_edit.setText("next thursday")  # type: ignore[attr-defined]
    goals.add_goal()  # type: ignore[attr-defined]
    message = goals.message  # type: ignore[attr-defined]
    assert marks.Colors(QApplication.palette()).problem.name() in message.styleSheet()

    dark = _switch_to_dark(system)
    qtbot.waitUntil(lambda: dark.problem.name() in message.styleSheet())


def test_the_reflection_redraws_the_days_marks_and_keeps_what_is_typed_in_a_new_scheme(
    windows: dict[str, QWidget],  # noqa: F811 (the fixture, imported above)
    system: System,  # noqa: F811 (the fixture, imported above)
    qtbot: QtBot,
) -> None:
    reflection = windows["reflection"]
    box = reflection.answers["moved_forward"]  # type: ignore[attr-defined]
    box.setPlainText("Not saved yet")
    day_list = reflection.day_list  # type: ignore[attr-defined]
    assert _mark_colour(day_list.item(0)) == marks.Colors(QApplication.palette()).win.name()

    dark = _switch_to_dark(system)
    qtbot.waitUntil(lambda: _mark_colour(day_list.item(0)) == dark.win.name())
    assert box.toPlainText() == "Not saved yet"

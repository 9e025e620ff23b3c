"""A change of the system font while the app runs reaches every window already built, shown or
hidden: headings, captions and the big win's headline take their sizes in the type scale for
the new font next to the body text, nothing sized from the old font clips the new one, and
nothing typed is lost. Screenshots before and after are kept as artefacts (look at them).

The windows are the ones `test_look_scale` builds, as the app builds them; the font changes
the way a desktop changes it, by setting the application's font.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from smallwins_desktop.app import look
from smallwins_desktop.app.theme import Theme
from tests.gui.test_look_scale import (  # noqa: F401 (the fixture `windows` is used by name)
    ARTIFACTS,
    _spacing_off_scale,
    _type_off_scale,
    windows,
)

BEFORE = 10.0
AFTER = 15.0
HIDDEN_WHEN_THE_FONT_CHANGES = ("journal", "goals", "settings", "import", "weekly-review")


@pytest.fixture
def scheme(qtbot: QtBot) -> Iterator[str]:
    """One scheme is enough here (the scale is the same in both)."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    theme = Theme(qapp)
    theme.apply("light")
    yield "light"
    theme.restore()


def _set_points(size: float) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(size)
    QApplication.setFont(font)


@pytest.fixture
def at_ten_points(qapp: QApplication) -> Iterator[None]:
    before = QApplication.font()
    _set_points(BEFORE)
    QApplication.processEvents()  # Qt hands the new font to each window it posted it to
    yield
    QApplication.setFont(before)
    QApplication.processEvents()


@pytest.fixture
def built(
    at_ten_points: None,
    windows: dict[str, QWidget],  # noqa: F811 (the fixture, imported above)
) -> dict[str, QWidget]:
    """Every window, built at 10 pt."""
    return windows


def _sizes(shown: dict[str, QWidget]) -> dict[tuple[str, int], tuple[QWidget, float]]:
    return {
        (name, id(widget)): (widget, widget.font().pointSizeF())
        for name, window in shown.items()
        for widget in [window, *window.findChildren(QWidget)]
    }


def _change_the_font(qtbot: QtBot, shown: dict[str, QWidget]) -> None:
    for name in HIDDEN_WHEN_THE_FONT_CHANGES:
        shown[name].hide()
    _set_points(AFTER)
    body = shown["capture"].editor  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: body.font().pointSizeF() == AFTER)  # Qt's own part is done


def test_every_built_window_takes_the_type_scale_of_a_new_system_font(
    built: dict[str, QWidget], qtbot: QtBot
) -> None:
    capture = built["capture"]
    typed = capture.editor.toPlainText()  # type: ignore[attr-defined]
    assert typed == "Tidied the backlog #ops"
    headings = [
        widget
        for window in built.values()
        for widget in window.findChildren(QWidget)
        if widget.font().pointSizeF() > BEFORE
    ]
    assert len(headings) >= 5  # titles and headlines to follow, not only the body
    before = _sizes(built)
    ARTIFACTS.mkdir(exist_ok=True)
    for name in ("capture", "settings", "journal", "reflection"):
        assert built[name].grab().save(str(ARTIFACTS / f"look-font-{name}-10pt.png")), name

    _change_the_font(qtbot, built)

    not_followed = [
        f"{name}: {type(widget).__name__} {widget.objectName()!r} {size}pt -> "
        f"{widget.font().pointSizeF()}pt"
        for (name, _), (widget, size) in before.items()
        if shiboken6.isValid(widget)
        and widget.font().pointSizeF() != pytest.approx(size * AFTER / BEFORE, abs=0.06)
    ]
    assert not not_followed
    off_scale = {name: _type_off_scale(window) for name, window in built.items()}
    assert not {name: found for name, found in off_scale.items() if found}
    off_steps = {name: _spacing_off_scale(window) for name, window in built.items()}
    assert not {name: found for name, found in off_steps.items() if found}
    assert capture.editor.toPlainText() == typed  # type: ignore[attr-defined]
    # The capture box grows to its content again: the larger celebration is not clipped.
    message = capture.message_bar.label  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: (
            capture.height() >= capture.heightForWidth(capture.width())
            and message.height() >= message.heightForWidth(message.width())
        )
    )
    assert capture.isVisible()
    assert not built["settings"].isVisible()  # followed while hidden, and still hidden

    for name in HIDDEN_WHEN_THE_FONT_CHANGES:
        built[name].show()
    for name in ("capture", "settings", "journal", "reflection"):
        qtbot.waitExposed(built[name])
        assert built[name].grab().save(str(ARTIFACTS / f"look-font-{name}-15pt.png")), name


def test_the_big_wins_headline_takes_the_new_size(built: dict[str, QWidget], qtbot: QtBot) -> None:
    label = built["capture"].message_bar.label  # type: ignore[attr-defined]
    assert f"font-size: {look.points(look.Type.HEADLINE)}pt" in label.text()

    _change_the_font(qtbot, built)

    qtbot.waitUntil(lambda: f"font-size: {AFTER * look.Type.HEADLINE.ratio}pt" in label.text())
    assert "A big one. Well done!" in label.text()
    assert "Win #2 today" in label.text()


def test_what_is_sized_from_the_font_fits_the_new_one(
    built: dict[str, QWidget], qtbot: QtBot
) -> None:
    """A box a few lines high, a list as wide as its longest name, a column as wide as its
    widest date: all measured again, so the larger text is not cut off."""
    _change_the_font(qtbot, built)

    cut: list[str] = []
    editor = built["capture"].editor  # type: ignore[attr-defined]
    margin = int(editor.document().documentMargin() * 2)
    if editor.height() < QFontMetrics(editor.font()).lineSpacing() + margin:
        cut.append(f"the capture box is {editor.height()} px high")
    page_list = built["settings"].page_list  # type: ignore[attr-defined]
    if page_list.width() < page_list.sizeHintForColumn(0) + 2 * page_list.frameWidth():
        cut.append(f"the settings pages' list is {page_list.width()} px wide")
    reflection = built["reflection"]
    for box in reflection.findChildren(QPlainTextEdit):
        if box.height() < 2 * QFontMetrics(box.font()).lineSpacing():
            cut.append(f"the answer box {box.accessibleName()!r} is {box.height()} px high")
    day_list = reflection.findChild(QListWidget)
    assert day_list is not None
    if day_list.height() < min(day_list.count(), 6) * day_list.sizeHintForRow(0):
        cut.append(f"the day's list is {day_list.height()} px high")
    goals = built["goals"]
    due = [label for label in goals.findChildren(QLabel) if label.objectName() == "goalDue"]
    assert due
    for label in due:
        if label.width() < QFontMetrics(label.font()).horizontalAdvance(label.text()):
            cut.append(f"the due date {label.text()!r} is {label.width()} px wide")
    for name, window in built.items():  # each window grew to what its content asks for
        wanted = window.sizeHint().boundedTo(window.screen().availableGeometry().size())
        if window.width() < wanted.width() or window.height() < wanted.height():
            cut.append(f"the {name} window is {window.size().toTuple()}, squeezing its content")
    assert not cut


# Windows nothing holds but themselves wait for the garbage collector while the font changes;
# the many widgets Qt made inside the kept text boxes make PySide6 wrap, and the collector run,
# while it lists the widgets.
_FONT_CHANGE_WITH_WINDOWS_IN_CYCLES = """
import gc
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget
from smallwins_desktop.app import look
app = QApplication([])
kept = [QPlainTextEdit() for _ in range(300)]
caption = look.set_role(QLabel("kept"), look.Type.CAPTION)
gc.collect()
for _ in range(20):
    window = QWidget()
    window.itself = window
    QPlainTextEdit(window)
del window
larger = QFont(QApplication.font())
larger.setPointSizeF(larger.pointSizeF() + 5)
QApplication.setFont(larger)
look.Follower.ensure().follow()
app.processEvents()
print(caption.font().pointSizeF() == look.points(look.Type.CAPTION))
"""


def test_a_font_change_while_windows_wait_for_the_garbage_collector_does_not_crash() -> None:
    """Windows the app let go of (a dialog closed, say) can still be on Qt's list when the
    font changes: the type scale is applied again to the living ones, and nothing crashes."""
    done = subprocess.run(
        [sys.executable, "-c", _FONT_CHANGE_WITH_WINDOWS_IN_CYCLES],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "True"), done.stderr

"""Every window speaks one visual language: its layouts' margins and spacing are steps of the
spacing scale, its text is drawn in the sizes of the type scale (relative to the application
font, never fixed points or pixels), and no text leans on an emoji glyph a font may lack.

The windows are the real ones, built as the app builds them, in light and dark; their
screenshots are kept as artefacts (look at them: nothing overlaps, nothing is clipped).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QMainWindow,
    QWidget,
)
from pytestqt.qtbot import QtBot

from smallwins_desktop.app import look
from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.app.journal.editor import WinEditor
from smallwins_desktop.app.journal.trash import TrashDialog
from smallwins_desktop.app.theme import Theme
from smallwins_desktop.app.tray.fallback_window import FallbackWindow
from smallwins_desktop.core import goals, queries, wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from smallwins_desktop.core.stats import TodaySummary

ARTIFACTS = Path(__file__).resolve().parents[1] / "e2e" / "artifacts"
FONT_SIZE = re.compile(r"font-size\s*:\s*([0-9.]+)\s*([a-z%]*)", re.IGNORECASE)
SIZED_MARKUP = re.compile(r"<\s*(h[1-6]|big|small)\b", re.IGNORECASE)
STYLED_SPACE = re.compile(r"\b(margin|padding|font-size)\b", re.IGNORECASE)


class Recording:
    name = "recording"

    def __init__(self) -> None:
        self.sent: list[object] = []

    def send(self, notification: object) -> None:
        self.sent.append(notification)


def _fill(store: Store, clock: FixedClock) -> None:
    now = clock.now()
    today = now.date()
    goals.create(store, "Launch the site", now=now, slug="launch")
    goals.create(
        store, "Ship the landing page", now=now, slug="site", parent="launch", target=4,
        due=today + timedelta(days=7), criteria="Live on the domain",
    )  # fmt: skip
    goals.create(
        store, "Write the docs", now=now, slug="docs", parent="launch", due=date(2026, 11, 1)
    )
    for back, line in enumerate(
        (
            "Fixed the flaky login test #testing +site !!",
            "setback: the deploy failed twice #ops",
            "Paired with Sam on the installer #team",
            "Wrote the release notes +docs",
            "Launched the beta to ten people +site !!!",
            "Answered every support mail #support",
        )
    ):
        wins.add(store, line, today=today - timedelta(days=back), now=now)
    trashed = wins.add(store, "An old duplicate", today=today, now=now)
    wins.delete(store, trashed.win.uuid, now=now)


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    theme = Theme(qapp)
    theme.apply(request.param)
    yield request.param
    theme.restore()


@pytest.fixture
def windows(
    scheme: str, store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> Iterator[dict[str, QWidget]]:
    """Each window a user can meet, shown with something in it."""
    _fill(store, clock)
    app = SmallWinsApp(
        store, clock, data_dir, tray_available=True, notification_backends=[Recording()]
    )
    qtbot.addWidget(app.capture)
    assert app.start()
    shown: dict[str, QWidget] = {}
    try:
        app.capture.present()
        qtbot.keyClicks(app.capture.editor, "Launched the product #launch !!!")
        app.capture.submit(keep_open=True)
        qtbot.keyClicks(app.capture.editor, "Tidied the backlog #ops")
        shown["capture"] = app.capture

        app.open_journal()
        journal_window = app._journal_window
        assert journal_window is not None
        journal_window.resize(1100, 760)
        journal_window.notice.say("Moved to the trash: “An old win”", undo=True)
        shown["journal"] = journal_window
        shown["goals"] = journal_window.show_goals()
        trash = TrashDialog(app.journal, journal_window)
        trash.show()
        shown["trash"] = trash
        editor = WinEditor(app.journal)
        editor.load(queries.list_wins(store)[0])
        editor.resize(640, editor.sizeHint().height())
        editor.show()
        qtbot.addWidget(editor)
        shown["win-editor"] = editor
        shown["export"] = journal_window.show_export()
        shown["import"] = journal_window.show_import()

        app.open_reflection()
        assert app._reflection_window is not None
        shown["reflection"] = app._reflection_window
        app.open_review()
        assert app._review_window is not None
        shown["weekly-review"] = app._review_window

        app.open_settings()
        settings = app._settings_window
        assert settings is not None
        shown["settings"] = settings

        fallback = FallbackWindow()
        qtbot.addWidget(fallback)
        fallback.show_summary(TodaySummary(wins=2, setbacks=0, streak=3, total=40))
        fallback.set_attention(True)
        fallback.show()
        shown["no-tray"] = fallback

        for widget in shown.values():
            qtbot.waitExposed(widget)
        fx = app.capture.message_bar.label.graphicsEffect()
        qtbot.waitUntil(lambda: fx.opacity() == 1.0)  # the celebration has faded in
        QApplication.processEvents()  # texts set on show are laid out
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # replaced rows
        yield shown
    finally:
        app.shutdown()
        for name, widget in shown.items():
            if name != "capture":  # the app's own, closed with the other test widgets
                widget.hide()
                widget.deleteLater()  # with any work it had queued for later
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _ours(widget: QWidget | None) -> bool:
    """A widget this app built its layout for (not the inside of a Qt widget)."""
    if widget is None or widget.objectName().startswith("qt_"):
        return False
    kind = type(widget)
    return kind.__module__.startswith("smallwins_desktop") or kind in (QWidget, QFrame)


def _layouts(window: QWidget) -> list[QLayout]:
    """The layouts the app built in `window`: each widget's own, and the ones nested in it."""
    found: list[QLayout] = []
    waiting = [
        widget.layout()
        for widget in [window, *window.findChildren(QWidget)]
        if _ours(widget) and widget.layout() is not None and not isinstance(widget, QMainWindow)
    ]  # a main window's own layout is Qt's: menu bar and central widget, edge to edge
    while waiting:
        layout = waiting.pop()
        found.append(layout)
        for n in range(layout.count()):
            inner = layout.itemAt(n).layout()
            if inner is not None:
                waiting.append(inner)
    return found


def _where(obj: QObject) -> str:
    parent = obj.parent()
    return f"{type(obj).__name__} in {type(parent).__name__ if parent else '-'}"


def _spacing_off_scale(window: QWidget) -> list[str]:
    steps = set(look.SPACING)
    wrong = []
    for layout in _layouts(window):
        margins = layout.contentsMargins()
        edges = (margins.left(), margins.top(), margins.right(), margins.bottom())
        if any(edge not in steps for edge in edges):
            wrong.append(f"margins {edges} of {_where(layout)}")
        if isinstance(layout, QGridLayout | QFormLayout):
            gaps = (layout.horizontalSpacing(), layout.verticalSpacing())
        else:
            gaps = (layout.spacing(),)
        if any(gap not in steps for gap in gaps):
            wrong.append(f"spacing {gaps} of {_where(layout)}")
        for n in range(layout.count()):
            spacer = layout.itemAt(n).spacerItem()
            if spacer is not None and not spacer.expandingDirections():
                hint = spacer.sizeHint()
                if max(hint.width(), hint.height()) not in steps:
                    wrong.append(f"a fixed gap of {hint.toTuple()} in {_where(layout)}")
    for widget in [window, *window.findChildren(QWidget)]:
        if _ours(widget.parentWidget()) or widget is window:
            margins = widget.contentsMargins()
            edges = (margins.left(), margins.top(), margins.right(), margins.bottom())
            if isinstance(widget, QLabel) and any(edge not in steps for edge in edges):
                wrong.append(f"margins {edges} of a label: {widget.text()[:40]!r}")
            if isinstance(widget, QListView) and widget.spacing() not in steps:
                wrong.append(f"item spacing {widget.spacing()} of {_where(widget)}")
        if STYLED_SPACE.search(widget.styleSheet()):
            wrong.append(f"a style sheet sets sizes: {widget.styleSheet()!r}")
    return wrong


def _type_off_scale(window: QWidget) -> list[str]:
    base = QApplication.font().pointSizeF()
    sizes = {round(base * ratio, 1) for ratio in look.TYPE_RATIOS}
    wrong = []
    for widget in [window, *window.findChildren(QWidget)]:
        size = widget.font().pointSizeF()
        if round(size, 1) not in sizes:
            wrong.append(f"{size}pt in {_where(widget)} (the scale: {sorted(sizes)})")
        if isinstance(widget, QLabel):
            text = widget.text()
            if SIZED_MARKUP.search(text):
                wrong.append(f"sized markup in a label: {text[:60]!r}")
            for number, unit in FONT_SIZE.findall(text):
                if unit != "pt" or round(float(number), 1) not in sizes:
                    wrong.append(f"font-size {number}{unit} in a label: {text[:60]!r}")
    return wrong


def _is_emoji_like(char: str) -> bool:
    """A pictograph or symbol a text font may well not have (arrows and dashes are fine)."""
    code = ord(char)
    return (unicodedata.category(char) == "So" and not 0x2190 <= code <= 0x21FF) or code in (
        0xFE0F,
        0x200D,
    )


def _texts(window: QWidget) -> Iterator[tuple[str, str]]:
    yield "title", window.windowTitle()
    for widget in [window, *window.findChildren(QWidget)]:
        yield "tooltip", widget.toolTip()
        yield "accessible name", widget.accessibleName()
        if isinstance(widget, QLabel | QAbstractButton):
            yield type(widget).__name__, widget.text()
        if isinstance(widget, QLineEdit):
            yield "placeholder", widget.placeholderText()


def test_every_window_keeps_to_the_spacing_and_type_scale_in_light_and_dark(
    windows: dict[str, QWidget], scheme: str
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for name, window in windows.items():
        assert window.grab().save(str(ARTIFACTS / f"look-{name}-{scheme}.png")), name
    settings = windows["settings"]
    for row in range(settings.page_list.count()):  # type: ignore[attr-defined]
        settings.page_list.setCurrentRow(row)  # type: ignore[attr-defined]
        shot = settings.grab()
        assert shot.save(str(ARTIFACTS / f"look-settings-{row}-{scheme}.png"))

    wrong = {name: _spacing_off_scale(window) for name, window in windows.items()}
    assert not {name: found for name, found in wrong.items() if found}
    wrong = {name: _type_off_scale(window) for name, window in windows.items()}
    assert not {name: found for name, found in wrong.items() if found}


def test_no_window_shows_an_emoji_glyph(windows: dict[str, QWidget], scheme: str) -> None:
    found = [
        f"{name}: {what} {text!r}"
        for name, window in windows.items()
        for what, text in _texts(window)
        if any(_is_emoji_like(char) for char in text)
    ]
    assert not found


def test_the_type_scale_follows_the_application_font(qtbot: QtBot) -> None:
    """Large text chosen on the desktop makes headings and the big win's headline larger."""
    from smallwins_desktop.app.capture.message import MessageBar
    from smallwins_desktop.app.journal.rhythm import RhythmPanel
    from smallwins_desktop.app.settings.page import Page
    from smallwins_desktop.core.celebrate import Celebration

    before = QApplication.font()
    larger = QFont(before)
    larger.setPointSizeF(15.0)
    QApplication.setFont(larger)
    try:
        panel = RhythmPanel()
        bar = MessageBar()
        page = Page(live=None)  # type: ignore[arg-type]  # only its heading is looked at
        for widget in (panel, bar, page):
            qtbot.addWidget(widget)
        assert panel.streak.font().pointSizeF() == pytest.approx(15.0 * 1.6, abs=0.06)
        assert page.heading.font().pointSizeF() == pytest.approx(15.0 * 1.2, abs=0.06)
        bar.celebrate(Celebration(3, "Shipped!"))
        assert "font-size: 24.0pt; font-weight: bold;" in bar.label.text()
        caption = look.font(look.Type.CAPTION, panel.font())
        assert caption.pointSizeF() == pytest.approx(15.0 * 0.85, abs=0.06)
        assert caption.family() == panel.font().family()
    finally:
        QApplication.setFont(before)


def test_a_value_off_the_spacing_scale_is_refused_where_a_layout_is_built() -> None:
    with pytest.raises(ValueError, match="spacing scale"):
        look.column(margins=10)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="spacing scale"):
        look.row(spacing=6)  # type: ignore[arg-type]
    margins = look.row(margins=(look.Space.L, look.Space.XS)).contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == (16, 4, 16, 4)

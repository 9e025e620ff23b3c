"""The line under the capture box: a celebration in proportion to the win, a problem said
calmly, the offer to create a goal a win named that does not exist yet, and after a setback
a past win from the same goal or tag.

`core.celebrate` decides what a win earns; this only shows it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEasingCurve, QEvent, QPropertyAnimation, Qt, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QPushButton, QWidget

from smallwins_desktop.app import look, marks
from smallwins_desktop.core.celebrate import Celebration

CELEBRATION_FADE_MS = 250
# Drawn marks (resources/icons), never emoji: a setback or a note (0) gets none, a small win
# the check, medium and big the star, the big one larger.
CELEBRATION_MARKS = {1: ("check", 16), 2: ("celebrate", 20), 3: ("celebrate", 28)}
# The headline grows with the win, in sizes of the type scale (relative to the app's font).
HEADLINE_ROLE = {
    2: look.Role(look.Type.TITLE.ratio),
    3: look.Role(look.Type.HEADLINE.ratio, bold=True),
}


class MessageBar(QWidget):
    """Celebrations, problems and the goal offer, one at a time.

    Signals:
        create_goal_requested(str slug, str win_uuid): the user accepted the goal offer.
        changed: what it shows changed, and so may its height (the window refits itself).
    """

    create_goal_requested = Signal(str, str)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending_goal: tuple[str, str] | None = None  # (slug, win uuid)
        self._celebrated: tuple[Celebration, tuple[str, ...]] | None = None  # on show now
        self._offer = ""  # the goal offer under a message, if any
        self.mark = QLabel(self)
        self.mark.setObjectName("celebrationMark")
        self.mark.setAccessibleName(self.tr("Celebration"))
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.mark.hide()
        self.label = QLabel(self)
        self.label.setObjectName("message")
        self.label.setWordWrap(True)
        self.label.setAccessibleName(self.tr("Message"))
        self.label.hide()
        self._fx = QGraphicsOpacityEffect(self.label)
        self.label.setGraphicsEffect(self._fx)
        self._fade = QPropertyAnimation(self._fx, b"opacity", self)
        self._fade.setDuration(CELEBRATION_FADE_MS)
        self._fade.setEasingCurve(QEasingCurve.Type.OutBack)
        self.resurfaced = QLabel(self)
        self.resurfaced.setObjectName("resurfaced")
        self.resurfaced.setWordWrap(True)
        self.resurfaced.setTextFormat(Qt.TextFormat.PlainText)  # a win's text is never markup
        self.resurfaced.setAccessibleName(self.tr("A past win"))
        self.resurfaced.hide()
        self.goal_button = QPushButton(self)
        self.goal_button.setAccessibleName(self.tr("Create the goal"))
        self.goal_button.clicked.connect(self._accept_goal)
        self.goal_button.hide()
        text = look.column(spacing=look.Space.XS)
        text.addWidget(self.label)
        text.addWidget(self.resurfaced)
        row = look.row(self)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        row.addWidget(self.goal_button)
        look.refit(self.label, self._resize_headline)

    @property
    def showing_problem(self) -> bool:
        return bool(self.label.property("problem"))

    def celebrate(self, celebration: Celebration, notes: tuple[str, ...] = ()) -> None:
        """The headline sized to the win; the detail and notes below it in the normal size."""
        self._show(_celebration_text(celebration, notes), problem=False, rich=True)
        self._celebrated = (celebration, notes)
        if celebration.level in CELEBRATION_MARKS:
            self._draw_mark(celebration.level, marks.Colors(self.palette()))
            self.mark.setAccessibleDescription(celebration.headline)
            self.mark.show()
        self._fade.stop()
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.start()

    def confirm(self, text: str) -> None:
        self._show(text, problem=False)

    def show_problem(self, text: str) -> None:
        self._show(text, problem=True)
        self._fx.setOpacity(1.0)

    def offer_goal(self, slug: str, win_uuid: str) -> None:
        offer = self.tr("There is no goal +%s yet; the win was saved without it.") % slug
        rich = self.label.textFormat() == Qt.TextFormat.RichText
        added = "<br>" + html.escape(offer) if rich else "\n" + offer
        self._offer += added
        self.label.setText(self.label.text() + added)
        self._pending_goal = (slug, win_uuid)
        self.goal_button.setText(self.tr("Create +%s") % slug)
        self.goal_button.show()
        self.changed.emit()

    def resurface(self, text: str) -> None:
        """Below a setback's calm word: a past win from the same goal or tag."""
        self.resurfaced.setText(text)
        self.resurfaced.show()
        self.changed.emit()

    def clear(self) -> None:
        self.resurfaced.hide()
        self.label.hide()
        self.mark.hide()
        self._celebrated = None
        self.label.setProperty("problem", False)
        self.goal_button.hide()
        self.changed.emit()

    def _show(self, text: str, *, problem: bool, rich: bool = False) -> None:
        self.goal_button.hide()
        self.resurfaced.hide()
        self.mark.hide()
        self._pending_goal = None
        self._celebrated = None
        self._offer = ""
        self.label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        self.label.setText(text)
        self.label.setProperty("problem", problem)
        colors = marks.Colors(self.palette())
        self.label.setStyleSheet(f"color: {(colors.problem if problem else colors.win).name()};")
        self.label.show()
        self.changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        """The palette changed (light to dark, or the system's): the message and its mark in
        the new palette's colours."""
        if not self.label.styleSheet():
            return
        colors = marks.Colors(self.palette())
        colour = colors.problem if self.showing_problem else colors.win
        self.label.setStyleSheet(f"color: {colour.name()};")
        if self._celebrated is not None and self.mark.isVisibleTo(self):
            self._draw_mark(self._celebrated[0].level, colors)

    def _draw_mark(self, level: int, colors: marks.Colors) -> None:
        drawn = CELEBRATION_MARKS.get(level)
        if drawn is None:
            return
        name, pixels = drawn
        ratio = self.devicePixelRatioF()
        self.mark.setPixmap(marks.pixmap(name, colors.win.name(), pixels, ratio))

    def _resize_headline(self) -> None:
        """The application font changed: the headline shown takes the scale's new size."""
        if self._celebrated is not None:
            self.label.setText(_celebration_text(*self._celebrated) + self._offer)
            self.changed.emit()

    def _accept_goal(self) -> None:
        if self._pending_goal is not None:
            self.create_goal_requested.emit(*self._pending_goal)


def _celebration_text(celebration: Celebration, notes: tuple[str, ...]) -> str:
    headline = html.escape(celebration.headline)
    lines = [f'<span style="{_span_style(celebration.level)}">{headline}</span>']
    lines += [html.escape(line) for line in (celebration.detail, *notes) if line]
    return "<br>".join(lines)


def _span_style(level: int) -> str:
    """The headline's size and weight for a win of `level` ('' for the body's)."""
    role = HEADLINE_ROLE.get(level)
    if role is None:
        return ""
    return f"font-size: {look.points(role)}pt;" + (" font-weight: bold;" if role.bold else "")

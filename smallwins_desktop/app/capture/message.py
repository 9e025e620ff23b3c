"""The line under the capture box: a celebration in proportion to the win, a problem said
calmly, and the offer to create a goal a win named that does not exist yet.

`core.celebrate` decides what a win earns; this only shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QHBoxLayout, QLabel, QPushButton, QWidget

from smallwins_desktop.core.celebrate import Celebration

CELEBRATION_FADE_MS = 250
CELEBRATION_MARKS = {0: "✎", 1: "✓", 2: "★", 3: "🎉"}


class MessageBar(QWidget):
    """Celebrations, problems and the goal offer, one at a time.

    Signals:
        create_goal_requested(str slug, str win_uuid): the user accepted the goal offer.
    """

    create_goal_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending_goal: tuple[str, str] | None = None  # (slug, win uuid)
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
        self.goal_button = QPushButton(self)
        self.goal_button.setAccessibleName(self.tr("Create the goal"))
        self.goal_button.clicked.connect(self._accept_goal)
        self.goal_button.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.goal_button)

    @property
    def showing_problem(self) -> bool:
        return bool(self.label.property("problem"))

    def celebrate(self, celebration: Celebration, notes: tuple[str, ...] = ()) -> None:
        mark = CELEBRATION_MARKS.get(celebration.level, "✓")
        lines = [f"{mark} {celebration.headline}"]
        if celebration.detail:
            lines.append(celebration.detail)
        lines += list(notes)
        self._show("\n".join(lines), problem=False, level=celebration.level)
        self._fade.stop()
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.start()

    def confirm(self, text: str) -> None:
        self._show(text, problem=False, level=1)

    def show_problem(self, text: str) -> None:
        self._show(text, problem=True, level=0)
        self._fx.setOpacity(1.0)

    def offer_goal(self, slug: str, win_uuid: str) -> None:
        self.label.setText(
            self.label.text()
            + "\n"
            + self.tr("There is no goal +%s yet; the win was saved without it.") % slug
        )
        self._pending_goal = (slug, win_uuid)
        self.goal_button.setText(self.tr("Create +%s") % slug)
        self.goal_button.show()

    def clear(self) -> None:
        self.label.hide()
        self.label.setProperty("problem", False)
        self.goal_button.hide()

    def _show(self, text: str, *, problem: bool, level: int) -> None:
        self.goal_button.hide()
        self._pending_goal = None
        self.label.setText(text)
        self.label.setProperty("problem", problem)
        size = {2: "font-size: 12pt;", 3: "font-size: 14pt; font-weight: bold;"}.get(level, "")
        color = "#c0392b" if problem else "#1e8449"
        self.label.setStyleSheet(f"color: {color}; {size}")
        self.label.show()

    def _accept_goal(self) -> None:
        if self._pending_goal is not None:
            self.create_goal_requested.emit(*self._pending_goal)

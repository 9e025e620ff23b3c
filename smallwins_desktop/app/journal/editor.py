"""Editing a win in place in the timeline: text, tags, goal, impact, kind and day.

Enter saves, Esc cancels; a change that cannot be saved (empty text, a goal that went) is
said in the editor and nothing is lost. The save itself goes through the window's `save_edit`
callback so it lands on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QLineEdit,
    QPushButton,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.capture.suggestions import TagSuggestions
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.labels import problem_label
from smallwins_desktop.core.capture import KIND_SETBACK, KIND_WIN, TAG_PATTERN
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.wins import WinRecord

SaveEdit = Callable[[WinRecord, dict[str, Any]], None]


def parse_tags(text: str) -> list[str]:
    """'#a, b  c' -> ['a', 'b', 'c'] (lower-case, each once, in order)."""
    names = [t.lstrip("#").lower() for t in text.replace(",", " ").split()]
    return list(dict.fromkeys(n for n in names if n))


class WinEditor(QFrame):
    """The fields of one win. Signals: finished: saved or cancelled; the editor can close."""

    finished = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._win: WinRecord | None = None
        self.save_edit: SaveEdit | None = None
        self.setObjectName("winEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Edit the win"))

        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Text"))
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("tags, separated by spaces"))
        self.tags.setAccessibleName(self.tr("Tags"))
        completer = QCompleter(journal.tag_names(), self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.goal = QComboBox(self)
        self.goal.setAccessibleName(self.tr("Goal"))
        self.goal.addItem(self.tr("No goal"), None)
        for goal in journal.goals():
            self.goal.addItem(f"+{goal.slug} · {goal.title}", goal.slug)
        self.impact = QComboBox(self)
        self.impact.setAccessibleName(self.tr("Impact"))
        for value, label in ((1, self.tr("Small")), (2, self.tr("Medium")), (3, self.tr("Big"))):
            self.impact.addItem(label, value)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("Win"), KIND_WIN)
        self.kind.addItem(self.tr("Setback"), KIND_SETBACK)
        self.day = QDateEdit(self)
        self.day.setAccessibleName(self.tr("Day"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.suggestions = TagSuggestions(journal, self)
        self.suggestions.chosen.connect(self._add_tag)
        self.problem = problem_label(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(self.tr("Save the changes"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the changes"))
        self.cancel_button.clicked.connect(self.finished)

        grid = look.grid(self, look.Space.S)
        grid.setVerticalSpacing(look.Space.XS)
        grid.addWidget(self.text, 0, 0, 1, 4)
        grid.addWidget(self.tags, 1, 0, 1, 2)
        grid.addWidget(self.goal, 1, 2, 1, 2)
        grid.addWidget(self.impact, 2, 0)
        grid.addWidget(self.kind, 2, 1)
        grid.addWidget(self.day, 2, 2)
        buttons = look.row()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 2, 3)
        grid.addWidget(self.suggestions, 3, 0, 1, 4)
        grid.addWidget(self.problem, 4, 0, 1, 4)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 2)
        for field in (self.text, self.tags, self.goal, self.impact, self.kind, self.day):
            field.installEventFilter(self)
        self.text.textChanged.connect(self._suggest)
        self.tags.textChanged.connect(self._suggest)

    def load(self, win: WinRecord) -> None:
        self._win = win
        self.text.setText(win.text)
        self.tags.setText(" ".join(win.tags))
        slot = self.goal.findData(win.goal)
        if slot < 0 and win.goal:  # a goal that is done or dropped still shows
            self.goal.addItem(f"+{win.goal}", win.goal)
            slot = self.goal.count() - 1
        self.goal.setCurrentIndex(max(slot, 0))
        self.impact.setCurrentIndex(self.impact.findData(win.impact))
        self.kind.setCurrentIndex(self.kind.findData(win.kind))
        self.day.setDate(QDate(win.day.year, win.day.month, win.day.day))
        self.text.setFocus()
        self.text.selectAll()

    def changes(self) -> dict[str, Any]:
        """The fields that differ from the win as loaded."""
        win = self._win
        if win is None:
            return {}
        chosen = self.day.date()
        fields: dict[str, Any] = {
            "text": self.text.text().strip(),
            "tags": parse_tags(self.tags.text()),
            "goal": self.goal.currentData(),
            "impact": self.impact.currentData(),
            "kind": self.kind.currentData(),
            "day": date(chosen.year(), chosen.month(), chosen.day()),
        }
        before = {
            "text": win.text,
            "tags": list(win.tags),
            "goal": win.goal,
            "impact": win.impact,
            "kind": win.kind,
            "day": win.day,
        }
        return {key: value for key, value in fields.items() if before[key] != value}

    def save(self) -> None:
        win, changes = self._win, self.changes()
        if win is None or not changes:
            self.finished.emit()
            return
        bad = [t for t in changes.get("tags", []) if not TAG_PATTERN.fullmatch(t)]
        if bad:
            self.show_problem(
                self.tr("A tag is letters, digits, - and _ only: %s") % ", ".join(bad)
            )
            return
        try:
            if self.save_edit is not None:
                self.save_edit(win, changes)
        except SmallWinsError as error:
            self.show_problem(str(error))
            return
        self.finished.emit()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            popup_open = isinstance(watched, QLineEdit) and bool(
                watched.completer() and watched.completer().popup().isVisible()
            )
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not popup_open:
                self.save()
                return True
            if event.key() == Qt.Key.Key_Escape and not popup_open:
                self.finished.emit()
                return True
        return super().eventFilter(watched, event)

    def _suggest(self) -> None:
        self.suggestions.update_for(self.text.text(), parse_tags(self.tags.text()))

    def _add_tag(self, tag: str) -> None:
        present = parse_tags(self.tags.text())
        if tag not in present:
            self.tags.setText(" ".join([*present, tag]))

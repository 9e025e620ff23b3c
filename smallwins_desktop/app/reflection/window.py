"""A minute of reflection: the day's wins and setbacks, four short questions, and how
confident the person feels about their work. Every answer is optional; what was answered
before is shown and can be changed. Ctrl+Enter saves, Esc closes (a question half answered
is kept while the window is open, and saved only with Save).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QWidget,
)

from smallwins_desktop.app import look, marks
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.labels import problem_label
from smallwins_desktop.app.reflection.answers import answer_form
from smallwins_desktop.app.tray.icons import app_icon
from smallwins_desktop.core import reflections
from smallwins_desktop.core.capture import KIND_SETBACK
from smallwins_desktop.core.errors import SmallWinsError


class ReflectionWindow(QWidget):
    """Signals: saved: the reflection was stored (the window then closes)."""

    saved = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._journal = journal
        self._day = journal.today()
        self.setWindowTitle(self.tr("Reflect — Small Wins"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Reflect on the day"))
        self.resize(560, 620)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        look.set_role(self.heading, look.Type.TITLE)
        self.hint = QLabel(self.tr("Every question is optional; about a minute is enough."), self)
        self.hint.setWordWrap(True)
        self.day_list = QListWidget(self)
        self.day_list.setAccessibleName(self.tr("The day's wins and setbacks"))
        self.day_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        form, self.answers = answer_form(self, reflections.PROMPTS, self.save)
        self.confidence = QButtonGroup(self)
        scale = look.row()
        for value, word in reflections.CONFIDENCE_WORDS.items():
            button = QRadioButton(f"{value} {self.tr(word)}", self)
            button.setAccessibleName(self.tr("Confidence %d of 5, %s") % (value, self.tr(word)))
            self.confidence.addButton(button, value)
            scale.addWidget(button)
        scale.addStretch(1)
        form.addRow(self.tr(reflections.CONFIDENCE_PROMPT), scale)
        self.problem = problem_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save the reflection"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)

        look.refit(self.day_list, self._fit_day_list)  # a new system font: rows as tall
        layout = look.column(self, look.WINDOW_MARGINS)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.day_list)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _fit_day_list(self) -> None:
        """As tall as the day, scrolling past six rows."""
        rows = min(max(self.day_list.count(), 1), 6)
        self.day_list.setFixedHeight(
            rows * self.day_list.sizeHintForRow(0) + 2 * self.day_list.frameWidth() + 4
        )

    @property
    def day(self) -> date:
        return self._day

    def present(self, day: date | None = None) -> None:
        """Show the reflection on `day` (today by default), with what was answered before."""
        self.load(day or self._journal.today())
        self.resize(max(self.width(), 560), self.sizeHint().height())
        self.show()
        self.raise_()
        self.activateWindow()
        self.answers["moved_forward"].setFocus()

    def _fill_day_list(self) -> None:
        """The day's wins and setbacks, each with its mark drawn in the palette's colours."""
        colors = marks.Colors(self.palette())
        self.day_list.clear()
        todays = self._journal.wins_on(self._day)
        for win in todays:
            setback = win.kind == KIND_SETBACK
            name = "setback" if setback else marks.impact_mark(win.impact)
            mark = marks.icon(name, colors.setback if setback else colors.win)
            item = QListWidgetItem(mark, win.text)
            item.setToolTip(self.tr("Setback") if setback else self.tr("Win"))
            self.day_list.addItem(item)
        if not todays:
            self.day_list.addItem(
                self.tr("Nothing logged that day; reflecting is worth it all the same.")
            )
        self._fit_day_list()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            self._fill_day_list()  # the marks, in a new colour scheme; the answers stay

    def load(self, day: date) -> None:
        self._day = day
        today = self._journal.today()
        named = f"{day:%A %-d %B}"
        self.heading.setText(
            self.tr("Reflect on today · %s") % named
            if day == today
            else self.tr("Reflect on %s") % named
        )
        self._fill_day_list()
        before = self._journal.reflection(day)
        for name, box in self.answers.items():
            box.setPlainText(getattr(before, name) if before else "")
        self.confidence.setExclusive(False)
        for button in self.confidence.buttons():
            button.setChecked(False)
        self.confidence.setExclusive(True)
        if before and before.confidence:
            self.confidence.button(before.confidence).setChecked(True)
        self.problem.hide()

    def answers_given(self) -> dict[str, object]:
        given: dict[str, object] = {n: box.toPlainText() for n, box in self.answers.items()}
        chosen = self.confidence.checkedId()
        given["confidence"] = chosen if chosen > 0 else None
        return given

    def save(self) -> None:
        try:
            self._journal.save_reflection(self._day, **self.answers_given())
        except SmallWinsError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.saved.emit()
        self.close()

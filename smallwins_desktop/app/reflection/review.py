"""The weekly review (the Friday reminder opens it; also Tray → Weekly review…): the week's
wins by goal, against last week, its setbacks, the micro-goals done and due, the confidence
trend; then what worked, what could be better, what matters next week, and next week's
micro-goals, created right here.
"""

from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.labels import problem_label
from smallwins_desktop.app.marks import Colors
from smallwins_desktop.app.reflection.answers import answer_form
from smallwins_desktop.app.tray.icons import app_icon
from smallwins_desktop.core import review
from smallwins_desktop.core.errors import SmallWinsError

WINS_SHOWN_PER_GOAL = 6


class WeeklyReviewWindow(QWidget):
    """Signals: saved: the review's answers were stored."""

    saved = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._journal = journal
        self.setWindowTitle(self.tr("Weekly review — Small Wins"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Weekly review"))
        self.resize(640, 760)

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        look.set_role(self.heading, look.Type.TITLE)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(self.tr("The week in figures"))
        self.by_goal = QLabel(self)
        self.by_goal.setWordWrap(True)
        self.by_goal.setTextFormat(Qt.TextFormat.RichText)
        self.by_goal.setAccessibleName(self.tr("The week's wins by goal"))
        self.goals_state = QLabel(self)
        self.goals_state.setWordWrap(True)
        self.goals_state.setTextFormat(Qt.TextFormat.RichText)
        self.goals_state.setAccessibleName(self.tr("Micro-goals done and due"))

        form, self.answers = answer_form(self, review.PROMPTS, self.save)

        self.goal_title = QLineEdit(self)
        self.goal_title.setPlaceholderText(self.tr("e.g. Draft the FAQ"))
        self.goal_title.setAccessibleName(self.tr("Next week's micro-goal"))
        self.goal_title.returnPressed.connect(self.add_micro_goal)
        self.goal_parent = QComboBox(self)
        self.goal_parent.setAccessibleName(self.tr("Part of"))
        self.goal_target = QSpinBox(self)
        self.goal_target.setRange(0, 1000)
        self.goal_target.setSpecialValueText(self.tr("no count"))
        self.goal_target.setAccessibleName(self.tr("Target count"))
        self.goal_due = QDateEdit(self)
        self.goal_due.setCalendarPopup(True)
        self.goal_due.setDisplayFormat("ddd d MMM")
        self.goal_due.setAccessibleName(self.tr("Due"))
        self.add_goal_button = QPushButton(self.tr("&Add"), self)
        self.add_goal_button.setAccessibleName(self.tr("Add the micro-goal"))
        self.add_goal_button.clicked.connect(self.add_micro_goal)
        self.added = QLabel(self)
        self.added.setWordWrap(True)
        self.added.setAccessibleName(self.tr("Micro-goals added"))
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("A word about the number of goals"))
        self.problem = problem_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save the review"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.close)

        goal_row = look.row()
        goal_row.addWidget(self.goal_title, 3)
        goal_row.addWidget(self.goal_parent, 2)
        goal_row.addWidget(self.goal_target)
        goal_row.addWidget(self.goal_due)
        goal_row.addWidget(self.add_goal_button)

        content = QWidget(self)
        column = look.column(content, (look.Space.L, look.Space.M, look.Space.L, look.Space.S))
        column.addWidget(self.heading)
        column.addWidget(self.summary)
        column.addWidget(self.by_goal)
        column.addWidget(self.goals_state)
        column.addWidget(_rule(content))
        column.addLayout(form)
        look.gap(column)
        section = QLabel(self.tr("Next week’s micro-goals"), content)
        look.set_role(section, look.Type.STRONG)
        column.addWidget(section)
        column.addLayout(goal_row)
        column.addWidget(self.warning)
        column.addWidget(self.added)
        column.addWidget(self.problem)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = look.column(
            self, (look.Space.NONE, look.Space.NONE, look.Space.NONE, look.Space.M)
        )
        layout.addWidget(scroll, 1)
        buttons = look.row(margins=(look.Space.L, look.Space.NONE))
        buttons.addWidget(self.buttons)
        layout.addLayout(buttons)
        self._added: list[str] = []

    def present(self) -> None:
        self.load()
        self.show()
        self.raise_()
        self.activateWindow()
        self.answers["moved_forward"].setFocus()

    def load(self) -> None:
        week = self._journal.week_review()
        colors = Colors(self.palette())
        muted = colors.muted.name()
        last = week.monday + timedelta(days=6)
        span = self.tr("Your week · %s – %s") % (f"{week.monday:%-d %b}", f"{last:%-d %b}")
        self.heading.setText(span)
        self.summary.setText(
            f"{html.escape(week.count_line())}<br>"
            f"<span style='color:{muted}'>{html.escape(week.confidence_line())}</span>"
        )
        blocks = []
        for group in week.groups:
            shown = group.wins[:WINS_SHOWN_PER_GOAL]
            items = "".join(f"<li>{html.escape(w.text)}</li>" for w in shown)
            more = len(group.wins) - len(shown)
            if more:
                items += f"<li style='color:{muted}'>{self.tr('and %d more') % more}</li>"
            blocks.append(
                f"<b>{html.escape(group.title)}</b> ({len(group.wins)})"
                f"<ul style='margin-top:0; margin-left:-24px'>{items}</ul>"
            )
        if week.setbacks:
            items = "".join(f"<li>{html.escape(w.text)}</li>" for w in week.setbacks)
            blocks.append(
                f"<b>{self.tr('Setbacks, to learn from')}</b> ({len(week.setbacks)})"
                f"<ul style='margin-top:0; margin-left:-24px'>{items}</ul>"
            )
        if not blocks:
            blocks.append(html.escape(self.tr("No wins logged this week yet.")))
        self.by_goal.setText("".join(blocks))
        state = []
        if week.done:
            state.append(
                f"<b>{self.tr('Micro-goals done')}</b>: "
                + ", ".join(html.escape(g.title) for g in week.done)
            )
        if week.due:
            today = week.until
            state.append(
                f"<b>{self.tr('Due')}</b>: "
                + ", ".join(
                    html.escape(f"{g.title} ({_due_words(g.due, today)})")
                    for g in week.due
                    if g.due
                )
            )
        self.goals_state.setText("<br>".join(state))
        self.goals_state.setVisible(bool(state))
        before = self._journal.weekly_reflection()
        for name, box in self.answers.items():
            box.setPlainText(getattr(before, name) if before else "")
        self.goal_parent.clear()
        self.goal_parent.addItem(self.tr("On its own"), None)
        for goal in self._journal.goals():
            if goal.status == "active" and goal.parent is None:
                self.goal_parent.addItem(self.tr("Part of %s") % goal.title, goal.slug)
        next_friday = week.monday + timedelta(days=11)
        self.goal_due.setDate(QDate(next_friday.year, next_friday.month, next_friday.day))
        self._show_warning()

    def add_micro_goal(self) -> None:
        title = self.goal_title.text().strip()
        chosen = self.goal_due.date()
        try:
            goal = self._journal.add_goal(
                title,
                parent=self.goal_parent.currentData(),
                target=self.goal_target.value() or None,
                due=date(chosen.year(), chosen.month(), chosen.day()),
            )
        except SmallWinsError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.problem.hide()
        self._added.append(f"+{goal.slug} · {goal.title}, due {goal.due:%a %-d %b}")
        self.added.setText(self.tr("Added: %s") % "; ".join(self._added))
        self.goal_title.clear()
        self.goal_target.setValue(0)
        self._show_warning()
        self.goal_title.setFocus()

    def _show_warning(self) -> None:
        overload = self._journal.goal_overload()  # the same word the Goals view says
        self.warning.setVisible(overload is not None)
        if overload is not None:
            self.warning.setText(overload.message())

    def save(self) -> None:
        try:
            self._journal.save_weekly_reflection(
                **{name: box.toPlainText() for name, box in self.answers.items()}
            )
        except SmallWinsError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.saved.emit()
        self.close()


def _due_words(due: date, today: date) -> str:
    if due < today:
        return QCoreApplication.translate(
            "WeeklyReviewWindow", "%n day(s) overdue", "", (today - due).days
        )
    if due == today:
        return QCoreApplication.translate("WeeklyReviewWindow", "due today")
    return QCoreApplication.translate("WeeklyReviewWindow", "due %s") % f"{due:%a %-d %b}"


def _rule(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line

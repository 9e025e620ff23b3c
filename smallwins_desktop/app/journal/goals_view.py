"""The Goals view: objectives and their micro-goals with painted progress bars, Done and Drop,
and a row to add a goal that warns, calmly, when micro-goals pile up. A goal done or dropped
by mistake comes back: Undo beside the message right after, or "Show done and dropped" and
its Reopen button later.

    Done by the due date: last 30 days 80% ...           [ ] Show done and dropped
    ┌ Launch the site            [■■■■□□]  2/3
    │   Ship the landing page    [■■■□□□]  3/5   due 2026-11-27   [Done] [Drop]
    │   Write the docs           [□□□□□□]        OVERDUE 2026-11-19 [Done] [Drop]
    [title] [under ▾] [target] [due] [done means] [Add]
    You have 6 active micro-goals; your limit is 5. ...
    Nice — that moved things forward. …                          [Undo]

Everything goes through the `Journal` (which calls `core.goals`); progress comes ready-made
from `goals.tree`, nothing is counted here. The journal window opens it (View → Goals).
"""

from __future__ import annotations

import html
import logging
from datetime import date

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from smallwins_desktop.app.marks import Colors
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.goals import MAX_TARGET, GoalNode, Progress

log = logging.getLogger(__name__)

BAR_SIZE = QSize(120, 12)
LABEL_PADDING = (
    look.Space.S
)  # the count and due columns are as wide as their widest text, so bars line up
MICRO_GOAL_INDENT = look.Space.XL


class GoalBar(QWidget):
    """A goal's progress as a painted bar: the track, and the part done in the win colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = Progress(0, None, done=False)
        self.setFixedSize(BAR_SIZE)
        self.setAccessibleName(self.tr("Progress"))

    def set_progress(self, progress: Progress) -> None:
        self.progress = progress
        if progress.total is not None:
            told = self.tr("%d of %d") % (progress.count, progress.total)
        else:
            told = self.tr("done") if progress.done else self.tr("not done yet")
        self.setAccessibleDescription(told)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = Colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QRectF(0.5, 0.5, self.width() - 1.0, self.height() - 1.0)
        radius = track.height() / 2
        painter.setBrush(colors.heat[0])
        painter.drawRoundedRect(track, radius, radius)
        share = self.progress.fraction
        if share > 0:
            painter.setBrush(colors.win)
            painter.drawRoundedRect(
                QRectF(track.x(), track.y(), track.width() * share, track.height()), radius, radius
            )


class GoalRow(QFrame):
    """One goal: its title, bar, count, due date (overdue marked) or how it was closed, Done
    and Drop, and Reopen for a closed one.

    Signals:
        done_clicked(str slug), drop_clicked(str slug), reopen_clicked(str slug): the user
            pressed that goal's button.
    """

    done_clicked = Signal(str)
    drop_clicked = Signal(str)
    reopen_clicked = Signal(str)

    def __init__(
        self,
        node: GoalNode,
        today: date,
        parent: QWidget | None = None,
        *,
        room_for_reopen: bool = False,
    ) -> None:
        super().__init__(parent)
        goal = node.goal
        self.slug = goal.slug
        self.setObjectName("goalRow")
        self.setAccessibleName(goal.title)
        self.title = QLabel(html.escape(goal.title), self)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        if node.is_objective:
            self.title.setText(f"<b>{html.escape(goal.title)}</b>")
        self.title.setToolTip(
            f"+{goal.slug}" + (self.tr("\nDone means: %s") % goal.criteria if goal.criteria else "")
        )
        self.bar = GoalBar(self)
        self.bar.set_progress(node.progress)
        self.count = QLabel(self)
        if node.progress.total is not None:
            self.count.setText(f"{node.progress.count}/{node.progress.total}")
        self.due = QLabel(self)
        self.due.setObjectName("goalDue")
        self._overdue = False
        if goal.status != "active":
            self.due.setText(self.tr("Done") if goal.status == "done" else self.tr("Dropped"))
        elif goal.due is not None:
            if node.overdue:
                self.due.setText(self.tr("Overdue since %s") % goal.due.isoformat())
                self._overdue = True
                self._colour_due()
            elif goal.due == today:
                self.due.setText(self.tr("Due today"))
            else:
                self.due.setText(self.tr("Due %s") % goal.due.isoformat())
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setAccessibleName(self.tr("Mark %s done") % goal.title)
        self.done_button.clicked.connect(lambda: self.done_clicked.emit(self.slug))
        self.drop_button = QPushButton(self.tr("Drop"), self)
        self.drop_button.setAccessibleName(self.tr("Drop %s") % goal.title)
        self.drop_button.clicked.connect(lambda: self.drop_clicked.emit(self.slug))
        self.reopen_button = QPushButton(self.tr("Reopen"), self)
        self.reopen_button.setAccessibleName(self.tr("Reopen %s") % goal.title)
        self.reopen_button.clicked.connect(lambda: self.reopen_clicked.emit(self.slug))
        kept = self.reopen_button.sizePolicy()
        kept.setRetainSizeWhenHidden(room_for_reopen)  # closed goals shown: rows line up
        self.reopen_button.setSizePolicy(kept)
        self.reopen_button.setVisible(goal.status != "active")
        self._fit_columns()
        look.refit(self, self._fit_columns)  # a new system font: columns as wide
        for button in (self.done_button, self.drop_button):
            button.setEnabled(goal.status == "active")
        indent = look.Space.NONE if goal.parent is None else MICRO_GOAL_INDENT
        row = look.row(self, (indent, look.Space.NONE, look.Space.NONE, look.Space.NONE))
        row.addWidget(self.title, 1)
        row.addWidget(self.bar)
        row.addWidget(self.count)
        row.addWidget(self.due)
        row.addWidget(self.done_button)
        row.addWidget(self.drop_button)
        row.addWidget(self.reopen_button)

    def _colour_due(self) -> None:
        if getattr(self, "_overdue", False):  # (a palette may come before the row is built)
            self.due.setStyleSheet(f"color: {Colors(self.palette()).problem.name()};")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_due()  # light to dark, or the system's: the new palette's colour

    def _fit_columns(self) -> None:
        """The count and the due date in columns wide enough for their widest text, so the
        rows line up."""
        metrics = self.fontMetrics()
        widest_due = self.tr("Overdue since %s") % "0000-00-00"
        self.count.setFixedWidth(metrics.horizontalAdvance("000/000") + LABEL_PADDING)
        self.due.setFixedWidth(metrics.horizontalAdvance(widest_due) + LABEL_PADDING)


class GoalsView(QWidget):
    """Objectives and micro-goals, completing, dropping and reopening them, and adding new
    ones.

    Signals:
        goal_completed(str slug): a goal was marked done (its win is recorded).
        goal_reopened(str slug): a done or dropped goal was made active again.
    """

    goal_completed = Signal(str)
    goal_reopened = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.rows: dict[str, GoalRow] = {}
        self._undo_slug: str | None = None
        self.setObjectName("goalsView")
        self.setAccessibleName(self.tr("Goals"))
        self.setWindowTitle(self.tr("Goals — Small Wins"))

        self.rates = QLabel(self)
        self.rates.setObjectName("completionRates")
        self.rates.setWordWrap(True)
        self.rates.setAccessibleName(self.tr("Micro-goals done by their due date"))
        self.empty = QLabel(self.tr("No active goals. Add one below."), self)
        self.list_widget = QWidget(self)
        self.list_layout = look.column(self.list_widget)
        self.list_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(self.list_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(self.tr("A new goal"))
        self.title_edit.setAccessibleName(self.tr("New goal's title"))
        self.title_edit.returnPressed.connect(self.add_goal)
        self.under = QComboBox(self)
        self.under.setAccessibleName(self.tr("Part of the objective"))
        self.target = QSpinBox(self)
        self.target.setRange(0, MAX_TARGET)
        self.target.setSpecialValueText(self.tr("No target"))
        self.target.setAccessibleName(self.tr("Target: wins that make it done"))
        self.due_edit = QLineEdit(self)
        self.due_edit.setPlaceholderText(self.tr("Due YYYY-MM-DD"))
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.criteria = QLineEdit(self)
        self.criteria.setPlaceholderText(self.tr("Done means…"))
        self.criteria.setAccessibleName(self.tr("What done means"))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setAccessibleName(self.tr("Add the goal"))
        self.add_button.clicked.connect(self.add_goal)
        add_row = look.row()
        add_row.addWidget(self.title_edit, 2)
        add_row.addWidget(self.under, 1)
        add_row.addWidget(self.target)
        add_row.addWidget(self.due_edit)
        add_row.addWidget(self.criteria, 2)
        add_row.addWidget(self.add_button)
        self.show_closed = QCheckBox(self.tr("Show done and dropped"), self)
        self.show_closed.setAccessibleName(self.tr("Show done and dropped goals"))
        self.show_closed.toggled.connect(self.refresh)

        self.overload_label = QLabel(self)
        self.overload_label.setObjectName("overloadWarning")
        self.overload_label.setWordWrap(True)
        self.overload_label.setAccessibleName(self.tr("Too many active micro-goals"))
        self.overload_label.hide()
        self.message = QLabel(self)
        self.message.setObjectName("goalsMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo: reopen the goal"))
        self.undo_button.clicked.connect(self._undo)
        self.undo_button.hide()
        message_row = look.row()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.undo_button)
        top_row = look.row()
        top_row.addWidget(self.rates, 1)
        top_row.addWidget(self.show_closed)

        layout = look.column(self, look.WINDOW_MARGINS)
        layout.addLayout(top_row)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.overload_label)
        layout.addLayout(message_row)
        journal.changed.connect(self._journal_changed)
        self.refresh()

    def sizeHint(self) -> QSize:
        return QSize(860, 520)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def _journal_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the goals, their progress, the rates and the overload again."""
        try:
            tree = self._journal.goal_tree(include_closed=self.show_closed.isChecked())
            rates = self._journal.completion_rates()
            overload = self._journal.goal_overload()
        except SmallWinsError as error:
            self._say(str(error), problem=True)
            return
        for row in self.rows.values():
            self.list_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows.clear()
        today = self._journal.today()
        position = 0
        for node in tree:
            for each in (node, *node.children):
                row = GoalRow(
                    each, today, self.list_widget, room_for_reopen=self.show_closed.isChecked()
                )
                row.done_clicked.connect(self.complete)
                row.drop_clicked.connect(self.drop)
                row.reopen_clicked.connect(self.reopen)
                self.list_layout.insertWidget(position, row)
                row.setVisible(True)  # now, not on the next turn of the loop as layouts do
                self.rows[each.goal.slug] = row
                position += 1
        self.empty.setVisible(not tree)
        if self.show_closed.isChecked():
            self.empty.setText(self.tr("No goals yet. Add one below."))
        else:
            self.empty.setText(self.tr("No active goals. Add one below."))
        told = [rate.line() for rate in rates if rate.rate is not None]
        self.rates.setText(
            self.tr("Done by the due date: %s") % " ".join(told)
            if told
            else self.tr("No micro-goal fell due in the last 90 days.")
        )
        self._fill_objectives(tree)
        self.overload_label.setVisible(overload is not None)
        if overload is not None:
            self.overload_label.setText(overload.message())

    def _fill_objectives(self, tree: list[GoalNode]) -> None:
        kept = self.under.currentData()
        self.under.clear()
        self.under.addItem(self.tr("On its own"), None)
        for node in tree:
            if node.goal.status == "active":
                self.under.addItem(self.tr("Under %s") % node.goal.title, node.goal.slug)
        found = self.under.findData(kept)
        self.under.setCurrentIndex(max(0, found))

    def add_goal(self) -> None:
        due_text = self.due_edit.text().strip()
        try:
            due = date.fromisoformat(due_text) if due_text else None
        except ValueError:
            self._say(self.tr("The due date is a day such as 2026-12-01."), problem=True)
            return
        target = self.target.value() or None
        try:
            goal = self._journal.add_goal(
                self.title_edit.text(),
                parent=self.under.currentData(),
                criteria=self.criteria.text(),
                target=target,
                due=due,
            )
        except SmallWinsError as error:
            self._say(str(error), problem=True)
            return
        for edit in (self.title_edit, self.due_edit, self.criteria):
            edit.clear()
        self.target.setValue(0)
        said = self.tr("Goal added: %s (+%s)") % (goal.title, goal.slug)
        if due is not None and due < self._journal.today():
            said += " " + self.tr("Its due date is already past, so it shows as overdue.")
        self._say(said)
        self.refresh()  # the journal may not be watched by this view when hidden

    def complete(self, slug: str) -> None:
        try:
            done = self._journal.complete_goal(slug)
        except SmallWinsError as error:
            self._say(str(error), problem=True)
            return
        celebration = done.celebration
        lines = [celebration.headline, celebration.detail]
        self._say(" ".join(line for line in lines if line), undo=slug)
        self.refresh()
        self.goal_completed.emit(slug)

    def drop(self, slug: str) -> None:
        try:
            dropped = self._journal.drop_goal(slug)
        except SmallWinsError as error:
            self._say(str(error), problem=True)
            return
        self._say(self.tr("Dropped: %s") % ", ".join(goal.title for goal in dropped), undo=slug)
        self.refresh()

    def reopen(self, slug: str) -> None:
        """Make a done or dropped goal active again (its completion win goes to the trash)."""
        try:
            reopened = self._journal.reopen_goal(slug)
        except SmallWinsError as error:
            self._say(str(error), problem=True)
            return
        said = self.tr("Reopened: %s") % ", ".join(goal.title for goal in reopened.goals)
        if reopened.trashed_win is not None:
            said += " " + self.tr("Its win “%s” went to the trash.") % reopened.trashed_win.text
        self._say(said)
        self.refresh()
        self.goal_reopened.emit(slug)

    def _undo(self) -> None:
        if self._undo_slug is not None:
            self.reopen(self._undo_slug)

    def _say(self, text: str, *, problem: bool = False, undo: str | None = None) -> None:
        """Say `text` under the goals; `undo` is the slug the Undo beside it reopens."""
        self._undo_slug = undo
        self.undo_button.setVisible(undo is not None)
        self.message.setText(text)
        self.message.setProperty("problem", problem)
        self._colour_message()
        self.message.show()

    def _colour_message(self) -> None:
        problem = bool(self.message.property("problem"))
        problem_color = Colors(self.palette()).problem.name()
        self.message.setStyleSheet(f"color: {problem_color};" if problem else "")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "message"):
            self._colour_message()  # a refusal said in the old scheme's colour: the new one's


def open_goals_window(journal: Journal, parent: QWidget | None = None) -> GoalsView:
    """The Goals view as a window of its own (the journal window keeps one and re-shows it)."""
    view = GoalsView(journal, parent)
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.resize(view.sizeHint())
    return view

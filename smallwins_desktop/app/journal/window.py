"""The journal window, where a person looks back: the timeline, search and filters, the
heatmap, the rhythm, and changing or deleting a win (undoable).

    +--------------------------------------------------+--------------+
    | heatmap of 52 weeks                  less ■■■ more | rhythm panel |
    | [search] [tag] [goal] [impact] [kind] [period] [x] |  streak      |
    | Showing 12 of 4,210 wins · #testing · big impact   |  this week   |
    | timeline (model/view, fetched as it scrolls)       |  12 weeks    |
    |                                                    |  habit       |
    | [Moved to the trash: "..."  Undo]                  |  on this day |
    +--------------------------------------------------+--------------+

Everything is read through the `Journal` (which calls `core`); nothing here runs SQL. The
window follows changes from anywhere (`Journal.changed`) while it is visible, and catches up
when it is shown again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.journal.goals_view import GoalsView, open_goals_window
from smallwins_desktop.app.journal.heatmap import HeatmapView
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.parts import (
    LazyCombo,
    Legend,
    NoticeBar,
    TimelineView,
    UndoStep,
    short,
)
from smallwins_desktop.app.journal.rhythm import RhythmPanel
from smallwins_desktop.app.journal.timeline import TimelineDelegate, TimelineModel
from smallwins_desktop.app.journal.trash import TrashDialog
from smallwins_desktop.app.journal.words import IMPACT_WORDS
from smallwins_desktop.app.tray.icons import app_icon
from smallwins_desktop.core.capture import KIND_SETBACK, KIND_WIN
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.queries import WinFilter
from smallwins_desktop.core.stats import monday_of
from smallwins_desktop.core.wins import WinRecord

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 0
"""Search runs on the next turn of the event loop: fast typing coalesces, nothing waits."""
PERIODS = ("any", "week", "30", "year")


class JournalWindow(QMainWindow):
    """Signals: capture_requested: the user asked for the capture box (Ctrl+N);
    reflect_requested: File → Reflect on today…; review_requested: File → Weekly review…"""

    capture_requested = Signal()
    reflect_requested = Signal()
    review_requested = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._stale = True
        self._picked: tuple[date, date] | None = None
        self._goals_view: GoalsView | None = None
        self.setWindowTitle(self.tr("Journal — Small Wins"))
        self.setWindowIcon(app_icon())
        self.setObjectName("journalWindow")
        self.resize(1100, 760)
        self.undo_stack = QUndoStack(self)

        self.heatmap = HeatmapView(self)
        self.heatmap.range_picked.connect(self.pick_days)
        self.heatmap.rest_day_toggled.connect(self._toggle_rest_day)
        self.legend = Legend(self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search wins and tags  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = self._combo(self.tr("Tag"), self._fill_tags)
        self.tag_filter.addItem(self.tr("Any tag"), None)
        self.goal_filter = self._combo(self.tr("Goal"), self._fill_goals)
        self.goal_filter.addItem(self.tr("Any goal"), None)
        self.impact_filter = self._combo(self.tr("Impact"))
        self.impact_filter.addItem(self.tr("Any impact"), None)
        for value, word in IMPACT_WORDS.items():
            self.impact_filter.addItem(self.tr("%s impact") % word.capitalize(), value)
        self.kind_filter = self._combo(self.tr("Kind"))
        self.kind_filter.addItem(self.tr("Wins and setbacks"), None)
        self.kind_filter.addItem(self.tr("Wins only"), KIND_WIN)
        self.kind_filter.addItem(self.tr("Setbacks only"), KIND_SETBACK)
        self.period_filter = self._combo(self.tr("Period"))
        for key, label in zip(
            PERIODS,
            (
                self.tr("Any time"),
                self.tr("This week"),
                self.tr("Last 30 days"),
                self.tr("This year"),
            ),
            strict=True,
        ):
            self.period_filter.addItem(label, key)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setAccessibleName(self.tr("Clear all filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.summary = QLabel(self)
        self.summary.setObjectName("filterSummary")
        self.summary.setAccessibleName(self.tr("What is shown"))

        self.model = TimelineModel(journal, self)
        self.delegate = TimelineDelegate(journal, self)
        self.delegate.save_edit = self.save_edit
        self.view = TimelineView(self)
        self.view.setAccessibleName(self.tr("Wins, newest first"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.edit_requested.connect(self.view.edit)
        self.view.delete_requested.connect(lambda index: self.delete_win(index.row()))
        self.delegate.closeEditor.connect(self._editor_closed)
        self.empty = QLabel(self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("Nothing to show"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.notice = NoticeBar(self)
        self.notice.undo_button.clicked.connect(self.undo_stack.undo)
        self.rhythm = RhythmPanel(self)

        self._build_layout()
        self._build_menus()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (
            self.tag_filter,
            self.goal_filter,
            self.impact_filter,
            self.kind_filter,
            self.period_filter,
        ):
            combo.currentIndexChanged.connect(self._combo_changed)
        journal.changed.connect(self._journal_changed)

    # -- building ----------------------------------------------------------------------------

    def _combo(self, name: str, fill: Callable[[], None] | None = None) -> QComboBox:
        combo = LazyCombo(fill, self)
        combo.setAccessibleName(self.tr("Filter by %s") % name.lower())
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _build_layout(self) -> None:
        heat_row = look.row()
        heat_row.addWidget(self.heatmap)
        heat_row.addStretch(1)
        search_row = look.row()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.clear_button)
        filters = look.row()
        for widget in (
            self.tag_filter,
            self.goal_filter,
            self.impact_filter,
            self.kind_filter,
            self.period_filter,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        summary_row = look.row()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.legend)
        left = QWidget(self)
        column = look.column(left, (look.Space.M, look.Space.S, look.Space.S, look.Space.S))
        column.addLayout(heat_row)
        column.addLayout(search_row)
        column.addLayout(filters)
        column.addLayout(summary_row)
        column.addWidget(self.stack, 1)
        column.addWidget(self.notice)
        side = QScrollArea(self)
        side.setWidget(self.rhythm)
        side.setWidgetResizable(True)
        side.setFrameShape(QFrame.Shape.NoFrame)
        side.setMinimumWidth(270)
        side.setAccessibleName(self.tr("Your rhythm"))
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.new_action = self._action(
            file_menu,
            self.tr("&Log a win…"),
            QKeySequence.StandardKey.New,
            self.capture_requested.emit,
        )
        self.reflect_action = self._action(
            file_menu,
            self.tr("&Reflect on today…"),
            None,
            self.reflect_requested.emit,
            "A minute of reflection on the day",
        )
        self.review_action = self._action(
            file_menu,
            self.tr("Weekly re&view…"),
            None,
            self.review_requested.emit,
            "The week by goal, and next week's micro-goals",
        )
        self.trash_action = self._action(file_menu, self.tr("&Trash…"), None, self.show_trash)
        file_menu.addSeparator()
        self.export_action = self._action(
            file_menu, self.tr("&Export…"), None, self.show_export, "Export wins"
        )
        self.import_action = self._action(
            file_menu, self.tr("&Import…"), None, self.show_import, "Import wins"
        )
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Close"), QKeySequence.StandardKey.Close, self.close)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Edit the win"), None, self._edit_current)
        self.delete_action = self._action(
            edit_menu,
            self.tr("&Delete the win"),
            None,
            lambda: self.delete_win(self._current_row()),
        )
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("&Find"), QKeySequence.StandardKey.Find, self.focus_search)
        self.clear_action = self._action(
            edit_menu,
            self.tr("&Clear filters"),
            QKeySequence(Qt.Key.Key_Escape),
            self.clear_filters,
        )
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.goals_action = self._action(
            view_menu, self.tr("&Goals…"), QKeySequence("Ctrl+G"), self.show_goals
        )

    def _action(
        self,
        menu: Any,
        text: str,
        keys: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], Any],
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if tip:
            action.setStatusTip(self.tr(tip))
        if keys is not None:
            action.setShortcut(keys)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self.addAction(action)
        return action

    # -- showing -----------------------------------------------------------------------------

    def present(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.view.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            # The timeline first, so the window paints at once; the heatmap and the rhythm
            # (a few aggregate queries over the whole journal) on the next turn of the loop.
            self._stale = False
            self.model.reload()
            self._show_summary()
            self._mark_filters_stale()
            QTimer.singleShot(0, self._show_figures)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.notice.hide()
        super().closeEvent(event)

    def refresh(self) -> None:
        """Read everything again: the timeline (keeping its place), the heatmap and rhythm."""
        self._stale = False
        self.model.reload()
        self._show_figures()
        self._show_summary()
        self._mark_filters_stale()

    def _mark_filters_stale(self) -> None:
        """The tag and goal lists are filled again when next opened (not now: counting every
        tag's wins is the slowest query a big journal has, and most visits never open them)."""
        for combo in (self.tag_filter, self.goal_filter):
            combo.stale = True  # type: ignore[attr-defined]

    def _show_figures(self) -> None:
        try:
            rhythm = self._journal.rhythm()
            memories = self._journal.on_this_day()
            found = self._journal.insights()
            confidence = self._journal.confidence_by_week()
        except SmallWinsError as error:
            self.notice.say(str(error), undo=False, problem=True)
            return
        self.heatmap.set_heatmap(rhythm.heatmap)
        self.rhythm.show_rhythm(rhythm)
        self.rhythm.show_memories(memories)
        self.rhythm.show_insights(found)
        self.rhythm.show_confidence(confidence)

    def _journal_changed(self) -> None:
        self._stale = True
        self.model_changed_elsewhere()

    def model_changed_elsewhere(self) -> None:
        if self.isVisible() and self.view.state() != QAbstractItemView.State.EditingState:
            self.refresh()

    # -- filters -----------------------------------------------------------------------------

    def current_filter(self) -> WinFilter:
        today = self._journal.today()
        since: date | None = None
        until: date | None = None
        period = self.period_filter.currentData()
        if self._picked is not None and period == "picked":
            since, until = self._picked
        elif period == "week":
            since = monday_of(today)
        elif period == "30":
            since = today - timedelta(days=29)
        elif period == "year":
            since = date(today.year, 1, 1)
        return WinFilter(
            since=since,
            until=until,
            tag=self.tag_filter.currentData(),
            goal=self.goal_filter.currentData(),
            impact=self.impact_filter.currentData(),
            kind=self.kind_filter.currentData(),
            search=self.search.text().strip() or None,
        )

    def apply_filters(self) -> None:
        match = self.current_filter()
        self.delegate.search = match.search
        try:
            self.model.set_filter(match)
        except SmallWinsError as error:
            self.notice.say(str(error), undo=False, problem=True)
            return
        self.heatmap.set_picked((match.since, match.until) if self._picked_active() else None)
        self._show_summary()
        if self.model.rowCount():
            self.view.scrollToTop()

    def _picked_active(self) -> bool:
        return self._picked is not None and self.period_filter.currentData() == "picked"

    def pick_days(self, first: date, last: date) -> None:
        """Show only these days (a click or a drag on the heatmap)."""
        self._picked = (first, last)
        label = f"{first:%a %-d %b}" if first == last else f"{first:%-d %b} – {last:%-d %b}"
        slot = self.period_filter.findData("picked")
        self.period_filter.blockSignals(True)
        if slot < 0:
            self.period_filter.addItem(label, "picked")
            slot = self.period_filter.count() - 1
        else:
            self.period_filter.setItemText(slot, label)
        self.period_filter.setCurrentIndex(slot)
        self.period_filter.blockSignals(False)
        self.apply_filters()

    def clear_filters(self) -> None:
        """Every filter off, in one step (the Clear button, Esc)."""
        if self.view.state() == QAbstractItemView.State.EditingState:
            return
        for combo in (
            self.tag_filter,
            self.goal_filter,
            self.impact_filter,
            self.kind_filter,
            self.period_filter,
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._drop_picked()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def _drop_picked(self) -> None:
        self._picked = None
        slot = self.period_filter.findData("picked")
        if slot >= 0:
            self.period_filter.blockSignals(True)
            self.period_filter.removeItem(slot)
            self.period_filter.blockSignals(False)

    def _combo_changed(self) -> None:
        if self.sender() is self.period_filter and self.period_filter.currentData() != "picked":
            self._drop_picked()
        self.apply_filters()

    def _fill_tags(self) -> None:
        self._refill(
            self.tag_filter,
            self.tr("Any tag"),
            [(f"#{name} ({count})", name) for name, count in self._journal.tags_in_use()],
        )

    def _fill_goals(self) -> None:
        self._refill(
            self.goal_filter,
            self.tr("Any goal"),
            [(f"+{g.slug} · {g.title}", g.slug) for g in self._journal.goals()],
        )

    def _refill(self, combo: QComboBox, anything: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(anything, None)
        for label, value in items:
            combo.addItem(label, value)
        slot = combo.findData(chosen) if chosen is not None else 0
        if slot < 0:  # the chosen tag went (its last win deleted): keep it until cleared
            combo.addItem(f"#{chosen}", chosen)
            slot = combo.count() - 1
        combo.setCurrentIndex(slot)
        combo.blockSignals(False)

    def _show_summary(self) -> None:
        match = self.model.match
        total = self.model.total
        parts = []
        if match.search:
            parts.append(self.tr("matching “%s”") % match.search)
        if match.tag:
            parts.append(f"#{match.tag}")
        if match.goal:
            parts.append(f"+{match.goal}")
        if match.impact:
            parts.append(self.tr("%s impact") % IMPACT_WORDS[match.impact])
        if match.kind:
            parts.append(
                self.tr("setbacks only") if match.kind == KIND_SETBACK else self.tr("wins only")
            )
        if match.since or match.until:
            parts.append(
                self.period_filter.currentText().lower()
                if not self._picked_active()
                else self.period_filter.currentText()
            )
        counted = self.tr("%Ln win(s)", "", total)
        if parts:
            self.summary.setText(f"{counted} · {' · '.join(parts)}")
        else:
            self.summary.setText(self.tr("All %s, newest first") % counted)
        self.clear_button.setEnabled(bool(parts))
        if total:
            self.stack.setCurrentWidget(self.view)
        else:
            self.empty.setText(
                self.tr("No wins match these filters. Esc clears them.")
                if parts
                else self.tr(
                    "No wins yet. Press Ctrl+N to log your first: what moved forward today?"
                )
            )
            self.stack.setCurrentWidget(self.empty)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- changing wins -----------------------------------------------------------------------

    def _current_row(self) -> int:
        return self.view.currentIndex().row()

    def _edit_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def delete_win(self, row: int) -> None:
        """Move the win to the trash, with Undo in the bar below and on Ctrl+Z."""
        win = self.model.win(row)
        if win is None:
            return
        try:
            self._journal.delete(win.uuid)
        except SmallWinsError as error:
            self.notice.say(str(error), undo=False, problem=True)
            return
        self.undo_stack.push(
            UndoStep(
                self.tr("delete “%s”") % short(win.text),
                lambda: self._journal.delete(win.uuid),
                lambda: self._journal.restore(win.uuid),
                self._report,
            )
        )
        self.notice.say(
            self.tr("Moved to the trash: “%s”. It stays there for 30 days.") % short(win.text),
            undo=True,
        )
        next_row = min(row, self.model.rowCount() - 1)
        if next_row >= 0:
            self.view.setCurrentIndex(self.model.index(next_row))

    def save_edit(self, win: WinRecord, changes: dict[str, Any]) -> None:
        """Apply an edit from the editor (raising what the core refuses) and make it undoable."""
        before = {
            "text": win.text,
            "tags": list(win.tags),
            "goal": win.goal,
            "impact": win.impact,
            "kind": win.kind,
            "day": win.day,
        }
        undo = {key: before[key] for key in changes}
        changed = self._journal.edit(win.uuid, **changes)
        self.model.replace_win(changed)
        self.undo_stack.push(
            UndoStep(
                self.tr("edit “%s”") % short(win.text),
                lambda: self._journal.edit(win.uuid, **changes),
                lambda: self._journal.edit(win.uuid, **undo),
                self._report,
            )
        )
        self.notice.say(self.tr("Saved the change to “%s”.") % short(changed.text), undo=True)

    def _editor_closed(self, editor: QWidget, hint: Any) -> None:
        self.view.setFocus()
        if self._stale:
            QTimer.singleShot(0, self.refresh)

    def _report(self, text: str) -> None:
        self.notice.say(text, undo=False, problem=True)

    def _toggle_rest_day(self, day: date, rest: bool) -> None:
        try:
            self._journal.set_rest_day(day, rest)
        except SmallWinsError as error:
            self._report(str(error))

    def show_goals(self) -> GoalsView:
        """The Goals window (one, kept and shown again)."""
        if self._goals_view is None:
            self._goals_view = open_goals_window(self._journal, self)
        self._goals_view.show()
        self._goals_view.raise_()
        self._goals_view.activateWindow()
        return self._goals_view

    def show_trash(self) -> None:
        TrashDialog(self._journal, self).exec()

    def show_export(self) -> QDialog:
        """File → Export…: the filters now in force are the export's starting point."""
        from smallwins_desktop.app.exchange import open_export_dialog

        dialog = open_export_dialog(self._journal, self)
        match = self.current_filter()
        if match.since or match.until:
            today = self._journal.today()
            first, last = match.since or date(today.year, 1, 1), match.until or today
            dialog.since.setDate(QDate(first.year, first.month, first.day))
            dialog.until.setDate(QDate(last.year, last.month, last.day))
            dialog.limit_period.setChecked(True)
        for combo, value in ((dialog.tag, match.tag), (dialog.goal, match.goal)):
            if value is not None and (slot := combo.findData(value)) >= 0:
                combo.setCurrentIndex(slot)
        return dialog

    def show_import(self) -> QDialog:
        from smallwins_desktop.app.exchange import open_import_dialog

        return open_import_dialog(self._journal, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear_filters()
            return
        super().keyPressEvent(event)

"""The quick-capture window: one line, Enter, done — and today's wins below it.

Built once and re-shown, so it appears at once. `present()` centres it on the screen that
holds the mouse, on top and focused, with any unsaved draft back in place. The draft is saved
(debounced) while typing, so Esc, a quit or a crash loses nothing.

After a save its `MessageBar` shows a small celebration in proportion to the win and, for
Enter, the window hides shortly after; Ctrl+Enter stays for the next. After a setback it
recalls a past win from the same goal or tag, and stays long enough to read it.
Problems are said inline and calmly: nothing here is a modal dialog.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from smallwins_desktop.app import look, marks
from smallwins_desktop.app.capture.editor import CaptureEdit
from smallwins_desktop.app.capture.message import MessageBar
from smallwins_desktop.app.capture.suggestions import TagSuggestions
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.words import describe
from smallwins_desktop.app.tray.icons import app_icon
from smallwins_desktop.core.capture import KIND_SETBACK, Draft
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.wins import MAX_TEXT_LENGTH, WinRecord

log = logging.getLogger(__name__)

DRAFT_SAVE_DELAY_MS = 400
HIDE_AFTER_SAVE_MS = {0: 700, 1: 700, 2: 1_100, 3: 1_600}
HIDE_AFTER_RESURFACED_MS = 4_500  # long enough to read the past win a setback recalls
COUNTER_FROM = int(MAX_TEXT_LENGTH * 0.9)
WINDOW_WIDTH = 520
IMPACT_LABELS = {1: "Small", 2: "Medium", 3: "Big"}


class CaptureWindow(QWidget):
    """The quick-capture window; saving goes through the `Journal`.

    Signals:
        presented: the window was shown to the user (a waiting reminder is answered).
    """

    presented = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self._journal = journal
        self._impact_override: int | None = None
        self.setWindowTitle(self.tr("Log a win — Small Wins"))
        self.setWindowIcon(app_icon())
        self.setObjectName("captureWindow")
        self.setAccessibleName(self.tr("Log a win"))
        self.setFixedWidth(WINDOW_WIDTH)

        self.editor = CaptureEdit(self)
        self.editor.setPlaceholderText(self.tr("What moved forward? #tag +goal !"))
        self.editor.setAccessibleName(self.tr("What moved forward"))
        self.editor.setAccessibleDescription(
            self.tr(
                "Enter saves, Ctrl+Enter saves and stays open, Shift+Enter adds a line, "
                "Esc closes and keeps the draft."
            )
        )
        self.editor.submitted.connect(self.submit)
        self.editor.cancelled.connect(self.dismiss)
        self.editor.textChanged.connect(self._text_changed)

        self.preview = QLabel(self)
        self.preview.setObjectName("preview")
        self.preview.setAccessibleName(self.tr("How the win will be saved"))
        self.counter = QLabel(self)
        self.counter.setObjectName("counter")
        self.counter.setAccessibleName(self.tr("Characters used"))
        self.impact_buttons = QButtonGroup(self)
        impact_row = look.row()
        impact_row.addWidget(self.preview, 1)
        impact_row.addWidget(self.counter)
        for level, label in IMPACT_LABELS.items():
            button = QPushButton(self.tr(label), self)
            button.setCheckable(True)
            button.setToolTip(self.tr("Impact: %s (Alt+%d)") % (self.tr(label).lower(), level))
            button.setAccessibleName(self.tr("%s impact") % self.tr(label))
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self.impact_buttons.addButton(button, level)
            impact_row.addWidget(button)
            shortcut = QShortcut(QKeySequence(f"Alt+{level}"), self)
            shortcut.activated.connect(lambda level=level: self.set_impact(level))
        self.impact_buttons.idClicked.connect(self.set_impact)
        self.impact_buttons.button(1).setChecked(True)

        self.suggestions = TagSuggestions(journal, self)
        self.suggestions.chosen.connect(self.add_tag)
        self.suggestions.changed.connect(self._fit)

        self.message_bar = MessageBar(self)
        self.message_bar.create_goal_requested.connect(self._create_goal)
        self.message_bar.changed.connect(self._fit)
        look.refit(self, self._fit)  # a new system font: as tall as the larger text
        self.message = self.message_bar.label
        self.create_goal_button = self.message_bar.goal_button

        self.today_label = QLabel(self)
        self.today_label.setObjectName("todayLabel")
        self.today_list = QListWidget(self)
        self.today_list.setAccessibleName(self.tr("Today's wins"))
        self.today_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.today_list.setMaximumHeight(160)
        self.today_list.setWordWrap(True)

        layout = look.column(self, look.WINDOW_MARGINS)
        layout.addWidget(self.editor)
        layout.addLayout(impact_row)
        layout.addWidget(self.suggestions)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.today_label)
        layout.addWidget(self.today_list)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)

        journal.changed.connect(self.refresh)
        self.editor.set_text(journal.draft())
        self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def present(self) -> None:
        """Show on the screen under the mouse, on top, focused, ready to type."""
        self._hide_timer.stop()
        if not self.editor.text() and (draft := self._journal.draft()):
            self.editor.set_text(draft)
        self.refresh()
        self.adjustSize()
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft().x(), area.top() + max(0, (area.height() - frame.height()) // 3))
        self.show()
        self.raise_()
        self.activateWindow()
        self.editor.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.presented.emit()

    def dismiss(self) -> None:
        """Esc: hide and keep the draft."""
        self.save_draft()
        self.hide()

    def refresh(self) -> None:
        """Today's wins and the completions, as they are in the store now."""
        self.editor.set_completions(self._journal.tag_names(), self._journal.goal_slugs())
        todays = self._journal.todays_wins()
        self.today_list.clear()
        colors = marks.Colors(self.palette())
        for win in todays:
            self.today_list.addItem(_list_item(win, colors))
        count = sum(1 for w in todays if w.kind == "win")
        self.today_label.setText(
            self.tr("Today so far") if todays else self.tr("Nothing logged yet today.")
        )
        self.today_list.setVisible(bool(todays))
        self.today_label.setAccessibleDescription(self.tr("%n win(s) today", "", count))

    # -- saving ----------------------------------------------------------------------------

    def submit(self, keep_open: bool = False) -> None:
        draft = self._journal.parse(self.editor.text())
        if self._impact_override is not None:
            draft = dataclasses.replace(draft, impact=self._impact_override)
        try:
            result, celebration = self._journal.add(draft, source="capture")
        except SmallWinsError as error:
            self._show_problem(str(error))
            return
        self.editor.clear()
        self._journal.save_draft("")
        self._impact_override = None
        self.message_bar.celebrate(celebration, result.notes)
        hide_after = HIDE_AFTER_SAVE_MS.get(celebration.level, 700)
        if result.win.kind == KIND_SETBACK and self._resurface(result.win.uuid):
            hide_after = HIDE_AFTER_RESURFACED_MS
        if result.unknown_goal:
            self.message_bar.offer_goal(result.unknown_goal, result.win.uuid)
        elif not keep_open:
            self._hide_timer.start(hide_after)

    def set_impact(self, level: int) -> None:
        self._impact_override = level
        self.impact_buttons.button(level).setChecked(True)

    def add_tag(self, tag: str) -> None:
        """Put a suggested tag on the line (at its end, where tags go) and keep typing."""
        text = self.editor.text().rstrip()
        self.editor.set_text(f"{text} #{tag}" if text else f"#{tag}")
        self.editor.setFocus()

    def save_draft(self) -> None:
        self._draft_timer.stop()
        self._journal.save_draft(self.editor.text())

    # -- internals -------------------------------------------------------------------------

    def _text_changed(self) -> None:
        self._draft_timer.start()
        text = self.editor.text()
        draft = self._journal.parse(text)
        if self._impact_override is None:
            self.impact_buttons.button(draft.impact).setChecked(True)
        self.preview.setText(self._describe(draft) if text.strip() else "")
        self.suggestions.update_for(draft.text if text.strip() else "", draft.tags)
        length = len(draft.text)
        self.counter.setVisible(length >= COUNTER_FROM)
        self.counter.setText(f"{length:,} / {MAX_TEXT_LENGTH:,}")
        self.counter.setProperty("over", length > MAX_TEXT_LENGTH)
        self._colour_counter()
        if self.message_bar.showing_problem and text.strip():
            self.message_bar.clear()

    def _colour_counter(self) -> None:
        over = bool(self.counter.property("over"))
        problem = marks.Colors(self.palette()).problem.name()
        self.counter.setStyleSheet(f"color: {problem};" if over else "")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # a new colour scheme, say
            self._colour_counter()
            if self.isVisible():  # today's marks were drawn in the old colours
                self.refresh()  # (a hidden box draws them again when it is shown)

    def _describe(self, draft: Draft) -> str:
        """The parsed syntax as a quiet preview line: 'Fri 20 Nov · setback · #qa · +goal'."""
        parts = []
        if draft.day != self._journal.today():
            parts.append(draft.day.strftime("%a %d %b"))
        if draft.kind == "setback":
            parts.append(self.tr("setback"))
        parts += [f"#{t}" for t in draft.tags]
        if draft.goal:
            parts.append(f"+{draft.goal}")
        return " · ".join(parts)

    def _resurface(self, setback_uuid: str) -> bool:
        """Show a past win from the setback's goal or tag; whether there was one."""
        try:
            past = self._journal.past_win_for(setback_uuid)
        except SmallWinsError as error:  # the setback is saved; recalling is a bonus
            log.warning("cannot look up a past win for a setback: %s", error)
            return False
        if past is None:
            return False
        when = past.day.strftime("%a %d %b %Y")
        self.message_bar.resurface(
            self.tr("You moved this forward before: %s (%s)") % (past.text, when)
        )
        return True

    def _create_goal(self, slug: str, win_uuid: str) -> None:
        try:
            self._journal.create_goal_for(slug, win_uuid)
        except SmallWinsError as error:
            self._show_problem(str(error))
            return
        self.message_bar.confirm(self.tr("Goal +%s created and linked.") % slug)

    def _fit(self) -> None:
        """Grow or shrink to the message: a long celebration or problem is never clipped."""
        if self.isVisible():
            # The layouts inside take in what changed first (Qt does it later otherwise).
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.adjustSize()

    def _show_problem(self, text: str) -> None:
        self.message_bar.show_problem(text)
        self.editor.setFocus()


def _list_item(win: WinRecord, colors: marks.Colors) -> QListWidgetItem:
    """One of today's wins, with its drawn impact bars or the setback mark in front."""
    setback = win.kind == KIND_SETBACK
    name = "setback" if setback else marks.impact_mark(win.impact)
    extras = "".join(f"  #{t}" for t in win.tags) + (f"  +{win.goal}" if win.goal else "")
    item = QListWidgetItem(marks.icon(name, colors.setback if setback else colors.win), "")
    item.setText(f"{win.text}{extras}")
    item.setToolTip(describe(win))
    item.setData(Qt.ItemDataRole.AccessibleTextRole, describe(win))
    return item

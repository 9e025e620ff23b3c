"""The journal window's smaller parts: the timeline's list view (Enter edits, Delete
deletes), the notice bar with Undo, an undoable step, the filter lists filled when opened,
and the heatmap's legend.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QLabel,
    QListView,
    QPushButton,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.marks import Colors
from smallwins_desktop.core.errors import SmallWinsError

UNDO_BAR_MS = 12_000


class TimelineView(QListView):
    """The list of wins: Enter edits, Delete deletes; scrolls smoothly, a pixel at a time."""

    edit_requested = Signal(QModelIndex)
    delete_requested = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again to a new width
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if self.state() != QAbstractItemView.State.EditingState and index.isValid():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_requested.emit(index)
                return
            if event.key() == Qt.Key.Key_Delete:
                self.delete_requested.emit(index)
                return
        super().keyPressEvent(event)


class NoticeBar(QFrame):
    """A line at the foot of the window: what just happened, with Undo when it can be undone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notice"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setFlat(True)
        self.close_button.setAccessibleName(self.tr("Dismiss the notice"))
        self.close_button.clicked.connect(self.hide)
        row = look.row(self, (look.Space.M, look.Space.XS, look.Space.XS, look.Space.XS))
        row.addWidget(self.label, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(UNDO_BAR_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str, *, undo: bool, problem: bool = False) -> None:
        self.label.setText(text)
        self.label.setProperty("problem", problem)
        self.undo_button.setVisible(undo)
        self.show()
        if problem:
            self._timer.stop()  # a problem stays until it is read and dismissed
        else:
            self._timer.start()


class UndoStep(QUndoCommand):
    """An action already done, that the undo stack can take back and do again."""

    def __init__(
        self,
        text: str,
        redo: Callable[[], Any],
        undo: Callable[[], Any],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._redo, self._undo, self._report = redo, undo, report
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:  # pushed after the action succeeded: nothing to do yet
            self._done_once = False
            return
        self._run(self._redo, "redo")

    def undo(self) -> None:
        self._run(self._undo, "undo")

    def _run(self, step: Callable[[], Any], what: str) -> None:
        try:
            step()
        except SmallWinsError as error:
            self._report(f"Could not {what} “{self.text()}”: {error}")


class LazyCombo(QComboBox):
    """A filter list filled again just before it opens when the journal changed meanwhile."""

    def __init__(self, fill: Callable[[], None] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fill = fill
        self.stale = fill is not None  # filled when first needed, not while the window opens

    def fill_if_stale(self) -> None:
        if self._fill is not None and self.stale:
            self.stale = False
            self._fill()

    def showPopup(self) -> None:
        self.fill_if_stale()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.fill_if_stale()  # the arrow keys choose without opening the list
        super().focusInEvent(event)


class Legend(QWidget):
    """'Fewer ■■■■■ more' under the heatmap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = look.row(self, spacing=look.Space.XS)
        fewer = QLabel(self.tr("Fewer"), self)
        fewer.setEnabled(False)
        row.addWidget(fewer)
        self.swatches = []
        for level in range(5):
            swatch = QLabel(self)
            swatch.setFixedSize(12, 12)
            self.swatches.append((swatch, level))
            row.addWidget(swatch)
        more = QLabel(self.tr("more"), self)
        more.setEnabled(False)
        row.addWidget(more)
        self.setAccessibleName(self.tr("Heatmap legend: lighter is fewer wins"))
        self._paint_swatches()

    def _paint_swatches(self) -> None:
        colors = Colors(self.palette())
        for swatch, level in self.swatches:
            swatch.setStyleSheet(f"background: {colors.heat[level].name()}; border-radius: 2px;")

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.PaletteChange:
            self._paint_swatches()
        super().changeEvent(event)


def short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"

"""The trash: deleted wins, with how long each can still come back; Restore brings one back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.parts import TimelineView
from smallwins_desktop.app.journal.timeline import TimelineDelegate, TimelineModel
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.queries import WinFilter


class TrashDialog(QDialog):
    """Deleted wins, with how long each can still come back; Restore brings one back."""

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.setWindowTitle(self.tr("Trash — Small Wins"))
        self.setAccessibleName(self.tr("Trash"))
        self.resize(560, 480)
        self.model = TimelineModel(journal, self)
        self.model.set_filter(WinFilter(deleted=True))
        delegate = TimelineDelegate(journal, self)
        delegate.trash = True
        self.view = TimelineView(self)
        self.view.setAccessibleName(self.tr("Deleted wins"))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setModel(self.model)
        self.view.setItemDelegate(delegate)
        self.view.edit_requested.connect(lambda index: self.restore(index.row()))
        explain = QLabel(
            self.tr("Deleted wins wait here for 30 days, then go for good. Enter restores one."),
            self,
        )
        explain.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setAccessibleName(self.tr("Restore the selected win"))
        self.restore_button.clicked.connect(lambda: self.restore(self.view.currentIndex().row()))
        buttons.rejected.connect(self.reject)
        layout = look.column(self, look.WINDOW_MARGINS)
        layout.addWidget(explain)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0))
        else:
            explain.setText(self.tr("The trash is empty."))

    def restore(self, row: int) -> None:
        win = self.model.win(row)
        if win is None:
            return
        try:
            self._journal.restore(win.uuid)
        except SmallWinsError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.model.reload()

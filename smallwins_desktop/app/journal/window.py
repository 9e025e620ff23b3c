"""A simple journal: recent wins, newest first, grouped by day, with search.

A fuller journal (heatmap, goals, editing) builds on this later.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.tray.icons import app_icon

SEARCH_DELAY_MS = 200
RECENT_LIMIT = 300


class JournalWindow(QWidget):
    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._journal = journal
        self.setWindowTitle(self.tr("Journal — Small Wins"))
        self.setWindowIcon(app_icon())
        self.resize(560, 620)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search wins and tags"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Recent wins"))
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        journal.changed.connect(self._refresh_if_visible)

    def present(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh(self) -> None:
        self.list.clear()
        query = self.search.text().strip()
        found = self._journal.recent(limit=RECENT_LIMIT, search=query or None)
        if not found:
            self.list.addItem(self.tr("No wins match.") if query else self.tr("No wins yet."))
            return
        current: date | None = None
        bold = QFont(self.list.font())
        bold.setBold(True)
        for win in found:
            if win.day != current:
                current = win.day
                header = QListWidgetItem(win.day.strftime("%A %d %B %Y"))
                header.setFont(bold)
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                self.list.addItem(header)
            mark = "↯" if win.kind == "setback" else "✓"
            tags = "".join(f"  #{t}" for t in win.tags)
            goal = f"  +{win.goal}" if win.goal else ""
            self.list.addItem(f"   {mark}  {win.text}{tags}{goal}")

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

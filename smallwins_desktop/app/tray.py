"""The tray icon and its menu: the app's face for most of the day.

Two states: an open ring while today has no win, a filled ring with a check once it has one.
The tooltip says how many wins today and the streak; left-click opens the capture window.
The tray only shows and asks: it is told the summary and emits what the user wants.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from smallwins_desktop.app.icons import icon
from smallwins_desktop.core.stats import TodaySummary

CAPTURE_SHORTCUT_HINT = "Ctrl+Alt+W"


def summary_text(summary: TodaySummary) -> str:
    """'3 wins today · 4-day streak' (plain words, shared by the tray and the window)."""
    count = "1 win today" if summary.wins == 1 else f"{summary.wins} wins today"
    if summary.wins == 0:
        count = "No wins yet today"
    if summary.streak >= 2:
        return f"{count} · {summary.streak}-day streak"
    return count


class Tray(QObject):
    """The system tray icon.

    Signals:
        capture_requested: the user asked to log a win (click or menu).
        journal_requested: the user asked to open the journal.
        quit_requested: the user chose Quit.
    """

    capture_requested = Signal()
    journal_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._empty = icon("tray-empty")
        self._filled = icon("tray-filled")
        self._has_win: bool | None = None

        self.menu = QMenu()
        self.menu.setAccessibleName(self.tr("Small Wins menu"))
        self.capture_action = QAction(self.tr("Log a win…"), self.menu)
        self.capture_action.setShortcut(QKeySequence(CAPTURE_SHORTCUT_HINT))
        self.capture_action.triggered.connect(self.capture_requested)
        self.count_action = QAction("", self.menu)
        self.count_action.setEnabled(False)
        self.journal_action = QAction(self.tr("Open journal"), self.menu)
        self.journal_action.triggered.connect(self.journal_requested)
        self.quit_action = QAction(self.tr("Quit Small Wins"), self.menu)
        self.quit_action.triggered.connect(self.quit_requested)
        for action in (self.capture_action, self.count_action, self.journal_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)

        self.icon = QSystemTrayIcon(self._empty, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @property
    def has_win_today(self) -> bool:
        return bool(self._has_win)

    def update(self, summary: TodaySummary) -> None:
        has_win = summary.wins > 0
        if has_win != self._has_win:
            self.icon.setIcon(self._filled if has_win else self._empty)
            self._has_win = has_win
        text = summary_text(summary)
        self.icon.setToolTip(f"Small Wins — {text}")
        self.count_action.setText(text)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.capture_requested.emit()

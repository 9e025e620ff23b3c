"""The tray icon and its menu: the app's face for most of the day.

Two states: an open ring while today has no win, a filled ring with a check once it has one;
and on top, an attention state (an amber dot) while a reminder waits for an answer. The
tooltip says how many wins today and the streak; left-click opens the capture window. The tray
only shows and asks: it is told the summary and emits what the user wants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from smallwins_desktop.app.tray.icons import icon

if TYPE_CHECKING:  # the tray comes up before the store, and core.stats, are loaded
    from smallwins_desktop.core.stats import TodaySummary


def count_text(wins: int) -> str:
    """'3 wins today', or 'No wins yet today'."""
    if wins == 0:
        return QCoreApplication.translate("Tray", "No wins yet today")
    return QCoreApplication.translate("Tray", "%n win(s) today", None, wins)


def summary_text(summary: TodaySummary) -> str:
    """'3 wins today · 4 workdays in a row' (plain words, shared by the tray and the window).

    The streak counts the user's workdays: weekends and rest days neither break nor extend it.
    """
    count = count_text(summary.wins)
    if summary.streak >= 2:
        streak = QCoreApplication.translate("Tray", "%n workday(s) in a row", None, summary.streak)
        return f"{count} · {streak}"
    return count


class Tray(QObject):
    """The system tray icon.

    Signals:
        capture_requested: the user asked to log a win (click or menu).
        journal_requested: the user asked to open the journal.
        quit_requested: the user chose Quit.
        snooze_requested(int): snooze the waiting reminder for so many minutes.
        skip_today_requested, pause_requested, resume_requested: reminder choices.
        notifications_requested: show the notification settings (backends, outcomes, test).
        settings_requested: open the Settings window.
    """

    capture_requested = Signal()
    journal_requested = Signal()
    reflect_requested = Signal()
    review_requested = Signal()
    quit_requested = Signal()
    snooze_requested = Signal(int)
    skip_today_requested = Signal()
    pause_requested = Signal()
    resume_requested = Signal()
    notifications_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._empty = icon("tray-empty")
        self._filled = icon("tray-filled")
        self._attention_icon = icon("tray-attention")
        self._has_win: bool | None = None
        self._attention = False
        self._summary = ""

        self.menu = QMenu()
        self.menu.setAccessibleName(self.tr("Small Wins menu"))
        self.capture_action = QAction(self.tr("Log a win…"), self.menu)
        self.capture_action.triggered.connect(self.capture_requested)
        self.count_action = QAction("", self.menu)
        self.count_action.setEnabled(False)
        self.journal_action = QAction(self.tr("Open journal"), self.menu)
        self.journal_action.triggered.connect(self.journal_requested)
        self.reflect_action = QAction(self.tr("Reflect on today…"), self.menu)
        self.reflect_action.triggered.connect(self.reflect_requested)
        self.review_action = QAction(self.tr("Weekly review…"), self.menu)
        self.review_action.triggered.connect(self.review_requested)
        self.quit_action = QAction(self.tr("Quit Small Wins"), self.menu)
        self.quit_action.triggered.connect(self.quit_requested)
        self.reminders_menu = QMenu(self.tr("Reminders"), self.menu)
        self._snooze_actions: list[QAction] | None = None  # made when first needed
        self._after_snooze = self.reminders_menu.addSeparator()
        self.reminders_menu.aboutToShow.connect(self._make_snooze_actions)
        self.skip_action = self.reminders_menu.addAction(self.tr("Skip today"))
        self.skip_action.triggered.connect(self.skip_today_requested)
        self.pause_action = self.reminders_menu.addAction(self.tr("Pause until tomorrow"))
        self.pause_action.triggered.connect(self.pause_requested)
        self.resume_action = self.reminders_menu.addAction(self.tr("Resume reminders"))
        self.resume_action.triggered.connect(self.resume_requested)
        self.notifications_action = QAction(self.tr("Notifications…"), self.menu)
        self.notifications_action.triggered.connect(self.notifications_requested)
        self.settings_action = QAction(self.tr("Settings…"), self.menu)
        self.settings_action.triggered.connect(self.settings_requested)
        for action in (
            self.capture_action,
            self.count_action,
            self.journal_action,
            self.reflect_action,
            self.review_action,
        ):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addMenu(self.reminders_menu)
        self.menu.addAction(self.notifications_action)
        self.menu.addAction(self.settings_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)

        self.icon = QSystemTrayIcon(self._empty, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.set_paused(False)
        self.set_attention(False)

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

    @property
    def attention(self) -> bool:
        return self._attention

    def show_summary(self, summary: TodaySummary) -> None:
        self._show(summary.wins > 0, summary_text(summary))

    def show_count(self, wins: int) -> None:
        """Today's wins alone, from the start-up glance: the summary, with the streak,
        follows once the store is open."""
        self._show(wins > 0, count_text(wins))

    def _show(self, has_win: bool, text: str) -> None:
        self._has_win = has_win
        self._summary = text
        self.count_action.setText(text)
        self._refresh()

    @property
    def snooze_actions(self) -> list[QAction]:
        """ "Snooze 10 min"... at the top of the Reminders menu; made the first time they are
        needed, so that the icon does not wait for the reminders' code at start-up."""
        if self._snooze_actions is None:
            from smallwins_desktop.core.reminders import SNOOZE_CHOICES

            self._snooze_actions = []
            for minutes in SNOOZE_CHOICES:
                action = QAction(self.tr("Snooze %d min") % minutes, self.reminders_menu)
                action.triggered.connect(lambda _=False, m=minutes: self.snooze_requested.emit(m))
                action.setEnabled(self._attention)
                self.reminders_menu.insertAction(self._after_snooze, action)
                self._snooze_actions.append(action)
        return self._snooze_actions

    def _make_snooze_actions(self) -> None:
        self.snooze_actions  # noqa: B018 (made on first use)

    def set_attention(self, waiting: bool) -> None:
        """Show (or clear) that a reminder waits for an answer."""
        self._attention = waiting
        for action in self._snooze_actions or ():
            action.setEnabled(waiting)
        self._refresh()

    def set_capture_shortcut(self, shortcut: str | None) -> None:
        """Show the global shortcut beside "Log a win…", only while one is registered."""
        self.capture_action.setShortcut(QKeySequence(shortcut) if shortcut else QKeySequence())

    def set_paused(self, paused: bool) -> None:
        self.pause_action.setVisible(not paused)
        self.resume_action.setVisible(paused)

    def _refresh(self) -> None:
        if self._attention:
            self.icon.setIcon(self._attention_icon)
            self.icon.setToolTip(f"Small Wins — {self.tr('What moved forward today?')}")
            return
        self.icon.setIcon(self._filled if self._has_win else self._empty)
        self.icon.setToolTip(f"Small Wins — {self._summary}")

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.capture_requested.emit()

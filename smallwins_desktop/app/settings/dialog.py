"""The Settings window (tray → Settings…): a list of pages on the left, the page on the right.

Every change applies at once and is stored (there is no OK or Apply: closing keeps it all).
The pages show what is stored, also after `smallwins config set` changed it elsewhere. Up
and Down in the page list, or Ctrl+PgDown / Ctrl+PgUp anywhere, move between pages; Esc
closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QStackedWidget, QWidget

from smallwins_desktop.app import look
from smallwins_desktop.app.hotkey.service import HotkeyState
from smallwins_desktop.app.reminders.controller import ReminderController
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.settings.page import Page
from smallwins_desktop.app.settings.pages import (
    AppearancePage,
    CelebrationsPage,
    DataPage,
    NotificationsPage,
    ShortcutPage,
    WorkdaysPage,
)
from smallwins_desktop.app.settings.reminders_page import RemindersPage
from smallwins_desktop.app.tray.icons import app_icon
from smallwins_desktop.core.db import Store


class SettingsWindow(QWidget):
    def __init__(
        self,
        live: LiveSettings,
        store: Store,
        controller: ReminderController,
        backend_names: list[str],
        *,
        data_dir: Path,
        capture_command: str,
        hotkey_state: HotkeyState | None = None,
        extra_pages: list[Page] | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Settings — Small Wins"))
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Settings"))
        self.resize(720, 520)
        self.reminders = RemindersPage(live, self)
        self.notifications = NotificationsPage(live, store, controller, backend_names, self)
        self.shortcut = ShortcutPage(live, capture_command, hotkey_state or HotkeyState(None), self)
        self.celebrations = CelebrationsPage(live, self)
        self.workdays = WorkdaysPage(live, self)
        self.appearance = AppearancePage(live, self)
        self.data = DataPage(live, data_dir, store.path, open_url, self)
        self.pages: list[Page] = [
            self.reminders,
            self.notifications,
            self.shortcut,
            self.celebrations,
            self.workdays,
            self.appearance,
            *(extra_pages or []),
            self.data,
        ]
        self.page_list = QListWidget(self)
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        self.page_list.setSpacing(look.Space.XS)
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.page_list.addItem(page.title)
            self.stack.addWidget(page)
        # As wide as its longest title (they are never cut off, nor scrolled sideways).
        self.page_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_page_list()
        look.refit(self.page_list, self._fit_page_list)  # a new system font: still never cut
        self.page_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        layout = look.row(self, look.WINDOW_MARGINS, spacing=look.Space.L)
        layout.addWidget(self.page_list)
        layout.addWidget(self.stack, 1)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda s=step: self.step_page(s))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        live.changed.connect(self._changed_elsewhere)

    def _fit_page_list(self) -> None:
        widest = (
            self.page_list.sizeHintForColumn(0) + 2 * self.page_list.frameWidth() + look.Space.L
        )
        self.page_list.setFixedWidth(max(widest, 140))

    def present(self, page: Page | None = None) -> None:
        for each in self.pages:
            each.reload()
        if page is not None:
            self.show_page(page)
        self.show()
        self.raise_()
        self.activateWindow()
        self.page_list.setFocus()

    def show_page(self, page: Page) -> None:
        self.page_list.setCurrentRow(self.pages.index(page))

    def step_page(self, step: int) -> None:
        self.page_list.setCurrentRow((self.page_list.currentRow() + step) % len(self.pages))

    def _changed_elsewhere(self, _key: str) -> None:
        for page in self.pages:
            if not page.loading:
                page.reload()

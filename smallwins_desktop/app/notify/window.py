"""The Notifications window: which backends there are, how the last deliveries went, and a
button to send a test notification, so a silent failure has somewhere to show up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from smallwins_desktop.app.reminders.controller import ReminderController
from smallwins_desktop.app.tray.icons import app_icon
from smallwins_desktop.core import reminder_log
from smallwins_desktop.core.db import Store

OUTCOMES_SHOWN = 12


class NotificationsWindow(QWidget):
    def __init__(
        self,
        store: Store,
        controller: ReminderController,
        backend_names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._store = store
        self._controller = controller
        self.setWindowTitle(self.tr("Notifications — Small Wins"))
        self.setWindowIcon(app_icon())
        self.resize(520, 380)
        order = " → ".join(backend_names) or self.tr("none (the tray's attention dot only)")
        self.backends = QLabel(self.tr("Tried in this order: %s") % order, self)
        self.backends.setWordWrap(True)
        self.outcomes = QListWidget(self)
        self.outcomes.setAccessibleName(self.tr("Last notification outcomes"))
        self.test_button = QPushButton(self.tr("Send a &test notification"), self)
        self.test_button.setAccessibleName(self.tr("Send a test notification"))
        self.test_button.clicked.connect(self.send_test)
        layout = QVBoxLayout(self)
        layout.addWidget(self.backends)
        layout.addWidget(QLabel(self.tr("Last deliveries:"), self))
        layout.addWidget(self.outcomes)
        layout.addWidget(self.test_button)
        controller.deliveries_changed.connect(self.refresh)

    def present(self) -> None:
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def send_test(self) -> None:
        self._controller.send_test()

    def refresh(self) -> None:
        self.outcomes.clear()
        records = reminder_log.recent_deliveries(self._store, limit=OUTCOMES_SHOWN)
        if not records:
            self.outcomes.addItem(self.tr("Nothing sent yet."))
        for record in records:
            when = record.at.astimezone().strftime("%a %d %b %H:%M")
            outcome = self.tr("shown") if record.ok else self.tr("failed: %s") % record.error
            self.outcomes.addItem(
                f"{when}  {record.backend}  {outcome}  ({record.notification_key})"
            )

"""The smaller pages of the Settings dialog: notifications, celebrations, workdays, appearance,
the capture shortcut and the data folder. The reminders page has a module of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.hotkey.service import HotkeyState
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.reminders.controller import ReminderController
from smallwins_desktop.app.settings.days import DaysPicker
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.settings.page import Page
from smallwins_desktop.core import config, reminder_log
from smallwins_desktop.core.db import Store

OUTCOMES_SHOWN = 8


class ChoicePage(Page):
    """One setting with a few named values, as radio buttons (arrow keys move between them)."""

    def __init__(self, live: LiveSettings, key: str, parent: QWidget | None = None) -> None:
        super().__init__(live, parent)
        self._key = key
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}

    def add_choices(self, choices: list[tuple[str, str, str]]) -> None:
        """(value, label, description) for each button, in order."""
        for value, label, description in choices:
            button = QRadioButton(label, self)
            button.setAccessibleName(label.replace("&", ""))
            button.setAccessibleDescription(description)
            button.toggled.connect(lambda on, v=value: on and self.put(self._key, v))
            self.group.addButton(button)
            self.buttons[value] = button
            choice = look.column(spacing=look.Space.XS)
            choice.addWidget(button)
            hint = QLabel(description, self)
            hint.setWordWrap(True)
            hint.setContentsMargins(look.Space.XL, 0, 0, 0)  # under the button's text
            choice.addWidget(hint)
            self.body.addLayout(choice)

    def load(self) -> None:
        self.buttons[self.live.get(self._key)].setChecked(True)

    def chosen(self) -> str:
        return next(value for value, button in self.buttons.items() if button.isChecked())


class CelebrationsPage(ChoicePage):
    def __init__(self, live: LiveSettings, parent: QWidget | None = None) -> None:
        super().__init__(live, config.CELEBRATIONS, parent)
        self.set_title(self.tr("Celebrations"))
        self.add_choices(
            [
                ("full", self.tr("&Full"), self.tr("In proportion to the win: more for big ones.")),
                ("subtle", self.tr("&Subtle"), self.tr("A quiet check and the day's count.")),
                ("off", self.tr("&Off"), self.tr("Just “Saved.”")),
            ]
        )
        self.reload()


class AppearancePage(ChoicePage):
    def __init__(self, live: LiveSettings, parent: QWidget | None = None) -> None:
        super().__init__(live, config.THEME, parent)
        self.set_title(self.tr("Appearance"))
        self.add_choices(
            [
                ("system", self.tr("As the &system"), self.tr("Follows your desktop.")),
                ("light", self.tr("&Light"), self.tr("Always light.")),
                ("dark", self.tr("&Dark"), self.tr("Always dark.")),
            ]
        )
        self.reload()


class WorkdaysPage(Page):
    def __init__(self, live: LiveSettings, parent: QWidget | None = None) -> None:
        super().__init__(live, parent)
        self.set_title(self.tr("Workdays"))
        self.days = DaysPicker(self.tr("Workdays"), self)
        self.days.days_changed.connect(lambda days: self.put(config.WORKDAYS, days))
        hint = QLabel(
            self.tr(
                "Streaks count these days only: a day off neither breaks nor lengthens one. "
                "Single days off (holidays) are marked in the journal's calendar. The "
                "end-of-day reminder comes on these days unless it has days of its own."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.body.addWidget(self.days)
        self.body.addWidget(hint)
        self.reload()

    def load(self) -> None:
        self.days.set_days(self.live.get(config.WORKDAYS))


class NotificationsPage(Page):
    """The daily cap, which backend delivers, the last outcomes, and a test notification."""

    def __init__(
        self,
        live: LiveSettings,
        store: Store,
        controller: ReminderController,
        backend_names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(live, parent)
        self.set_title(self.tr("Notifications"))
        self._store = store
        self._controller = controller
        self._backend_names = backend_names
        self.cap = QSpinBox(self)
        self.cap.setRange(0, config.MAX_DAILY_CAP)
        self.cap.setSpecialValueText(self.tr("none (the tray only)"))
        self.cap.setAccessibleName(self.tr("Notifications a day at most"))
        self.cap.valueChanged.connect(lambda n: self.put(config.DAILY_CAP_KEY, n))
        form = look.form()
        form.addRow(self.tr("&At most, per day:"), self.cap)
        self.body.addLayout(form)
        self.backend = QLabel(self)
        self.backend.setWordWrap(True)
        self.backend.setAccessibleName(self.tr("Notification backend"))
        self.body.addWidget(self.backend)
        self.outcomes = QListWidget(self)
        self.outcomes.setAccessibleName(self.tr("Last notification outcomes"))
        self.body.addWidget(QLabel(self.tr("Last deliveries:"), self))
        self.body.addWidget(self.outcomes)
        self.test_button = QPushButton(self.tr("Send a &test notification"), self)
        self.test_button.setAccessibleName(self.tr("Send a test notification"))
        self.test_button.clicked.connect(self.send_test)
        self.body.addWidget(self.test_button)
        controller.deliveries_changed.connect(self.reload)
        self.reload()

    def load(self) -> None:
        self.cap.setValue(int(self.live.get(config.DAILY_CAP_KEY)))
        records = reminder_log.recent_deliveries(self._store, limit=OUTCOMES_SHOWN)
        order = " → ".join(self._backend_names) or self.tr("none")
        working = next((r.backend for r in records if r.ok), None)
        if working is not None:
            self.backend.setText(
                self.tr("In use: %1 (tried in this order: %2)")
                .replace("%1", working)
                .replace("%2", order)
            )
        else:
            self.backend.setText(
                self.tr("Not used yet; tried in this order: %1").replace("%1", order)
            )
        self.outcomes.clear()
        if not records:
            self.outcomes.addItem(self.tr("Nothing sent yet."))
        for record in records:
            when = record.at.astimezone().strftime("%a %d %b %H:%M")
            outcome = (
                self.tr("shown")
                if record.ok
                else self.tr("failed: %1").replace("%1", record.error or "")
            )
            self.outcomes.addItem(f"{when}  {record.backend}  {outcome}")

    def send_test(self) -> None:
        self._controller.send_test()  # each attempt is recorded; `deliveries_changed` reloads


class ShortcutPage(Page):
    """The capture shortcut: which keys, whether they really work, and the command to bind
    by hand where they do not."""

    def __init__(
        self,
        live: LiveSettings,
        command: str,
        state: HotkeyState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(live, parent)
        self.set_title(self.tr("Capture shortcut"))
        self.keys = QLineEdit(self)
        self.keys.setAccessibleName(self.tr("Capture shortcut keys"))
        self.keys.setPlaceholderText(self.tr("Ctrl+Alt+W, or none"))
        self.keys.editingFinished.connect(self._keys_edited)
        form = look.form()
        form.addRow(self.tr("&Keys:"), self.keys)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Shortcut state"))
        self.command = QLineEdit(command, self)
        self.command.setReadOnly(True)
        self.command.setAccessibleName(self.tr("Command to bind to a key"))
        self.copy_button = QPushButton(self.tr("&Copy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the command"))
        self.copy_button.clicked.connect(self.copy_command)
        row = look.row()
        row.addWidget(self.command, 1)
        row.addWidget(self.copy_button)
        steps = QLabel(
            self.tr(
                "<b>GNOME</b>: Settings → Keyboard → View and Customise Shortcuts → Custom "
                "Shortcuts → +.<br><b>KDE Plasma</b>: System Settings → Shortcuts → Add New → "
                "Command or Script.<br><b>Sway</b> and other Wayland compositors: a key "
                "binding (in Sway a <code>bindsym</code> line) in the config file that runs "
                "the command.<br><b>Windows</b>: the Start menu shortcut's Properties → "
                "Shortcut key.<br><b>macOS</b>: the Shortcuts app → a “Run Shell Script” "
                "shortcut, then give it a key in its details."
            ),
            self,
        )
        steps.setWordWrap(True)
        steps.setAccessibleName(self.tr("How to bind the command"))
        self.body.addLayout(form)
        self.body.addWidget(self.state)
        self.body.addWidget(QLabel(self.tr("Command to bind by hand:"), self))
        self.body.addLayout(row)
        self.body.addWidget(steps)
        self.set_state(state)
        self.reload()

    def load(self) -> None:
        self.keys.setText(self.live.get(config.SHORTCUT))

    def set_state(self, state: HotkeyState) -> None:
        if state.registered:
            self.state.setText(
                self.tr("%1 opens the capture box from anywhere.").replace("%1", state.registered)
            )
        elif state.pending:
            self.state.setText(
                (state.problem or "")
                + " "
                + self.tr("If the desktop asks nothing, bind the command below by hand:")
            )
        else:
            why = state.problem or self.tr("No global shortcut is registered.")
            self.state.setText(
                why + " " + self.tr("Bind the command below to a key in your desktop's settings:")
            )

    def _keys_edited(self) -> None:
        if self.keys.text().strip() != self.live.get(config.SHORTCUT):
            self.put(config.SHORTCUT, self.keys.text())

    def copy_command(self) -> None:
        QGuiApplication.clipboard().setText(self.command.text())


class DataPage(Page):
    """Where the data lives and a button to open it.

    `exchange` is where backup, export and import buttons go (added on another branch).
    """

    def __init__(
        self,
        live: LiveSettings,
        data_dir: Path,
        database: Path,
        open_url: Callable[[QUrl], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(live, parent)
        self.set_title(self.tr("Data"))
        self._data_dir = data_dir
        self._open_url = open_url
        self.location = QLineEdit(str(database), self)
        self.location.setReadOnly(True)
        self.location.setAccessibleName(self.tr("Database file"))
        self.open_button = QPushButton(self.tr("&Open folder"), self)
        self.open_button.setAccessibleName(self.tr("Open the data folder"))
        self.open_button.clicked.connect(self.open_folder)
        row = look.row()
        row.addWidget(self.location, 1)
        row.addWidget(self.open_button)
        self.body.addWidget(
            QLabel(self.tr("Your wins are kept in this file, on this computer only:"), self)
        )
        self.body.addLayout(row)
        self.exchange = look.column()
        self.body.addLayout(self.exchange)
        self.add_exchange_section(self.exchange)

    def add_exchange_section(self, layout: QVBoxLayout) -> None:
        """Backups, export and import: their buttons come with `attach_journal`."""
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("What was done"))
        self.note.hide()
        layout.addWidget(self.note)

    def attach_journal(self, journal: Journal) -> None:
        """Back up now, Restore…, Export… and Import…, acting on this journal's database."""
        from smallwins_desktop.app.exchange import open_export_dialog, open_import_dialog
        from smallwins_desktop.app.exchange.data_actions import DataActions

        self.data_actions = DataActions(journal, self, window=self.window())
        self.data_actions.failed.connect(self.show_problem)
        self.data_actions.backed_up.connect(
            lambda path: self._tell(self.tr("Backed up to %1").replace("%1", path))
        )
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.backup_button.setAccessibleName(self.tr("Back up the database now"))
        self.backup_button.clicked.connect(self.data_actions.back_up_now)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.restore_button.setAccessibleName(self.tr("Restore a backup"))
        self.restore_button.clicked.connect(self.data_actions.choose_and_restore)
        self.export_button = QPushButton(self.tr("&Export…"), self)
        self.export_button.setAccessibleName(self.tr("Export wins"))
        self.export_button.clicked.connect(lambda: open_export_dialog(journal, self.window()))
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.import_button.setAccessibleName(self.tr("Import wins"))
        self.import_button.clicked.connect(lambda: open_import_dialog(journal, self.window()))
        backups = look.row()
        backups.addWidget(self.backup_button)
        backups.addWidget(self.restore_button)
        backups.addStretch(1)
        exchange = look.row()
        exchange.addWidget(self.export_button)
        exchange.addWidget(self.import_button)
        exchange.addStretch(1)
        self.exchange.insertWidget(
            0,
            QLabel(
                self.tr(
                    "A backup is taken every day while Small Wins runs; the last 14 days and "
                    "8 weeks are kept beside the database."
                ),
                self,
            ),
        )
        self.exchange.insertLayout(1, backups)
        self.exchange.insertLayout(2, exchange)

    def _tell(self, text: str) -> None:
        self.problem.hide()
        self.note.setText(text)
        self.note.show()

    def open_folder(self) -> None:
        if not self._open_url(QUrl.fromLocalFile(str(self._data_dir))):
            self.show_problem(
                self.tr("The folder could not be opened: %1").replace("%1", str(self._data_dir))
            )

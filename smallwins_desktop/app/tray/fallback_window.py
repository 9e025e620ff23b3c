"""A small window with the tray's actions, for desktops that have no system tray.

GNOME without the AppIndicator extension and some Wayland sessions show no tray icons; the app
still runs and says why, instead of vanishing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from smallwins_desktop.app import look
from smallwins_desktop.app.tray.icons import app_icon
from smallwins_desktop.app.tray.tray import summary_text
from smallwins_desktop.core.stats import TodaySummary


class FallbackWindow(QWidget):
    """Stands in for the tray.

    Signals:
        capture_requested, journal_requested, settings_requested, quit_requested: as the
            tray's.
    """

    capture_requested = Signal()
    journal_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Small Wins")
        self.setWindowIcon(app_icon())
        self.setAccessibleName(self.tr("Small Wins"))
        why = QLabel(
            self.tr(
                "Your desktop has no system tray, so Small Wins shows this window instead. "
                "On GNOME, the AppIndicator extension adds a tray. Closing this window "
                "minimises it; reminders keep working."
            ),
            self,
        )
        why.setWordWrap(True)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Today's wins"))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.attention_label = QLabel(self.tr("A reminder is waiting: what moved forward today?"))
        self.attention_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        look.set_role(self.attention_label, look.Type.STRONG)
        self.attention_label.hide()
        layout = look.column(self, look.WINDOW_MARGINS)
        layout.addWidget(why)
        layout.addWidget(self.count_label)
        layout.addWidget(self.attention_label)
        for text, signal in (
            (self.tr("&Log a win…"), self.capture_requested),
            (self.tr("Open &journal"), self.journal_requested),
            (self.tr("&Settings…"), self.settings_requested),
            (self.tr("&Quit Small Wins"), self.quit_requested),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(signal)
            layout.addWidget(button)
        self.setMinimumWidth(360)

    def show_summary(self, summary: TodaySummary) -> None:
        self.count_label.setText(summary_text(summary))

    def set_attention(self, waiting: bool) -> None:
        """What the tray's attention icon says, said in words (and raised if minimised)."""
        self.attention_label.setVisible(waiting)
        if waiting and self.isMinimized():
            self.showNormal()

    @property
    def attention(self) -> bool:
        return not self.attention_label.isHidden()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous():  # the user closed it: keep running, out of the way
            event.ignore()
            self.showMinimized()
        else:  # the app is quitting
            event.accept()

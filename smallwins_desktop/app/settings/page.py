"""What every page of the Settings dialog shares: a heading, a line for problems, and a
`put` that applies a change at once or says why it cannot.

A page shows the stored values (`load`), and writes each change the moment a control changes
through `LiveSettings`, which persists it and tells the app. A refused value is said on the
page and the control goes back to what is stored: the dialog never shows a value that is not
in force.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from smallwins_desktop.app import look
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.core.errors import SmallWinsError

log = logging.getLogger(__name__)


class Page(QWidget):
    """One page: subclasses build their controls into `self.body` and fill them in `load`."""

    def __init__(self, live: LiveSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.live = live
        self._loading = False
        layout = look.column(self, spacing=look.Space.M)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        look.set_role(self.heading, look.Type.TITLE)
        layout.addWidget(self.heading)
        self.body = look.column()
        layout.addLayout(self.body)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        look.set_role(self.problem, look.Type.STRONG)
        self.problem.hide()
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def set_title(self, title: str) -> None:
        self.title = title
        self.setAccessibleName(title)
        self.heading.setText(title)
        self.heading.setAccessibleName(title)

    @property
    def loading(self) -> bool:
        return self._loading

    def reload(self) -> None:
        """Show what is stored now (after a change here or in another process)."""
        self._loading = True
        try:
            self.load()
        finally:
            self._loading = False

    def load(self) -> None:
        """Fill the controls from the stored values; subclasses override."""

    def put(self, key: str, value: Any) -> bool:
        """Apply one change now; False (said on the page, controls reset) when refused."""
        if self._loading:
            return False
        try:
            self.live.put(key, value)
        except SmallWinsError as error:
            log.info("setting %s refused: %s", key, error)
            self.show_problem(str(error))
            self.reload()
            return False
        self.problem.hide()
        return True

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

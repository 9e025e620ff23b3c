"""The Start at login page: one checkbox that shows, and changes, what the system will do.

The checkbox is read back from the system (`Autostart.is_enabled`) after every change and
each time the window opens, so it never claims a login item that is not there.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from smallwins_desktop.app.autostart import Autostart, AutostartError
from smallwins_desktop.app.settings.live import LiveSettings
from smallwins_desktop.app.settings.page import Page

log = logging.getLogger(__name__)


class StartupPage(Page):
    def __init__(
        self,
        live: LiveSettings,
        autostart: Autostart,
        command: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(live, parent)
        self.set_title(self.tr("Start at login"))
        self._autostart = autostart
        self._command = list(command)
        self.at_login = QCheckBox(self.tr("Start Small Wins when I &log in"), self)
        self.at_login.setAccessibleName(self.tr("Start Small Wins when I log in"))
        self.at_login.toggled.connect(self._toggled)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setAccessibleName(self.tr("Login item"))
        hint = QLabel(
            self.tr(
                "At login Small Wins starts quietly and waits for the panel's tray; where the "
                "desktop has no tray, its small window shows up instead."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.body.addWidget(self.at_login)
        self.body.addWidget(self.where)
        self.body.addWidget(hint)
        self.reload()

    def load(self) -> None:
        try:
            enabled = self._autostart.is_enabled()
        except AutostartError as error:
            self.show_problem(str(error))
            enabled = False
        self.at_login.setChecked(enabled)
        where = self._autostart.location()
        self.where.setText(
            self.tr("Login item: %1").replace("%1", where)
            if enabled
            else self.tr("No login item (it would be %1).").replace("%1", where)
        )

    def _toggled(self, on: bool) -> None:
        if self.loading:
            return
        try:
            if on:
                self._autostart.enable(self._command)
            else:
                self._autostart.disable()
        except AutostartError as error:
            log.warning("start at login: %s", error)
            self.show_problem(str(error))
        else:
            self.problem.hide()
        self.reload()  # what the system holds now, whatever happened

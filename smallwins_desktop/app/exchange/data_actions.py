"""Back up now, Restore…, Open data folder: the app's hands on the database file, for the
Settings dialog's Data page (and any menu) to call.

Restoring replaces the file the running app has open, and `core.backup.restore` refuses
while any process has it open. So the app checks the backup first (a bad one is refused
before anything happens), asks, then hands the job to `smallwins restore FILE --wait S
--start` and quits: that command waits for this process to let go of the database, backs
the current one up, restores, and starts the app again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from smallwins_desktop.app.command_line import this_program
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core import backup
from smallwins_desktop.core.errors import SmallWinsError

log = logging.getLogger(__name__)

RESTORE_WAIT_S = 30
"""How long the restoring command waits for the app to quit and close the database."""

Launch = Callable[[str, Sequence[str]], bool]


def _launch(program: str, arguments: Sequence[str]) -> bool:
    started, _ = QProcess.startDetached(program, list(arguments))
    return bool(started)


def _confirm(parent: QWidget | None, text: str) -> bool:
    answer = QMessageBox.question(parent, "Small Wins", text)
    return answer == QMessageBox.StandardButton.Yes


def _choose_backup(parent: QWidget | None, directory: Path) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Restore a backup", str(directory), "Small Wins backups (*.db)"
    )
    return path


class DataActions(QObject):
    """Signals:
    backed_up(str): a backup was written (its path).
    failed(str): an action could not be done (what to tell the user).
    restore_started(str): the restore of this backup was handed over; the app quits.
    """

    backed_up = Signal(str)
    failed = Signal(str)
    restore_started = Signal(str)

    def __init__(
        self,
        journal: Journal,
        parent: QObject | None = None,
        *,
        window: QWidget | None = None,
        launch: Launch = _launch,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        confirm: Callable[[QWidget | None, str], bool] = _confirm,
        choose_backup: Callable[[QWidget | None, Path], str] = _choose_backup,
        quit_app: Callable[[], None] = QApplication.quit,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._window = window
        self._launch = launch
        self._open_url = open_url
        self._confirm = confirm
        self._choose_backup = choose_backup
        self._quit = quit_app

    @property
    def data_dir(self) -> Path:
        return self._journal.store.data_dir

    def actions(self, parent: QObject) -> list[QAction]:
        """The three actions, for a menu or a toolbar."""
        made = []
        for text, slot in (
            (self.tr("&Back up now"), self.back_up_now),
            (self.tr("&Restore a backup…"), self.choose_and_restore),
            (self.tr("Open the &data folder"), self.open_data_folder),
        ):
            action = QAction(text, parent)
            action.triggered.connect(slot)
            made.append(action)
        return made

    def back_up_now(self) -> Path | None:
        try:
            taken = backup.back_up(self._journal.store, now=self._journal.now())
        except SmallWinsError as error:
            self.failed.emit(str(error))
            return None
        self.backed_up.emit(str(taken))
        return taken

    def choose_and_restore(self) -> bool:
        chosen = self._choose_backup(self._window, self._journal.store.backups)
        return bool(chosen) and self.restore(Path(chosen))

    def restore(self, chosen: Path | None = None) -> bool:
        """Restore `chosen` (default: the newest good backup): check, ask, hand over, quit."""
        try:
            source = (
                chosen if chosen is not None else backup.newest_good(self._journal.store.backups)
            )
            backup.check(source)
        except SmallWinsError as error:
            self.failed.emit(str(error))
            return False
        question = (
            self.tr(
                "Restore the backup %s?\n\nSmall Wins will close, put the backup in place (the "
                "journal as it is now is backed up first) and start again."
            )
            % source.name
        )
        if not self._confirm(self._window, question):
            return False
        program, *arguments = this_program()
        arguments += [
            "--data-dir", str(self.data_dir),
            "restore", str(source), "--wait", str(RESTORE_WAIT_S), "--start",
        ]  # fmt: skip
        if not self._launch(program, arguments):
            self.failed.emit(self.tr("The restore could not be started; nothing was changed."))
            return False
        log.info("restore of %s handed over; quitting so it can run", source)
        self.restore_started.emit(str(source))
        self._quit()
        return True

    def open_data_folder(self) -> bool:
        opened = self._open_url(QUrl.fromLocalFile(str(self.data_dir)))
        if not opened:
            self.failed.emit(self.tr("The data folder could not be opened: %s") % self.data_dir)
        return bool(opened)

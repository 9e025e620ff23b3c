"""File → Import…: pick a file, see what it would add and skip, then bring it in.

The preview is the import itself run as a dry run (`core.exchange`), so what it says is
what the import will do; the file is only read, never changed. Importing is all or nothing
in one transaction: a problem, or Cancel on the progress bar (shown for anything that takes
over half a second), leaves the journal exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.exchange.export_dialog import keep_open
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core.db import open_store
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.exchange import DEFAULT_TIME_FORMAT, ImportResult, import_file

PROGRESS_AFTER_MS = 500

ChooseFile = Callable[[QWidget, str], str]
"""(parent, title) -> the chosen file, or '' for none."""


def _ask_for_file(parent: QWidget, title: str) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, title, str(Path.home()), "Small Wins, CSV or jrnl (*.json *.csv *.txt);;All (*)"
    )
    return path


class _Cancelled(Exception):
    pass


class ImportDialog(QDialog):
    """Signals:
    previewed(object): a dry run finished (its `ImportResult`).
    imported(object): the import was saved (its `ImportResult`).
    progressed(int): this many entries of the file have been read so far.
    """

    previewed = Signal(object)
    imported = Signal(object)
    progressed = Signal(int)

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        choose_file: ChooseFile = _ask_for_file,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._choose_file = choose_file
        self._preview: ImportResult | None = None
        self.progress: QProgressDialog | None = None
        self.progress_after_ms = PROGRESS_AFTER_MS
        self.setWindowTitle(self.tr("Import wins — Small Wins"))
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("File to import"))
        self.path.setPlaceholderText(self.tr("A Small Wins JSON or CSV export, or a jrnl journal"))
        self.browse = QPushButton(self.tr("&Choose…"), self)
        self.browse.setAccessibleName(self.tr("Choose a file"))
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for key, label in (
            (None, self.tr("Tell from the file")),
            ("json", self.tr("Small Wins (JSON)")),
            ("csv", self.tr("Spreadsheet (CSV)")),
            ("jrnl-json", self.tr("jrnl (JSON)")),
            ("jrnl-txt", self.tr("jrnl journal (text)")),
        ):
            self.format.addItem(label, key)
        self.time_format = QLineEdit(DEFAULT_TIME_FORMAT, self)
        self.time_format.setAccessibleName(self.tr("jrnl time format"))
        self.preview_label = QLabel(self.tr("Choose a file to see what it would add."), self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setAccessibleName(self.tr("What the import would do"))
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self.choose)
        self.path.editingFinished.connect(self.preview)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.time_format.editingFinished.connect(self.preview)

        chooser = look.row()
        chooser.addWidget(self.path)
        chooser.addWidget(self.browse)
        form = look.form()
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path)
        form.addRow(file_label, chooser)
        form.addRow(self.tr("F&ormat:"), self.format)
        form.addRow(self.tr("jrnl &time format:"), self.time_format)
        layout = look.column(self, look.WINDOW_MARGINS, spacing=look.Space.M)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _format_changed(self) -> None:
        self.time_format.setEnabled(self.format.currentData() in (None, "jrnl-txt"))
        self.preview()

    def choose(self) -> None:
        path = self._choose_file(self, self.tr("Import wins from"))
        if path:
            self.path.setText(path)
            self.preview()

    def preview(self) -> ImportResult | None:
        """Run the import as a dry run and say what it would do."""
        self._preview = None
        self.import_button.setEnabled(False)
        if not self.path.text().strip():
            return None
        result = self._run(dry_run=True, label=self.tr("Reading the file…"))
        if result is not None:
            self._preview = result
            self.preview_label.setText(result.summary())
            self.import_button.setEnabled(result.added + result.goals_added > 0)
            self.previewed.emit(result)
        return result

    def run_import(self) -> ImportResult | None:
        if self._preview is None and self.preview() is None:
            return None
        result = self._run(dry_run=False, label=self.tr("Importing…"))
        if result is None:
            return None
        self._journal.notify_changed()
        self.preview_label.setText(result.summary())
        self.import_button.setEnabled(False)
        self._preview = None
        self.imported.emit(result)
        return result

    def _run(self, *, dry_run: bool, label: str) -> ImportResult | None:
        total = (self._preview.added + self._preview.skipped) if self._preview else 0
        self.progress = QProgressDialog(label, self.tr("Cancel"), 0, total, self)
        self.progress.setWindowTitle(self.windowTitle())
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(self.progress_after_ms)
        self.progress.setAutoClose(False)
        self.progress.setValue(0)
        now = self._journal.now()
        try:
            # Its own connection: while the progress bar lets events through, a win captured
            # meanwhile must not join (and be rolled back with) this import's transaction;
            # it waits for the import instead, or is refused as busy, never lost.
            with open_store(self._journal.store.data_dir, now=now) as store:
                return import_file(
                    store,
                    Path(self.path.text().strip()).expanduser(),
                    self.format.currentData(),
                    now=now,
                    zone=now.tzinfo,  # type: ignore[arg-type]
                    time_format=self.time_format.text() or DEFAULT_TIME_FORMAT,
                    dry_run=dry_run,
                    progress=self._progressed,
                )
        except _Cancelled:
            self._say(self.tr("Cancelled: nothing was imported."))
        except SmallWinsError as error:
            self._say(str(error))
        finally:
            self.progress.close()
        return None

    def _progressed(self, count: int) -> None:
        assert self.progress is not None
        if self.progress.maximum() and count <= self.progress.maximum():
            self.progress.setValue(count)
        else:
            self.progress.setLabelText(self.tr("%s entries read…") % f"{count:,}")
        self.progressed.emit(count)
        QCoreApplication.processEvents()
        if self.progress.wasCanceled():
            raise _Cancelled

    def _say(self, message: str) -> None:
        self.preview_label.setText(message)
        self.import_button.setEnabled(False)


def open_import_dialog(journal: Journal, parent: QWidget | None = None) -> ImportDialog:
    """Show the import dialog (non-modal; it deletes itself when closed)."""
    dialog = ImportDialog(journal, parent)
    keep_open(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog

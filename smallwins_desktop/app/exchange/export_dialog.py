"""File → Export…: choose a format and which wins, then where; the file is written whole.

The wins are picked with the same `WinFilter` the journal uses (a period, a tag, a goal), and
the dialog says how many that is before anything is written. The file goes in beside its
final name and is renamed into place once complete, so a failure never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QWidget,
)

from smallwins_desktop.app import look
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core.errors import SmallWinsError
from smallwins_desktop.core.exchange import SUFFIXES, export_wins
from smallwins_desktop.core.queries import WinFilter

_OPEN: set[QDialog] = set()


def keep_open(dialog: QDialog) -> None:
    """Hold a dialog without a parent until it closes (Python would collect it at once)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if dialog.parent() is None:
        _OPEN.add(dialog)
        dialog.finished.connect(lambda _: _OPEN.discard(dialog))


ChoosePath = Callable[[QWidget, str, str], str]
"""(parent, title, suggested path) -> the chosen path, or '' for none."""


def _ask_for_path(parent: QWidget, title: str, suggested: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested)
    return path


class ExportDialog(QDialog):
    """Signals:
    exported(str path, int count): a file was written with that many wins.
    """

    exported = Signal(str, int)

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        choose_path: ChoosePath = _ask_for_path,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._choose_path = choose_path
        self.setWindowTitle(self.tr("Export wins — Small Wins"))
        self.format = QComboBox(self)
        self.format.setAccessibleName(self.tr("Format"))
        for key, label in (
            ("md", self.tr("Brag document (Markdown)")),
            ("csv", self.tr("Spreadsheet (CSV)")),
            ("json", self.tr("Everything, to move or keep (JSON)")),
            ("jrnl-json", self.tr("jrnl (JSON)")),
            ("jrnl-txt", self.tr("jrnl journal (text)")),
        ):
            self.format.addItem(label, key)
        self.limit_period = QCheckBox(self.tr("Only &from"), self)
        self.limit_period.setAccessibleName(self.tr("Only wins in a period"))
        today = journal.today()
        self.since = QDateEdit(QDate(today.year, 1, 1), self)
        self.until = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit, name in ((self.since, self.tr("From")), (self.until, self.tr("Until"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
        self.tag = QComboBox(self)
        self.tag.setAccessibleName(self.tr("Tag"))
        self.tag.addItem(self.tr("Any tag"), None)
        for name in journal.tag_names():
            self.tag.addItem(f"#{name}", name)
        self.goal = QComboBox(self)
        self.goal.setAccessibleName(self.tr("Goal"))
        self.goal.addItem(self.tr("Any goal"), None)
        for goal in journal.goals():
            self.goal.addItem(goal.title, goal.slug)
        self.setbacks = QCheckBox(self.tr("Include &setbacks and lessons"), self)
        self.setbacks.setAccessibleName(self.tr("Include setbacks"))
        self.reflections = QCheckBox(self.tr("Include &reflections and weekly reviews"), self)
        self.reflections.setAccessibleName(self.tr("Include reflections"))
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("What will be exported"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.choose_and_export)
        self.buttons.rejected.connect(self.reject)

        period = look.row()
        period.addWidget(self.limit_period)
        period.addWidget(self.since)
        period.addWidget(QLabel(self.tr("to"), self))
        period.addWidget(self.until)
        form = look.form()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("Period:"), period)
        form.addRow(self.tr("&Tag:"), self.tag)
        form.addRow(self.tr("&Goal:"), self.goal)
        form.addRow("", self.setbacks)
        form.addRow("", self.reflections)
        layout = look.column(self, look.WINDOW_MARGINS, spacing=look.Space.M)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for signal in (
            self.format.currentIndexChanged,
            self.tag.currentIndexChanged,
            self.goal.currentIndexChanged,
            self.limit_period.toggled,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def match(self) -> WinFilter:
        limited = self.limit_period.isChecked()
        return WinFilter(
            since=self.since.date().toPython() if limited else None,  # type: ignore[arg-type]
            until=self.until.date().toPython() if limited else None,  # type: ignore[arg-type]
            tag=self.tag.currentData(),
            goal=self.goal.currentData(),
            deleted=None if self.chosen_format() == "json" else False,
        )

    def refresh(self) -> None:
        self.since.setEnabled(self.limit_period.isChecked())
        self.until.setEnabled(self.limit_period.isChecked())
        self.setbacks.setEnabled(self.chosen_format() == "md")
        self.reflections.setEnabled(self.chosen_format() == "md")
        count = self._journal.count(self.match())
        if count == 0:
            told = self.tr("No wins match: choose another period, tag or goal.")
        elif count == 1:
            told = self.tr("1 win will be exported.")
        else:
            told = self.tr("%s wins will be exported.") % f"{count:,}"
        self.summary.setText(told)
        self.export_button.setEnabled(count > 0)

    def choose_and_export(self) -> None:
        today = self._journal.today()
        suggested = Path.home() / f"smallwins-{today.isoformat()}{SUFFIXES[self.chosen_format()]}"
        path = self._choose_path(self, self.tr("Export wins to"), str(suggested))
        if path and self.export_to(Path(path)) is not None:
            self.accept()

    def export_to(self, path: Path) -> int | None:
        """Write the export to `path`; the count written, or None (the problem is shown)."""
        partial = path.with_name(f".{path.name}.partial")
        now = self._journal.now()
        try:
            with open(partial, "w", encoding="utf-8", newline="") as out:
                count = export_wins(
                    self._journal.store,
                    self.chosen_format(),
                    out,
                    self.match(),
                    now=now,
                    zone=now.tzinfo,  # type: ignore[arg-type]
                    setbacks=self.setbacks.isChecked(),
                    reflections=self.reflections.isChecked(),
                )
            os.replace(partial, path)
        except (SmallWinsError, OSError) as error:
            with contextlib.suppress(OSError):
                partial.unlink()
            self.problem.setText(self.tr("Nothing was exported: %s") % error)
            self.problem.show()
            return None
        self.exported.emit(str(path), count)
        return count


def open_export_dialog(journal: Journal, parent: QWidget | None = None) -> ExportDialog:
    """Show the export dialog (non-modal; it deletes itself when closed)."""
    dialog = ExportDialog(journal, parent)
    keep_open(dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog

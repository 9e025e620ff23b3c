"""A row of seven checkable day buttons (Monday first), for reminders and workdays."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from smallwins_desktop.app import look

DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class DaysPicker(QWidget):
    """Seven check boxes; Tab reaches each, Space toggles it.

    Signals:
        days_changed(object): the user checked or unchecked a day; the new frozenset[int].
    """

    days_changed = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        row = look.row(self)
        self.boxes: list[QCheckBox] = []
        for label, full in zip(DAY_LABELS, DAY_NAMES, strict=True):
            box = QCheckBox(self.tr(label), self)
            box.setAccessibleName(f"{name}: {self.tr(full)}")
            box.toggled.connect(self._toggled)
            row.addWidget(box)
            self.boxes.append(box)
        row.addStretch(1)
        self._quiet = False

    def days(self) -> frozenset[int]:
        return frozenset(n for n, box in enumerate(self.boxes) if box.isChecked())

    def set_days(self, days: frozenset[int]) -> None:
        self._quiet = True
        try:
            for number, box in enumerate(self.boxes):
                box.setChecked(number in days)
        finally:
            self._quiet = False

    def _toggled(self, _checked: bool) -> None:
        if not self._quiet:
            self.days_changed.emit(self.days())

"""Labels every window shows the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget


def problem_label(parent: QWidget) -> QLabel:
    """The line where a window says, calmly, what it refused and why (hidden until then);
    styled by its object name, "problem"."""
    label = QLabel(parent)
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("Labels", "Problem"))
    label.hide()
    return label

"""The questions of a reflection or a review: a short answer box under each, Tab to move on,
Ctrl+Enter to save from inside any of them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QWidget

from smallwins_desktop.app import look

ANSWER_LINES = 2  # each box shows two lines and scrolls beyond


class _SubmitOnCtrlEnter(QObject):
    """Ctrl+Enter inside a text box: a window shortcut never sees it, the box takes it."""

    def __init__(self, submit: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._submit = submit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._submit()
            return True
        return False


def answer_form(
    parent: QWidget, prompts: tuple[tuple[str, str], ...], submit: Callable[[], None]
) -> tuple[QFormLayout, dict[str, QPlainTextEdit]]:
    """A form with one box per (name, prompt), and the boxes by name."""
    form = look.form()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    keys = _SubmitOnCtrlEnter(submit, parent)
    boxes: dict[str, QPlainTextEdit] = {}
    for name, prompt in prompts:
        box = QPlainTextEdit(parent)
        box.setTabChangesFocus(True)
        box.installEventFilter(keys)
        text = parent.tr(prompt)
        box.setAccessibleName(text)
        _fit_answer(box)
        look.refit(box, partial(_fit_answer, box))  # a new system font: lines as tall
        boxes[name] = box
        form.addRow(text, box)
    return form, boxes


def _fit_answer(box: QPlainTextEdit) -> None:
    """Room for `ANSWER_LINES` lines of the box's font."""
    box.setFixedHeight(box.fontMetrics().lineSpacing() * ANSWER_LINES + 14)

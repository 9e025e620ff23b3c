"""The capture box's text field: one line that grows, with the capture keys and completion.

Keys: Enter submits, Ctrl+Enter submits and keeps the window open, Shift+Enter is a newline,
Esc cancels. Typing `#` or `+` followed by letters offers the tags or goals already in use;
Tab or Enter takes the highlighted one.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit, QWidget

from smallwins_desktop.app import look

MAX_VISIBLE_LINES = 5
_PREFIX = re.compile(r"(?<![\w#+])([#+][\w-]*)$")


class CaptureEdit(QPlainTextEdit):
    """A plain-text field that behaves like a line edit until the user wants more lines.

    Signals:
        submitted(bool): Enter (False) or Ctrl+Enter (True: keep the window open).
        cancelled: Esc with no completion popup open.
    """

    submitted = Signal(bool)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._tags: list[str] = []
        self._goals: list[str] = []
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setWidget(self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated.connect(self._apply_completion)
        # Ours runs before QCompleter's own filter (installed earlier), so Tab and Enter on
        # the popup complete here and are not passed on to submit or move focus.
        self.completer.popup().installEventFilter(self)
        self.textChanged.connect(self._fit_height)
        self._fit_height()
        look.refit(self, self._fit_height)  # a new system font: lines of the new height

    def set_completions(self, tags: list[str], goals: list[str]) -> None:
        self._tags = [f"#{t}" for t in tags]
        self._goals = [f"+{g}" for g in goals]

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer.popup()
        key = event.key()
        is_enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if popup.isVisible() and (is_enter or key in (Qt.Key.Key_Tab, Qt.Key.Key_Escape)):
            if key == Qt.Key.Key_Escape:
                popup.hide()
            else:
                self._accept_current_completion()
            return
        mods = event.modifiers()
        if is_enter and mods & Qt.KeyboardModifier.ShiftModifier:
            self.insertPlainText("\n")
            return
        if is_enter:
            self.submitted.emit(bool(mods & Qt.KeyboardModifier.ControlModifier))
            return
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)
        self._update_completion()

    # -- completion ------------------------------------------------------------------------

    def _current_prefix(self) -> str | None:
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
        match = _PREFIX.search(cursor.selectedText())
        return match.group(1) if match else None

    def _update_completion(self) -> None:
        prefix = self._current_prefix()
        candidates = self._tags if prefix and prefix[0] == "#" else self._goals
        if prefix is None or not candidates:
            self.completer.popup().hide()
            return
        self._model.setStringList(candidates)
        self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount() == 0 or (
            self.completer.completionCount() == 1 and self.completer.currentCompletion() == prefix
        ):
            self.completer.popup().hide()
            return
        rect = self.cursorRect()
        rect.setWidth(max(200, self.completer.popup().sizeHintForColumn(0) + 24))
        self.completer.complete(rect)
        self.completer.popup().setCurrentIndex(self.completer.completionModel().index(0, 0))

    def focusNextPrevChild(self, next: bool) -> bool:
        # Tab reaches here before keyPressEvent: with completions showing, it completes.
        if self.completer.popup().isVisible():
            self._accept_current_completion()
            return True
        return super().focusNextPrevChild(next)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.completer.popup()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
        ):
            self._accept_current_completion()
            return True
        return super().eventFilter(watched, event)

    def _accept_current_completion(self) -> None:
        popup = self.completer.popup()
        index = popup.currentIndex()
        if not index.isValid():
            index = self.completer.completionModel().index(0, 0)
        popup.hide()
        if index.isValid():
            self._apply_completion(str(index.data()))

    def _apply_completion(self, completion: str) -> None:
        prefix = self._current_prefix() or ""
        cursor = self.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(prefix)
        )
        cursor.insertText(completion + " ")
        self.setTextCursor(cursor)

    # -- size ------------------------------------------------------------------------------

    def _fit_height(self) -> None:
        metrics = QFontMetrics(self.font())
        lines = max(1, min(MAX_VISIBLE_LINES, int(self.document().size().height())))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(metrics.lineSpacing() * lines + frame + 4)

"""Tag suggestions while typing: tags the user gave earlier wins with similar words.

Shown under the capture box and the journal's editor as a row of small buttons; choosing one
adds the tag. Computed locally from the user's own history (`queries.suggest_tags`), a moment
after typing stops, so fast typing never waits on it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from smallwins_desktop.app import look
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core.errors import SmallWinsError

log = logging.getLogger(__name__)

SUGGEST_DELAY_MS = 250


class TagSuggestions(QWidget):
    """A row of suggested tags.

    Signals:
        chosen(str): the user picked this tag (no '#').
        changed: the suggestions were replaced (the row may have appeared or gone).
    """

    chosen = Signal(str)
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._text = ""
        self._present: tuple[str, ...] = ()
        self.setAccessibleName(self.tr("Suggested tags"))
        self._row = look.row(self, spacing=look.Space.XS)
        self._label = QLabel(self.tr("Suggested:"), self)
        self._label.setEnabled(False)  # drawn in the muted colour
        self._row.addWidget(self._label)
        self._row.addStretch(1)
        self.buttons: list[QToolButton] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.hide()

    def update_for(self, text: str, present: Iterable[str]) -> None:
        """Suggest for this text, leaving out the tags it already has (after a short pause)."""
        self._text = text
        self._present = tuple(present)
        self._timer.start()

    def stop(self) -> None:
        """Forget a pending suggestion (the editor closes, the text was saved)."""
        self._timer.stop()

    def refresh(self) -> None:
        self._timer.stop()
        if not self.window().isVisible():
            return  # the box or editor closed meanwhile: nothing to show it in
        try:
            found = self._journal.suggest_tags(self._text, exclude=self._present)
        except SmallWinsError as error:  # a suggestion is a nicety: never in the way
            log.warning("no tag suggestions: %s", error)
            found = []
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        for tag in found:
            button = QToolButton(self)
            button.setText(f"#{tag}")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoRaise(True)
            button.setAccessibleName(self.tr("Add the tag %s") % tag)
            button.setToolTip(self.tr("You used #%s on wins like this one") % tag)
            button.clicked.connect(lambda _=False, tag=tag: self.chosen.emit(tag))
            self._row.insertWidget(self._row.count() - 1, button)
            self.buttons.append(button)
        self.setVisible(bool(found))
        self.changed.emit()

    def suggestions(self) -> list[str]:
        return [b.text().lstrip("#") for b in self.buttons]

"""The timeline: every win the filter picks, newest first, grouped by day — at any size.

`TimelineModel` holds one row per win and fetches them from the core a page at a time as the
view scrolls (`canFetchMore`/`fetchMore`), so a journal of 100,000 wins opens as fast as an
empty one and never becomes one widget per win. `TimelineDelegate` paints each row: the day's
heading above the first win of each day, the impact bars, the text with the search matches
highlighted, then tags and goal; setbacks on a tinted band with their own mark.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from smallwins_desktop.app import look, marks
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.words import IMPACT_WORDS, describe
from smallwins_desktop.core.capture import KIND_SETBACK
from smallwins_desktop.core.queries import WinFilter, match_spans
from smallwins_desktop.core.wins import TRASH_DAYS, WinRecord

FIRST_PAGE = 50  # more than a tall screen shows: the first paint never waits for more
PAGE_SIZE = 200  # then this many at a time as the view scrolls towards the end
WIN_ROLE = Qt.ItemDataRole.UserRole + 1
FIRST_OF_DAY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def day_heading(day: date, today: date) -> str:
    """'Today', 'Yesterday', 'Monday 16 November', or with the year when it is not this one."""
    if day == today:
        return f"Today · {day:%A %-d %B}"
    if day == today - timedelta(days=1):
        return f"Yesterday · {day:%A %-d %B}"
    return f"{day:%A %-d %B}" if day.year == today.year else f"{day:%A %-d %B %Y}"


class TimelineModel(QAbstractListModel):
    """The wins `match` picks, fetched lazily a page at a time."""

    def __init__(self, journal: Journal, parent: Any = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._match = WinFilter()
        self._rows: list[WinRecord] = []
        self._total = 0

    # -- what it shows ---------------------------------------------------------------------

    @property
    def match(self) -> WinFilter:
        return self._match

    @property
    def total(self) -> int:
        """How many wins the filter picks (loaded or not)."""
        return self._total

    def set_filter(self, match: WinFilter) -> None:
        self._match = match
        self.reload(keep=0)

    def reload(self, keep: int | None = None) -> None:
        """Read again from the store, keeping at least `keep` rows loaded (default: as many
        as now, so the view stays where it is after an edit elsewhere)."""
        wanted = max(FIRST_PAGE, len(self._rows) if keep is None else keep)
        self.beginResetModel()
        self._total = self._journal.count(self._match)
        self._rows = self._journal.page(self._match, offset=0, limit=wanted)
        self.endResetModel()

    def win(self, row: int) -> WinRecord | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, uuid: str) -> int | None:
        return next((n for n, w in enumerate(self._rows) if w.uuid == uuid), None)

    # -- Qt's side -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        last = self._rows[-1].uuid if self._rows else None
        more = self._journal.page(self._match, offset=len(self._rows), limit=PAGE_SIZE, after=last)
        if not more and last is not None:  # the last win shown went meanwhile: count instead
            more = self._journal.page(self._match, offset=len(self._rows), limit=PAGE_SIZE)
        known = {w.uuid for w in self._rows[-PAGE_SIZE:]} if more else set()
        more = [w for w in more if w.uuid not in known]  # a page that moved never shows twice
        if not more:
            self._total = len(self._rows)  # fewer than counted: some went meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        win = self.win(index.row()) if index.isValid() else None
        if win is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return win.text
        if role == WIN_ROLE:
            return win
        if role == FIRST_OF_DAY_ROLE:
            before = self.win(index.row() - 1)
            return before is None or before.day != win.day
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return describe(win)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self._match.deleted:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def replace_win(self, win: WinRecord) -> None:
        """Show a changed win in place (before the reload that follows catches up)."""
        row = self.row_of(win.uuid)
        if row is not None:
            self._rows[row] = win
            self.dataChanged.emit(self.index(row), self.index(row))


class TimelineDelegate(QStyledItemDelegate):
    """Paints a win: day heading (first of its day), impact mark, highlighted text, details."""

    PAD = look.Space.S
    MARK = 16
    HEADING_GAP = look.Space.M

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.search: str | None = None
        self.trash = False
        self.editor_height = 0
        self.editing: QPersistentModelIndex | None = None
        self.save_edit: Any = None

    # -- geometry --------------------------------------------------------------------------

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        text = QFont(option.font)
        heading = look.font(look.Type.STRONG, option.font)
        small = look.font(look.Type.CAPTION, option.font)
        return text, heading, small

    def heading_height(self, option: QStyleOptionViewItem) -> int:
        _, heading, _ = self._fonts(option)
        return QFontMetrics(heading).height() + self.HEADING_GAP + look.Space.XS

    def _text_left(self) -> int:
        return self.PAD * 2 + self.MARK

    def _layout(
        self, win: WinRecord, font: QFont, width: int, mark: QColor | None = None
    ) -> tuple[QTextLayout, float]:
        """The win's text laid out in `width`, search matches bold (and on `mark`, if given)."""
        layout = QTextLayout(win.text, font)
        spans = match_spans(win.text, self.search)
        if spans:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            if mark is not None:
                fmt.setBackground(mark)
            ranges = []
            for start, end in spans:
                span = QTextLayout.FormatRange()
                span.start, span.length, span.format = start, end - start, fmt
                ranges.append(span)
            layout.setFormats(ranges)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(40, width))
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        return layout, height

    def _details(self, win: WinRecord) -> str:
        parts = [f"#{t}" for t in win.tags]
        if win.goal:
            parts.append(f"+{win.goal}")
        if win.kind == KIND_SETBACK:
            parts.append("setback")
        if win.impact > 1:
            parts.append(f"{IMPACT_WORDS[win.impact]} impact")
        if self.trash and win.deleted_at is not None:
            left = TRASH_DAYS - (self._journal.now() - win.deleted_at).days
            parts.append(f"in the trash, {max(left, 0)} more day(s) to restore it")
        return "   ".join(parts)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        win: WinRecord | None = index.data(WIN_ROLE)
        if win is None:
            return super().sizeHint(option, index)
        text_font, _, small = self._fonts(option)
        view = option.widget  # type: ignore[attr-defined]
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        width = width or option.rect.width() or 400
        heading = self.heading_height(option) if index.data(FIRST_OF_DAY_ROLE) else 0
        if self.editing is not None and self.editing == QPersistentModelIndex(index):
            return QSize(width, heading + self.editor_height)
        details = QFontMetrics(small).height() + 2 if self._details(win) else 0
        return QSize(
            width, heading + self.PAD * 2 + self._text_height(win, text_font, width) + details
        )

    def _text_height(self, win: WinRecord, font: QFont, width: int) -> int:
        """The height of the win's text in the row; a line that fits is not laid out."""
        available = width - self._text_left() - self.PAD
        metrics = QFontMetrics(font)
        slack = 1.1 if self.search else 1.0  # matches are drawn bold, a little wider
        if "\n" not in win.text and metrics.horizontalAdvance(win.text) * slack <= available:
            return metrics.height()
        _, height = self._layout(win, font, available)
        return int(height + 0.99)

    def body_rect(self, option: QStyleOptionViewItem, index: Index) -> QRect:
        heading = self.heading_height(option) if index.data(FIRST_OF_DAY_ROLE) else 0
        return option.rect.adjusted(0, heading, 0, 0)

    # -- painting --------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        win: WinRecord | None = index.data(WIN_ROLE)
        if win is None:
            return
        colors = marks.Colors(option.palette)
        text_font, heading_font, small = self._fonts(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        if index.data(FIRST_OF_DAY_ROLE):
            painter.setFont(heading_font)
            painter.setPen(colors.text)
            top = rect.top() + self.HEADING_GAP
            painter.drawText(
                QRect(rect.left() + self.PAD, top, rect.width() - 2 * self.PAD, rect.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                day_heading(win.day, self._journal.today()),
            )
            line_y = top + QFontMetrics(heading_font).height() + 2
            painter.setPen(colors.heat[0])
            painter.drawLine(rect.left() + self.PAD, line_y, rect.right() - self.PAD, line_y)
        body = self.body_rect(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        card = QRectF(body).adjusted(4, 2, -4, -2)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(card, 6, 6)
        elif win.kind == KIND_SETBACK:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.setback_tint)
            painter.drawRoundedRect(card, 6, 6)
        text_color = (
            option.palette.color(QPalette.ColorRole.HighlightedText) if selected else colors.text
        )
        mark_color = (
            text_color if selected else (colors.setback if win.kind == KIND_SETBACK else colors.win)
        )
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        mark_name = "setback" if win.kind == KIND_SETBACK else marks.impact_mark(win.impact)
        mark_top = body.top() + self.PAD + 1
        painter.drawPixmap(
            body.left() + self.PAD,
            mark_top,
            marks.pixmap(mark_name, mark_color.name(), self.MARK, ratio),
        )
        left = body.left() + self._text_left()
        width = body.width() - self._text_left() - self.PAD
        layout, height = self._layout(win, text_font, width, None if selected else colors.highlight)
        painter.setPen(text_color)
        layout.draw(painter, QPointF(left, body.top() + self.PAD))
        details = self._details(win)
        if details:
            painter.setFont(small)
            painter.setPen(text_color if selected else colors.muted)
            painter.drawText(
                QRect(left, int(body.top() + self.PAD + height + 2), width, body.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                QFontMetrics(small).elidedText(details, Qt.TextElideMode.ElideRight, width),
            )
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(card, 6, 6)
        painter.restore()

    # -- editing in place ------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        from smallwins_desktop.app.journal.editor import WinEditor

        editor = WinEditor(self._journal, parent)
        editor.save_edit = self.save_edit
        editor.finished.connect(self._editor_finished)
        self.editor_height = editor.sizeHint().height()
        self.editing = QPersistentModelIndex(index)
        self.sizeHintChanged.emit(index)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        win: WinRecord | None = index.data(WIN_ROLE)
        if win is not None:
            editor.load(win)  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        """Saving is the editor's own (it says what went wrong in place); nothing here."""

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = self.body_rect(option, index).adjusted(4, 2, -4, -2)
        # Qt places a new editor in the row's old rect before the row grows to fit it (and
        # may not place it again): give it its full height now.
        rect.setHeight(max(rect.height(), self.editor_height - 4))
        editor.setGeometry(rect)

    def destroyEditor(self, editor: QWidget, index: Index) -> None:
        self.editing = None
        suggestions = getattr(editor, "suggestions", None)
        if suggestions is not None:
            suggestions.stop()  # a suggestion due after the editor went has nowhere to go
        super().destroyEditor(editor, index)
        if index.isValid():
            self.sizeHintChanged.emit(index)

    def _editor_finished(self) -> None:
        editor = self.sender()
        if isinstance(editor, QWidget):
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

"""The calendar heatmap: 52 weeks of days, each shaded by its wins (impact weighted).

Painted with QPainter, one column a week (Monday on top), months along the top. Hovering a
day says what it holds ("Tue 18 Nov: 3 wins"); clicking a day, or dragging across several,
asks the timeline to show just those days; the right-click menu marks a rest day. The
keyboard works too: arrows move between days, Enter picks one, Esc drops the pick.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QMenu, QToolTip, QWidget

from smallwins_desktop.app.marks import Colors
from smallwins_desktop.core.stats import HeatCell, Heatmap

CELL = 12
GAP = 3


def day_tooltip(cell: HeatCell) -> str:
    """'Tue 18 Nov: 3 wins' (and setbacks, and a rest day, when there are)."""
    total = cell.total
    parts = [
        QCoreApplication.translate("HeatmapView", "%n win(s)", None, total.wins)
        if total.wins
        else QCoreApplication.translate("HeatmapView", "no wins")
    ]
    if total.setbacks:
        parts.append(
            QCoreApplication.translate("HeatmapView", "%n setback(s)", None, total.setbacks)
        )
    if cell.rest:
        parts.append(QCoreApplication.translate("HeatmapView", "rest day"))
    return f"{cell.day:%a %-d %b}: {', '.join(parts)}"


class HeatmapView(QWidget):
    """Signals:
    range_picked(date, date): the user clicked a day (both the same) or dragged a range.
    rest_day_toggled(date, bool): the user marked a day as a rest day, or unmarked it.
    """

    range_picked = Signal(object, object)
    rest_day_toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Wins per day, the last 52 weeks"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._heatmap: Heatmap | None = None
        self._press: date | None = None
        self._hover: date | None = None
        self.picked: tuple[date, date] | None = None
        self.cursor_day: date | None = None

    # -- data ------------------------------------------------------------------------------

    def set_heatmap(self, heatmap: Heatmap) -> None:
        self._heatmap = heatmap
        if self.cursor_day is None or heatmap.cell(self.cursor_day) is None:
            self.cursor_day = heatmap.today
        self.setAccessibleDescription(self._summary())
        self.updateGeometry()
        self.update()

    def set_picked(self, picked: tuple[date, date] | None) -> None:
        if picked != self.picked:
            self.picked = picked
            self.update()

    def _summary(self) -> str:
        heat = self._heatmap
        if heat is None:
            return ""
        days = sum(1 for c in heat.cells if c.total.wins)
        wins = sum(c.total.wins for c in heat.cells)
        return self.tr("%d wins on %d days since %s") % (wins, days, f"{heat.start:%-d %B %Y}")

    # -- geometry --------------------------------------------------------------------------

    def _origin(self) -> QPoint:
        metrics = QFontMetrics(self.font())
        return QPoint(metrics.horizontalAdvance("Wed") + 6, metrics.height() + 4)

    def _weeks(self) -> int:
        heat = self._heatmap
        return 52 if heat is None else (heat.today - heat.start).days // 7 + 1

    def sizeHint(self) -> QSize:
        origin = self._origin()
        return QSize(
            origin.x() + self._weeks() * (CELL + GAP) + 2, origin.y() + 7 * (CELL + GAP) + 2
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def cell_rect(self, day: date) -> QRect:
        heat = self._heatmap
        assert heat is not None
        offset = (day - heat.start).days
        origin = self._origin()
        return QRect(
            origin.x() + (offset // 7) * (CELL + GAP),
            origin.y() + (offset % 7) * (CELL + GAP),
            CELL,
            CELL,
        )

    def day_at(self, point: QPoint) -> date | None:
        heat = self._heatmap
        if heat is None:
            return None
        origin = self._origin()
        x, y = point.x() - origin.x(), point.y() - origin.y()
        if x < 0 or y < 0:
            return None
        week, weekday = x // (CELL + GAP), y // (CELL + GAP)
        if weekday > 6 or x % (CELL + GAP) >= CELL or y % (CELL + GAP) >= CELL:
            return None
        day = heat.start + timedelta(days=week * 7 + weekday)
        return day if heat.start <= day <= heat.today else None

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        heat = self._heatmap
        if heat is None:
            return
        colors = Colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        origin = self._origin()
        painter.setPen(colors.muted)
        for weekday, name in ((0, "Mon"), (2, "Wed"), (4, "Fri")):
            row = QRect(0, origin.y() + weekday * (CELL + GAP) - 2, origin.x() - 6, CELL + 4)
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        last_month_x = -100
        for week in range(self._weeks()):
            monday = heat.start + timedelta(weeks=week)
            first = next(
                (
                    monday + timedelta(days=n)
                    for n in range(7)
                    if (monday + timedelta(days=n)).day == 1
                ),
                None,
            )
            if week == 0 or first is not None:
                label = (first or monday).strftime("%b")
                x = origin.x() + week * (CELL + GAP)
                wide = metrics.horizontalAdvance(label)
                x = min(x, self.width() - wide)  # a month just begun: its label kept whole
                if x - last_month_x > wide + 4:
                    painter.drawText(x, metrics.ascent(), label)
                    last_month_x = x
        picked = self.picked
        for cell in heat.cells:
            rect = QRectF(self.cell_rect(cell.day))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(
                colors.rest if cell.rest and not cell.level else colors.heat[cell.level]
            )
            painter.drawRoundedRect(rect, 2.5, 2.5)
            if picked and picked[0] <= cell.day <= picked[1]:
                painter.setPen(QPen(colors.accent, 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)
        if self.hasFocus() and self.cursor_day is not None:
            painter.setPen(QPen(colors.text, 1.5, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRectF(self.cell_rect(self.cursor_day)).adjusted(-2, -2, 2, 2), 3, 3
            )
        painter.end()

    # -- the mouse -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            day = self.day_at(event.pos())
            cell = self._heatmap.cell(day) if (self._heatmap and day) else None
            if cell is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), day_tooltip(cell), self)
            return True
        return super().event(event)

    def tooltip_at(self, day: date) -> str:
        cell = self._heatmap.cell(day) if self._heatmap else None
        return day_tooltip(cell) if cell else ""

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self.day_at(event.position().toPoint())
            if self._press is not None:
                self.cursor_day = self._press
                self.set_picked((self._press, self._press))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if self._press is not None and day is not None:
            self.set_picked((min(self._press, day), max(self._press, day)))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            self._press = None
            if self.picked is not None:
                self.range_picked.emit(*self.picked)
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        day = self.day_at(event.pos())
        cell = self._heatmap.cell(day) if (self._heatmap and day) else None
        if cell is None:
            return
        menu = QMenu(self)
        label = (
            self.tr("%s is a workday again") if cell.rest else self.tr("Mark %s as a rest day")
        ) % f"{cell.day:%a %-d %b}"
        action = menu.addAction(label)
        action.triggered.connect(lambda: self.rest_day_toggled.emit(cell.day, not cell.rest))
        menu.addAction(self.tr("Show this day")).triggered.connect(
            lambda: self.range_picked.emit(cell.day, cell.day)
        )
        menu.exec(event.globalPos())

    # -- the keyboard ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        heat = self._heatmap
        steps = {
            Qt.Key.Key_Left: -7,
            Qt.Key.Key_Right: 7,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
        }
        if heat is not None and self.cursor_day is not None and event.key() in steps:
            moved = self.cursor_day + timedelta(days=steps[event.key()])  # type: ignore[index]
            if heat.start <= moved <= heat.today:
                self.cursor_day = moved
                self.setAccessibleDescription(self.tooltip_at(moved))
                self.update()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.cursor_day is not None:
                self.set_picked((self.cursor_day, self.cursor_day))
                self.range_picked.emit(self.cursor_day, self.cursor_day)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

"""The rhythm panel beside the timeline: streak, this week, twelve weeks of bars, the habit
score, and wins from a week, a month and a year ago. Each figure has a line saying what it
means. The figures come ready-made from `core.stats.rhythm`; nothing is counted here.
"""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from smallwins_desktop.app import look
from smallwins_desktop.app.marks import Colors
from smallwins_desktop.core.insights import Insight, WeekConfidence
from smallwins_desktop.core.stats import Memory, Rhythm, WeekCount

MEMORY_WINS_SHOWN = 3
BARS_HEIGHT = 40  # logical pixels for the bars themselves; the labels' lines come on top
BARS_MIN_HEIGHT = 32


class WeekBars(QWidget):
    """Wins per week as bars, oldest left; this week's bar in the accent colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: tuple[WeekCount, ...] = ()
        self.setAccessibleName(self.tr("Wins per week, the last 12 weeks"))
        look.refit(self, self._fit)
        self._fit()

    def _fit(self) -> None:
        self.setMinimumHeight(self._height(BARS_MIN_HEIGHT))

    def set_weeks(self, weeks: tuple[WeekCount, ...]) -> None:
        self.weeks = weeks
        self.setAccessibleDescription(
            ", ".join(f"week of {w.monday:%-d %b}: {w.wins}" for w in weeks)
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, self._height(BARS_HEIGHT))

    def _height(self, bars: int) -> int:
        """Room for the bars and, above and below them, a line of caption-sized labels (which
        grow with the system's font)."""
        label = QFontMetrics(look.font(look.Type.CAPTION, self.font())).height()
        return bars + 2 * label + 2

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.weeks:
            return
        colors = Colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = look.font(look.Type.CAPTION, self.font())
        painter.setFont(small)
        metrics = QFontMetrics(small)
        label_h = metrics.height()
        top, bottom = label_h, self.height() - label_h - 2
        peak = max(1, *(w.wins for w in self.weeks))
        slot = self.width() / len(self.weeks)
        for n, week in enumerate(self.weeks):
            height = (bottom - top) * week.wins / peak
            bar = QRectF(n * slot + slot * 0.18, bottom - height, slot * 0.64, height)
            current = n == len(self.weeks) - 1
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors.accent if current else colors.heat[3])
            if week.wins:
                painter.drawRoundedRect(bar, 2, 2)
                painter.setPen(colors.muted)
                painter.drawText(
                    QRectF(n * slot, bar.top() - label_h, slot, label_h),
                    Qt.AlignmentFlag.AlignCenter,
                    str(week.wins),
                )
            else:
                painter.setBrush(colors.heat[0])
                painter.drawRect(QRectF(bar.left(), bottom - 1, bar.width(), 1))
            if n % 3 == 2 or current:
                painter.setPen(colors.muted)
                text = "now" if current else f"{week.monday:%-d %b}"
                under = QRectF(0, bottom + 2, metrics.horizontalAdvance(text) + 2, label_h)
                under.moveCenter(QPointF(n * slot + slot / 2, under.center().y()))
                if under.right() > self.width():  # the last one ends at the edge, not past it
                    under.moveRight(self.width())
                painter.drawText(under, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


class ConfidenceLine(QWidget):
    """The weekly mean confidence (1-5, from the daily reflections) as dots joined by a line,
    over the same twelve weeks as the bars above; a week without an answer has no dot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weeks: list[WeekConfidence] = []
        self.setAccessibleName(self.tr("Confidence per week, the last 12 weeks"))
        self.setMinimumHeight(48)

    def set_weeks(self, weeks: list[WeekConfidence]) -> None:
        self.weeks = weeks
        self.setAccessibleDescription(
            ", ".join(
                f"week of {w.monday:%-d %b}: "
                + (f"{w.mean:.1f} of 5" if w.mean is not None else "no answer")
                for w in weeks
            )
        )
        self.setVisible(any(w.mean is not None for w in weeks))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(240, 52)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.weeks:
            return
        colors = Colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        top, bottom = 6.0, self.height() - 6.0
        slot = self.width() / len(self.weeks)
        painter.setPen(QPen(colors.heat[0], 1))
        for level in (1, 3, 5):  # quiet guides at 1, 3 and 5
            y = bottom - (bottom - top) * (level - 1) / 4
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
        points = [
            QPointF(n * slot + slot / 2, bottom - (bottom - top) * (w.mean - 1) / 4)
            for n, w in enumerate(self.weeks)
            if w.mean is not None
        ]
        painter.setPen(QPen(colors.accent, 2))
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(colors.accent)
        for point in points:
            painter.drawEllipse(point, 3.0, 3.0)
        painter.end()


class HabitBar(QWidget):
    """The habit score as a thin bar filled to its share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = 0.0
        self.setFixedHeight(8)

    def set_score(self, score: float) -> None:
        self.score = max(0.0, min(1.0, score))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = Colors(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.heat[0])
        whole = QRectF(0, 1, self.width(), self.height() - 2)
        painter.drawRoundedRect(whole, 3, 3)
        painter.setBrush(colors.win)
        painter.drawRoundedRect(QRectF(0, 1, self.width() * self.score, self.height() - 2), 3, 3)
        painter.end()


def _mute(label: QLabel) -> None:
    """Draw the label in the muted text colour of its palette (readable: not 'disabled')."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, Colors(palette).muted)
    label.setPalette(palette)


class RhythmPanel(QFrame):
    """The figures, each a headline and a line of explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhythmPanel")
        self.setAccessibleName(self.tr("Your rhythm"))
        layout = look.column(self, (look.Space.M, look.Space.S), spacing=look.Space.XS)
        self.streak = self._headline(layout, self.tr("Streak"))
        self.streak_line = self._explain(layout)
        self.week = self._headline(layout, self.tr("This week"))
        self.week_line = self._explain(layout)
        self.bars = WeekBars(self)
        layout.addWidget(self.bars)
        self.bars_line = self._explain(layout)
        self.confidence = ConfidenceLine(self)
        layout.addWidget(self.confidence)
        self.confidence_line = self._explain(layout)
        self.habit = self._headline(layout, self.tr("Journaling habit"))
        self.habit_bar = HabitBar(self)
        self.habit_bar.setAccessibleName(self.tr("Journaling habit score"))
        layout.addWidget(self.habit_bar)
        self.habit_line = self._explain(layout)
        self.insights_title = self._section(layout, self.tr("Worth a look"))
        self.insights = QLabel(self)
        self.insights.setWordWrap(True)
        self.insights.setTextFormat(Qt.TextFormat.RichText)
        self.insights.setAccessibleName(self.tr("Insights from your wins"))
        layout.addWidget(self.insights)
        self.memories_title = self._section(layout, self.tr("On this day"))
        self.memories = QLabel(self)
        self.memories.setWordWrap(True)
        self.memories.setTextFormat(Qt.TextFormat.RichText)
        self.memories.setAccessibleName(self.tr("Wins from a week, a month and a year ago"))
        layout.addWidget(self.memories)
        layout.addStretch(1)

    def _section(self, layout: QVBoxLayout, title: str) -> QLabel:
        label = QLabel(title, self)
        look.set_role(label, look.Type.STRONG)
        look.gap(layout, look.Space.S)
        layout.addWidget(label)
        return label

    def _headline(self, layout: QVBoxLayout, title: str) -> QLabel:
        self._section(layout, title)
        value = QLabel(self)
        look.set_role(value, look.Type.HEADLINE)
        value.setAccessibleName(title)
        layout.addWidget(value)
        return value

    def _explain(self, layout: QVBoxLayout) -> QLabel:
        line = QLabel(self)
        line.setWordWrap(True)
        line.setObjectName("explanation")
        _mute(line)
        layout.addWidget(line)
        return line

    def show_rhythm(self, rhythm: Rhythm) -> None:
        self.streak.setText(self.tr("%n workday(s)", "", rhythm.streak))
        self.streak_line.setText(rhythm.streak_line())
        self.week.setText(self.tr("%n win(s)", "", rhythm.this_week))
        self.week_line.setText(rhythm.week_line())
        self.bars.set_weeks(rhythm.weeks)
        self.bars_line.setText(rhythm.bars_line())
        self.habit.setText(f"{round(rhythm.habit * 100)}%")
        self.habit_bar.set_score(rhythm.habit)
        self.habit_line.setText(rhythm.habit_line())

    def show_confidence(self, weeks: list[WeekConfidence]) -> None:
        self.confidence.set_weeks(weeks)
        answered = [w.mean for w in weeks if w.mean is not None]
        self.confidence_line.setVisible(bool(answered))
        if answered:
            self.confidence_line.setText(
                self.tr(
                    "Your confidence each week, from 1 to 5, as you rated it in your "
                    "reflections (latest %.1f)."
                )
                % answered[-1]
            )

    def show_insights(self, found: list[Insight]) -> None:
        self.insights_title.setVisible(bool(found))
        self.insights.setVisible(bool(found))
        blocks = []
        for insight in found:
            looked_back = "".join(
                f"<li>{html.escape(w.text)} ({w.day:%-d %b})</li>" for w in insight.wins
            )
            blocks.append(
                f"<p><b>{html.escape(insight.title)}</b><br>{html.escape(insight.advice)}"
                f"<br><span style='color:{Colors(self.palette()).muted.name()}'>"
                f"{html.escape(insight.numbers)}</span>"
                + (
                    f"<ul style='margin-top:0; margin-left:-24px'>{looked_back}</ul>"
                    if looked_back
                    else ""
                )
                + "</p>"
            )
        self.insights.setText("".join(blocks))

    def show_memories(self, memories: list[Memory]) -> None:
        visible = bool(memories)
        self.memories_title.setVisible(visible)
        self.memories.setVisible(visible)
        blocks = []
        for memory in memories:
            shown = [html.escape(w.text) for w in memory.wins[:MEMORY_WINS_SHOWN]]
            more = len(memory.wins) - len(shown)
            if more > 0:
                shown.append(self.tr("and %d more") % more)
            items = "".join(f"<li>{text}</li>" for text in shown)
            blocks.append(
                f"<b>{html.escape(memory.label)}</b> · {memory.day:%a %-d %b %Y}"
                f"<ul style='margin-top:0; margin-left:-24px'>{items}</ul>"
            )
        self.memories.setText("".join(blocks))

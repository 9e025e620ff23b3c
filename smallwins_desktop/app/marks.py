"""The drawn marks a win is shown with (impact bars, the setback arrow, the saved check and the
celebration star), and the colours they are drawn in, for light and dark themes alike.

The SVGs in `resources/icons` are drawn in black; here they are tinted with a colour chosen
from the window's palette, rendered once per (mark, colour, size) and shared. No emoji and no
symbol characters: those depend on fonts the desktop may not have.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from smallwins_desktop.resources import resource_path

IMPACT_NAMES = {1: "small", 2: "medium", 3: "big"}


@functools.cache
def _svg(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


@functools.cache
def pixmap(name: str, color: str, size: int, ratio: float = 1.0) -> QPixmap:
    """The icon `name` tinted `color` (#rrggbb), `size` logical pixels square."""
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("#000000", color).encode()))
    device = max(1, round(size * ratio))
    image = QPixmap(device, device)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, device, device))
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def icon(name: str, color: QColor, size: int = 16) -> QIcon:
    ratio = QGuiApplication.instance().devicePixelRatio() if QGuiApplication.instance() else 1.0  # type: ignore[attr-defined]
    return QIcon(pixmap(name, color.name(), size, float(ratio)))


def impact_mark(impact: int) -> str:
    return f"impact-{impact if impact in IMPACT_NAMES else 1}"


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class Colors:
    """The few colours every window shares, picked for the palette's light or dark theme."""

    def __init__(self, palette: QPalette) -> None:
        dark = is_dark(palette)
        self.dark = dark
        self.text = palette.color(QPalette.ColorRole.WindowText)
        self.muted = _mix(self.text, palette.color(QPalette.ColorRole.Window), 0.45)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.window = palette.color(QPalette.ColorRole.Window)
        self.win = QColor("#66bb6a" if dark else "#2e7d32")
        self.setback = QColor("#ffb74d" if dark else "#a85d00")
        self.setback_tint = _mix(self.setback, self.base, 0.88)
        self.problem = QColor("#ff8a80" if dark else "#c0392b")  # what was refused, and why
        self.highlight = QColor("#7a6a00" if dark else "#fff0a0")
        self.accent = palette.color(QPalette.ColorRole.Highlight)
        empty = _mix(self.text, self.base, 0.9)
        full = QColor("#57c45f" if dark else "#1b7a2a")
        self.heat = [empty] + [_mix(full, self.base, f) for f in (0.72, 0.5, 0.26, 0.0)]
        self.rest = _mix(self.accent, self.base, 0.75)


def _mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """`a` blended towards `b`: 0.0 is `a`, 1.0 is `b`."""
    keep = 1.0 - share_of_b
    return QColor(
        round(a.red() * keep + b.red() * share_of_b),
        round(a.green() * keep + b.green() * share_of_b),
        round(a.blue() * keep + b.blue() * share_of_b),
    )

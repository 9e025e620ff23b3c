"""The tray's icons stay legible on light and on dark panels: at panel sizes, enough of each
icon's pixels stand out from either background, and the three states differ."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.tray.icons import icon
from tests.gui.test_journal_look import _contrast

PANELS = {"light panel": QColor("#f2f2f2"), "dark panel": QColor("#1e1e1e")}
STATES = ("tray-empty", "tray-filled", "tray-attention")


def _on(panel: QColor, name: str, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(panel)
    painter = QPainter(image)
    painter.drawPixmap(0, 0, icon(name).pixmap(size, size))
    painter.end()
    return image


@pytest.mark.parametrize("size", [16, 22, 32])
@pytest.mark.parametrize("panel", sorted(PANELS))
@pytest.mark.parametrize("name", STATES)
def test_each_tray_icon_stands_out_on_light_and_dark_panels(
    qtbot: QtBot, name: str, panel: str, size: int
) -> None:
    background = PANELS[panel]
    image = _on(background, name, size)
    pixels = [image.pixelColor(x, y) for y in range(size) for x in range(size)]
    standing_out = sum(1 for p in pixels if _contrast(p, background) >= 3.0)
    assert standing_out >= 0.12 * size * size, f"{name} at {size}px on a {panel}"


def test_the_three_states_look_different(qtbot: QtBot) -> None:
    panel = PANELS["dark panel"]
    images = [_on(panel, name, 22) for name in STATES]
    assert images[0] != images[1] != images[2] != images[0]
    assert Qt.GlobalColor.transparent  # the icons are drawn over the panel, not a box

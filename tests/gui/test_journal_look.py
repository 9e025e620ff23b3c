"""The journal as it looks, light and dark: screenshots kept as artefacts (look at them), and
the heatmap and timeline checked to stay readable in both."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.app.journal.window import JournalWindow
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from tests.benchmarks.generate import fill

ARTIFACTS = Path(__file__).resolve().parents[1] / "e2e" / "artifacts"

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1f1f1f",
    QPalette.ColorRole.AlternateBase: "#2a2a2a",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#8a8a8a",
}
LIGHT = {
    QPalette.ColorRole.Window: "#efefef",
    QPalette.ColorRole.WindowText: "#1d1d1d",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f6f6f6",
    QPalette.ColorRole.Text: "#1d1d1d",
    QPalette.ColorRole.Button: "#e6e6e6",
    QPalette.ColorRole.ButtonText: "#1d1d1d",
    QPalette.ColorRole.Highlight: "#308cc6",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#7a7a7a",
}


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def _contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def weeks_of_wins(store: Store, clock: FixedClock) -> Store:
    fill(store, 260, now=clock.now(), days=6 * 7)
    return store


@pytest.fixture(params=["light", "dark"])
def themed(
    request: pytest.FixtureRequest, weeks_of_wins: Store, journal: Journal, qtbot: QtBot
) -> Iterator[tuple[str, JournalWindow]]:
    window = JournalWindow(journal)
    window.setPalette(_palette(DARK if request.param == "dark" else LIGHT))
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.refresh()
    window.present()
    qtbot.waitExposed(window)
    yield request.param, window
    window.close()


def test_the_journal_is_readable_in_light_and_dark_and_kept_as_a_screenshot(
    themed: tuple[str, JournalWindow], clock: FixedClock
) -> None:
    theme, window = themed
    ARTIFACTS.mkdir(exist_ok=True)
    shot = window.grab()
    assert shot.save(str(ARTIFACTS / f"journal-{theme}.png"))

    heat = window.heatmap.grab().toImage()
    ratio = heat.devicePixelRatio()
    today = clock.now().date()
    rhythm = window._journal.rhythm()
    levels: dict[int, QColor] = {}
    for cell in rhythm.heatmap.cells:
        if cell.level not in levels and not cell.rest:
            centre = window.heatmap.cell_rect(cell.day).center()
            levels[cell.level] = heat.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
    assert set(levels) == {0, 1, 2, 3, 4}, "six weeks of wins fill every level"
    background = window.heatmap.palette().color(QPalette.ColorRole.Window)
    # the fullest day stands out from the page, and every level from the one below it
    assert _contrast(levels[4], background) >= 3.0, theme
    assert all(_contrast(levels[n], levels[n - 1]) >= 1.15 for n in range(1, 5)), theme
    assert today in {c.day for c in rhythm.heatmap.cells}

    image: QImage = window.view.viewport().grab().toImage()
    text = window.view.palette().color(QPalette.ColorRole.Text)
    base = window.view.palette().color(QPalette.ColorRole.Base)
    assert _contrast(text, base) >= 7.0
    inked = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if _contrast(image.pixelColor(x, y), base) >= 3.0
    )
    assert inked > 500, "the timeline shows its wins"

"""The Goals view as it looks, light and dark: screenshots kept as artefacts (look at them),
and each painted bar's done part checked to stand out from its track in both."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from smallwins_desktop.app.journal.goals_view import GoalsView
from smallwins_desktop.app.journal.journal import Journal
from smallwins_desktop.core import config, goals, wins
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from tests.gui.test_journal_look import ARTIFACTS, DARK, LIGHT, _contrast, _palette


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_goals_view_is_readable_in_light_and_dark_and_kept_as_a_screenshot(
    theme: str, store: Store, clock: FixedClock, journal: Journal, qtbot: QtBot
) -> None:
    now = clock.now()
    goals.create(store, "Launch the site", now=now, slug="launch")
    goals.create(
        store, "Ship the landing page", now=now, slug="site", parent="launch", target=4,
        due=date(2026, 11, 27), criteria="Live on the domain",
    )  # fmt: skip
    goals.create(
        store, "Write the docs", now=now, slug="docs", parent="launch", due=date(2026, 11, 19)
    )
    goals.create(store, "Read a book a month", now=now, slug="book", target=12)
    for n in range(2):
        wins.add(store, f"Step {n} +site", today=now.date(), now=now)
    config.put(store, config.GOALS_ACTIVE_LIMIT, 2, now=now)
    view = GoalsView(journal)
    view.setPalette(_palette(DARK if theme == "dark" else LIGHT))
    qtbot.addWidget(view)
    view.resize(900, 420)
    view.show()
    qtbot.waitExposed(view)

    ARTIFACTS.mkdir(exist_ok=True)
    assert view.grab().save(str(ARTIFACTS / f"goals-{theme}.png"))

    bar = view.rows["site"].bar
    image = bar.grab().toImage()
    ratio = image.devicePixelRatio()
    middle = int(bar.height() / 2 * ratio)
    done = image.pixelColor(int(bar.width() * 0.2 * ratio), middle)
    left = image.pixelColor(int(bar.width() * 0.8 * ratio), middle)
    page = view.palette().color(QPalette.ColorRole.Window)
    assert _contrast(done, left) >= 3.0, theme
    assert _contrast(done, page) >= 3.0, theme
    assert view.overload_label.isVisible()
    assert all(row.isVisible() for row in view.rows.values())

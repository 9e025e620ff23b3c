"""The journal on a real desktop: `smallwins journal` opens it over the running app's socket,
with weeks of wins in it; a screenshot is kept as an artefact to look at."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from smallwins_desktop.core.db import open_store
from tests.benchmarks.generate import fill

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp

HEAT_GREENS = ("1B7A2A", "2E7D32")  # the fullest heatmap cell and the impact bars (light)


def _greens(colours: dict[str, int]) -> int:
    """Pixels of a clearly green hue (the heatmap and the impact marks)."""
    count = 0
    for hex_colour, n in colours.items():
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
        if g > r + 40 and g > b + 30:
            count += n
    return count


def test_smallwins_journal_opens_the_journal_with_its_heatmap(
    app: RunningApp, desktop: DesktopSession, artifacts_dir: Path
) -> None:
    with open_store(app.data_dir, now=datetime.now(timezone.utc)) as store:
        fill(store, 240, now=datetime.now(timezone.utc), days=42)
    app.start()
    result = app.cli("journal")
    assert result.returncode == 0, result.stderr
    [window] = desktop.wait_until(
        lambda: desktop.window_ids("Journal — Small Wins", only_visible=True),
        what="the journal window",
    )
    geometry = desktop.xdotool("getwindowgeometry", "--shell", str(window))
    place = dict(line.split("=", 1) for line in geometry.split())
    x, y, width, height = (int(place[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
    desktop.wait_until(
        lambda: _greens(desktop.screen_colors(x, y, width, height // 4)) > 500,
        what="the heatmap painted with the weeks of wins",
    )
    desktop.screenshot(artifacts_dir / "journal-desktop.png")

    again = app.cli("journal")  # a second time: the same window comes forward
    assert again.returncode == 0, again.stderr
    assert desktop.window_ids("Journal — Small Wins", only_visible=True) == [window]

"""The look on a real desktop: the Settings window and the capture box repaint at once when
the theme is set from a terminal, light and dark; screenshots of both are kept as artefacts
to compare with the desktop's own apps."""

from __future__ import annotations

import re
from pathlib import Path

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp

LIGHT_ABOVE = 180
DARK_BELOW = 80
GEOMETRY = re.compile(r"Position: (\d+),(\d+).*?Geometry: (\d+)x(\d+)", re.DOTALL)


def window_lightness(desktop: DesktopSession, title: str) -> float:
    """The mean lightness (0-255) of the visible window whose title contains `title`."""
    [window] = desktop.wait_until(
        lambda: desktop.window_ids(title, only_visible=True), what=f"the {title} window"
    )
    found = GEOMETRY.search(desktop.xdotool("getwindowgeometry", str(window)))
    assert found, "xdotool gave no geometry"
    x, y, width, height = (int(n) for n in found.groups())
    colours = desktop.screen_colors(x, y, width, height)
    total = sum(colours.values())
    return sum(
        count * sum(int(colour[i : i + 2], 16) for i in (0, 2, 4)) / 3
        for colour, count in colours.items()
    ) / max(total, 1)


def set_theme(app: RunningApp, theme: str) -> None:
    result = app.cli("config", "set", "appearance.theme", theme)
    assert result.returncode == 0, result.stderr
    assert "the running app uses it now" in result.stdout


def looks(desktop: DesktopSession, title: str, theme: str) -> bool:
    lightness = window_lightness(desktop, title)
    return lightness > LIGHT_ABOVE if theme == "light" else lightness < DARK_BELOW


def test_settings_and_the_capture_box_repaint_light_and_dark(
    app: RunningApp, desktop: DesktopSession, artifacts_dir: Path
) -> None:
    app.start()
    assert app.cli("settings").returncode == 0

    for theme in ("light", "dark"):
        set_theme(app, theme)
        desktop.wait_until(
            lambda t=theme: looks(desktop, "Settings — Small Wins", t),
            what=f"the Settings window to turn {theme}",
        )
        desktop.screenshot(artifacts_dir / f"settings-{theme}.png")

    assert app.cli("capture").returncode == 0
    for theme in ("dark", "light"):
        set_theme(app, theme)
        desktop.wait_until(
            lambda t=theme: looks(desktop, "Log a win", t), what=f"the capture box to turn {theme}"
        )
        desktop.screenshot(artifacts_dir / f"capture-{theme}.png")

"""The tray menu on the real desktop follows the theme set from a terminal, light and dark;
both are kept as screenshots to compare with the desktop's own menus."""

from __future__ import annotations

from pathlib import Path

try:  # tests/e2e as a package
    from .desktop import TRAY_HEIGHT_PX, DesktopSession
    from .running_app import RunningApp
    from .test_tray_app import EMPTY_RING, SCREEN_WIDTH_PX, tray_shows
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import TRAY_HEIGHT_PX, DesktopSession
    from running_app import RunningApp
    from test_tray_app import EMPTY_RING, SCREEN_WIDTH_PX, tray_shows

MENU_WIDTH_PX = 200  # inside the menu, which opens left of the pointer, over the tray
MENU_HEIGHT_PX = 120


def menu_area(desktop: DesktopSession) -> dict[str, int]:
    """The colours just under the tray, where the menu opens."""
    return desktop.screen_colors(
        SCREEN_WIDTH_PX - MENU_WIDTH_PX - 20, TRAY_HEIGHT_PX + 2, MENU_WIDTH_PX, MENU_HEIGHT_PX
    )


def lightness(colours: dict[str, int]) -> float:
    total = sum(colours.values())
    return sum(
        count * sum(int(colour[i : i + 2], 16) for i in (0, 2, 4)) / 3
        for colour, count in colours.items()
    ) / max(total, 1)


def test_the_tray_menu_in_light_and_dark(
    app: RunningApp, desktop: DesktopSession, artifacts_dir: Path
) -> None:
    app.start()
    desktop.wait_until(lambda: tray_shows(desktop, EMPTY_RING), what="the ring in the tray")
    empty = lightness(menu_area(desktop))  # the bare (black) root window

    for theme, looks in (("light", lambda v: v > 150), ("dark", lambda v: 20 < v < 90)):
        assert app.cli("config", "set", "appearance.theme", theme).returncode == 0
        desktop.xdotool("mousemove", "--sync", str(SCREEN_WIDTH_PX - 12), str(TRAY_HEIGHT_PX // 2))
        desktop.xdotool("click", "3")
        try:
            desktop.wait_until(
                lambda f=looks: f(lightness(menu_area(desktop))), what=f"the {theme} tray menu"
            )
        finally:
            desktop.screenshot(artifacts_dir / f"tray-menu-{theme}.png")
        desktop.xdotool("mousemove", "--sync", "200", "400")  # a click outside closes it
        desktop.xdotool("click", "1")
        desktop.wait_until(
            lambda: abs(lightness(menu_area(desktop)) - empty) < 1, what="the menu to close"
        )

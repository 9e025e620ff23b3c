"""The app's look: light or dark as the user chose, or as the system is (and when it changes).

One palette per scheme, with the tray icons' green as the accent, applied to the whole
application (every window follows at once, including ones built later). "As the system" keeps
the platform's own palette when the system is light, and uses the dark palette when the
system says dark (Qt 6 `QStyleHints.colorScheme`), following a change while the app runs.
Forced light or dark use the Fusion style, where a palette is always honoured.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

ACCENT_LIGHT = "#1f9d5c"
ACCENT_DARK = "#2fbf71"
_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup

LIGHT = {
    _ROLE.Window: "#f6f7f8",
    _ROLE.WindowText: "#1f2328",
    _ROLE.Base: "#ffffff",
    _ROLE.AlternateBase: "#f0f2f4",
    _ROLE.Text: "#1f2328",
    _ROLE.Button: "#eceef0",
    _ROLE.ButtonText: "#1f2328",
    _ROLE.ToolTipBase: "#ffffff",
    _ROLE.ToolTipText: "#1f2328",
    _ROLE.PlaceholderText: "#6e7781",
    _ROLE.Highlight: ACCENT_LIGHT,
    _ROLE.HighlightedText: "#ffffff",
    _ROLE.Link: "#17784a",
    _ROLE.Mid: "#c9ced3",
}
DARK = {
    _ROLE.Window: "#1f2124",
    _ROLE.WindowText: "#e6e8ea",
    _ROLE.Base: "#16181a",
    _ROLE.AlternateBase: "#25282b",
    _ROLE.Text: "#e6e8ea",
    _ROLE.Button: "#2a2d31",
    _ROLE.ButtonText: "#e6e8ea",
    _ROLE.ToolTipBase: "#2a2d31",
    _ROLE.ToolTipText: "#e6e8ea",
    _ROLE.PlaceholderText: "#8b9197",
    _ROLE.Highlight: ACCENT_DARK,
    _ROLE.HighlightedText: "#0b1f14",
    _ROLE.Link: "#6fd3a0",
    _ROLE.Mid: "#3a3e43",
}
DISABLED_TEXT = {"light": "#9aa1a8", "dark": "#6b7177"}


def palette_for(scheme: str) -> QPalette:
    colours = DARK if scheme == "dark" else LIGHT
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role in (_ROLE.WindowText, _ROLE.Text, _ROLE.ButtonText):
        palette.setColor(_GROUP.Disabled, role, QColor(DISABLED_TEXT[scheme]))
    return palette


class Theme(QObject):
    """Applies the `appearance.theme` choice to the application.

    Signals:
        applied(str): the scheme now shown: "light", "dark", or "system" (the platform's).
    """

    applied = Signal(str)

    def __init__(
        self,
        app: QApplication,
        parent: QObject | None = None,
        *,
        system_scheme: Callable[[], Qt.ColorScheme] | None = None,
    ) -> None:
        """`system_scheme` says what the system's colour scheme is (tests pass their own)."""
        super().__init__(parent)
        self._app = app
        self._system_scheme = system_scheme or app.styleHints().colorScheme
        self._choice = "system"
        self._platform_palette = app.palette()
        self._platform_style = app.style().name()
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        self._watching = True
        self._shown = "system"

    @property
    def choice(self) -> str:
        return self._choice

    def apply(self, choice: str) -> str:
        """Show `choice` ("system", "light" or "dark"); returns the scheme shown."""
        self._choice = choice
        scheme = choice
        if choice == "system":
            scheme = "dark" if self._system_is_dark() else "system"
        if scheme == "system":
            if self._shown != "system":  # at start-up the platform's look is already on
                self._set_style(self._platform_style)
                self._app.setPalette(self._platform_palette)
        else:
            self._set_style("fusion")
            self._app.setPalette(palette_for(scheme))
        self._shown = scheme
        log.info("appearance: %s (chosen: %s)", scheme, choice)
        self.applied.emit(scheme)
        return scheme

    def restore(self) -> None:
        """Back to the platform's look (on quit, and between tests)."""
        if self._watching:
            self._app.styleHints().colorSchemeChanged.disconnect(self._system_changed)
            self._watching = False
        self._set_style(self._platform_style)
        self._app.setPalette(self._platform_palette)
        self._shown = "system"

    def _set_style(self, name: str) -> None:
        if self._app.style().name().lower() != name.lower():
            self._app.setStyle(name)

    def _system_is_dark(self) -> bool:
        if self._system_scheme() == Qt.ColorScheme.Dark:
            return self._platform_palette.color(_ROLE.Window).lightness() >= 128
        return False

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._choice == "system":
            self.apply("system")

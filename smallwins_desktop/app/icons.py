"""The app's icons, loaded once from `resources/icons`."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from smallwins_desktop.resources import resource_path


def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("smallwins")

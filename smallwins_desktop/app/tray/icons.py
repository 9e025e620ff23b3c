"""The app's icons from `resources/icons`, each read once and then shared."""

from __future__ import annotations

import functools

from PySide6.QtGui import QIcon

from smallwins_desktop.resources import resource_path


@functools.cache
def icon(name: str) -> QIcon:
    return QIcon(str(resource_path("icons", f"{name}.svg")))


def app_icon() -> QIcon:
    return icon("smallwins")

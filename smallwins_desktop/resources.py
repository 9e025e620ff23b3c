"""Finding the files in `resources/` (icons, translations, the desktop entry and AppStream
metadata), and the application id they are named after.

In a wheel they are inside the package (`smallwins_desktop/resources`); in a source checkout
(editable install) they are at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

# The desktop application id (reverse DNS, as AppStream and Flatpak want it): the name of the
# .desktop file and the metainfo file, the themed icon's name, Qt's desktop file name (the
# Wayland app id) and the notifications' desktop-entry hint.
APP_ID = "app.smallwins.SmallWins"

_PACKAGE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    bundled = _PACKAGE / "resources"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)

"""Finding the files in `resources/` (icons, the .desktop template).

In a wheel they are inside the package (`smallwins_desktop/resources`); in a source checkout
(editable install) they are at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    bundled = _PACKAGE / "resources"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)

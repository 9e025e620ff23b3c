"""The Linux desktop files the package ships: valid for the tools that read them, and
consistent with each other and with the app (one application id everywhere)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from smallwins_desktop import __version__
from smallwins_desktop.resources import APP_ID, resource_path
from tests.packaging.tools import REPO, Validate

DESKTOP_ENTRY = resource_path("desktop", f"{APP_ID}.desktop")
METAINFO = resource_path("desktop", f"{APP_ID}.metainfo.xml")
ICONS = [resource_path("icons", "smallwins.svg"), resource_path("icons", "smallwins-symbolic.svg")]


def _entries(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    group = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            group = line.strip("[]")
        elif group == "Desktop Entry" and "=" in line:
            key, _, value = line.partition("=")
            found[key] = value
    return found


def test_the_desktop_entry_validates(validate_desktop_entry: Validate) -> None:
    validate_desktop_entry(DESKTOP_ENTRY)


def test_the_appstream_metadata_validates(validate_metainfo: Validate) -> None:
    validate_metainfo(METAINFO)


def test_the_metadata_names_this_release_and_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_ENTRY.name
    releases = [release.get("version") for release in root.iter("release")]
    assert releases[0] == __version__, "add this version's <release> to the metainfo file"


def test_the_desktop_entry_starts_smallwins_with_the_app_id_icon() -> None:
    entry = _entries(DESKTOP_ENTRY)
    assert entry["Exec"] == "smallwins"
    assert entry["Icon"] == APP_ID


@pytest.mark.parametrize("icon", ICONS, ids=lambda p: p.name)
def test_the_icons_are_square_svg(icon: Path) -> None:
    root = ET.parse(icon).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == root.get("height")


def test_packaging_linux_shows_the_shipped_files() -> None:
    """packaging/linux is where people look; its files are the ones the wheel ships."""
    linux = REPO / "packaging" / "linux"
    if not linux.is_dir():
        pytest.skip("not a source checkout")
    shown = {
        f"{APP_ID}.desktop": DESKTOP_ENTRY,
        f"{APP_ID}.metainfo.xml": METAINFO,
        f"icons/hicolor/scalable/apps/{APP_ID}.svg": ICONS[0],
        f"icons/hicolor/symbolic/apps/{APP_ID}-symbolic.svg": ICONS[1],
    }
    for relative, shipped in shown.items():
        assert (linux / relative).read_bytes() == shipped.read_bytes(), relative


def test_the_flatpak_manifest_uses_the_app_id_and_asks_for_tray_and_notifications() -> None:
    """Not built here (packaging/README.md); this keeps its names in step with the app."""
    manifest = REPO / "packaging" / "flatpak" / f"{APP_ID}.yml"
    if not manifest.is_file():
        pytest.skip("not a source checkout")
    lines = [line.strip() for line in manifest.read_text(encoding="utf-8").splitlines()]
    assert f"app-id: {APP_ID}" in lines
    assert "- --talk-name=org.kde.StatusNotifierWatcher" in lines
    assert "- --talk-name=org.freedesktop.Notifications" in lines
    installed = " ".join(lines)
    assert f"{APP_ID}.desktop" in installed
    assert f"{APP_ID}.metainfo.xml" in installed
    assert f"{APP_ID}-symbolic.svg" in installed

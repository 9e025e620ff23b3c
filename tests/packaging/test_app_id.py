"""One application id everywhere a desktop looks: the running app's windows name the desktop
entry that the package ships (GNOME matches windows by `_GTK_APPLICATION_ID`, KDE by
`_KDE_NET_WM_DESKTOP_FILE`, both from Qt's desktop file name), so the menu entry, the window
and its icon belong together."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smallwins_desktop import ipc
from smallwins_desktop.resources import APP_ID, resource_path
from tests.e2e.desktop import DesktopSession
from tests.packaging.tools import require_tool

SMALLWINS = Path(sys.executable).with_name("smallwins")


@pytest.mark.e2e
def test_the_capture_window_names_the_shipped_desktop_entry(
    desktop: DesktopSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xprop = require_tool("xprop", "x11-utils")
    assert resource_path("desktop", f"{APP_ID}.desktop").is_file()
    data_dir = tmp_path / "data"
    monkeypatch.setenv("XDG_RUNTIME_DIR", desktop.env["XDG_RUNTIME_DIR"])
    process = desktop.spawn([str(SMALLWINS), "--data-dir", str(data_dir), "capture"], name="id")
    try:
        [window] = desktop.wait_until(
            lambda: desktop.window_ids("Log a win", only_visible=True),
            timeout=30,
            what="the capture window",
        )
        said = desktop.run(
            [xprop, "-id", str(window), "_GTK_APPLICATION_ID", "_KDE_NET_WM_DESKTOP_FILE"]
        ).stdout
        assert ipc.request(data_dir, {"cmd": "status"}, timeout=2) is not None
    finally:
        desktop.terminate(process)
    assert said.splitlines() == [
        f'_GTK_APPLICATION_ID(UTF8_STRING) = "{APP_ID}"',
        f'_KDE_NET_WM_DESKTOP_FILE(UTF8_STRING) = "{APP_ID}"',
    ]

"""The wheel is enough: built from this checkout, installed with its dependencies into a
fresh venv (no access to this one's packages), and run from a folder outside the checkout,
it answers `--version` and `doctor`, finds its icons and desktop files inside the installed
package, and loads the icons."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from smallwins_desktop import __version__
from smallwins_desktop.resources import APP_ID
from tests.packaging.tools import REPO, Validate, report

BUILD_TIMEOUT_S = 300


@dataclass
class InstalledWheel:
    venv: Path
    cwd: Path
    env: dict[str, str]
    build_s: float

    def run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.venv / "bin" / program), *args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            stdin=subprocess.DEVNULL,
        )


def _checked(argv: list[str]) -> None:
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False
    )
    assert done.returncode == 0, f"{' '.join(argv)}\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def installed(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> InstalledWheel:
    if not (REPO / "pyproject.toml").is_file():
        pytest.skip("needs the source checkout to build the wheel from")
    root = tmp_path_factory.mktemp("wheel")
    started = time.monotonic()
    _checked([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(root), str(REPO)])
    wheels = sorted(root.glob("smallwins_desktop-*.whl"))
    assert len(wheels) == 1, wheels
    venv = root / "venv"
    _checked([sys.executable, "-m", "venv", str(venv)])
    _checked([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheels[0])])
    cwd = root / "elsewhere"
    cwd.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env.update(
        SMALLWINS_DATA_DIR=str(root / "data"),
        XDG_DATA_HOME=str(root / "share"),
        QT_QPA_PLATFORM="offscreen",
        PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
    )
    built = time.monotonic() - started
    report(request.config, f"\nwheel built and installed in a fresh venv in {built:.0f} s")
    return InstalledWheel(venv, cwd, env, built)


def test_the_installed_command_answers_version(installed: InstalledWheel) -> None:
    done = installed.run("smallwins", "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"smallwins {__version__}"


def test_the_installed_doctor_checks_a_new_data_dir(installed: InstalledWheel) -> None:
    done = installed.run("smallwins", "doctor")
    assert done.returncode == 0, done.stdout + done.stderr
    assert installed.env["SMALLWINS_DATA_DIR"] in done.stdout


_LOAD_ICONS = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
import smallwins_desktop
from smallwins_desktop.resources import APP_ID, resource_dir, resource_path
from smallwins_desktop.app.tray.icons import app_icon

app = QApplication([])
icon = app_icon()
image = icon.pixmap(64, 64).toImage()
print(json.dumps({
    "package": smallwins_desktop.__file__,
    "resources": str(resource_dir()),
    "icon_null": icon.isNull(),
    "icon_size": [image.width(), image.height()],
    "opaque_pixels": sum(
        1 for x in range(0, 64, 4) for y in range(0, 64, 4) if image.pixelColor(x, y).alpha() > 0
    ),
    "desktop_files": sorted(p.name for p in resource_path("desktop").iterdir()),
}))
"""


def test_the_icons_load_from_the_installed_package(installed: InstalledWheel) -> None:
    done = installed.run("python", "-c", _LOAD_ICONS)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    site = installed.venv / "lib"
    assert Path(found["package"]).is_relative_to(site), found["package"]
    resources = Path(found["resources"])
    assert resources.is_relative_to(site), resources
    assert not resources.is_relative_to(REPO)
    assert found["icon_null"] is False
    assert found["icon_size"] == [64, 64]
    assert found["opaque_pixels"] > 100  # of 256 sampled: the icon's rounded square
    assert found["desktop_files"] == [f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml"]


def test_the_installed_package_installs_its_desktop_entry(
    installed: InstalledWheel, validate_desktop_entry: Validate
) -> None:
    done = installed.run("smallwins", "install-desktop")
    assert done.returncode == 0, done.stderr
    entry = Path(installed.env["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={installed.venv / 'bin' / 'smallwins'} " in entry.read_text(encoding="utf-8")
    validate_desktop_entry(entry)
    icon = Path(installed.env["XDG_DATA_HOME"]) / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg"
    assert icon.is_file()

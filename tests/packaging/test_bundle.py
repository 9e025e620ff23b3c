"""The PyInstaller one-folder bundle, built from this checkout with packaging/pyinstaller and
run as a user runs it: `--version`, `doctor`, then the tray app on a real desktop (Xvfb,
tray, notification server) with a temp data dir, taking a win over its socket.

The build runs PyInstaller in its own cached venv (build/pyinstaller/venv); it takes about
20 s here, 10 s of it PyInstaller's. Where the desktop stack is not installed the desktop
test is skipped, naming what is missing, unless SMALLWINS_REQUIRE_DESKTOP=1 (CI)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from smallwins_desktop import __version__, ipc
from smallwins_desktop.app.launch import TEST_MODE_ENV, TEST_START_ENV
from smallwins_desktop.resources import APP_ID, resource_path
from tests.e2e.desktop import DesktopSession
from tests.packaging.tools import REPO, report

BUILD = REPO / "packaging" / "pyinstaller" / "build.py"
BUILD_TIMEOUT_S = 900


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """The bundle's `smallwins` executable, freshly built into a temp dist dir."""
    if not BUILD.is_file():
        pytest.skip("needs the source checkout to build the bundle from")
    root = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(BUILD), "--dist", str(root / "dist"), "--work", str(root / "work")],
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
        cwd=root,
    )
    assert done.returncode == 0, f"bundle build failed:\n{done.stdout}\n{done.stderr[-4000:]}"
    report(request.config, f"\nPyInstaller bundle built in {time.monotonic() - started:.0f} s")
    executable = root / "dist" / "smallwins" / "smallwins"
    assert executable.is_file()
    return executable


def _run(bundle: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
        cwd=bundle.parent.parent,  # outside the checkout
        stdin=subprocess.DEVNULL,
    )


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}


def test_the_bundle_answers_version_and_doctor(bundle: Path, data_dir: Path) -> None:
    env = _clean_env()
    done = _run(bundle, "--version", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"smallwins {__version__}"

    done = _run(bundle, "doctor", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert str(data_dir) in done.stdout
    assert "Integrity:       ok" in done.stdout


def test_the_bundle_installs_a_desktop_entry_that_starts_the_bundle(
    bundle: Path, data_home: Path
) -> None:
    env = {k: v for k, v in _clean_env().items() if k != "SMALLWINS_DATA_DIR"}
    done = _run(bundle, "install-desktop", env=env)
    assert done.returncode == 0, done.stderr
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    assert f"\nExec={bundle}\n" in entry.read_text(encoding="utf-8")
    icon = data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert icon.read_bytes() == resource_path("icons", "smallwins.svg").read_bytes()


def _reminders_off(data_dir: Path) -> None:
    """The app runs on the wall clock: no real end-of-day reminder may pop up mid-test."""
    from smallwins_desktop.core import config
    from smallwins_desktop.core.db import open_store

    now = datetime.now().astimezone()
    with open_store(data_dir, now=now) as store:
        for rule in ("end_of_day", "weekly_review"):
            config.put(store, f"reminders.{rule}.enabled", False, now=now)


@pytest.mark.e2e
def test_the_bundle_runs_the_tray_app_and_saves_a_win_sent_over_its_socket(
    bundle: Path, desktop: DesktopSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "bundle-data"
    _reminders_off(data_dir)
    # This test process looks for the app's socket where the app (on the desktop) puts it.
    monkeypatch.setenv("XDG_RUNTIME_DIR", desktop.env["XDG_RUNTIME_DIR"])
    morning = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    env = {
        **desktop.env,
        TEST_MODE_ENV: "1",
        TEST_START_ENV: morning.isoformat(),
        "PYTHONPATH": "",
    }
    process = desktop.spawn(
        [str(bundle), "--data-dir", str(data_dir), "--background"], name="bundle", env=env
    )
    try:
        status = desktop.wait_until(
            lambda: ipc.request(data_dir, {"cmd": "status"}, timeout=2),
            timeout=30,
            what="the bundled app to answer",
        )
        assert status["pid"] == process.pid, desktop.log_text("bundle")
        assert status["tray"] is True, desktop.log_text("bundle")
        assert status["wins_today"] == 0

        win_id = str(uuid.uuid4())
        reply = ipc.request(
            data_dir, {"cmd": "add", "text": "Shipped the bundle #release", "id": win_id}
        )
        assert reply is not None
        assert reply.get("ok") is True, reply
        assert reply["message"] == "Saved: Shipped the bundle #release"

        after = ipc.request(data_dir, {"cmd": "status"}, timeout=2)
        assert after is not None
        assert after["wins_today"] == 1
        assert after["tooltip"] == "Small Wins — 1 win today"
    finally:
        code = desktop.terminate(process)
    assert code == 0, desktop.log_text("bundle")

    # `restore --start` (what the journal's Restore does) starts the bundle itself again.
    taken = desktop.run([str(bundle), "--data-dir", str(data_dir), "backup"], env=env)
    assert taken.stdout.startswith("Backed up to"), taken.stdout
    # Its output goes to a file: the app it starts keeps the same stdout open.
    output = tmp_path / "restore.log"
    with output.open("wb") as out:
        restored = subprocess.run(
            [str(bundle), "--data-dir", str(data_dir), "restore", "--start"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=60,
            check=False,
        )
    said = output.read_text(errors="replace")
    assert restored.returncode == 0, said
    assert said.startswith("Restored"), said
    again = desktop.wait_until(
        lambda: ipc.request(data_dir, {"cmd": "status"}, timeout=2),
        timeout=30,
        what="the bundle that restore --start started to answer",
    )
    try:
        assert again["pid"] != process.pid
        assert again["wins_today"] == 1
    finally:
        os.kill(again["pid"], signal.SIGTERM)  # started by restore, not by the desktop
    desktop.wait_until(
        lambda: ipc.request(data_dir, {"cmd": "status"}, timeout=2) is None,
        timeout=15,
        what="the restarted bundle to quit",
    )

    # The win is in the database file, as this checkout's code reads it.
    from smallwins_desktop.core import queries
    from smallwins_desktop.core.db import open_store

    with open_store(data_dir, now=datetime.now().astimezone()) as store:
        found = [(w.uuid, w.text, w.tags, w.source) for w in queries.list_wins(store)]
    assert found == [(win_id, "Shipped the bundle", ("release",), "cli")]

"""What the idle app holds in memory, on the real desktop: the running app, once its start-up
is over (the rest built, the shortcut registered), is asked what it has loaded; then again once
the capture box has been shown. Each check guards a saving that `make bench` measures (memory
while idle)."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from smallwins_desktop.app.launch import TEST_MODE_ENV, TEST_START_ENV

try:  # tests/e2e as a package
    from .desktop import DesktopSession
    from .running_app import RunningApp
except ImportError:  # rootdir-relative import of a directory without __init__.py
    from desktop import DesktopSession
    from running_app import RunningApp

# `smallwins`, saying on SIGUSR1 what it holds.
_REPORTING_LAUNCH = """
import json, linecache, signal, sys
from pathlib import Path
from smallwins_desktop.app import launch
def report(*_):
    sources = {name: len(entry[2]) for name, entry in linecache.cache.items() if len(entry) > 2}
    maps = open("/proc/self/maps").read()
    report = {"sources": sources, "modules": sorted(sys.modules), "maps": maps}
    print("REPORT", json.dumps(report), flush=True)
signal.signal(signal.SIGUSR1, report)
sys.exit(launch.run_app(Path(sys.argv[1])))
"""


@pytest.fixture(scope="module")
def reports(
    desktop: DesktopSession, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """The reports of an app left alone after it started (as `make bench` measures it),
    "idle", and of the same app once it has shown the capture box, "captured"."""
    before = os.environ.get("XDG_RUNTIME_DIR")
    os.environ["XDG_RUNTIME_DIR"] = desktop.env["XDG_RUNTIME_DIR"]  # the app's socket
    data_dir = tmp_path_factory.mktemp("idle") / "data"
    app = RunningApp(desktop, data_dir)
    app._reminders_off()
    morning = datetime.now().astimezone().replace(hour=10, minute=0, second=0, microsecond=0)
    env = {**desktop.env, TEST_MODE_ENV: "1", TEST_START_ENV: morning.isoformat()}
    process = desktop.spawn(
        [sys.executable, "-c", _REPORTING_LAUNCH, str(data_dir)], name="idle-app", env=env
    )

    def report(number: int) -> Any:
        os.kill(process.pid, signal.SIGUSR1)
        lines = desktop.wait_until(
            lambda: [x for x in log().splitlines() if x.startswith("REPORT ")][number:] or None,
            what="the app's report",
        )
        return json.loads(lines[0].removeprefix("REPORT "))

    def log() -> str:
        return desktop.log_text("idle-app")

    try:
        status = desktop.wait_until(app.status, timeout=20, what="the app to answer")
        assert status["tray"] is True, log()
        desktop.wait_until(lambda: app.status()["shortcut"], what="the shortcut registered")
        idle = report(0)
        assert app.cli("capture").returncode == 0, log()
        desktop.wait_until(lambda: app.status()["capture_visible"], what="the capture box")
        yield {"idle": idle, "captured": report(1)}
    finally:
        desktop.terminate(process)
        if before is None:
            os.environ.pop("XDG_RUNTIME_DIR", None)
        else:
            os.environ["XDG_RUNTIME_DIR"] = before


@pytest.mark.parametrize("when", ["idle", "captured"])
def test_the_app_keeps_no_source_text_of_the_modules_it_imported(
    reports: dict[str, Any], when: str
) -> None:
    """PySide6 reads each module's source as it is imported (~6 MiB if kept): none is kept."""
    assert reports[when]["sources"] == {}


def test_the_idle_app_has_not_built_the_capture_box(reports: dict[str, Any]) -> None:
    """The box, and Qt's fonts and style it is the first to need, cost ~7 MiB: it is built
    when it is first asked for."""
    assert "smallwins_desktop.app.capture.window" not in reports["idle"]["modules"]


def test_the_capture_box_does_not_load_the_journals_timeline(reports: dict[str, Any]) -> None:
    """The capture box describes a win with `journal.words`; the timeline's model, delegate
    and the Qt classes they use wait for the journal window."""
    modules = reports["captured"]["modules"]
    assert "smallwins_desktop.app.capture.window" in modules
    assert "smallwins_desktop.app.journal.timeline" not in modules


def test_the_idle_app_listens_on_its_socket_without_qtnetwork(reports: dict[str, Any]) -> None:
    """QtNetwork and the Kerberos libraries it links cost ~3 MiB for one local socket: on
    Unix the socket is a plain one on Qt's loop (`app/local_socket.py`)."""
    assert "PySide6.QtNetwork" not in reports["captured"]["modules"]


@pytest.mark.parametrize("when", ["idle", "captured"])
def test_the_app_does_not_load_openssl(reports: dict[str, Any], when: str) -> None:
    """peewee imports hashlib, which would load libcrypto (~3.3 MiB) for one md5: hashlib
    uses CPython's own digests in the app (`hashes.py`)."""
    assert "libcrypto" not in reports[when]["maps"]
    assert "peewee" in reports[when]["modules"]


def test_the_idle_app_waits_for_a_notification_to_load_html(reports: dict[str, Any]) -> None:
    """Its entities table (~0.5 MiB) escapes a notification's text for servers that read
    markup: loaded when the first notification is sent."""
    assert "html" not in reports["idle"]["modules"]


def test_the_idle_app_has_the_store_loaded(reports: dict[str, Any]) -> None:
    """The report is of a started app (what the checks above would miss otherwise)."""
    modules = set(reports["idle"]["modules"])
    assert {"peewee", "smallwins_desktop.app.ipc_server", "Xlib.display"} <= modules

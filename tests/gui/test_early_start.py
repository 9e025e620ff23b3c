"""The start-up that shows the tray icon before the store is open (`launch._EarlyStart`): the
icon is usable at once, and a start that fails leaves no icon behind."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from smallwins_desktop import ipc
from smallwins_desktop.app import launch
from smallwins_desktop.core.clock import FixedClock


@pytest.fixture
def early(data_dir: Path, clock: FixedClock, qapp: QApplication) -> Iterator[launch._EarlyStart]:
    started = launch._EarlyStart(
        launch._Launch(qapp, data_dir, clock, show=None, background=False), wins_today=0
    )
    assert started.show()
    yield started
    # The test's application lives on: what these connected to its quit goes with them.
    qapp.aboutToQuit.disconnect(started._quit_before_built)
    if started._app is not None:
        qapp.aboutToQuit.disconnect(started._app.shutdown)
        started._app.shutdown()
    started._quit_before_built()


def test_a_click_on_the_icon_before_the_app_is_built_opens_the_capture_box(
    early: launch._EarlyStart, qtbot: QtBot
) -> None:
    assert early._app is None  # the icon alone, as in the first 150 ms
    early._tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)

    app = early._app
    assert app is not None
    qtbot.addWidget(app.capture)
    assert app.capture.isVisible()


def test_the_menu_builds_the_app_before_it_opens(early: launch._EarlyStart, qtbot: QtBot) -> None:
    early._tray.menu.aboutToShow.emit()

    app = early._app
    assert app is not None
    app.tray.journal_action.trigger()  # connected by now: the journal opens
    window = app._journal_window
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()


def test_a_request_before_the_app_is_built_is_answered(
    early: launch._EarlyStart, data_dir: Path, qtbot: QtBot
) -> None:
    from tests.qt_app import ask

    reply = ask(qtbot, data_dir, {"cmd": "status"})
    assert reply is not None
    assert reply["ok"]
    assert reply["tray"] is True


def test_a_start_that_fails_after_the_icon_leaves_no_icon_and_says_why(
    tmp_path: Path, clock: FixedClock, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data dir that cannot be made (here: under a file) fails once the icon is up."""
    (tmp_path / "a-file").write_text("not a directory")
    data_dir = tmp_path / "a-file" / "data"
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: told.append(text))
    exits: list[int] = []  # the tests' application must go on running
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    started = launch._EarlyStart(
        launch._Launch(qapp, data_dir, clock, show=None, background=False), wins_today=0
    )
    assert started.show()
    assert started._tray.icon.isVisible()

    started.build()
    qapp.aboutToQuit.disconnect(started._quit_before_built)

    assert started._app is None
    assert not started._tray.icon.isVisible()
    assert not started._server.listening
    assert ipc.request(data_dir, {"cmd": "ping"}) is None
    assert exits == [1]
    [message] = told
    assert message.startswith("Small Wins could not start: Not a directory")


def test_smallwins_with_a_data_dir_it_cannot_make_says_so_in_one_line(tmp_path: Path) -> None:
    """`smallwins` starts the app without the CLI, but says such errors as the CLI does."""
    import os
    import subprocess
    import sys

    (tmp_path / "a-file").write_text("not a directory")
    smallwins = Path(sys.executable).with_name("smallwins")
    done = subprocess.run(
        [str(smallwins), "--data-dir", str(tmp_path / "a-file" / "data")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)},
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        f"smallwins: Not a directory: {tmp_path / 'a-file' / 'data'}"
    )
    assert "Traceback" not in done.stderr

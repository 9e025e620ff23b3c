"""The composed app: tray state, the no-tray fallback, noticing other processes, and IPC."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from smallwins_desktop import ipc
from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.core import queries
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from tests.qt_app import ask, started_app

SMALLWINS = str(Path(sys.executable).with_name("smallwins"))


@pytest.fixture
def app(store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot) -> Iterator[SmallWinsApp]:
    with started_app(store, clock, data_dir, qtbot) as app:
        yield app


def test_tray_shows_an_empty_ring_until_the_first_win_of_the_day(app: SmallWinsApp) -> None:
    assert app.tray is not None
    assert not app.tray.has_win_today
    assert app.tray.icon.toolTip() == "Small Wins — No wins yet today"

    app.journal.add_line("First thing done", source="capture")

    assert app.tray.has_win_today
    assert app.tray.icon.toolTip() == "Small Wins — 1 win today"
    assert app.tray.count_action.text() == "1 win today"


def test_tooltip_names_the_streak_of_workdays(app: SmallWinsApp, clock: FixedClock) -> None:
    # 2026-11-20 is a Friday; Thursday and Wednesday had wins too.
    for line in ("wed: One", "thu: Two", "Three", "Four"):
        app.journal.add_line(line, source="cli")
    assert app.tray is not None
    assert app.tray.icon.toolTip() == "Small Wins — 2 wins today · 3 workdays in a row"


def test_tray_menu_has_the_actions_and_names_no_shortcut_that_is_not_registered(
    app: SmallWinsApp,
) -> None:
    assert app.tray is not None
    texts = [a.text() for a in app.tray.menu.actions() if not a.isSeparator()]
    assert texts[0] == "Log a win…"
    assert app.tray.capture_action.shortcut().isEmpty()  # nothing is registered offscreen
    assert "Open journal" in texts
    assert "Settings…" in texts
    assert "Quit Small Wins" in texts
    assert not app.tray.count_action.isEnabled()


def test_the_tray_shows_the_capture_shortcut_only_while_it_is_registered(
    app: SmallWinsApp,
) -> None:
    assert app.tray is not None
    app.tray.set_capture_shortcut("Ctrl+Alt+W")
    assert app.tray.capture_action.shortcut().toString() == "Ctrl+Alt+W"
    app.tray.set_capture_shortcut(None)
    assert app.tray.capture_action.shortcut().isEmpty()


def test_tray_click_opens_the_capture_window(app: SmallWinsApp, qtbot: QtBot) -> None:
    assert app.tray is not None
    app.tray.capture_action.trigger()
    qtbot.waitExposed(app.capture)
    assert app.capture.isVisible()


def test_without_a_tray_a_small_window_offers_the_same_actions_and_says_why(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> None:
    app = SmallWinsApp(store, clock, data_dir, tray_available=False)
    assert app.fallback is not None
    qtbot.addWidget(app.fallback)
    qtbot.addWidget(app.capture)
    try:
        assert app.start()
        app.finish_start()
        assert app.tray is None
        assert app.fallback.isVisible()
        assert (
            "no system tray" in app.fallback.findChildren(type(app.fallback.count_label))[0].text()
        )
        app.journal.add_line("Works without a tray", source="capture")
        assert app.fallback.count_label.text() == "1 win today"
        assert not app.fallback.attention
        app.scheduler.tick_failed.emit("the database is locked")  # reminders need attention
        assert app.fallback.attention
        app.scheduler.tick_recovered.emit()
        assert not app.fallback.attention
    finally:
        app.shutdown()


def test_a_win_written_by_another_process_updates_the_tray(
    app: SmallWinsApp, data_dir: Path
) -> None:
    app.ipc.close()  # make `smallwins add` write the database itself, as another process
    subprocess.run(
        [SMALLWINS, "--data-dir", str(data_dir), "add", "2026-11-20: From the terminal"],
        check=True,
        capture_output=True,
    )
    assert app.tray is not None
    assert not app.tray.has_win_today
    app.journal.check_for_changes()  # what the poll timer calls every few seconds
    assert app.tray.has_win_today


def test_the_day_rolling_over_empties_the_ring(app: SmallWinsApp, clock: FixedClock) -> None:
    from datetime import timedelta

    app.journal.add_line("Before midnight", source="capture")
    assert app.tray is not None
    assert app.tray.has_win_today
    clock.advance(timedelta(days=1))
    app.journal.check_for_changes()
    assert not app.tray.has_win_today


def test_ipc_add_saves_through_the_running_app_and_updates_the_tray(
    app: SmallWinsApp, store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    reply = ask(qtbot, data_dir, {"cmd": "add", "text": "Handed over #ipc !!"})
    assert reply is not None
    assert reply["ok"], reply
    assert reply["message"] == "Saved: Handed over #ipc !!"
    [win] = queries.list_wins(store)
    assert (win.text, win.source) == ("Handed over", "cli")
    assert app.tray is not None
    assert app.tray.has_win_today


def test_ipc_add_with_empty_text_answers_an_error(
    app: SmallWinsApp, store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    reply = ask(qtbot, data_dir, {"cmd": "add", "text": "   "})
    assert reply == {"v": 1, "ok": False, "error": "Nothing to save: write what moved forward."}
    assert queries.list_wins(store) == []


def test_ipc_show_capture_presents_the_window(
    app: SmallWinsApp, data_dir: Path, qtbot: QtBot
) -> None:
    assert ask(qtbot, data_dir, {"cmd": "show_capture"}) == {"v": 1, "ok": True}
    assert app.capture.isVisible()


def test_ipc_show_journal_opens_the_journal_window_once(
    app: SmallWinsApp, data_dir: Path, qtbot: QtBot
) -> None:
    from smallwins_desktop.app.journal.window import JournalWindow

    assert ask(qtbot, data_dir, {"cmd": "show_journal"}) == {"v": 1, "ok": True}
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, JournalWindow)]
    assert window.isVisible()
    window.close()
    assert ask(qtbot, data_dir, {"cmd": "show_journal"}) == {"v": 1, "ok": True}
    again = [w for w in QApplication.topLevelWidgets() if isinstance(w, JournalWindow)]
    assert again == [window]  # built once, shown again
    assert window.isVisible()
    window.close()


@pytest.mark.parametrize(
    ("payload", "error"),
    [
        (b"this is not json\n", "not JSON"),
        (b"[1, 2]\n", "expected a JSON object"),
        (b'{"v": 99, "cmd": "ping"}\n', "unsupported protocol version"),
        (b'{"v": 1, "cmd": "format-disk"}\n', "unknown command"),
        (b"\xff\xfe\n", "not JSON"),
    ],
)
def test_bad_ipc_data_is_answered_with_an_error_and_the_app_keeps_serving(
    app: SmallWinsApp, data_dir: Path, qtbot: QtBot, payload: bytes, error: str
) -> None:
    import socket

    replies: list[bytes] = []

    def send_raw() -> None:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(5)
            sock.connect(ipc.socket_name(data_dir))
            sock.sendall(payload)
            replies.append(sock.recv(4096))

    thread = threading.Thread(target=send_raw)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5_000)
    thread.join()
    reply = ipc.decode(replies[0].split(b"\n")[0])
    assert reply["ok"] is False
    assert error in reply["error"]
    assert ask(qtbot, data_dir, {"cmd": "ping"}) == {"v": 1, "ok": True}


def test_a_stale_socket_from_a_crashed_instance_is_replaced(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> None:
    name = Path(ipc.socket_name(data_dir))
    ipc.prepare_socket_dir(str(name))
    name.write_bytes(b"")  # what a kill -9 leaves behind: a path nobody listens on
    assert ipc.request(data_dir, {"cmd": "ping"}) is None

    app = SmallWinsApp(store, clock, data_dir, tray_available=True)
    qtbot.addWidget(app.capture)
    try:
        assert app.start()
        app.finish_start()
        assert ask(qtbot, data_dir, {"cmd": "ping"}) == {"v": 1, "ok": True}
    finally:
        app.shutdown()


def test_socket_dir_is_private(app: SmallWinsApp, data_dir: Path) -> None:
    directory = Path(ipc.socket_name(data_dir)).parent
    assert directory.stat().st_mode & 0o777 == 0o700


def test_show_capture_hands_the_forwarded_wayland_token_to_qt_while_the_window_shows(
    app: SmallWinsApp, data_dir: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN", raising=False)
    seen: list[str | None] = []
    app.capture.presented.connect(lambda: seen.append(os.environ.get("XDG_ACTIVATION_TOKEN")))

    reply = ask(qtbot, data_dir, {"cmd": "show_capture", "activation_token": "token-from-kde"})

    assert reply == {"v": 1, "ok": True}
    assert seen == ["token-from-kde"]
    assert "XDG_ACTIVATION_TOKEN" not in os.environ


def test_the_hand_over_forwards_the_launchers_activation_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_ACTIVATION_TOKEN", "abc")
    assert ipc.show_window_message("show_capture") == {
        "cmd": "show_capture",
        "activation_token": "abc",
    }
    monkeypatch.delenv("XDG_ACTIVATION_TOKEN")
    assert ipc.show_window_message("show_capture") == {"cmd": "show_capture"}


def test_settings_data_page_backs_up_now_and_opens_export_and_import(
    app: SmallWinsApp, store: Store, qtbot: QtBot
) -> None:
    from smallwins_desktop.core.db import list_backups

    app.journal.add_line("Worth keeping", source="cli")
    app.open_settings()
    window = app._settings_window
    assert window is not None
    page = window.data
    before = set(list_backups(store.backups))
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    made = set(list_backups(store.backups)) - before
    assert len(made) == 1
    assert page.note.isVisibleTo(page)
    assert str(next(iter(made))) in page.note.text()
    for button in (page.export_button, page.import_button):
        assert button.accessibleName()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialogs = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and "— Small Wins" in w.windowTitle()
    ]
    titles = {w.windowTitle() for w in dialogs}
    assert any(t.startswith("Export") for t in titles)
    assert any(t.startswith("Import") for t in titles)
    for dialog in dialogs:
        dialog.close()


def test_smallwins_add_hands_the_win_over_without_loading_the_cli_or_peewee(
    app: SmallWinsApp, store: Store, data_dir: Path, qtbot: QtBot
) -> None:
    import subprocess
    import sys
    import threading

    script = (
        "import sys\n"
        f"sys.argv = ['smallwins', '--data-dir', {str(data_dir)!r}, "
        "'add', 'Handed', 'over', '#fast']\n"
        "from smallwins_desktop.entry import main\n"
        "code = main()\n"
        "heavy = {m.split('.')[0] for m in sys.modules} & {'argparse', 'peewee', 'PySide6'}\n"
        "heavy = sorted(heavy)\n"
        "print('loaded:', heavy, 'code:', code)\n"
    )
    done: list[subprocess.CompletedProcess[str]] = []
    thread = threading.Thread(
        target=lambda: done.append(
            subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
        )
    )
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)
    [result] = done
    assert result.returncode == 0, result.stderr
    assert "Saved: Handed over #fast" in result.stdout
    assert "loaded: [] code: 0" in result.stdout
    [win] = queries.list_wins(store)
    assert (win.text, win.tags, win.source) == ("Handed over", ("fast",), "cli")


def test_the_journal_opens_the_reflection_and_the_weekly_review(
    app: SmallWinsApp, qtbot: QtBot
) -> None:
    from smallwins_desktop.app.reflection.review import WeeklyReviewWindow
    from smallwins_desktop.app.reflection.window import ReflectionWindow

    app.open_journal()
    window = app._journal_window
    assert window is not None
    window.reflect_action.trigger()
    window.review_action.trigger()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert any(isinstance(w, ReflectionWindow) for w in shown)
    assert any(isinstance(w, WeeklyReviewWindow) for w in shown)
    for w in shown:
        w.close()


def test_the_journal_windows_code_loads_on_first_use_not_at_start() -> None:
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "import smallwins_desktop.app.application\n"
        "late = ['journal.window', 'journal.heatmap', 'journal.goals_view', 'settings.dialog',"
        " 'reflection.window', 'reflection.review']\n"
        "print([m for m in late if 'smallwins_desktop.app.' + m in sys.modules])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert done.stdout.strip() == "[]"


_FIRST_THE_ICON = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
qapp = QApplication([])
from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.core.clock import SystemClock
from smallwins_desktop.core.db import open_store
LATE = ["app.capture.window", "app.notify.notifier", "app.reminders.controller",
        "app.reminders.scheduler", "app.hotkey.service", "app.backup_timer", "app.ipc_commands"]
def loaded():
    return [m for m in LATE if "smallwins_desktop." + m in sys.modules]
data_dir = Path(sys.argv[1])
store = open_store(data_dir)
app = SmallWinsApp(store, SystemClock(), data_dir, tray_available=True)
app.journal.add_line("Shipped the first draft", source="capture")
assert app.start()
print("ICON", app.tray.icon.isVisible(), app.tray.has_win_today, loaded())
def ready():
    print("READY", loaded(), app.scheduler.next_wait_ms is not None)
    app.shutdown()
    qapp.quit()
app.ready.connect(ready)
sys.exit(qapp.exec())
"""


def test_the_tray_icon_shows_with_todays_state_before_the_rest_of_the_app_loads(
    tmp_path: Path,
) -> None:
    """The icon is on screen, filled for a day with a win, while the capture box, reminders,
    notifications, the shortcut and backups are not even imported; the loop then builds them
    (the capture box a little later still)."""
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_THE_ICON, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    icon, ready = [line for line in done.stdout.splitlines() if line.startswith(("ICON", "READY"))]
    assert icon == "ICON True True []"
    built = "'app.notify.notifier', 'app.reminders.controller', 'app.reminders.scheduler', "
    built += "'app.hotkey.service', 'app.backup_timer', 'app.ipc_commands'"
    assert ready == f"READY [{built}] True"


def test_a_request_before_the_app_is_ready_is_answered_by_the_whole_app(
    store: Store, clock: FixedClock, data_dir: Path, qtbot: QtBot
) -> None:
    app = SmallWinsApp(store, clock, data_dir, tray_available=True)
    try:
        assert app.start()
        assert not app._finished
        reply = ask(qtbot, data_dir, {"cmd": "status"})
        assert reply is not None
        assert reply["ok"]
        assert reply["next_reminder_in_ms"] is not None
        assert app._finished
    finally:
        app.shutdown()

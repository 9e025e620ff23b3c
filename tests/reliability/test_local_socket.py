"""The Unix end of the single-instance socket (`app/local_socket.py`), where it differs from a
blocking socket: lines that come in pieces, replies bigger than the socket's buffer, and the
socket file itself."""

from __future__ import annotations

import json
import os
import socket
import stat
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop import ipc
from smallwins_desktop.app.ipc_server import IpcServer
from tests.qt_app import ask

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix sockets")

BIG = 4 * 1024 * 1024  # far more than a Unix socket buffers


@pytest.fixture
def server(data_dir: Path) -> Iterator[IpcServer]:
    server = IpcServer(
        ipc.socket_name(data_dir),
        {
            "echo": lambda m: {"ok": True, "text": m["text"]},
            "big": lambda _: {"ok": True, "text": "x" * BIG},
        },
    )
    assert server.listen()
    yield server
    server.close()


def _connect(name: str) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(10)
    sock.connect(name)
    return sock


def _read_reply(sock: socket.socket) -> dict[str, object]:
    data = b""
    while not data.endswith(b"\n"):
        chunk = sock.recv(65536)
        assert chunk, f"closed after {len(data)} bytes"
        data += chunk
    reply: dict[str, object] = json.loads(data)
    return reply


def test_a_line_that_comes_in_pieces_is_answered_once_it_is_whole(
    server: IpcServer, qtbot: QtBot
) -> None:
    line = ipc.encode({"cmd": "echo", "text": "in three pieces"})
    sock = _connect(server.name)
    replies: list[dict[str, object]] = []

    def send_in_pieces() -> None:
        for piece in (line[:5], line[5:20], line[20:]):
            sock.sendall(piece)
        replies.append(_read_reply(sock))

    thread = threading.Thread(target=send_in_pieces)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    sock.close()
    assert replies == [{"v": 1, "ok": True, "text": "in three pieces"}]


def test_a_reply_bigger_than_the_socket_buffer_waits_for_its_reader_without_blocking_the_app(
    server: IpcServer, data_dir: Path, qtbot: QtBot
) -> None:
    slow = _connect(server.name)
    slow.sendall(ipc.encode({"cmd": "big"}))  # and reads nothing yet
    qtbot.waitUntil(lambda: server.client_count() == 1)
    # The app still answers others while most of that reply waits in memory.
    assert ask(qtbot, data_dir, {"cmd": "echo", "text": "meanwhile"}) == {
        "v": 1,
        "ok": True,
        "text": "meanwhile",
    }
    replies: list[dict[str, object]] = []
    thread = threading.Thread(target=lambda: replies.append(_read_reply(slow)))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)
    slow.close()
    assert len(replies) == 1
    assert replies[0]["text"] == "x" * BIG


def test_a_client_that_streams_without_a_newline_is_told_and_cut_off(
    server: IpcServer, data_dir: Path, qtbot: QtBot
) -> None:
    sock = _connect(server.name)
    outcome: list[object] = []

    def stream() -> None:
        try:
            for _ in range(256):  # 16 MiB, far past the limit, and never a newline
                sock.sendall(b"x" * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass
        outcome.append(_read_reply(sock))
        try:  # hung up on: the unread rest of the stream makes it a reset
            outcome.append(sock.recv(1) or "closed")
        except ConnectionResetError:
            outcome.append("closed")

    thread = threading.Thread(target=stream)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=20_000)
    sock.close()
    assert outcome == [{"v": 1, "ok": False, "error": "message too long"}, "closed"]
    assert ask(qtbot, data_dir, {"cmd": "echo", "text": "still here"}) == {
        "v": 1,
        "ok": True,
        "text": "still here",
    }


def test_the_socket_file_is_the_users_alone_and_goes_when_the_app_stops_listening(
    server: IpcServer,
) -> None:
    path = Path(server.name)
    assert stat.S_ISSOCK(path.stat().st_mode)
    assert path.stat().st_mode & 0o077 == 0
    server.close()
    assert not path.exists()
    assert not server.listening


def _connect_from_a_thread(
    qtbot: QtBot, name: str, count: int, *, hang_up: bool
) -> list[socket.socket]:
    """`count` clients, made while the loop runs; with `hang_up`, each is gone at once."""
    held: list[socket.socket] = []

    def run() -> None:
        for _ in range(count):
            sock = _connect(name)
            if hang_up:
                sock.close()
            else:
                held.append(sock)

    thread = threading.Thread(target=run)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    return held


def test_a_client_turned_away_as_busy_that_is_already_gone_is_deleted(
    server: IpcServer, qtbot: QtBot
) -> None:
    """Refusing it may find it gone while writing the reply: it must still be deleted, not
    kept (with its two notifiers) for the life of the app."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from smallwins_desktop.app.ipc_server import MAX_CLIENTS
    from smallwins_desktop.app.local_socket import LocalSocket

    held = _connect_from_a_thread(qtbot, server.name, MAX_CLIENTS, hang_up=False)
    qtbot.waitUntil(lambda: server.client_count() == MAX_CLIENTS)
    _connect_from_a_thread(qtbot, server.name, 20, hang_up=True)

    def all_turned_away() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        kept = [c for c in server.findChildren(LocalSocket)]
        return len(kept) <= MAX_CLIENTS

    try:
        qtbot.waitUntil(all_turned_away, timeout=10_000)
    finally:
        for sock in held:
            sock.close()


def test_the_app_is_found_again_after_its_socket_file_was_removed(
    server: IpcServer, data_dir: Path, qtbot: QtBot
) -> None:
    """A cleaner of old files in /tmp (where the runtime dir falls back to) or the user took
    the socket's directory: the watchdog listens again, so `capture` still finds the app."""
    import shutil

    shutil.rmtree(Path(server.name).parent)
    server.check_listening()  # what the watchdog runs every few seconds
    assert ask(qtbot, data_dir, {"cmd": "ping"}) == {"v": 1, "ok": True}


def test_listening_with_no_descriptor_left_fails_and_says_why(tmp_path: Path) -> None:
    import resource

    from smallwins_desktop.app.local_socket import LocalServer

    server = LocalServer()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    opened: list[int] = []
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
    try:
        while True:
            opened.append(os.open(os.devnull, os.O_RDONLY))
    except OSError:
        listened = server.listen(str(tmp_path / "full.sock"))
    finally:
        for fd in opened:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert listened is False
    assert "Too many open files" in server.errorString()

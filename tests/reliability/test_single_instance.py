"""One instance per data dir, and nobody else on its socket.

On the old code `IpcServer.listen` unlinked whatever socket was at its path, a live
server's included, so two apps started together both ran (two trays, two schedulers); and
the socket dir was used without checking who owns it, so another local user who created it
first received the text of every `smallwins add`.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop import ipc
from smallwins_desktop.app.application import SmallWinsApp
from smallwins_desktop.app.ipc_server import IpcServer
from smallwins_desktop.core.clock import FixedClock
from smallwins_desktop.core.db import Store
from tests.qt_app import ask, started_app


@pytest.fixture
def app(store: Store, data_dir: Path, qtbot: QtBot) -> Iterator[SmallWinsApp]:
    clock = FixedClock(datetime(2026, 11, 20, 15, 30, tzinfo=timezone.utc))
    with started_app(store, clock, data_dir, qtbot) as app:
        yield app


def test_a_second_server_does_not_take_over_a_live_socket(
    app: SmallWinsApp, data_dir: Path, qtbot: QtBot
) -> None:
    second = IpcServer(ipc.socket_name(data_dir), {})
    result: list[bool] = []
    # The probe is a blocking client call; the live server answers from this thread's loop.
    thread = threading.Thread(target=lambda: result.append(second.listen()))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5_000)

    assert result == [False]
    assert Path(ipc.socket_name(data_dir)).exists()
    assert ask(qtbot, data_dir, {"cmd": "ping"}) == {"v": 1, "ok": True}


def test_a_live_instance_too_busy_to_answer_keeps_its_socket(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An instance still building itself (its icon up, its store opening) takes the
    connection but answers late: a second start must not take its socket over."""
    from smallwins_desktop.app import ipc_server

    monkeypatch.setattr(ipc_server, "PROBE_TIMEOUT_S", 0.2)
    name = ipc.socket_name(data_dir)
    ipc.prepare_socket_dir(name)
    busy = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    busy.bind(name)
    busy.listen(1)  # accepts (the kernel does), never answers
    try:
        assert ipc.is_alive(name, timeout=0.2)
        assert not IpcServer(name, {}).listen()
        assert Path(name).exists()
    finally:
        busy.close()
    assert not ipc.is_alive(name, timeout=0.2)  # gone: its file alone refuses connections


def test_a_stale_socket_nobody_answers_on_is_replaced(data_dir: Path, qtbot: QtBot) -> None:
    name = ipc.socket_name(data_dir)
    ipc.prepare_socket_dir(name)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)
    stale.close()  # the file stays, as after kill -9

    server = IpcServer(name, {})
    try:
        assert server.listen()
        assert ask(qtbot, data_dir, {"cmd": "ping"}) == {"v": 1, "ok": True}
    finally:
        server.close()


@pytest.mark.skipif(os.name == "nt", reason="POSIX ownership")
def test_a_socket_dir_open_to_others_is_refused_and_nothing_is_sent(data_dir: Path) -> None:
    name = ipc.socket_name(data_dir)
    directory = Path(name).parent
    directory.mkdir(parents=True, exist_ok=True)
    # Someone else's listener, in a dir anyone may enter.
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(name)
    listener.listen(1)
    directory.chmod(0o777)
    try:
        with pytest.raises(ipc.UnsafeSocketDirError, match="open to other users"):
            ipc.check_socket_dir(directory)
        assert ipc.request(data_dir, {"cmd": "add", "text": "private"}, timeout=1) is None
        listener.settimeout(0.2)
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()
        directory.chmod(0o700)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_a_socket_dir_owned_by_another_user_is_refused(data_dir: Path) -> None:
    name = ipc.socket_name(data_dir)
    directory = Path(name).parent
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chown(directory, 65534, 65534)
    try:
        with pytest.raises(ipc.UnsafeSocketDirError, match="another user"):
            ipc.prepare_socket_dir(name)
    finally:
        os.chown(directory, os.getuid(), os.getgid())

"""Nobody can take the single-instance socket away, or listen in on it.

On the old code, holding connections until the app ran out of file descriptors made Qt close
the listening socket and remove its file without a word (the next `smallwins` started a
second tray); without $XDG_RUNTIME_DIR the socket went into a predictable
`/tmp/smallwins-<uid>` that another user could create first; and neither end asked who was
at the other one.
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from smallwins_desktop import ipc, paths
from smallwins_desktop.app import ipc_server
from smallwins_desktop.app.ipc_server import MAX_CLIENTS, IpcServer
from smallwins_desktop.core import queries
from smallwins_desktop.core.db import open_store
from tests.qt_app import ask

NOBODY = 65534
as_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="acting as another user needs root"
)


@pytest.fixture
def server(data_dir: Path) -> Iterator[IpcServer]:
    server = IpcServer(
        ipc.socket_name(data_dir), {"echo": lambda m: {"ok": True, "text": m["text"]}}
    )
    assert server.listen()
    yield server
    server.close()


@pytest.fixture
def few_descriptors() -> Iterator[int]:
    """Lower this process's descriptor limit to 160 above what is open now."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    limit = len(os.listdir("/proc/self/fd")) + 160
    resource.setrlimit(resource.RLIMIT_NOFILE, (limit, hard))
    try:
        yield limit
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def _hold(qtbot: QtBot, name: str, count: int) -> list[socket.socket]:
    """Connect `count` silent clients from a thread while the app's loop accepts them."""
    held: list[socket.socket] = []

    def connect_all() -> None:
        for _ in range(count):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(name)
            held.append(sock)

    thread = threading.Thread(target=connect_all)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    thread.join()
    return held


def _answered(sock: socket.socket) -> bool:
    try:
        return bool(sock.recv(4096, socket.MSG_PEEK | socket.MSG_DONTWAIT))
    except BlockingIOError:
        return False


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors in /proc")
def test_held_connections_cannot_exhaust_the_app_or_close_its_socket(
    server: IpcServer, data_dir: Path, qtbot: QtBot, few_descriptors: int
) -> None:
    held = _hold(qtbot, server.name, 100)  # silent clients, each costing the app a descriptor
    try:
        turned_away = 100 - MAX_CLIENTS
        qtbot.waitUntil(lambda: sum(map(_answered, held)) == turned_away)
        assert server.client_count() == MAX_CLIENTS
        assert Path(server.name).exists()
    finally:
        for sock in held:
            sock.close()
    qtbot.waitUntil(lambda: server.client_count() == 0)
    assert ask(qtbot, data_dir, {"cmd": "echo", "text": "still here"}) == {
        "v": 1,
        "ok": True,
        "text": "still here",
    }


def test_a_silent_client_is_dropped_after_the_idle_time(
    server: IpcServer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection that never says anything must not keep its descriptor for ever."""
    monkeypatch.setattr(ipc_server, "CLIENT_IDLE_MS", 50)  # read when a client connects
    [silent] = _hold(qtbot, server.name, 1)
    qtbot.waitUntil(lambda: server.client_count() == 1)
    qtbot.waitUntil(lambda: server.client_count() == 0, timeout=5_000)
    silent.settimeout(5)
    assert silent.recv(1) == b""  # closed by the app
    silent.close()


def test_a_client_over_the_limit_is_told_the_app_is_busy(
    server: IpcServer, data_dir: Path, qtbot: QtBot
) -> None:
    held = _hold(qtbot, server.name, MAX_CLIENTS)
    try:
        qtbot.waitUntil(lambda: server.client_count() == MAX_CLIENTS)
        reply = ask(qtbot, data_dir, {"cmd": "echo", "text": "one too many"})
        assert reply is not None
        assert reply["busy"] is True
        assert reply["ok"] is False
    finally:
        for sock in held:
            sock.close()


def test_an_add_the_busy_app_turned_away_is_saved_directly(
    server: IpcServer, data_dir: Path, qtbot: QtBot
) -> None:
    held = _hold(qtbot, server.name, MAX_CLIENTS)
    try:
        qtbot.waitUntil(lambda: server.client_count() == MAX_CLIENTS)
        done: list[subprocess.CompletedProcess[str]] = []
        command = [sys.executable, "-m", "smallwins_desktop", "add", "Saved despite the crowd"]
        thread = threading.Thread(
            target=lambda: done.append(subprocess.run(command, capture_output=True, text=True))
        )
        thread.start()
        qtbot.waitUntil(lambda: not thread.is_alive(), timeout=30_000)
    finally:
        for sock in held:
            sock.close()
    [result] = done
    assert result.returncode == 0, result.stderr
    with open_store(data_dir) as store:
        assert [w.text for w in queries.list_wins(store, since=date(2000, 1, 1))] == [
            "Saved despite the crowd"
        ]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts descriptors in /proc")
def test_the_socket_listens_again_after_the_app_ran_out_of_descriptors(
    server: IpcServer, data_dir: Path, qtbot: QtBot, few_descriptors: int
) -> None:
    files = []
    try:
        while True:  # use up every descriptor, as a leak elsewhere in the app would
            files.append(os.open(os.devnull, os.O_RDONLY))
    except OSError:
        pass
    os.close(files.pop())  # room for one client socket, none for the app's accept()
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(server.name)
    qtbot.waitUntil(lambda: not Path(server.name).exists())  # Qt closed the server
    client.close()
    for fd in files:
        os.close(fd)

    server.check_listening()  # what the watchdog timer does every few seconds

    assert Path(server.name).exists()
    assert ask(qtbot, data_dir, {"cmd": "ping"}) == {"v": 1, "ok": True}


# The other user's programs import what they need, then drop to that user: the test's own
# Python lives where that user may not read.
_FOREIGN_LISTENER = """
import os, socket, sys
os.setgid(65534); os.setuid(65534)
sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.bind(sys.argv[1])
sock.listen(1)
print("ready", flush=True)
conn, _ = sock.accept()
conn.settimeout(2)
try:
    data = conn.recv(65536)
except socket.timeout:
    data = b""
print(len(data), flush=True)
"""


@as_root
def test_the_client_tells_nothing_to_a_listener_running_as_another_user(data_dir: Path) -> None:
    name = ipc.socket_name(data_dir)
    directory = Path(name).parent
    paths.ensure_private_dir(directory)
    directory.chmod(0o777)  # only for the other user to bind; closed again before we send
    listener = subprocess.Popen(
        [sys.executable, "-c", _FOREIGN_LISTENER, name],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert listener.stdout is not None
        ready = listener.stdout.readline().strip()
        assert ready == "ready", ready or listener.communicate(timeout=10)[1]
        directory.chmod(0o700)

        assert ipc.request(data_dir, {"cmd": "add", "text": "private"}, timeout=1) is None

        out, _ = listener.communicate(timeout=10)
        assert out.strip() == "0", "the other user's listener received bytes"
    finally:
        listener.kill()
        listener.wait()


_FOREIGN_CLIENT = """
import json, os, socket, sys
os.setgid(65534); os.setuid(65534)
sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
sock.connect(sys.argv[1])
sock.settimeout(5)
try:  # the app may hang up before the line is even sent: that too is unanswered
    sock.sendall(json.dumps({"v": 1, "cmd": "echo", "text": "from another user"}).encode() + b"\\n")
    reply = sock.recv(65536)
    print(repr(reply) if reply else "closed", flush=True)
except (ConnectionResetError, BrokenPipeError):
    print("closed", flush=True)
"""


@as_root
def test_the_app_ignores_a_client_running_as_another_user(
    server: IpcServer, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    """Should the 0700 directory ever fail (a wrong mode, a bind mount), the peer check holds."""
    directory = Path(server.name).parent
    directory.chmod(0o711)
    os.chmod(server.name, 0o777)
    client = subprocess.Popen(
        [sys.executable, "-c", _FOREIGN_CLIENT, server.name],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        qtbot.waitUntil(lambda: client.poll() is not None, timeout=10_000)
        out, err = client.communicate()
        assert out.strip() == "closed", (out, err)  # unanswered
        assert (
            "refused a connection: the other end of the socket runs as another user (uid 65534)"
            in caplog.text
        )
    finally:
        directory.chmod(0o700)


@pytest.mark.skipif(os.name == "nt", reason="POSIX runtime dirs")
@pytest.mark.parametrize("made_by_others", ["open to all", pytest.param("owned", marks=as_root)])
def test_without_a_runtime_dir_a_predictable_fallback_made_by_others_is_refused(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    made_by_others: str,
) -> None:
    temp = Path(tempfile.mkdtemp(prefix="sw-"))  # short: a socket path has ~100 bytes
    request.addfinalizer(lambda: shutil.rmtree(temp))
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)  # re-read TMPDIR
    name = ipc.socket_name(data_dir)
    assert Path(name).is_relative_to(temp)
    fallback = temp / f"runtime-{os.getuid()}"  # the name anyone can guess, and make first
    fallback.mkdir()
    if made_by_others == "owned":
        fallback.chmod(0o700)
        os.chown(fallback, NOBODY, NOBODY)
    else:
        fallback.chmod(0o777)
    name = ipc.socket_name(data_dir)

    with pytest.raises(ipc.UnsafeSocketDirError):
        ipc.prepare_socket_dir(name)
    assert ipc.request(data_dir, {"cmd": "ping"}, timeout=1) is None

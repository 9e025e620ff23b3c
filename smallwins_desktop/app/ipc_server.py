"""The running app's end of the single-instance socket (`ipc.py` is the protocol).

Each connection sends one JSON object per line and gets one back. Commands are handled by
callables the composition root passes in; a bad message is answered with an error and never
reaches them, and nothing a client sends can crash the app.

Nobody can take the socket away either: a peer running as another user is dropped unheard
(Linux), at most `MAX_CLIENTS` connections are kept and a silent one is closed after
`CLIENT_IDLE_MS`, so held connections cannot use up the app's file descriptors; and should
the server still close (it does on any failed `accept`), a watchdog listens again.

On Unix the socket is `local_socket.LocalServer` (a plain Unix socket on Qt's loop, so the
idle app does not load QtNetwork for it); on Windows, QLocalServer's named pipe.
"""

from __future__ import annotations

import logging
import os
import socket as pysocket
import sys
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer

from smallwins_desktop import ipc

if sys.platform == "win32":
    from PySide6.QtNetwork import QLocalServer as LocalServer
    from PySide6.QtNetwork import QLocalSocket as LocalSocket
else:
    from smallwins_desktop.app.local_socket import LocalServer, LocalSocket

log = logging.getLogger(__name__)

# A live instance answers a ping at once; one that does not within this is taken as gone.
PROBE_TIMEOUT_S = 2.0
MAX_CLIENTS = 16  # a client sends one line and goes; more at once is someone holding them
CLIENT_IDLE_MS = 10_000
WATCHDOG_MS = 5_000

Handler = Callable[[dict[str, Any]], dict[str, Any]]


class IpcServer(QObject):
    """Listens on the per-user socket and dispatches commands; every refusal is logged."""

    def __init__(
        self,
        name: str,
        handlers: Mapping[str, Handler],
        parent: QObject | None = None,
        *,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        """`prepare`, if given, runs before each request is handled (the app finishes its
        start-up there when a request comes before it did; `add_handlers` then adds the
        commands it can answer)."""
        super().__init__(parent)
        self._name = name
        self._handlers = {"ping": lambda _: {"ok": True}, **handlers}
        self._prepare = prepare
        self._server = LocalServer(self)
        if sys.platform == "win32":  # a Unix LocalServer is always the user's alone
            self._server.setSocketOptions(LocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._clients: set[LocalSocket] = set()
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(WATCHDOG_MS)
        self._watchdog.timeout.connect(self.check_listening)

    def add_handlers(self, handlers: Mapping[str, Handler]) -> None:
        self._handlers.update(handlers)

    @property
    def listening(self) -> bool:
        return bool(self._server.isListening())

    @property
    def name(self) -> str:
        return self._name

    def listen(self) -> bool:
        """Start listening; False when another instance already answers on this name.

        A socket file is removed only when nobody answers on it (left by a crashed
        instance): removing a live server's socket would let two apps run side by side.
        """
        try:
            ipc.prepare_socket_dir(self._name)
        except ipc.UnsafeSocketDirError as error:
            log.error("%s", error)
            return False
        if ipc.is_alive(self._name, timeout=PROBE_TIMEOUT_S):
            log.warning("another Small Wins already listens on %s", self._name)
            return False
        LocalServer.removeServer(self._name)
        if not self._server.listen(self._name):
            log.error("cannot listen on %s: %s", self._name, self._server.errorString())
            return False
        self._watchdog.start()
        return True

    def close(self) -> None:
        """Stop listening and hang up on every client still connected."""
        self._watchdog.stop()
        self._server.close()
        for socket in list(self._clients):
            socket.abort()  # `disconnected` drops it from the set

    def client_count(self) -> int:
        return len(self._clients)

    def check_listening(self) -> None:
        """Listen again if the server closed behind our back (a failed `accept`, e.g.
        when the process ran out of file descriptors, closes it and removes the file), or if
        its file was removed (a cleaner of old files in /tmp, say): either way a `capture`
        would no longer find the app, and would start a second one."""
        if self._server.isListening() and not self._socket_file_gone():
            return
        if self._server.isListening():
            log.error("the single-instance socket's file was removed; listening again")
            self._server.close()
        else:
            log.error(
                "the single-instance socket stopped listening (%s); listening again",
                self._server.errorString(),
            )
        if not self.listen():
            log.error("cannot listen on %s again; will retry", self._name)
            self._watchdog.start()

    def _socket_file_gone(self) -> bool:
        return sys.platform != "win32" and not os.path.exists(self._name)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if not self._peer_is_us(socket):
                socket.abort()
                socket.deleteLater()
                continue
            if len(self._clients) >= MAX_CLIENTS:
                log.warning("%d clients connected at once; refusing another", MAX_CLIENTS)
                busy = {"ok": False, "busy": True, "error": "busy: too many connections"}
                socket.disconnected.connect(socket.deleteLater)  # first: a write may hang up
                socket.write(ipc.encode(busy))
                socket.disconnectFromServer()  # after the reply is written, unlike abort()
                continue
            self._clients.add(socket)
            idle = QTimer(socket)
            idle.setSingleShot(True)
            idle.setInterval(CLIENT_IDLE_MS)
            idle.timeout.connect(self._close_idle)  # the timer is the socket's child
            idle.start()
            socket.readyRead.connect(lambda s=socket, t=idle: self._read(s, t))
            socket.disconnected.connect(lambda s=socket: self._drop(s))

    def _close_idle(self) -> None:
        """A client that sent nothing for `CLIENT_IDLE_MS`: hang up on it.

        Found through the timer (`sender()`) rather than a lambda holding the socket: a
        lambda outliving the socket it held crashed PySide6 at times when both went."""
        timer = self.sender()
        socket = timer.parent() if timer is not None else None
        if isinstance(socket, LocalSocket):
            log.info("closed a connection that sent nothing for %d ms", CLIENT_IDLE_MS)
            socket.abort()

    def _drop(self, socket: LocalSocket) -> None:
        self._clients.discard(socket)
        socket.deleteLater()

    def _peer_is_us(self, socket: LocalSocket) -> bool:
        descriptor = int(socket.socketDescriptor())
        if descriptor < 0:
            return True  # not a Unix socket (a Windows pipe); the pipe's ACL guards it
        try:
            with pysocket.fromfd(descriptor, pysocket.AF_UNIX, pysocket.SOCK_STREAM) as peer:
                ipc.check_peer(peer)
        except ipc.UnsafePeerError as error:
            log.warning("refused a connection: %s", error)
            return False
        except OSError as error:
            log.warning("cannot tell who connected (%s); refused", error)
            return False
        return True

    def _read(self, socket: LocalSocket, idle: QTimer) -> None:
        idle.start()  # it is talking: restart the idle clock
        while socket.canReadLine():
            line = bytes(socket.readLine().data())
            socket.write(ipc.encode(self._dispatch(line)))
            socket.flush()
        if socket.bytesAvailable() > ipc.MAX_MESSAGE_BYTES:
            socket.write(ipc.encode({"ok": False, "error": "message too long"}))
            socket.disconnectFromServer()

    def _dispatch(self, line: bytes) -> dict[str, Any]:
        try:
            message = ipc.decode(line)
            if self._prepare is not None and message.get("cmd") != "ping":
                self._prepare()  # a ping is answered as it is: alive, whatever is built
            handler = self._handlers.get(str(message.get("cmd")))
            if handler is None:
                raise ipc.ProtocolError(f"unknown command {message.get('cmd')!r}")
            return handler(message)
        except ipc.ProtocolError as error:
            log.warning("refused a request: %s", error)
            return {"ok": False, "error": str(error)}
        except Exception as error:  # a client must never be able to crash the app
            log.exception("IPC command failed")
            return {"ok": False, "error": str(error)}
